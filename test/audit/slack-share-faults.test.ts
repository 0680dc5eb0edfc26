import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OutsideFixture, outsideFixture } from "../helpers/outside-trips";

// "Share in channel" on Slack when chat.postMessage answers 429 with Retry-After, or drops the
// connection after Slack posted. Read as the member sees it: the channel, and the private
// notice Slack shows the member who clicked.

const TRIP = `
id: lisbon-half
name: Lisbon half marathon
timeZone: Europe/Lisbon
event: { name: Lisbon half, start: 2027-03-28 09:00, startPlace: { name: Ponte 25 de Abril } }
itinerary:
  - { id: arrive, start: 2027-03-27 15:00, title: Arrival }
  - { id: race, start: 2027-03-28 09:00, title: Race start }
`;

describe("Slack: Share in channel when Slack's Web API fails", () => {
  let fx: OutsideFixture;
  let share = "";
  beforeAll(async () => {
    fx = await outsideFixture([TRIP], new Date("2027-03-20T10:00:00Z"));
    const { body } = await fx.slack("when");
    const buttons = body.blocks.flatMap(
      (b) => (b.elements ?? []) as { action_id?: string; value?: string }[],
    );
    share = buttons.find((e) => e.action_id === "share")?.value ?? "";
    expect(share).not.toBe("");
  });
  beforeEach(() => {
    fx.slackApi.calls.length = 0;
  });
  afterAll(() => fx.close());

  /** What the clicking member is told privately, and how many posts reached the channel. */
  const click = async () => {
    const before = fx.slackApi.posts().length;
    expect(await fx.slackShare(share)).toBe(200);
    const notices = fx.slackApi.calls
      .filter((c) => c.target === "response")
      .map((c) => c.body as { text?: string; delete_original?: boolean });
    return { posted: fx.slackApi.posts().length - before, notices };
  };

  it("a 429 with a short Retry-After: waits, posts once, and removes the private copy", async () => {
    fx.slackApi.schedule({ kind: "rateLimit", retryAfterSeconds: 0.2, to: "chat.postMessage" });
    const { posted, notices } = await click();
    expect(posted).toBe(1);
    expect(notices).toEqual([{ delete_original: true }]);
  });

  it("a connection dropped after Slack posted: found in the channel, not posted again, the private copy removed", async () => {
    fx.slackApi.schedule({ kind: "dropAfter", to: "chat.postMessage" });
    const { posted, notices } = await click();
    expect(posted).toBe(1);
    expect(notices).toEqual([{ delete_original: true }]);
  });

  it("dropped after Slack posted, and Slack cannot list the channel: the member is told it may be there", async () => {
    fx.slackApi.schedule(
      { kind: "dropAfter", to: "chat.postMessage" },
      { kind: "serverError", to: "conversations.history" },
    );
    const { posted, notices } = await click();
    expect(posted).toBe(1);
    const said = notices.map((n) => n.text ?? "").join("\n");
    expect(said).toMatch(/may already be in the channel/i);
  });

  it("a 429 asking for longer than Slack's 3 seconds allow: nothing posted, the member may simply try again", async () => {
    fx.slackApi.schedule({ kind: "rateLimit", retryAfterSeconds: 30, to: "chat.postMessage" });
    const { posted, notices } = await click();
    expect(posted).toBe(0);
    const said = notices.map((n) => n.text ?? "").join("\n");
    expect(said).toMatch(/could not be shared just now\. Please try again/);
    expect(said).not.toMatch(/may already be/);
  });
});
