import { describe, expect, it } from "vitest";
import { noChatChanges } from "../helpers/no-chat-changes";
import { slackHandler } from "./setup";
import { buttonClickBody, commandBody, SECRET, slackEvent } from "./signed";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A bot that answers everything: what is tested here is the endpoint in front of it. */
const handler = slackHandler({
  env: { SLACK_SIGNING_SECRET: SECRET, TABLE_NAME: "unused" },
  bot: () => ({
    answer: async () => ({ title: "Hi", blocks: [], buttons: [], visibility: "private" }),
    suggest: async () => [],
    ...noChatChanges,
  }),
});

const form = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const json = (body: unknown) =>
  slackEvent(JSON.stringify(body), { contentType: "application/json" });

const click = JSON.parse(
  new URLSearchParams(
    buttonClickBody({
      actionId: "share",
      value: JSON.stringify({ c: "/marathon", t: "when" }),
      responseUrl: "http://127.0.0.1:9/actions/1",
    }),
  ).get("payload") as string,
) as { [key: string]: Json };

/** Wrong values for one field: gone, null, another type, empty, absurd. */
const WRONG: (Json | undefined)[] = [undefined, null, 0, true, "", [], {}, "x".repeat(3000)];

/** Every path to a field of `value` ("user", "user.id", "actions.0.value"…). */
function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key],
    ...paths(child, [...prefix, key]),
  ]);
}

/** A deep copy of `value` with the field at `path` set to `wrong` (or removed). */
function withField(value: Json, path: string[], wrong: Json | undefined): Json {
  const copy = structuredClone(value) as { [key: string]: Json };
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  const last = path[path.length - 1] as string;
  if (wrong === undefined) delete parent[last];
  else parent[last] = wrong;
  return copy;
}

describe("Slack endpoint: signed bodies that are not what the app handles", () => {
  it("answers the shapes Slack's users reported with 400, not Bolt's 500", async () => {
    const reported = [
      slackEvent(form({ type: "block_actions", actions: [] })),
      slackEvent(form(withField(click, ["user"], undefined))),
      slackEvent(form(withField(click, ["channel"], null))),
      slackEvent(form(withField(click, ["actions"], null))),
      json({ name: "  " }),
    ];
    for (const event of reported) {
      const res = await handler(event);
      expect(res.statusCode, event.body).toBe(400);
    }
  });

  it("answers a form with a field given twice with 400, not Bolt's 404", async () => {
    for (const twice of [
      "text=rules",
      "command=%2Fmarathon",
      `payload=${encodeURIComponent("{}")}`,
    ]) {
      const res = await handler(slackEvent(`${commandBody("when")}&${twice}`));
      expect(res.statusCode, twice).toBe(400);
    }
  });

  it("still answers a well-formed command and click", async () => {
    expect((await handler(slackEvent(commandBody("when")))).statusCode).toBe(200);
    expect((await handler(slackEvent(form(click)))).statusCode).toBe(200);
  });

  it("never answers a malformed-but-signed body with a 5xx", async () => {
    const command = Object.fromEntries(new URLSearchParams(commandBody("when"))) as {
      [key: string]: Json;
    };
    const asForm = (fields: Json) =>
      new URLSearchParams(
        Object.entries(fields as object).map(([k, v]): [string, string] => [
          k,
          typeof v === "string" ? v : JSON.stringify(v),
        ]),
      ).toString();
    const events = [
      // Every field of a button click, and of each object in it, wrong in every way.
      ...paths(click).flatMap((path) =>
        WRONG.map((wrong) => slackEvent(form(withField(click, path, wrong)))),
      ),
      // Every field of a slash command, wrong in every way a form can carry.
      ...paths(command).flatMap((path) =>
        WRONG.map((wrong) => slackEvent(asForm(withField(command, path, wrong)))),
      ),
      // Payloads of kinds the app does not listen to, and payloads that are not objects.
      ...[
        "view_submission",
        "shortcut",
        "message_action",
        "block_suggestion",
        "interactive_message",
      ].map((type) => slackEvent(form({ ...click, type }))),
      ...[null, 5, "block_actions", [click], { type: null }].map((p) => slackEvent(form(p))),
      slackEvent(form({ ...click, actions: [click.actions, click.actions].flat() })),
      // JSON bodies: events the app does not subscribe to, and junk.
      ...[
        { name: "  " },
        { type: "event_callback", event: null },
        { type: "event_callback", event: { type: "app_mention" } },
        { type: "url_verification" },
        { type: "url_verification", challenge: { a: 1 } },
        { type: "block_actions", actions: [] },
        {},
      ].map(json),
    ];
    expect(events.length).toBeGreaterThan(50);
    const answered: number[] = [];
    for (const event of events) {
      const res = await handler(event);
      expect(res.statusCode, event.body).toBeLessThan(500);
      answered.push(res.statusCode);
    }
    // The batch holds both: fields Slack may leave out (still answered) and real junk (400).
    expect(answered).toContain(200);
    expect(answered).toContain(400);
    await handler.idle();
  });
});
