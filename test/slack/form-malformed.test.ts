import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../bot/reply";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { pressBody, submissionBody } from "./flows";
import { slackHandler } from "./setup";
import { SECRET, slackEvent } from "./signed";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const WRONG: (Json | undefined)[] = [undefined, null, 0, true, "", [], {}, "x".repeat(4000)];

function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key],
    ...paths(child, [...prefix, key]),
  ]);
}

function withField(value: Json, path: string[], wrong: Json | undefined): Json {
  const copy = structuredClone(value) as { [key: string]: Json };
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  const last = path[path.length - 1] as string;
  if (wrong === undefined) delete parent[last];
  else parent[last] = wrong;
  return copy;
}

const payloadOf = (body: string) =>
  JSON.parse(new URLSearchParams(body).get("payload") as string) as { [key: string]: Json };
const form = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

const view = {
  callback_id: "trip_form",
  private_metadata: JSON.stringify({ f: "upload", c: "C0001" }),
  title: { text: "Upload a trip file" },
  blocks: [
    {
      type: "input",
      block_id: "file",
      label: { text: "Trip file (YAML)" },
      element: { type: "file_input", action_id: "file" },
    },
    {
      type: "input",
      block_id: "title",
      label: { text: "Title" },
      element: { type: "plain_text_input", action_id: "title", initial_value: "x" },
    },
  ],
};

describe("Slack endpoint: modal submissions and Confirm/Cancel clicks that are not what Slack sends", () => {
  let slack: FakeSlackApi;
  let handler: ReturnType<typeof slackHandler>;
  const said: Reply = { title: "Hi", blocks: [], buttons: [], visibility: "private" };
  // Everything points at the stand-in: the jobs these requests start never leave 127.0.0.1.
  let submission: { [key: string]: Json };
  let click: { [key: string]: Json };
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    const file = slack.hostFile({ name: "ny.yaml", text: "id: x\n" });
    submission = payloadOf(submissionBody(view as never, { user: "U0001", file }));
    const responseUrl = slack.responseUrl("x");
    click = payloadOf(pressBody({ actionId: "confirm", value: "p1", user: "U0001", responseUrl }));
    handler = slackHandler({
      env: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_API_URL: slack.apiUrl,
        TABLE_NAME: "unused",
      },
      bot: () => ({
        answer: async () => said,
        suggest: async () => [],
        submitFile: async () => said,
        submitForm: async () => said,
        press: async () => said,
      }),
    });
  });
  afterAll(() => slack.close());

  it("answers the shapes Bolt would throw on with 400", async () => {
    for (const bad of [
      withField(submission, ["view", "state"], undefined),
      withField(submission, ["view"], null),
      withField(submission, ["user"], undefined),
      withField(submission, ["view", "state", "values", "file", "file", "files"], [{ id: 1 }]),
      withField(click, ["actions", "0", "value"], ""),
      withField(submission, ["response_urls"], null),
    ]) {
      const res = await handler(slackEvent(form(bad)));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it("never answers a malformed-but-signed submission or click with a 5xx", async () => {
    const events = [
      ...paths(submission).flatMap((path) =>
        WRONG.map((wrong) => slackEvent(form(withField(submission, path, wrong)))),
      ),
      ...paths(click).flatMap((path) =>
        WRONG.map((wrong) => slackEvent(form(withField(click, path, wrong)))),
      ),
    ];
    expect(events.length).toBeGreaterThan(100);
    const answered = new Set<number>();
    for (const event of events) {
      const res = await handler(event);
      expect(res.statusCode, event.body).toBeLessThan(500);
      answered.add(res.statusCode);
    }
    expect([...answered].sort()).toEqual([200, 400]);
    await handler.idle();
  });
});
