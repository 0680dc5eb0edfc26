/**
 * How every outbound call to a platform waits and retries: one Retry-After reading, one
 * backoff, one loop. Posters report `retryAfterMs`; callers decide how many attempts fit.
 */

/**
 * Milliseconds a platform asked us to wait: Retry-After as seconds or an HTTP date, or a JSON
 * body's `retry_after` (Discord), whichever says longer. Undefined when it said nothing usable.
 */
export function retryAfterMs(
  header: string | null | undefined,
  body?: unknown,
  nowMs: number = Date.now(),
): number | undefined {
  const waits: number[] = [];
  if (header) {
    const seconds = Number(header);
    if (header.trim() !== "" && Number.isFinite(seconds) && seconds >= 0)
      waits.push(seconds * 1000);
    else if (/[a-z]/i.test(header)) {
      const at = Date.parse(header);
      if (!Number.isNaN(at)) waits.push(Math.max(0, at - nowMs));
    }
  }
  if (body && typeof body === "object" && "retry_after" in body) {
    const seconds = Number((body as { retry_after: unknown }).retry_after);
    if (Number.isFinite(seconds) && seconds >= 0) waits.push(seconds * 1000);
  }
  return waits.length > 0 ? Math.ceil(Math.max(...waits)) : undefined;
}

/** Exponential backoff with jitter (half fixed, half random), capped at `capMs`. */
export function backoffMs(attempt: number, capMs = 8_000): number {
  const base = Math.min(capMs, 250 * 2 ** Math.max(0, attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; retryable: boolean; retryAfterMs?: number; value: T };

/**
 * Calls `attempt` until it succeeds, fails for good, runs out of attempts or would wait past
 * `budgetMs`; returns the last outcome. `attempt` gets the previous outcome, so a multi-part
 * post resumes where the last one stopped.
 */
export async function withRetries<T>(
  attempt: (previous: T | undefined, n: number) => Promise<Attempt<T>>,
  options: { attempts: number; budgetMs?: number; maxWaitMs?: number },
): Promise<Attempt<T>> {
  const started = Date.now();
  let last: Attempt<T> | undefined;
  for (let n = 1; ; n++) {
    last = await attempt(last?.value, n);
    if (last.ok || !last.retryable || n >= options.attempts) return last;
    const wait = Math.min(last.retryAfterMs ?? backoffMs(n), options.maxWaitMs ?? Infinity);
    if (options.budgetMs !== undefined && Date.now() - started + wait > options.budgetMs)
      return last;
    await sleep(wait);
  }
}
