import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { type Bot, createBot } from "../../bot/core";
import { DISCORD_LIMITS } from "../../bot/discord/limits";
import { renderReply as discord } from "../../bot/discord/render";
import type { Reply } from "../../bot/reply";
import { SLACK_LIMITS } from "../../bot/slack/limits";
import { renderReply as slack } from "../../bot/slack/render";
import { InMemoryQuestionStore } from "../../bot/store/question-store";
import { renderText } from "../../bot/text/render";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, NEW_YORK_ORGANISED, PYONGYANG } from "../helpers/local-table";

const BEFORE = "2025-04-01T00:00:00Z"; // Tue 1 Apr, 09:00 in Pyongyang

const request = (command: string, input = "", user = "U1"): CommandRequest => ({
  command,
  input,
  user: { id: user },
  channel: { id: "C1" },
  platform: "slack",
});

const read = (reply: Reply, now = BEFORE) =>
  renderText(reply, { readerZone: "Europe/London", now: new Date(now) });

describe("questions in the traveller's own words", () => {
  let env: LocalEnvironment;
  let questions: InMemoryQuestionStore;
  let bot: (now?: string) => Bot;
  beforeAll(async () => {
    env = await localTable({ trips: [PYONGYANG] });
  });
  afterAll(() => env.close());
  const fresh = () => {
    questions = new InMemoryQuestionStore();
    bot = (now = BEFORE) => createBot({ store: env.store, questions, clock: () => new Date(now) });
  };

  it("answers free text after the command with the item and its time in both zones", async () => {
    fresh();
    const reply = await bot().answer(request("what", "time is the bus"));
    expect(reply.title).toBe("Coach to the stadium");
    const text = read(reply);
    expect(text).toContain("06:30 Pyongyang time");
    expect(text).toContain("your time: Sat 5 Apr 2025, 22:30");
    expect(text).toContain("/marathon itinerary 4");
    expect(await questions.list("pyongyang-marathon-2025", new Date(BEFORE))).toEqual([]);
  });

  it("answers ask, faq and a command followed by a question alike", async () => {
    fresh();
    for (const [command, input] of [
      ["ask", "can I take pictures of soldiers"],
      ["faq", "can I take pictures of soldiers"],
      ["can", "I take pictures of soldiers"],
    ] as const) {
      const reply = await bot().answer(request(command, input));
      expect(read(reply), command).toContain("Do not photograph soldiers");
      expect(read(reply), command).not.toContain("You may photograph the race");
    }
    const when = await bot().answer(request("when", "does the coach leave"));
    expect(when.title).toBe("Coach to the stadium");
  });

  it("cites where the answer comes from", async () => {
    fresh();
    const rule = read(await bot().answer(request("ask", "can I bring a drone")));
    expect(rule).toContain("drones are not allowed");
    expect(rule).toContain("From the rules: Customs and what to bring");
    expect(rule).toContain("/marathon rules customs");
    expect(rule).toContain("Sources: [1] Example content for organisers to replace");
    const fact = read(await bot().answer(request("faq", "10k")));
    expect(fact).toContain("10 km");
    expect(fact).toContain("News report on the race");
  });

  it("says it is not sure, offers the closest with the command to type, and tells the organisers", async () => {
    fresh();
    const reply = await bot().answer(request("hotel"));
    expect(reply.title).toMatch(/^Not sure/);
    const text = read(reply);
    expect(text).toContain("Group hotel (central Pyongyang) — /marathon where");
    expect(text).toContain("Hotel check-in and welcome dinner — /marathon itinerary 1");
    expect(text).toContain("passed to the organisers");
    const [kept] = await questions.list("pyongyang-marathon-2025", new Date(BEFORE));
    expect(kept).toEqual({
      tripId: "pyongyang-marathon-2025",
      text: "hotel",
      platform: "slack",
      channelId: "C1",
      askedAt: new Date(BEFORE),
    });
  });

  it("keeps nothing that is no question, and answers an entry's id as that entry", async () => {
    fresh();
    await bot().answer(request("ask", "???"));
    expect(await questions.list("pyongyang-marathon-2025", new Date(BEFORE))).toEqual([]);
    // What Discord's autocomplete sends for "Can I join with a US passport?".
    const byId = await bot().answer(request("ask", "us-passport"));
    expect(byId.title).toBe("Can I join with a US passport?");
  });

  it("without a question store it still answers, and says to ask the organisers", async () => {
    const plain = createBot({ store: env.store, clock: () => new Date(BEFORE) });
    const text = read(await plain.answer(request("ask", "is there karaoke on the coach")));
    expect(text).toContain("Ask the organisers");
  });

  it("a slip for a command gets a short 'did you mean', not the help", async () => {
    fresh();
    const reply = await bot().answer(request("itinerery"));
    const text = read(reply);
    expect(text).toContain("Did you mean /marathon itinerary?");
    expect(text.split("\n").length).toBeLessThan(8);
  });

  it("a word that starts sentences is a question, not a slip for a command a letter away", async () => {
    fresh();
    for (const [command, input] of [
      ["is", "alcohol allowed"], // "ics" is the calendar's alias
      ["no", "wifi?"], // "now" is next's
      ["is", ""],
    ] as const) {
      const text = read(await bot().answer(request(command, input)));
      expect(text, `${command} ${input}`).not.toContain("Unknown command");
      expect(text, `${command} ${input}`).not.toContain("Did you mean");
    }
  });

  it("words after a command that takes none get its answer only when they are about it", async () => {
    fresh();
    // About something the command does not show: the closest entries, not the race's start.
    const dinner = read(await bot().answer(request("when", "is dinner on the last night")));
    expect(dinner).toMatch(/^Not sure/);
    expect(dinner).toContain("Celebration dinner — /marathon itinerary 4");
    expect(dinner).not.toContain("Race day is in");
    // "next bus": the next of the items the words name, not the next of all.
    const bus = await bot().answer(request("next", "bus"));
    expect(bus.title).toBe("Next: Coach to the stadium");
    // Words that match nothing leave the command's own answer.
    for (const words of ["please", "one"]) {
      expect((await bot().answer(request("next", words))).title).toBe(
        "Next: Group briefing before departure",
      );
    }
    expect((await bot().answer(request("when", "exactly"))).title).toMatch(/^When: /);
    // About what the command shows: its own answer.
    const race = read(await bot().answer(request("when", "is the race")));
    expect(race).toContain("Race day is in 5 days");
    expect(race).not.toMatch(/^Not sure/);
  });
});

describe("organisers see what travellers asked", () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    env = await localTable({ trips: [NEW_YORK_ORGANISED] });
  });
  afterAll(() => env.close());

  it("grouped, with counts, most asked first; a traveller is refused", async () => {
    const questions = new InMemoryQuestionStore();
    const bot = createBot({
      store: env.store,
      questions,
      clock: () => new Date("2025-10-20T12:00:00Z"),
    });
    for (const q of [
      "is there a gear check at the finish",
      "Gear check at the finish?",
      "karaoke",
      "gear check finish",
      "where can I watch my friend run",
      "Where can I watch my friend run?",
    ]) {
      const reply = await bot.answer(request("ask", q));
      expect(reply.title, q).not.toMatch(/^Questions/);
    }
    const traveller = await bot.answer(request("questions", "", "U1"));
    expect(traveller.title).toBe("Only organisers can do that");
    expect(read(traveller)).not.toContain("karaoke");

    const organiser = await bot.answer(request("questions", "", "U0ORGANISER"));
    const text = read(organiser);
    const lines = text.split("\n").filter((l) => /\d×/.test(l));
    expect(lines[0]).toMatch(/3× .*gear check/i);
    expect(lines[1]).toMatch(/2× Where can I watch my friend run/i);
    expect(lines[2]).toContain("1× karaoke");
  });
});

describe("the organisers' list fits one message on every platform", () => {
  it("shows the most asked first within Slack's and Discord's limits", async () => {
    const env = await localTable({ trips: [NEW_YORK_ORGANISED] });
    try {
      const questions = new InMemoryQuestionStore();
      const now = new Date("2025-10-20T12:00:00Z");
      for (let i = 0; i < 40; i++) {
        await questions.record({
          tripId: "new-york-marathon-2025",
          text: `question number ${i} about ${"something quite long ".repeat(12)}`,
          platform: "slack",
          channelId: "C1",
          askedAt: now,
        });
      }
      const bot = createBot({ store: env.store, questions, clock: () => now });
      const reply = await bot.answer(request("questions", "", "U0ORGANISER"));
      const [slackMessage, ...moreSlack] = slack(reply);
      expect(moreSlack).toEqual([]);
      for (const block of slackMessage?.blocks ?? []) {
        if (block.type === "section" && "text" in block) {
          expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        }
      }
      const [discordMessage, ...moreDiscord] = discord(reply);
      expect(moreDiscord).toEqual([]);
      const description = discordMessage?.embeds?.[0]?.description ?? "";
      expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect(read(reply, now.toISOString())).toContain("…and 20 other questions.");
    } finally {
      await env.close();
    }
  });
});
