import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { PYONGYANG } from "../helpers/local-table";
import { type SlackAnswer, type SlackFixture, slackFixture, visibleText } from "./setup";
import { buttonClickBody, commandBody, slackEvent } from "./signed";

describe("Share in channel", () => {
  let slack: FakeSlackApi;
  let f: SlackFixture;
  let n = 0;
  let responseId = "";
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    f = await slackFixture(PYONGYANG, {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await f.close();
    await slack.close();
  });
  beforeEach(() => {
    responseId = `r${++n}`;
  });

  async function ask(text: string): Promise<SlackAnswer> {
    const res = await f.handler(slackEvent(commandBody(text)));
    expect(res.statusCode).toBe(200);
    return JSON.parse(res.body) as SlackAnswer;
  }

  async function clickShare(answer: SlackAnswer, channel = "C0001") {
    const share = answer.blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "share");
    expect(share?.value).toBeDefined();
    const res = await f.handler(
      slackEvent(
        buttonClickBody({
          actionId: "share",
          value: share?.value ?? "",
          responseUrl: slack.responseUrl(responseId),
          channel,
        }),
      ),
    );
    expect(res.statusCode).toBe(200);
  }

  it("posts the same answer publicly, says who shared it, and removes the private copy", async () => {
    const answer = await ask("itinerary 2");
    const before = slack.posts().length;
    await clickShare(answer);
    const posts = slack.posts().slice(before);
    expect(posts).toHaveLength(1);
    const post = posts[0]?.body as unknown as SlackAnswer & { channel: string };
    expect(post.channel).toBe("C0001");
    expect(slack.posts().at(-1)?.headers.authorization).toBe("Bearer xoxb-test");
    expect(post.blocks[0]?.text?.text).toBe(answer.blocks[0]?.text?.text);
    const shown = visibleText(post);
    expect(shown).toContain("Shared by ana");
    // The itinerary lines the reader saw privately are what the channel sees.
    const privateLines = visibleText(answer)
      .split("\n")
      .filter((l) => l.startsWith("•"));
    for (const line of privateLines) expect(shown).toContain(line);
    expect(post.blocks.some((b) => b.type === "actions")).toBe(false);
    expect(slack.responses(responseId)).toEqual([{ delete_original: true }]);
  });

  it("falls back to the command's response_url when the bot is not in the channel", async () => {
    slack.schedule({ kind: "slackError", error: "not_in_channel", to: "chat.postMessage" });
    await clickShare(await ask("when"), "G0PRIVATE");
    const [shared, cleanup] = slack.responses(responseId);
    expect(shared?.response_type).toBe("in_channel");
    expect(visibleText(shared as unknown as SlackAnswer)).toContain("Shared by ana");
    expect(cleanup).toEqual({ delete_original: true });
  });

  it("tells the reader privately when Slack cannot take the answer", async () => {
    // A 5xx is retried inside Slack's 3 seconds: this one lasts for every attempt.
    const failure = { kind: "serverError", to: "chat.postMessage" } as const;
    slack.schedule(failure, failure, failure);
    const posted = slack.posts().length;
    await clickShare(await ask("where"));
    expect(slack.posts().length).toBe(posted);
    // Not re-sent through response_url: after a 5xx the post may have landed after all.
    const responses = slack.responses(responseId);
    expect(responses).toHaveLength(1);
    expect(responses[0]?.response_type).toBe("ephemeral");
    expect(String(responses[0]?.text)).toMatch(/could not be shared/);
  });

  it("ignores a click whose button value is not one of ours", async () => {
    const before = slack.calls.length;
    const res = await f.handler(
      slackEvent(
        buttonClickBody({
          actionId: "share",
          value: "{oops",
          responseUrl: slack.responseUrl(responseId),
        }),
      ),
    );
    expect(res.statusCode).toBe(200);
    expect(slack.calls.length).toBe(before);
  });
});
