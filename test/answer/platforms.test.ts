import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordCommands } from "../../bot/discord/commands";
import { type DiscordFixture, discordFixture, slash } from "../discord/helpers";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";
import { type SlackAnswer, type SlackFixture, slackFixture, visibleText } from "../slack/setup";
import { commandBody, slackEvent } from "../slack/signed";

/** The examples: the question, and what the traveller must see in the answer. */
const EXAMPLES: [string, RegExp][] = [
  ["can I take pictures of soldiers", /Do not photograph soldiers/],
  ["what time does the coach leave", /Coach to the stadium/],
  ["can I bring a drone", /drones are not allowed/],
  ["can I use my visa card", /foreign (bank )?cards do not work/i],
  ["hotel", /Group hotel \(central Pyongyang\)/],
  ["drone", /drones are not allowed/],
  ["bible", /religious/],
  ["cutoff", /course closes at 14:00/],
  ["time limit", /course closes at 14:00/],
  ["bib", /bib/],
  ["where do i pick up my race number", /Race-number \(bib\) collection/],
  ["10k", /10 km/],
  ["what time is the bus", /Coach to the stadium/],
];

describe("Slack: /marathon <anything> is a question", () => {
  let f: SlackFixture;
  beforeAll(async () => {
    f = await slackFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  const ask = async (text: string) => {
    const res = await f.handler(slackEvent(commandBody(text)));
    expect(res.statusCode, text).toBe(200);
    return JSON.parse(res.body) as SlackAnswer;
  };

  it("answers the issue's examples as free text, through ask and through faq", async () => {
    for (const [question, expected] of EXAMPLES) {
      for (const typed of [question, `ask ${question}`, `faq ${question}`]) {
        const answer = await ask(typed);
        expect(visibleText(answer), typed).toMatch(expected);
        expect(visibleText(answer), typed).not.toContain("You may photograph the race");
        expect(answer.response_type, typed).toBe("ephemeral");
      }
    }
  });

  it("what time is the bus: the coach, its time in both zones, no help wall", async () => {
    const answer = await ask("what time is the bus");
    const text = visibleText(answer);
    expect(text).toContain("Coach to the stadium");
    expect(text).toMatch(/<!date\^\d+\^/);
    expect(text).toContain("06:30 Pyongyang time");
    expect(text).not.toContain("Unknown command");
    expect(answer.blocks.length).toBeLessThan(8);
  });

  it("tells who to call: the trip's contact, the phone number as text, nobody pinged", async () => {
    const answer = await ask("tour leader phone number");
    const text = visibleText(answer);
    expect(text).toContain("Tour leader");
    expect(text).toContain("+44 7700 900123");
    expect(text).toContain("From the trip's contacts");
    expect(answer.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer)).not.toMatch(/<!(channel|everyone|here)|<@/);
    expect(visibleText(await ask("who do I call if I get lost"))).toContain(
      "Local guides, with the group whenever it leaves the hotel",
    );
  });

  it("when unsure, lists the closest entries with the command to type and the organisers", async () => {
    const text = visibleText(await ask("hotel"));
    expect(text).toContain("not sure");
    expect(text).toContain("/marathon where");
    expect(text).toContain("organisers");
  });
});

describe("Discord: ask and faq take a question", () => {
  let f: DiscordFixture;
  beforeAll(async () => {
    f = await discordFixture(PYONGYANG);
  });
  afterAll(() => f.close());

  it("registers ask as its own subcommand with a question option, from the registry", () => {
    const [root] = discordCommands();
    const sub = (name: string) =>
      root?.options?.find((o) => o.name === name) as
        | { options?: { name: string; type: number }[] }
        | undefined;
    expect(sub("ask")?.options?.map((o) => [o.name, o.type])).toEqual([["question", 3]]);
    expect(sub("faq")?.options?.map((o) => o.name)).toEqual(["question"]);
    expect(sub("questions")).toBeDefined();
    expect(root?.options?.length).toBeLessThanOrEqual(25);
  });

  it("answers the issue's examples through ask and faq", async () => {
    for (const [question, expected] of EXAMPLES) {
      for (const sub of ["ask", "faq"]) {
        const r = await f.call(slash(sub, { name: "question", value: question }));
        expect(r.statusCode).toBe(200);
        const shown = JSON.stringify(r.json.data);
        expect(shown, `${sub} ${question}`).toMatch(expected);
        expect(shown, `${sub} ${question}`).not.toContain("You may photograph the race");
        expect(r.json.data?.allowed_mentions).toEqual({ parse: [] });
      }
    }
    await f.idle();
  });

  it("tells who to call: the trip's contact, the phone number as text, nobody pinged", async () => {
    const r = await f.call(slash("ask", { name: "question", value: "tour leader phone number" }));
    expect(r.statusCode).toBe(200);
    const shown = JSON.stringify(r.json.data);
    expect(shown).toContain("Tour leader");
    expect(shown).toContain("+44 7700 900123");
    expect(shown).toContain("From the trip's contacts");
    expect(r.json.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it("shows the coach's time as a Discord timestamp beside Pyongyang time", async () => {
    const r = await f.call(slash("ask", { name: "question", value: "what time is the bus" }));
    const shown = JSON.stringify(r.json.data);
    expect(shown).toMatch(/<t:\d+:F>/);
    expect(shown).toContain("06:30 Pyongyang time");
  });
});

describe("New York: the same search on another trip", () => {
  let f: SlackFixture;
  beforeAll(async () => {
    f = await slackFixture(NEW_YORK);
  });
  afterAll(() => f.close());

  it("answers from the itinerary, the rules and the FAQ", async () => {
    for (const [typed, expected] of [
      ["what time is the ferry", /Ferry to Staten Island/],
      ["can I wear headphones", /No headphones in the start corrals/],
      ["esta", /ESTA/],
    ] as const) {
      const res = await f.handler(slackEvent(commandBody(typed)));
      expect(visibleText(JSON.parse(res.body)), typed).toMatch(expected);
    }
  });
});
