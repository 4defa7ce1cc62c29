// Maps anything a service throws to the documented error shape. Known
// failures keep their code; unknown ones become a generic 500 with a request
// id, logged in full and never shown raw.
import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { fieldMap } from "@/lib/validation/field-map";
import { isConnectionError } from "@/lib/db/connection-errors";
import { AppError, HTTP_STATUS, UNAVAILABLE_RETRY_AFTER_SECONDS, type ErrorCode } from "./errors";
import { logger } from "../log";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; requestId?: string };
}

export function zodFields(error: ZodError): Record<string, string> {
  const fields = fieldMap();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_root";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The database's code for a failure: Prisma's own (P2002) for its queries, or
 * the SQLSTATE (23505) of a hand-written statement, as node-postgres carries
 * it or as Prisma's driver adapter passes it on.
 */
function failureCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const original = e?.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  return typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
}

const duplicate = () => new AppError("CONFLICT", "A record with the same unique value already exists");
const missingReference = () => new AppError("VALIDATION", "A referenced record does not exist");

/** Constraint failures, whichever way the statement ran: one meaning per constraint. */
const CONSTRAINT_FAILURES: Record<string, () => AppError> = {
  P2025: () => new AppError("NOT_FOUND", "Record not found"),
  P2002: duplicate,
  "23505": duplicate,
  P2003: missingReference,
  "23503": missingReference,
};

/** Whether the failure is a unique violation (Prisma's P2002 or SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return CONSTRAINT_FAILURES[failureCode(error) ?? ""] === duplicate;
}

/** A unique violation on `column` as a CONFLICT naming the field; null for any other failure. */
export function uniqueFieldConflict(error: unknown, column: string, message: string): AppError | null {
  return isUniqueViolation(error) && String((error as Error)?.message).includes(column) ? new AppError("CONFLICT", message, { [column]: message }) : null;
}

/** A constraint failure in the error vocabulary, or null when it is none. */
export function constraintFailure(error: unknown): AppError | null {
  const code = failureCode(error);
  return code && Object.hasOwn(CONSTRAINT_FAILURES, code) ? CONSTRAINT_FAILURES[code]() : null;
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError("VALIDATION", "Some fields are invalid", zodFields(error));
  const constraint = constraintFailure(error);
  if (constraint) return constraint;
  if (isConnectionError(error)) return new AppError("UNAVAILABLE", "The database is unavailable; try again shortly", undefined, UNAVAILABLE_RETRY_AFTER_SECONDS);
  return null;
}

export function errorResponse(
  error: unknown,
  context: { requestId?: string } = {},
): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  const known = toAppError(error);
  // Which connection failure it was (refused, lost, timed out) is worth an operator's line; the client gets the code.
  if (known?.code === "UNAVAILABLE" && !(error instanceof AppError)) {
    logger.warn({ requestId: context.requestId, cause: String((error as Error)?.message ?? error).trim().slice(-300) }, "database unavailable");
  }
  if (known) {
    const body: ErrorBody = { error: { code: known.code, message: known.message } };
    if (known.fields) body.error.fields = known.fields;
    if (context.requestId) body.error.requestId = context.requestId;
    return { status: HTTP_STATUS[known.code], body, retryAfterSeconds: known.retryAfterSeconds ?? (known.code === "UNAVAILABLE" ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined) };
  }
  const requestId = context.requestId ?? randomUUID();
  logger.error({ err: error, requestId }, "unhandled error");
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side", requestId } } };
}
