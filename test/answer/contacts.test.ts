import { describe, expect, it } from "vitest";
import { tripEntries } from "../../bot/answer/entries";
import { findAnswer } from "../../bot/answer/find";
import { packContents } from "../../bot/calendar/pack-contents";
import { commandFor, findingReply } from "../../bot/commands/finding-reply";
import { DISCORD_LIMITS } from "../../bot/discord/limits";
import { renderReply as discord, embedLength } from "../../bot/discord/render";
import type { Reply } from "../../bot/reply";
import { SLACK_LIMITS } from "../../bot/slack/limits";
import { renderReply as slack } from "../../bot/slack/render";
import { renderText } from "../../bot/text/render";
import { answered, shown } from "./findings";
import { tripOf } from "./trips";

const TRIP = `
id: stockholm-run
name: Stockholm half
timeZone: Europe/Stockholm
event: { name: Stockholm Half Marathon, start: 2026-09-12 10:00, startPlace: { name: Gärdet } }
places:
  - { id: hotel, name: Hotel Birger, description: Where the group stays }
itinerary:
  - { id: dinner, start: 2026-09-11 19:00, title: Pasta dinner, place: Hotel Birger }
rules:
  - topic: race
    title: Race rules
    rules:
      - Wear your bib on the front.
      - No headphones on the course.
faq:
  - id: phone
    question: Will my phone work?
    answer: EU SIM cards roam at no extra cost; others can buy a local SIM card at the airport.
    keywords: [phone, mobile, sim, roaming, data]
  - id: emergency
    question: What if something goes wrong?
    answer: Dial 112 for the police, fire or an ambulance.
    keywords: [emergency, police, ambulance]
`;

const CONTACTS = `
contacts:
  - name: Anna Berg
    role: Tour leader, travels with the group
    phone: "+46 70 123 45 67"
    email: anna@example.com
  - name: Jonas Ek
    role: Local guide in Stockholm; call him if you get lost in town
    phone: "+46 70 765 43 21"
  - name: Nordic Runs office
    role: The agency, for bookings and invoices.
    email: office@example.com
    offline: false
`;

const withContacts = tripOf(TRIP + CONTACTS);
const without = tripOf(TRIP);

describe("the people a trip lists as contacts", () => {
  it("are entries numbered in file order, found by who they are and how to reach them", () => {
    const contacts = tripEntries(withContacts).filter((e) => e.kind === "contact");
    expect(contacts.map((e) => [e.id, e.label])).toEqual([
      ["contact:1", "Anna Berg: Tour leader, travels with the group"],
      ["contact:2", "Jonas Ek: Local guide in Stockholm; call him if you get lost in town"],
      ["contact:3", "Nordic Runs office: The agency, for bookings and invoices."],
    ]);
  });

  it("answer who to call, and whose number or email, with the right person", () => {
    const cases: [string, string][] = [
      ["who do I call if I get lost", "contact:2"],
      ["tour leader phone number", "contact:1"],
      ["whats the tour leaders mobile", "contact:1"],
      ["guide's phone number", "contact:2"],
      ["what's Anna's number", "contact:1"],
      ["email for the office", "contact:3"],
      ["how do I reach the agency", "contact:3"],
    ];
    for (const [question, id] of cases) {
      expect(answered(findAnswer(withContacts, question)), question).toBe(id);
    }
  });

  it("answer only a question asking for a person, not one their role's words touch", () => {
    const f = findAnswer(withContacts, "what happens if i get lost in town");
    expect(answered(f)?.startsWith("contact:")).not.toBe(true);
    expect(shown(f)).toContain("contact:2");
  });

  it("do not answer questions about phones, SIM cards or the emergency number", () => {
    for (const q of [
      "sim card",
      "can I buy a sim card",
      "will my phone work",
      "phone",
      "roaming",
    ]) {
      const f = findAnswer(withContacts, q);
      expect(shown(f)[0], q).toBe("faq:phone");
      expect(answered(f) ?? "", q).not.toMatch(/^contact:/);
    }
    expect(answered(findAnswer(withContacts, "emergency"))).toBe("faq:emergency");
  });

  it("are each found again by the command an unsure reply offers for them", () => {
    for (const entry of tripEntries(withContacts).filter((e) => e.kind === "contact")) {
      const command = commandFor(withContacts, entry);
      expect(command).toMatch(/^\/marathon ask who is /);
      const typed = command.replace(/^\/marathon ask /, "");
      expect(answered(findAnswer(withContacts, typed)), typed).toBe(entry.id);
    }
  });

  it("keep what offline: false means: left out of the offline pack, still answered in chat", () => {
    expect(packContents(withContacts).contacts.map((c) => c.name)).toEqual([
      "Anna Berg",
      "Jonas Ek",
    ]);
    expect(answered(findAnswer(withContacts, "email for the office"))).toBe("contact:3");
  });
});

describe("a trip without contacts", () => {
  it("has no contact entries and answers as before", () => {
    expect(tripEntries(without).some((e) => e.kind === "contact")).toBe(false);
    expect(tripEntries(without).map((e) => e.id)).toEqual(
      tripEntries(withContacts)
        .filter((e) => e.kind !== "contact")
        .map((e) => e.id),
    );
    expect(answered(findAnswer(without, "sim card"))).toBe("faq:phone");
    expect(answered(findAnswer(without, "emergency"))).toBe("faq:emergency");
    // Nobody to name: the bot does not invent a person, it is unsure or answers from the FAQ.
    const f = findAnswer(without, "tour leader phone number");
    expect(shown(f).every((id) => !id.startsWith("contact:"))).toBe(true);
  });
});

const read = (reply: Reply) =>
  renderText(reply, { readerZone: "Europe/London", now: new Date("2026-09-01T00:00:00Z") });

describe("the reply about a contact", () => {
  const reply = (trip: typeof withContacts, q: string) =>
    findingReply(trip, q, findAnswer(trip, q), false);

  it("gives the name, role, phone and email as text, and where it came from", () => {
    const text = read(reply(withContacts, "tour leader phone number"));
    expect(text).toContain("Anna Berg");
    expect(text).toContain("Tour leader, travels with the group");
    expect(text).toContain("Phone: +46 70 123 45 67");
    expect(text).toContain("Email: anna@example.com");
    expect(text).toContain("From the trip's contacts");
    const office = read(reply(withContacts, "email for the office"));
    expect(office).toContain("The agency, for bookings and invoices. Email: office@example.com");
  });

  it("lists contacts among the choices of an unsure reply, each with its command", () => {
    const f = findAnswer(withContacts, "contact");
    expect(f.sure).toBe(false);
    const text = read(findingReply(withContacts, "contact", f, false));
    expect(text).toContain("/marathon ask who is Anna Berg");
  });

  it("a question the trip does not answer says who to ask, when the trip lists someone", () => {
    const q = "is there a gym";
    expect(findAnswer(withContacts, q).sure).toBe(false);
    const text = read(reply(withContacts, q));
    expect(text).toContain("No answer in the trip");
    expect(text).toContain("Who to ask: Anna Berg");
    expect(text).toContain("+46 70 123 45 67");
    expect(read(reply(without, q))).not.toContain("Who to ask");
  });

  /** A contact whose text tries to ping: names come from trip files anyone may edit. */
  const loud = tripOf(
    `${TRIP}
contacts:
  - name: "@everyone <!channel> <@U123> Lee"
    role: "Tour leader <@&42> @here"
    phone: "+82 10 1234 5678"
    email: lee@example.com
`,
  );

  it("Slack: shows the phone number as text, pings nobody, keeps within the limits", () => {
    const messages = slack(reply(loud, "tour leader phone number"));
    const json = JSON.stringify(messages);
    expect(json).toContain("+82 10 1234 5678");
    expect(json).toContain("lee@example.com");
    // Slack reads mentions in the notification text and in mrkdwn, not in plain_text headers.
    const mrkdwn = [...json.matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)].map(
      (m) => m[1],
    );
    expect(mrkdwn.length).toBeGreaterThan(0);
    for (const text of [...mrkdwn, ...messages.map((m) => m.text ?? "")])
      expect(text).not.toMatch(/<!(channel|everyone|here)|<@|<!subteam/);
    for (const m of messages) {
      expect(m.blocks?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect((m.text ?? "").length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    }
  });

  it("Discord: shows the phone number as text, pings nobody, keeps within the limits", () => {
    const messages = discord(reply(loud, "tour leader phone number"));
    const json = JSON.stringify(messages);
    expect(json).toContain("+82 10 1234 5678");
    expect(json).toContain("lee@example.com");
    for (const m of messages) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
      const total = (m.embeds ?? []).reduce((n, e) => n + embedLength(e), 0);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    }
    // The text's own mentions are broken up, so they do not even look like pings.
    expect(json).not.toContain("@everyone");
    expect(json).not.toContain("@here");
  });
});
