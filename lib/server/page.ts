// Pages read through services that refuse with an AppError; forPage turns the
// refusals a page can show into Next.js's own pages, the way apiRoute and
// serverAction turn them into the error shape: NOT_FOUND (missing, or not
// visible to the actor) is the 404 page, FORBIDDEN the 403 page. Anything
// else goes on to the error boundary and the request's error log.
import { forbidden, notFound } from "next/navigation";
import { AppError } from "./errors";

export async function forPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
