/**
 * A job whose worker died is re-delivered once its lock expires and a stalled-job check runs;
 * WORKER_LOCK_DURATION_MS shortens that for tests of worker crashes. Read at import because
 * BullMQ takes worker options at decoration time.
 */
export const LOCK_DURATION_MS = Number(process.env.WORKER_LOCK_DURATION_MS) || 30_000;
