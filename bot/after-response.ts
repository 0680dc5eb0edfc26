/**
 * Work that must happen after the platform's 3-second answer has left: a long FAQ post, the
 * follow-ups of a long answer. Jobs are plain JSON data, so one implementation may run them in
 * this process (a long-running server, tests) and another hand them to a second invocation of
 * the same Lambda function (in AWS, where a container freezes once the response is returned).
 */
export interface AfterResponse {
  defer(job: unknown): void;
  /** Resolves once deferred jobs are safely handed over; awaited before the response leaves. */
  flush(): Promise<void>;
}

/**
 * A job's time for its posts and their retries: inside the chat functions' 30 s timeout
 * (infra/stack.ts), leaving room for the answer itself. A job that still fails throws, so its
 * invocation counts as failed and lands in the failures queue.
 */
export const JOB_BUDGET_MS = 20_000;

/** The deadline of a job that starts now. */
export const jobDeadline = (): number => Date.now() + JOB_BUDGET_MS;

/** What is left of a job's budget, for `withRetries`. */
export const budgetLeft = (deadline: number): number => Math.max(0, deadline - Date.now());

export type JobRunner = (job: unknown) => Promise<void>;

/** Builds the service for a runner (the platform's `runLater`), once per container. */
export type AfterResponseFactory = (run: JobRunner) => AfterResponse;

/** Runs each job in this process once the response has left; `idle()` waits for all of them. */
export function inProcessAfterResponse(
  run: JobRunner,
  onError: (error: unknown) => void,
): AfterResponse & { idle(): Promise<void> } {
  const pending = new Set<Promise<void>>();
  return {
    defer(job) {
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => run(job))
        .catch(onError)
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async flush() {},
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
