import { describe, expect, it } from "vitest";
import { retryAfterMs, withRetries } from "../bot/retry";

describe("Retry-After", () => {
  it("reads seconds, an HTTP date and Discord's retry_after, taking the longest", () => {
    expect(retryAfterMs("65")).toBe(65_000);
    expect(retryAfterMs("0.25")).toBe(250);
    const now = Date.parse("2025-04-06T00:00:00Z");
    expect(retryAfterMs("Sun, 06 Apr 2025 00:00:30 GMT", undefined, now)).toBe(30_000);
    expect(retryAfterMs("1", { retry_after: 2.5 })).toBe(2_500);
    expect(retryAfterMs(null, { retry_after: 0.4 })).toBe(400);
  });

  it("ignores what is not a wait", () => {
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("")).toBeUndefined();
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs("-3")).toBeUndefined();
    expect(retryAfterMs(undefined, { retry_after: "x" })).toBeUndefined();
  });
});

describe("withRetries", () => {
  it("stops at success, at a failure for good, and after the last attempt", async () => {
    let calls = 0;
    const ok = await withRetries(
      async () =>
        ++calls < 3
          ? { ok: false, retryable: true, retryAfterMs: 1, value: calls }
          : { ok: true, value: calls },
      { attempts: 5 },
    );
    expect(ok).toEqual({ ok: true, value: 3 });
    calls = 0;
    const refused = await withRetries(
      async () => ({ ok: false, retryable: false, value: ++calls }),
      { attempts: 5 },
    );
    expect(refused.value).toBe(1);
    calls = 0;
    const exhausted = await withRetries(
      async () => ({ ok: false, retryable: true, retryAfterMs: 1, value: ++calls }),
      { attempts: 2 },
    );
    expect(exhausted).toMatchObject({ ok: false, value: 2 });
  });

  it("does not wait past its budget", async () => {
    let calls = 0;
    const last = await withRetries(
      async () => ({ ok: false, retryable: true, retryAfterMs: 60_000, value: ++calls }),
      { attempts: 5, budgetMs: 1_000 },
    );
    expect(last.value).toBe(1);
  });
});
