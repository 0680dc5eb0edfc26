import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindersHandler } from "../../bot/lambda/reminders";
import {
  discordText,
  type OutsideFixture,
  outsideFixture,
  slackText,
} from "../helpers/outside-trips";

/**
 * Free text on a trip that is no marathon and whose command is not /marathon, through both
 * signed handlers: a question is answered, a slip gets a short "did you mean", anything else
 * the question path; no help wall. Answers name the command the reader can type.
 */
const WEDDING = `
id: lisbon-wedding
name: Ana and Ben's wedding weekend
timeZone: Europe/Lisbon
timeZoneLabel: Lisbon
command: wedding
organisers: { slack: [UORG1], discord: ["900"] }
event: { name: Ana and Ben's wedding, start: 2027-06-12 16:00, startPlace: { name: Quinta da Regaleira } }
places:
  - { id: hotel, name: Hotel Tivoli, description: Where the guests stay }
itinerary:
  - { id: welcome, start: 2027-06-11 19:00, title: Welcome drinks, place: Hotel Tivoli }
  - { id: shuttle, start: 2027-06-12 15:00, title: Shuttle bus to the quinta, place: Hotel Tivoli }
  - { id: ceremony, start: 2027-06-12 16:00, title: Ceremony, place: Quinta da Regaleira }
  - { id: brunch, start: 2027-06-13 11:00, title: Farewell brunch, place: Hotel Tivoli }
rules:
  - topic: venue
    title: At the quinta
    rules:
      - No confetti or rice in the gardens.
      - Drones are not allowed over the ceremony.
faq:
  - id: dress
    question: What is the dress code?
    answer: Summer formal. Flat shoes are wise on the garden paths.
  - id: sun
    question: Will there be shade from the sun?
    answer: Parasols line the garden; bring sun cream.
    keywords: [sun, shade, sunscreen]
  - id: gifts
    question: Is there a gift list?
    answer: No gifts, please; your company is enough.
`;

describe("free text on a trip with its own command (/wedding)", () => {
  let f: OutsideFixture;
  beforeAll(async () => {
    f = await outsideFixture([WEDDING], new Date("2027-06-01T10:00:00Z"));
  });
  afterAll(() => f.close());

  it("Slack: /wedding <question> answers it, as /wedding ask and /wedding faq do", async () => {
    for (const typed of [
      "what is the dress code",
      "ask what should I wear",
      "faq dress code",
      "can I fly my drone",
    ]) {
      const r = await f.slack(typed, { command: "wedding" });
      expect(r.statusCode, typed).toBe(200);
      const shown = slackText(r.body);
      expect(shown, typed).toMatch(/Summer formal|Drones are not allowed/);
      expect(shown, typed).not.toContain("Unknown command");
      expect(r.body.response_type, typed).toBe("ephemeral");
    }
  });

  it("Discord: ask's question and faq's option answer it", async () => {
    for (const [sub, typed] of [
      ["ask", "what should I wear"],
      ["faq", "dress code"],
      ["ask", "can I fly my drone"],
    ] as const) {
      const r = await f.discord(sub, typed);
      expect(r.statusCode, typed).toBe(200);
      expect(discordText(r.body), typed).toMatch(/Summer formal|Drones are not allowed/);
      expect(r.body.data?.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it("a slip of a command name gets a short 'did you mean', naming the reader's command", async () => {
    const s = await f.slack("itinerery", { command: "wedding" });
    const shown = slackText(s.body);
    expect(shown).toMatch(/did you mean/i);
    expect(shown).toContain("/wedding itinerary");
    expect(s.body.blocks.length).toBeLessThanOrEqual(5);
    expect(shown.split("\n").length).toBeLessThan(10);
  });

  it("an unknown word takes the question path: short, with the organisers offered", async () => {
    for (const typed of ["blorf", "karaoke", "is there a pool"]) {
      const s = await f.slack(typed, { command: "wedding" });
      const shown = slackText(s.body);
      expect(shown, typed).not.toContain("Unknown command");
      expect(shown, typed).toMatch(/not sure|no answer|don't know|organisers/i);
      expect(shown.split("\n").length, typed).toBeLessThan(14);
      const d = await f.discord("ask", typed);
      const seen = discordText(d.body);
      expect(seen, typed).toMatch(/not sure|no answer|don't know|organisers/i);
      expect(seen.split("\n").length, typed).toBeLessThan(14);
    }
  });

  it("answers name the command the reader has: /wedding on Slack, /marathon on Discord", async () => {
    const s = slackText((await f.slack("help", { command: "wedding" })).body);
    expect(s).toContain("/wedding itinerary");
    expect(s).not.toContain("/marathon");
    const d = discordText((await f.discord("help")).body);
    expect(d).toContain("/marathon itinerary");
    expect(d).not.toContain("/wedding");
    // Discord's "which day?" and "did you mean" name the registered command too.
    const choice = discordText((await f.discord("ask", "is there a pool")).body);
    expect(choice).not.toContain("/wedding");
  });

  it("a day typed as free text shows that day, on both platforms, and is kept for nobody", async () => {
    // 1 June: the trip starts on Friday 11 June.
    for (const typed of ["saturday", "sat", "what's on saturday", "12 june", "day two", "2"]) {
      const s = slackText((await f.slack(typed, { command: "wedding" })).body);
      expect(s.split("\n")[0], typed).toBe("Itinerary: Day 2 — Sat 12 Jun 2027");
      const d = discordText(await f.discord("ask", typed));
      expect(d.split("\n")[0], typed).toBe("Itinerary: Day 2 — Sat 12 Jun 2027");
    }
    // A short weekday name that is a word the trip answers stays that word.
    const sun = slackText((await f.slack("sun", { command: "wedding" })).body);
    expect(sun).toContain("Parasols line the garden");
    const tomorrow = slackText((await f.slack("tmrw", { command: "wedding" })).body);
    expect(tomorrow).toContain("Tomorrow is not a day of the trip. The trip starts in 10 days");
    // A date inside a question leaves it a question.
    const dog = slackText(
      (await f.slack("can I bring my dog on 12 june", { command: "wedding" })).body,
    );
    expect(dog).not.toMatch(/^Itinerary/);
    const organiser = slackText(
      (await f.slack("questions", { user: "UORG1", command: "wedding" })).body,
    );
    const kept = organiser.split("\n").flatMap((l) => /×\*? (.*)$/.exec(l)?.[1] ?? []);
    expect(kept).toContain("can I bring my dog on 12 june");
    for (const day of ["saturday", "what's on saturday", "12 june", "day two", "tmrw"]) {
      expect(kept).not.toContain(day);
    }
  });

  it("the event's own word names its day inside a question too", async () => {
    for (const typed of [
      "what's on the day before the wedding",
      "whats happening on wedding day",
    ]) {
      const expected = typed.includes("before")
        ? "Itinerary: Day 1 — Fri 11 Jun 2027"
        : "Itinerary: Day 2 — Sat 12 Jun 2027";
      expect(slackText((await f.slack(typed, { command: "wedding" })).body).split("\n")[0]).toBe(
        expected,
      );
      expect(discordText(await f.discord("ask", typed)).split("\n")[0]).toBe(expected);
    }
    // Narrowed to that day: the shuttle of the wedding day, with its time.
    const shuttle = slackText(
      (await f.slack("what time is the shuttle on wedding day", { command: "wedding" })).body,
    );
    expect(shuttle.split("\n")[0]).toBe("Shuttle bus to the quinta");
    expect(shuttle).toContain("15:00 Lisbon time");
  });

  it("ask without a question shows how, with the trip's own example, true on every platform", async () => {
    const s = slackText((await f.slack("ask", { command: "wedding" })).body);
    expect(s).toContain("/wedding ask What is the dress code?");
    const d = discordText(await f.discord("ask"));
    expect(d).toContain("/marathon ask What is the dress code?");
    for (const shown of [s, d]) expect(shown).not.toMatch(/bus|or simply/);
  });

  it("where names the wedding, not 'the race', and an unknown Discord subcommand is a question", async () => {
    for (const shown of [
      slackText((await f.slack("where", { command: "wedding" })).body),
      discordText(await f.discord("where")),
    ]) {
      expect(shown).toContain("Ana and Ben's wedding");
      expect(shown).not.toMatch(/race/i);
    }
    // A subcommand Discord still has registered from an older version: no error, no wall.
    const stale = discordText(await f.discord("blorf", "is there a pool"));
    expect(stale).toMatch(/not sure|no answer|organisers/i);
    expect(stale.split("\n").length).toBeLessThan(14);
  });

  it("help's examples come from the trip: its topics and questions, not the marathon's", async () => {
    for (const shown of [
      slackText((await f.slack("help", { command: "wedding" })).body),
      slackText((await f.slack("", { command: "wedding" })).body),
      discordText(await f.discord("help")),
    ]) {
      const examples = shown.split("\n").find((l) => l.includes("Examples:")) ?? "";
      expect(examples).toMatch(/\/(wedding|marathon) rules venue/);
      expect(examples).toMatch(/\/(wedding|marathon) faq dress/);
      expect(examples).toMatch(/\/(wedding|marathon) ask What is the dress code\?/);
      expect(examples).not.toMatch(/rules race|faq visa|bus|drone/);
    }
  });

  it("reminders posted on Discord name /marathon, on Slack the trip's command", async () => {
    expect((await f.discord("reminders", "on", { user: "900", channel: "777" })).statusCode).toBe(
      200,
    );
    await f.slack("reminders on", { user: "UORG1", channel: "C0777", command: "wedding" });
    // An hour before the shuttle (15:00 in Lisbon, 14:00 UTC).
    await remindersHandler({ env: f.env })({ time: "2027-06-12T13:00:30Z" });
    const discordPosts = f.discordApi.calls
      .filter((c) => c.method === "POST" && c.path.endsWith("/channels/777/messages"))
      .map((c) => JSON.stringify(c.body));
    expect(discordPosts.length).toBeGreaterThan(0);
    for (const post of discordPosts) {
      expect(post).toContain("/marathon itinerary");
      expect(post).not.toContain("/wedding");
    }
    const slackPosts = f.slackApi.posts().map((p) => JSON.stringify(p.body));
    expect(slackPosts.some((p) => p.includes("/wedding itinerary"))).toBe(true);
  });

  it("a Slack app whose slash command is named otherwise (/party) names /party", async () => {
    const shown = slackText((await f.slack("itinerery", { command: "party" })).body);
    expect(shown).toContain("/party itinerary");
    expect(shown).not.toContain("/wedding");
  });
});
