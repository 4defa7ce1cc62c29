// The import's background jobs: the dry run or import of a file, and undo.
// One at a time per import (groupKey import:<id>). A graceful stop (shutdown)
// saves the progress and the next attempt resumes; when the attempts run out
// the import is marked FAILED with the reason.
import { prisma } from "@/lib/db";
import { defineJob, type JobDefinition } from "../jobs/definitions";
import { IMPORT_JOB, runImportJob, type ImportJobPayload } from "./run";
import { runUndoJob, UNDO_JOB } from "./undo";

const RETRY = { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

async function markFailed(payload: unknown, error: unknown) {
  const importId = (payload as { importId?: string }).importId;
  if (!importId) return;
  await prisma().import.updateMany({
    where: { id: importId, status: { in: ["QUEUED", "RUNNING", "VALIDATING", "UNDOING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: `Stopped: ${String((error as Error)?.message ?? error).slice(0, 300)}` },
  });
}

export function importJobs(): JobDefinition[] {
  return [
    defineJob({
      kind: IMPORT_JOB,
      retry: RETRY,
      run: (payload, _job, ctx) => runImportJob(payload as ImportJobPayload, ctx.signal),
      onGiveUp: (payload, _job, error) => markFailed(payload, error),
    }),
    defineJob({
      kind: UNDO_JOB,
      retry: RETRY,
      run: (payload) => runUndoJob(payload as { importId: string }),
      onGiveUp: (payload, _job, error) => markFailed(payload, error),
    }),
  ];
}
