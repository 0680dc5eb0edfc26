import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { COMMANDS, parseCommandText } from "../../bot/commands/registry";
import type { SlackMessage } from "../../bot/slack/blocks";
import { SLACK_LIMITS as L } from "../../bot/slack/limits";
import { renderReply } from "../../bot/slack/render";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import { type SlackAnswer, type SlackFixture, slackFixture, visibleText } from "./setup";
import { buttonClickBody, commandBody, slackEvent } from "./signed";

/** Every way a message could break one of Slack's documented limits. */
function violations(message: SlackMessage | SlackAnswer): string[] {
  const out: string[] = [];
  const m = message as SlackMessage;
  if (m.blocks.length > L.blocksPerMessage) out.push(`${m.blocks.length} blocks`);
  if (m.text.length > L.messageText) out.push(`text of ${m.text.length}`);
  for (const b of m.blocks) {
    if (b.type === "header" && b.text.text.length > L.headerText) out.push("long header");
    if (b.type === "section" && "text" in b && b.text.text.length > L.sectionText)
      out.push(`section of ${b.text.text.length}`);
    if (b.type === "section" && "fields" in b) {
      if (b.fields.length > L.sectionFields) out.push(`${b.fields.length} fields`);
      for (const f of b.fields) if (f.text.length > L.fieldText) out.push("long field");
    }
    if (b.type === "context") {
      if (b.elements.length > L.contextElements) out.push("too many context elements");
      for (const e of b.elements) if (e.text.length > L.contextText) out.push("long context");
    }
    if (b.type === "actions") {
      for (const e of b.elements) {
        if (e.text.text.length > L.buttonText) out.push("long button label");
        if (e.value.length > L.buttonValue) out.push("long button value");
      }
    }
  }
  return out;
}

/** Every question a reader can ask of a trip: each command, day, FAQ entry and rules topic. */
function everyQuestion(f: SlackFixture): string[] {
  return [
    "",
    ...COMMANDS.flatMap((c) => [c.name, ...c.examples]),
    ...f.trip.days.map((d) => `itinerary ${d.number}`),
    ...f.trip.faq.flatMap((q) => [`faq ${q.id}`, `faq ${q.question}`]),
    ...f.trip.rules.map((r) => `rules ${r.topic}`),
  ];
}

/** `responseUrl` takes the answer of a slow command (an organiser's), which comes later. */
async function allMessages(f: SlackFixture, question: string, responseUrl: string) {
  const res = await f.handler(slackEvent(commandBody(question, { response_url: responseUrl })));
  expect(res.statusCode, question).toBe(200);
  const { command, input } = parseCommandText(question);
  const reply = await f.bot.answer({
    command,
    input,
    user: { id: "U1" },
    channel: { id: "C1" },
    platform: "slack",
  });
  return { first: JSON.parse(res.body) as SlackAnswer, all: renderReply(reply) };
}

describe.each([
  ["Pyongyang", PYONGYANG],
  ["New York", NEW_YORK],
])("Slack limits: every answer of the %s trip", (_name, file) => {
  let f: SlackFixture;
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    f = await slackFixture(file);
  });
  afterAll(async () => {
    await f.close();
    await slack.close();
  });

  it("fits every message of every answer in Slack's limits", async () => {
    for (const question of everyQuestion(f)) {
      const { first, all } = await allMessages(f, question, slack.responseUrl("slow"));
      expect(violations(first), question).toEqual([]);
      for (const message of all) expect(violations(message), question).toEqual([]);
    }
  });
});

/** Words that are unique, so a word cut in two would be missing from the rendered text. */
const words = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}word`).join(" ");
const MENTIONS = "<!channel> <!here> <@U0BOSS> @here @everyone & <https://evil.example|click>";

async function synthetic(dir: string): Promise<string> {
  const trip = parse(await readFile(PYONGYANG, "utf8"));
  trip.id = "synthetic-long-trip";
  trip.event.name = `A very long event name ${words("title", 40)}`;
  trip.itinerary = Array.from({ length: 40 }, (_, d) =>
    Array.from({ length: 12 }, (_, h) => ({
      id: `d${d}-i${h}`,
      start:
        `2025-05-${String(1 + (d % 28)).padStart(2, "0")} ${String(6 + h).padStart(2, "0")}:00`.replace(
          "2025-05",
          d < 28 ? "2025-05" : "2025-06",
        ),
      title: `Item ${h} of day ${d} ${MENTIONS}`,
      place: "Somewhere & elsewhere",
      notes: words(`d${d}i${h}n`, 30),
    })),
  ).flat();
  trip.faq.push({
    id: "long",
    question: "What is the longest answer?",
    answer: `${MENTIONS} ${words("faq", 1500)}`,
    keywords: ["longest"],
  });
  trip.rules.push({
    topic: "many",
    title: "Very many rules",
    rules: Array.from({ length: 120 }, (_, i) => `Rule ${i}: ${words(`r${i}w`, 12)}`),
  });
  const path = join(dir, "synthetic.yaml");
  await writeFile(path, stringify(trip));
  return path;
}

describe("Slack limits: a synthetic trip with a very long itinerary and long texts", () => {
  let f: SlackFixture;
  let slack: FakeSlackApi;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slack-limits-"));
    slack = await startFakeSlackApi();
    f = await slackFixture(await synthetic(dir), { SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await f.close();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("splits long answers into messages within the limits, between words", async () => {
    for (const question of ["itinerary", "faq long", "rules many", "when", "", "itinerary 3"]) {
      const { first, all } = await allMessages(f, question, slack.responseUrl("slow"));
      expect(violations(first), question).toEqual([]);
      for (const message of all) expect(violations(message), question).toEqual([]);
      const rendered = new Set(all.flatMap((m) => visibleText(m as SlackAnswer).split(/[\s*]+/)));
      const expected = question === "faq long" ? words("faq", 1500) : "";
      for (const word of expected.split(" ").filter(Boolean)) {
        expect(rendered.has(word), `${word} in ${question}`).toBe(true);
      }
    }
    const itinerary = (await allMessages(f, "itinerary", slack.responseUrl("slow"))).all;
    expect(itinerary.length).toBeGreaterThan(1);
    const shown = new Set(itinerary.flatMap((m) => visibleText(m as SlackAnswer).split(/[\s*]+/)));
    for (const item of f.trip.itinerary) {
      for (const word of (item.notes ?? "").split(" ")) expect(shown.has(word), word).toBe(true);
    }
  });

  it("never lets trip text ping anyone", async () => {
    for (const question of ["itinerary", "faq long", "itinerary 2"]) {
      const { all } = await allMessages(f, question, slack.responseUrl("slow"));
      for (const message of all) {
        const raw = JSON.stringify(message);
        expect(raw).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U0BOSS>|<https:\/\/evil/);
        expect(visibleText(message as SlackAnswer)).not.toMatch(/(^|\s)@(here|everyone)\b/);
        expect(raw).toContain("&lt;!channel&gt;");
      }
    }
  });

  it("offers the rest of a long answer with a Show more button", async () => {
    const res = await f.handler(slackEvent(commandBody("itinerary")));
    const first = JSON.parse(res.body) as SlackAnswer;
    const more = first.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "more");
    expect(more?.value).toBeDefined();
    expect(visibleText(first)).toMatch(/Continued in the next message: Day/);
    const click = await f.handler(
      slackEvent(
        buttonClickBody({
          actionId: "more",
          value: more?.value ?? "",
          responseUrl: slack.responseUrl("more"),
        }),
      ),
    );
    expect(click.statusCode).toBe(200);
    const [second] = slack.responses("more");
    expect(second?.response_type).toBe("ephemeral");
    expect(second?.replace_original).toBe(false);
    const { all } = await allMessages(f, "itinerary", slack.responseUrl("slow"));
    expect((second as unknown as SlackAnswer).blocks[0]?.text?.text).toBe(
      all[1]?.blocks[0] && "text" in (all[1].blocks[0] as object)
        ? (all[1].blocks[0] as { text: { text: string } }).text.text
        : undefined,
    );
    expect(violations(second as unknown as SlackAnswer)).toEqual([]);
  });
});
