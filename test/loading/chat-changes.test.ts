import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { type Bot, createBot } from "../../bot/core";
import { modalOf } from "../../bot/discord/chat-changes";
import { loadTrip } from "../../bot/loading/load-trip";
import { TRIP_FILE_MAX_BYTES } from "../../bot/loading/trip-file-limit";
import { type Block, type Reply, spansToPlainText } from "../../bot/reply";
import { formView } from "../../bot/slack/modal";
import { memoryStores } from "../../bot/store/memory-stores";
import type { Stores } from "../../bot/store/stores";
import {
  NEW_YORK as SHIPPED_NEW_YORK,
  PYONGYANG as SHIPPED_PYONGYANG,
  tripFile,
  withOrganisers,
} from "../helpers/memory-trips";

/** The example trip, listing the test organisers (the shipped file lists placeholders). */
const NEW_YORK = withOrganisers(SHIPPED_NEW_YORK);
const PYONGYANG = withOrganisers(SHIPPED_PYONGYANG);

const ORGANISER = "100000000000000001";
const MEMBER = "100000000000000002";
const TRIP = "new-york-marathon-2025";
// A week before the race: its reminders are all still to come.
const START = new Date("2025-10-26T12:00:00Z");

let stores: Stores;
let bot: Bot;
let now: Date;

beforeEach(async () => {
  stores = memoryStores();
  // Loaded a week before the race, so its reminders are scheduled.
  for (const path of [NEW_YORK, PYONGYANG]) await loadTrip(stores, tripFile(path), { now: START });
  now = START;
  bot = createBot({
    store: stores.facts,
    channels: stores.channels,
    changes: { schedule: stores.schedule, proposals: stores.proposals },
    clock: () => now,
  });
});

const request = (user = ORGANISER, command = "trip", input = ""): CommandRequest => ({
  command,
  input,
  user: { id: user },
  channel: { id: "C1" },
  platform: "discord",
});

const NY_TEXT = readFileSync(NEW_YORK, "utf8");
const RACE_START = "- id: race-start\n    start: 2025-11-02 09:10";
const moved = NY_TEXT.replace(RACE_START, "- id: race-start\n    start: 2025-11-02 09:40");

/** Everything a reader sees in a reply, as plain text. */
function said(reply: Reply): string {
  const block = (b: Block): string =>
    b.type === "heading"
      ? b.text
      : b.type === "fields"
        ? b.fields.map((f) => `${f.label} ${spansToPlainText(f.value, () => "")}`).join("\n")
        : b.type === "list"
          ? b.items.map((i) => spansToPlainText(i, () => "")).join("\n")
          : spansToPlainText(b.spans, () => "");
  return [reply.title, ...reply.blocks.map(block)].join("\n");
}

const confirmOf = (reply: Reply) => {
  const button = reply.buttons.find((b) => b.action === "confirm");
  expect(button?.style).toBe("primary");
  expect(reply.buttons.find((b) => b.action === "cancel")?.value).toBe(button?.value);
  return button?.value ?? "";
};

const raceStart = async () =>
  (await stores.facts.getTrip(TRIP))?.itinerary.find((i) => i.id === "race-start");

describe("an uploaded trip file", () => {
  it("is previewed privately, loads only on its author's Confirm, and only once", async () => {
    const preview = await bot.submitFile(request(), { name: "ny.yaml", text: moved });
    expect(preview.visibility).toBe("private");
    expect(said(preview)).toContain("~ itinerary race-start (start)");
    expect(said(preview)).toMatch(/Reminders: 0 to schedule, 2 to move/);
    const id = confirmOf(preview);
    const before = await stores.facts.revision(TRIP);
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");

    const other = await bot.press(request(MEMBER), { action: "confirm", value: id });
    expect(other.title).toBe("Not your preview");
    expect(await stores.facts.revision(TRIP)).toBe(before);

    const done = await bot.press(request(), { action: "confirm", value: id });
    expect(done.title).toContain("Loaded");
    expect(await stores.facts.revision(TRIP)).toBe(before + 1);
    expect((await raceStart())?.start).toBe("2025-11-02 09:40");

    const again = await bot.press(request(), { action: "confirm", value: id });
    expect(again.title).toBe("This preview is no longer open");
    expect(await stores.facts.revision(TRIP)).toBe(before + 1);
  });

  it("is refused on another platform than the preview's", async () => {
    const id = confirmOf(await bot.submitFile(request(), { name: "ny.yaml", text: moved }));
    const slack = await bot.press(
      { ...request(), platform: "slack" },
      { action: "confirm", value: id },
    );
    expect(slack.title).toBe("Not your preview");
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");
  });

  it("with errors gets each with its line and column, and nothing is kept", async () => {
    const broken = NY_TEXT.replace(
      RACE_START,
      "- id: race-start\n    start: 2025-11-02 25:10",
    ).replace("title: Ferry to Staten Island", "titel: Ferry to Staten Island");
    const reply = await bot.submitFile(request(), { name: "ny.yaml", text: broken });
    expect(reply.buttons).toEqual([]);
    const text = said(reply);
    const line = (s: string) => NY_TEXT.split("\n").findIndex((l) => l.includes(s)) + 1;
    expect(text).toContain(
      `line ${line("title: Ferry to Staten Island")}, column 5: unknown key "titel"`,
    );
    expect(text).toMatch(
      new RegExp(`line ${line("- id: race-start") + 1}, column \\d+: itinerary`),
    );
    expect(await stores.facts.revision(TRIP)).toBe(1);
  });

  it("larger than the limit is refused unread", async () => {
    const big = `${NY_TEXT}\n#${"x".repeat(TRIP_FILE_MAX_BYTES)}`;
    const reply = await bot.submitFile(request(), { name: "ny.yaml", text: big });
    expect(reply.title).toBe("The file is too large");
    expect(reply.buttons).toEqual([]);
  });

  it("over a trip whose organisers do not list the sender is refused, in the same words as for a new trip", async () => {
    // The file names the sender as an organiser: a file cannot make its sender one.
    const takeover = moved.replace(`discord: [ "${ORGANISER}" ]`, `discord: [ "${MEMBER}" ]`);
    const refused = await bot.submitFile(request(MEMBER), { name: "ny.yaml", text: takeover });
    expect(refused.buttons).toEqual([]);
    const newTrip = NY_TEXT.replace(`id: ${TRIP}`, "id: another-trip");
    const alsoRefused = await bot.submitFile(request(MEMBER), { name: "x.yaml", text: newTrip });
    expect(said(alsoRefused).replace("another-trip", TRIP)).toBe(said(refused));
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");
    expect(await stores.facts.getTrip("another-trip")).toBeUndefined();
  });

  it("that changes who organises says so in its preview", async () => {
    const handover = moved.replace(
      `discord: [ "${ORGANISER}" ]`,
      `discord: [ "${ORGANISER}", "${MEMBER}" ]`,
    );
    expect(handover).not.toBe(moved);
    const preview = await bot.submitFile(request(), { name: "ny.yaml", text: handover });
    expect(said(preview)).toContain(`+ organiser discord ${MEMBER}`);
    const unchanged = await bot.submitFile(request(), { name: "ny.yaml", text: moved });
    expect(said(unchanged)).not.toContain("organiser discord");
  });

  it("for a new trip loads when the file lists its sender", async () => {
    const newTrip = NY_TEXT.replace(`id: ${TRIP}`, "id: another-trip");
    const id = confirmOf(await bot.submitFile(request(), { name: "x.yaml", text: newTrip }));
    expect(await stores.facts.getTrip("another-trip")).toBeUndefined();
    await bot.press(request(), { action: "confirm", value: id });
    expect((await stores.facts.getTrip("another-trip"))?.name).toBe(
      "New York City Marathon weekend 2025",
    );
  });

  it("Cancel drops it: nothing loads, and a later Confirm finds nothing", async () => {
    const id = confirmOf(await bot.submitFile(request(), { name: "ny.yaml", text: moved }));
    expect((await bot.press(request(), { action: "cancel", value: id })).title).toBe("Cancelled");
    const late = await bot.press(request(), { action: "confirm", value: id });
    expect(late.title).toBe("This preview is no longer open");
    expect(await stores.facts.revision(TRIP)).toBe(1);
  });

  it("expires after 15 minutes", async () => {
    const id = confirmOf(await bot.submitFile(request(), { name: "ny.yaml", text: moved }));
    now = new Date(START.getTime() + 15 * 60_000 + 1);
    const late = await bot.press(request(), { action: "confirm", value: id });
    expect(late.title).toBe("This preview is no longer open");
    expect(await stores.facts.revision(TRIP)).toBe(1);
  });

  it("is not loaded over a load that came after its preview: a fresh preview instead", async () => {
    const id = confirmOf(await bot.submitFile(request(), { name: "ny.yaml", text: moved }));
    const other = NY_TEXT.replace("title: Finishers' dinner", "title: Finishers' party");
    await bot.press(request(), {
      action: "confirm",
      value: confirmOf(await bot.submitFile(request(), { name: "b.yaml", text: other })),
    });
    const stale = await bot.press(request(), { action: "confirm", value: id });
    expect(said(stale)).toContain("The trip changed since that preview");
    expect(await stores.facts.revision(TRIP)).toBe(2);
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");
    // The fresh preview is against revision 2: confirming it loads this file.
    await bot.press(request(), { action: "confirm", value: confirmOf(stale) });
    expect((await raceStart())?.start).toBe("2025-11-02 09:40");
    expect(await stores.facts.revision(TRIP)).toBe(3);
  });
});

describe("trip download", () => {
  it("gives organisers the file; sent back unchanged, it is 'no changes' and Confirm writes nothing", async () => {
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const reply = await bot.answer(request(ORGANISER, "trip", "download"));
    const [file] = reply.files ?? [];
    expect(file?.name).toBe(`${TRIP}.yaml`);
    expect(file?.contentType).toBe("application/yaml");
    const preview = await bot.submitFile(request(), { name: "back.yaml", text: file?.text ?? "" });
    expect(said(preview)).toContain("No changes");
    const id = confirmOf(preview);
    await bot.press(request(), { action: "confirm", value: id });
    expect(await stores.facts.revision(TRIP)).toBe(1);
  });

  it("is refused to members", async () => {
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const reply = await bot.answer(request(MEMBER, "trip", "download"));
    expect(reply.files).toBeUndefined();
  });
});

describe("edit", () => {
  const editRequest = (user = ORGANISER) => ({ ...request(user, "edit"), input: "" });

  it("opens a form prefilled as the trip file has the item", async () => {
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const reply = await bot.answer(request(ORGANISER, "edit", "race-start"));
    expect(reply.form?.id).toBe("edit:race-start");
    const values = Object.fromEntries(reply.form?.fields.map((f) => [f.name, f.value]) ?? []);
    expect(values).toEqual({
      start: "2025-11-02 09:10",
      end: "2025-11-02 16:30",
      title: "Race start (wave 1)",
      place: "Fort Wadsworth, Staten Island",
      notes: undefined,
    });
    await expect(bot.suggest(request(ORGANISER, "edit", "race"))).resolves.toContainEqual(
      expect.objectContaining({ value: "race-start" }),
    );
    expect((await bot.answer(request(MEMBER, "edit", "race-start"))).form).toBeUndefined();
  });

  it("submitted, is the same preview; confirmed, the item and its reminders move", async () => {
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const form = {
      start: "2025-11-02 09:40",
      end: "2025-11-02 16:30",
      title: "Race start (wave 1)",
      place: "Fort Wadsworth, Staten Island",
      notes: "",
    };
    const preview = await bot.submitForm(editRequest(), "edit:race-start", form);
    expect(said(preview)).toContain("~ itinerary race-start (start)");
    const dueBefore = (await stores.schedule.scheduleOf(TRIP)).filter(
      (r) => r.itemId === "race-start",
    );
    await bot.press(editRequest(), { action: "confirm", value: confirmOf(preview) });
    expect((await raceStart())?.start).toBe("2025-11-02 09:40");
    const dueAfter = (await stores.schedule.scheduleOf(TRIP)).filter(
      (r) => r.itemId === "race-start",
    );
    expect(dueAfter.map((r) => r.dueAt.getTime() - 30 * 60_000)).toEqual(
      dueBefore.map((r) => r.dueAt.getTime()),
    );
  });

  it("keeps notes too long for a platform's form whole when only the start is edited", async () => {
    const notes = Array.from({ length: 600 }, (_, i) => `Note ${i}.`).join(" ");
    const file = tripFile(NEW_YORK);
    file.itinerary = file.itinerary.map((i) => (i.id === "race-start" ? { ...i, notes } : i));
    await loadTrip(stores, file, { now: START });
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const form = (await bot.answer(request(ORGANISER, "edit", "race-start"))).form;
    if (!form) throw new Error("no edit form");
    // What each platform's form shows, and so sends back when the notes are left alone.
    const slackNotes = formView(form, { f: form.id, c: "C1" }).blocks.find(
      (b) => b.block_id === "notes",
    )?.element;
    const discordNotes = modalOf(form).components[4]?.components[0];
    const shown = [
      slackNotes && "initial_value" in slackNotes ? slackNotes.initial_value : undefined,
      discordNotes?.value,
    ];
    for (const cut of shown) {
      expect(cut?.length).toBeLessThan(notes.length);
      const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? ""]));
      const preview = await bot.submitForm(editRequest(), "edit:race-start", {
        ...values,
        start: "2025-11-02 09:40",
        notes: cut ?? "",
      });
      expect(said(preview)).toContain("~ itinerary race-start (start)");
      await bot.press(editRequest(), { action: "confirm", value: confirmOf(preview) });
      expect((await raceStart())?.notes).toBe(notes);
      await bot
        .submitForm(editRequest(), "edit:race-start", { start: "2025-11-02 09:10" })
        .then((back) => bot.press(editRequest(), { action: "confirm", value: confirmOf(back) }));
    }
  });

  it("with a bad time says which field, and changes nothing", async () => {
    await stores.channels.link("discord", "C1", TRIP, ORGANISER);
    const reply = await bot.submitForm(editRequest(), "edit:race-start", {
      start: "2025-11-02 9h40",
    });
    expect(reply.buttons).toEqual([]);
    expect(said(reply)).toMatch(/^Start: /m);
    expect(await stores.facts.revision(TRIP)).toBe(1);
    const refused = await bot.submitForm(editRequest(MEMBER), "edit:race-start", {
      start: "2025-11-02 09:40",
    });
    expect(refused.buttons).toEqual([]);
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");
  });
});

describe("the trip command", () => {
  it("takes upload and download; other words after it ask a question", async () => {
    const upload = await bot.answer(request(MEMBER, "trip", "upload"));
    expect(upload.form?.fields.map((f) => f.kind)).toEqual(["file"]);
    const question = await bot.answer({
      ...request(MEMBER, "trip", "needs a visa or esta?"),
      tripId: TRIP,
    });
    expect(question.form).toBeUndefined();
    expect(said(question)).toContain("need an approved ESTA before flying");
  });
});

describe("a file whose aliases make a trip too large to hold", () => {
  it("is refused before anything is kept", async () => {
    const long = "A long answer. ".repeat(300);
    const faq = Array.from(
      { length: 90 },
      (_, i) => `  - id: alias-${i}\n    question: Question ${i}?\n    answer: *long\n`,
    ).join("");
    const withAnchor = NY_TEXT.replace(
      /\nfaq:\n/,
      `\nfaq:\n  - id: anchor\n    question: Anchor?\n    answer: &long "${long}"\n${faq}`,
    );
    expect(Buffer.byteLength(withAnchor)).toBeLessThan(TRIP_FILE_MAX_BYTES);
    const reply = await bot.submitFile(request(), { name: "aliases.yaml", text: withAnchor });
    expect(reply.title).toBe("The file is too large");
    expect(reply.buttons).toEqual([]);
  });
});
