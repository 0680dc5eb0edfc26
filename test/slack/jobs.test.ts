import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runSlackJob, type SlackCommandJob } from "../../bot/slack/jobs";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { createTelemetry } from "../../bot/telemetry";
import { noChatChanges } from "../helpers/no-chat-changes";

/** A slow command's answer, sent after the acknowledgement through its response_url. */
const bot = {
  answer: async () => ({
    title: "The FAQ is posted",
    blocks: [],
    buttons: [],
    visibility: "public" as const,
  }),
  suggest: async () => [],
  ...noChatChanges,
};

const job = (responseUrl: string): SlackCommandJob => ({
  kind: "slack-command",
  request: {
    command: "faq",
    input: "post",
    user: { id: "UORGANISER" },
    channel: { id: "C1" },
    platform: "slack",
  },
  responseUrl,
  origin: { c: "/marathon", t: "faq post" },
});

describe("a slow Slack command's answer", () => {
  let slack: FakeSlackApi;
  const { logger } = createTelemetry("trip-bot-slack-test");
  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(() => slack.close());

  it("is sent again when Slack refused it for a moment", async () => {
    slack.schedule({ kind: "serverError", to: "response" });
    await runSlackJob(job(slack.responseUrl("again")), { bot, logger });
    const calls = slack.calls.filter((c) => c.responseId === "again");
    expect(calls.map((c) => c.outcome)).toEqual(["serverError", "ok"]);
    expect(slack.responses("again").at(-1)).toMatchObject({ replace_original: true });
  });

  it("fails the job, logging why, when it cannot be sent", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    slack.schedule({ kind: "serverError", status: 404, to: "response" });
    await expect(runSlackJob(job(slack.responseUrl("gone")), { bot, logger })).rejects.toThrow(
      /answer was not sent \(Slack answered 404\)/,
    );
    // A 404 will not change: asked once.
    expect(slack.calls.filter((c) => c.responseId === "gone")).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith("the slow answer could not be sent", {
      reason: "Slack answered 404",
    });
  });
});
