import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OutsideFixture, outsideFixture } from "../helpers/outside-trips";

/**
 * What the handlers write when the platforms fail them (429, 5xx, timeouts, connections dropped
 * after the work was done) and when requests are forged or malformed: never a token, a signing
 * secret, a reader's id or a whole request body.
 */

const TRIP = `
id: logs-trip
name: Logs trip
timeZone: Australia/Adelaide
organisers: { slack: [UORGSECRET1], discord: ["900111222333"] }
event: { name: Run, start: 2027-04-04 07:00, startPlace: { name: Square } }
faq:
  - { id: pack, question: What should I pack?, answer: Running shoes and a hat. }
itinerary:
  - { id: run, start: 2027-04-04 07:00, title: Run start }
`;

/** What must never reach a log line. */
const SECRETS = [
  "xoxb-outside",
  "outside-bot-token",
  "outside-signing-secret",
  "UREADERSECRET7",
  "UORGSECRET1",
  "555666777888",
  "What should I pack? reader words",
];

let f: OutsideFixture;
let written: string[];
const restore: (() => void)[] = [];

beforeAll(async () => {
  written = [];
  for (const stream of [process.stdout, process.stderr]) {
    const spy = vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    });
    restore.push(() => spy.mockRestore());
  }
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const spy = vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      written.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
    restore.push(() => spy.mockRestore());
  }
  f = await outsideFixture([TRIP], new Date("2027-04-03T10:00:00Z"));
});

afterAll(async () => {
  await f?.close();
  for (const r of restore) r();
});

/** A job after the response may fail here on purpose (the platform refused it); go on. */
const settled = (p: Promise<unknown>) => p.catch(() => undefined);

describe("logs when the platforms fail and requests are bad", () => {
  it("name no token, secret, reader or request text", async () => {
    const reader = { user: "UREADERSECRET7" };
    const answer = await f.slack("faq What should I pack? reader words", reader);
    expect(answer.statusCode).toBe(200);
    const share = answer.body.blocks
      .flatMap((b) => (b as { elements?: { action_id?: string; value?: string }[] }).elements ?? [])
      .find((e) => e.action_id === "share");
    // Slack fails every way it can while the answer is shared and the FAQ posted.
    f.slackApi.schedule(
      { kind: "serverError" },
      { kind: "rateLimit", retryAfterSeconds: 1 },
      { kind: "drop" },
      { kind: "dropAfter" },
      { kind: "slackError", error: "invalid_auth" },
      { kind: "errorAfter" },
    );
    await settled(f.slackShare(share?.value ?? "", reader));
    await settled(f.slack("faq post", { user: "UORGSECRET1" }));
    await settled(f.slack("calendar", reader));
    await settled(f.idle());
    // Discord too, for a share and a deferred FAQ post.
    for (const fault of [
      { kind: "server-error" as const },
      { kind: "drop-after" as const },
      { kind: "rate-limit" as const, retryAfter: 1 },
      { kind: "drop" as const },
    ]) {
      f.discordApi.fault(fault);
    }
    await settled(f.discord("faq", "What should I pack? reader words", { user: "555666777888" }));
    await settled(f.discordClick("share:faq:What should I pack? reader words"));
    await settled(f.discord("faq", "post", { user: "900111222333" }));
    await settled(f.idle());
    // Forged and malformed requests are refused quietly.
    await settled(f.slack("when", { ...reader, channel: "\u0000".repeat(5) }));
    const lines = written.join("\n");
    expect(lines.length, "the failures were logged").toBeGreaterThan(0);
    for (const secret of SECRETS) expect(lines, secret).not.toContain(secret);
  }, 60_000);
});
