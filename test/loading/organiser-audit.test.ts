import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { type Bot, createBot } from "../../bot/core";
import { loadTrip } from "../../bot/loading/load-trip";
import { type Block, type Reply, spansToPlainText } from "../../bot/reply";
import { memoryStores } from "../../bot/store/memory-stores";
import type { Stores } from "../../bot/store/stores";
import { NEW_YORK, PYONGYANG, tripFile, withOrganisers } from "../helpers/memory-trips";

/**
 * Probes of the organisers' chat changes from outside, on trips and orders of events the
 * feature's own tests did not try: two organisers editing at once, a member creating a trip,
 * files as phones and Windows save them.
 */

const ALICE = "100000000000000001";
const BOB = "100000000000000002";
const TRAVELLER = "100000000000000003";
const NY = "new-york-marathon-2025";
const PY = "pyongyang-marathon-2025";
const START = new Date("2025-10-26T12:00:00Z");

const NY_FILE = withOrganisers(NEW_YORK, { discord: [ALICE, BOB] });
const PY_FILE = withOrganisers(PYONGYANG, { discord: [ALICE] });
const NY_TEXT = readFileSync(NY_FILE, "utf8");

let stores: Stores;
let bot: Bot;

beforeEach(async () => {
  stores = memoryStores();
  await loadTrip(stores, tripFile(NY_FILE), { now: START });
  bot = createBot({
    store: stores.facts,
    channels: stores.channels,
    changes: { schedule: stores.schedule, proposals: stores.proposals },
    clock: () => START,
  });
});

const request = (user: string, command = "trip", input = ""): CommandRequest => ({
  command,
  input,
  user: { id: user },
  channel: { id: "C1" },
  platform: "discord",
});

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
  const id = reply.buttons.find((b) => b.action === "confirm")?.value;
  if (!id) throw new Error(`no Confirm in: ${said(reply)}`);
  return id;
};

const item = async (id: string) =>
  (await stores.facts.exportTrip(NY))?.itinerary.find((i) => i.id === id);

describe("two organisers editing the same trip at once", () => {
  it("the second is told, and confirming again keeps both edits", async () => {
    const ferry = await item("ferry");
    const race = await item("race-start");
    if (!ferry || !race) throw new Error("the example trip changed");
    const alices = await bot.submitForm(request(ALICE, "edit"), "edit:ferry", {
      start: ferry.start,
      end: ferry.end ?? "",
      title: "Ferry to Staten Island (moved to pier 2)",
      place: ferry.place ?? "",
      notes: ferry.notes ?? "",
    });
    const bobs = await bot.submitForm(request(BOB, "edit"), "edit:race-start", {
      start: "2025-11-02 09:40",
      end: race.end ?? "",
      title: race.title,
      place: race.place ?? "",
      notes: race.notes ?? "",
    });
    await bot.press(request(ALICE), { action: "confirm", value: confirmOf(alices) });
    expect((await item("ferry"))?.title).toBe("Ferry to Staten Island (moved to pier 2)");

    const stale = await bot.press(request(BOB), { action: "confirm", value: confirmOf(bobs) });
    expect(said(stale)).toContain("The trip changed since that preview");
    expect((await item("race-start"))?.start).toBe(race.start);
    // The fresh preview is Bob's edit over the trip as it is now: Alice's edit is no change.
    expect(said(stale)).toContain("~ itinerary race-start (start)");
    expect(said(stale)).not.toContain("~ itinerary ferry");
    await bot.press(request(BOB), { action: "confirm", value: confirmOf(stale) });
    expect((await item("race-start"))?.start).toBe("2025-11-02 09:40");
    expect((await item("ferry"))?.title).toBe("Ferry to Staten Island (moved to pier 2)");
  });

  it("two edits of one item's different fields both stay", async () => {
    const ferry = await item("ferry");
    if (!ferry) throw new Error("the example trip changed");
    const form = {
      start: ferry.start,
      end: ferry.end ?? "",
      title: ferry.title,
      place: ferry.place ?? "",
      notes: ferry.notes ?? "",
    };
    const alices = await bot.submitForm(request(ALICE, "edit"), "edit:ferry", {
      ...form,
      title: "Ferry (pier 2)",
    });
    const bobs = await bot.submitForm(request(BOB, "edit"), "edit:ferry", {
      ...form,
      notes: "Bring your bib.",
    });
    await bot.press(request(ALICE), { action: "confirm", value: confirmOf(alices) });
    const stale = await bot.press(request(BOB), { action: "confirm", value: confirmOf(bobs) });
    expect(said(stale)).toContain("The trip changed since that preview");
    await bot.press(request(BOB), { action: "confirm", value: confirmOf(stale) });
    expect(await item("ferry")).toMatchObject({
      title: "Ferry (pier 2)",
      notes: "Bring your bib.",
    });
  });

  it("an edit of an item removed meanwhile is told so and loads nothing", async () => {
    const ferry = await item("ferry");
    if (!ferry) throw new Error("the example trip changed");
    const bobs = await bot.submitForm(request(BOB, "edit"), "edit:ferry", {
      start: ferry.start,
      title: "Ferry (pier 2)",
    });
    const without = NY_TEXT.replace(/\n {2}- id: ferry\n(?: {4}.*\n)+/, "\n");
    expect(without).not.toContain("id: ferry");
    const removal = await bot.submitFile(request(ALICE), { name: "ny.yaml", text: without });
    await bot.press(request(ALICE), { action: "confirm", value: confirmOf(removal) });
    const revision = await stores.facts.revision(NY);
    const stale = await bot.press(request(BOB), { action: "confirm", value: confirmOf(bobs) });
    expect(said(stale)).toContain("ferry");
    expect(stale.buttons).toEqual([]);
    expect(await stores.facts.revision(NY)).toBe(revision);
    expect(await item("ferry")).toBeUndefined();
  });
});

describe("a member who organises no trip", () => {
  it("cannot create a trip from the chat by listing themselves in a new file", async () => {
    const own = NY_TEXT.replace(`id: ${NY}`, "id: my-own-trip").replace(
      `discord: [ "${ALICE}", "${BOB}" ]`,
      `discord: [ "${TRAVELLER}" ]`,
    );
    expect(own).toContain(TRAVELLER);
    const before = await stores.facts.listTrips();
    const reply = await bot.submitFile(request(TRAVELLER), { name: "mine.yaml", text: own });
    expect(reply.buttons).toEqual([]);
    expect(said(reply)).toContain("Nothing was changed");
    expect(await stores.facts.listTrips()).toEqual(before);
    // The single-trip channel still answers from its trip.
    expect(said(await bot.answer(request(TRAVELLER, "when")))).toContain("New York");
  });

  it("an organiser of a trip may still start another trip that lists them", async () => {
    const second = readFileSync(PY_FILE, "utf8");
    const reply = await bot.submitFile(request(ALICE), { name: "py.yaml", text: second });
    await bot.press(request(ALICE), { action: "confirm", value: confirmOf(reply) });
    expect((await stores.facts.getTrip(PY))?.id).toBe(PY);
  });

  it("is not offered the upload form in a channel whose trip they do not organise", async () => {
    const reply = await bot.answer(request(TRAVELLER, "trip", "upload"));
    expect(reply.form).toBeUndefined();
    expect(said(reply)).toContain("Only organisers");
    expect((await bot.answer(request(ALICE, "trip", "upload"))).form?.fields[0]?.kind).toBe("file");
  });
});

describe("an organiser of one trip", () => {
  it("cannot upload over, edit or download another trip, nor make themselves its organiser", async () => {
    const other = withOrganisers(PYONGYANG, { discord: [TRAVELLER] });
    await loadTrip(stores, tripFile(other), { now: START });
    const before = await stores.facts.revision(PY);
    const takeover = readFileSync(other, "utf8").replace(
      `discord: [ "${TRAVELLER}" ]`,
      `discord: [ "${TRAVELLER}", "${ALICE}" ]`,
    );
    expect(takeover).toContain(ALICE);
    const upload = await bot.submitFile(request(ALICE), { name: "py.yaml", text: takeover });
    expect(upload.buttons).toEqual([]);
    const onPy = { ...request(ALICE, "edit", "race-start"), tripId: PY };
    expect((await bot.answer(onPy)).form).toBeUndefined();
    const download = await bot.answer({ ...request(ALICE, "trip", "download"), tripId: PY });
    expect(download.files).toBeUndefined();
    expect(await stores.facts.revision(PY)).toBe(before);
  });
});

describe("files as editors save them", () => {
  const moved = NY_TEXT.replace(
    "- id: race-start\n    start: 2025-11-02 09:10",
    "- id: race-start\n    start: 2025-11-02 09:40",
  );

  it.each([
    ["with Windows line ends", moved.replace(/\n/g, "\r\n")],
    ["with a byte-order mark", `\ufeff${moved}`],
    ["with both", `\ufeff${moved.replace(/\n/g, "\r\n")}`],
  ])("%s previews the same change as the plain file", async (_name, text) => {
    const plain = said(await bot.submitFile(request(ALICE), { name: "ny.yaml", text: moved }));
    const reply = await bot.submitFile(request(ALICE), { name: "ny.yaml", text });
    expect(said(reply)).toBe(plain);
    await bot.press(request(ALICE), { action: "confirm", value: confirmOf(reply) });
    expect((await item("race-start"))?.start).toBe("2025-11-02 09:40");
  });

  it("broken with Windows line ends still names the right line and column", async () => {
    const broken = moved.replace("title: Ferry to Staten Island", "titel: Ferry to Staten Island");
    const line = broken.split("\n").findIndex((l) => l.includes("titel:")) + 1;
    const reply = await bot.submitFile(request(ALICE), {
      name: "ny.yaml",
      text: `\ufeff${broken.replace(/\n/g, "\r\n")}`,
    });
    expect(said(reply)).toContain(`line ${line}, column 5: unknown key "titel"`);
    expect(await stores.facts.revision(NY)).toBe(1);
  });
});
