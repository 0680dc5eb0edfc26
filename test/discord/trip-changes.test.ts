import { readFileSync } from "node:fs";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inProcessAfterResponse } from "../../bot/after-response";
import { createBot } from "../../bot/core";
import { downloadAttachment } from "../../bot/discord/attachment";
import { discordCommands } from "../../bot/discord/commands";
import { discord } from "../../bot/discord/platform";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import {
  type FakeDiscordApi,
  type StandInAttachment,
  startFakeDiscordApi,
} from "../../bot/discord/stand-in";
import { type LambdaHttpHandler, lambdaHttp } from "../../bot/lambda/http";
import { loadTrip } from "../../bot/loading/load-trip";
import { tripFileText } from "../../bot/loading/trip-file";
import { TRIP_FILE_MAX_BYTES } from "../../bot/loading/trip-file-limit";
import { runReminders } from "../../bot/reminders/run";
import { reminderStoreOf } from "../../bot/store/stores";
import { type LocalEnvironment, openLocalEnvironment } from "../../dev/environment";
import { NEW_YORK as SHIPPED_NEW_YORK, tripFile, withOrganisers } from "../helpers/memory-trips";
import { oddTripFiles, utf16le } from "../helpers/odd-files";
import { formParts, replyOf, signedEvent, testKeys } from "./helpers";

/** The example trip, listing the test organisers (the shipped file lists placeholders). */
const NEW_YORK = withOrganisers(SHIPPED_NEW_YORK);

// Saturday 1 November 2025, 08:00 in New York: the race starts tomorrow at 09:10.
const T = new Date("2025-11-01T12:00:00Z");
const TRIP = "new-york-marathon-2025";
const ORGANISER = "100000000000000001";
const MEMBER = "100000000000000002";
const NY_TEXT = readFileSync(NEW_YORK, "utf8");
const RACE = "- id: race-start\n    start: 2025-11-02 09:10";
const moved = NY_TEXT.replace(RACE, "- id: race-start\n    start: 2025-11-02 09:40");

interface Message {
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string; style: number; label: string }[] }[];
  flags?: number;
}

const textOf = (m: Message | undefined) =>
  [
    m?.content,
    ...(m?.embeds ?? []).flatMap((e) => [
      e.title,
      e.description,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].join("\n");

let api: FakeDiscordApi;
let env: LocalEnvironment;
let handler: LambdaHttpHandler;
let later: ReturnType<typeof inProcessAfterResponse> | undefined;
let now: Date;
let seq = 1;
const keys = testKeys();

beforeAll(async () => {
  api = await startFakeDiscordApi();
});
afterAll(async () => {
  await api.close();
});

beforeEach(async () => {
  await env?.close();
  api.reset();
  now = T;
  env = await openLocalEnvironment({ tableName: `t-${Math.random().toString(36).slice(2, 10)}` });
  await loadTrip(env.stores, tripFile(NEW_YORK), { now: T });
  const poster = new DiscordChannelPoster({ baseUrl: api.url, token: "test-token" });
  const bot = createBot({
    store: env.stores.facts,
    channels: env.stores.channels,
    posters: { discord: poster },
    changes: { schedule: env.stores.schedule, proposals: env.stores.proposals },
    clock: () => now,
  });
  handler = lambdaHttp(discord, {
    env: {
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_BOT_TOKEN: "test-token",
      DISCORD_API_URL: api.url,
      DISCORD_CDN_URL: `${api.url}/attachments/`,
    },
    bot: () => bot,
    clock: () => now,
    later: (run) => {
      later = inProcessAfterResponse(run, (e) => {
        throw e;
      });
      return later;
    },
  });
});
afterAll(() => env?.close());

function interaction(type: number, user: string, data: unknown) {
  const id = String(seq++);
  return {
    id,
    application_id: "app-1",
    type,
    data,
    guild_id: "guild-1",
    channel_id: "channel-1",
    channel: { id: "channel-1", type: 0 },
    member: { user: { id: user, username: "u" }, nick: null, roles: [], permissions: "0" },
    token: `token-${id}`,
    version: 1,
  };
}

const sub = (name: string, options: unknown[], resolved?: unknown) => ({
  id: "cmd",
  name: "marathon",
  type: 1,
  options: [{ type: 1, name, options }],
  ...(resolved ? { resolved } : {}),
});

async function send(body: unknown) {
  const r = await handler(
    signedEvent(JSON.stringify(body), {
      privateKey: keys.privateKey,
      timestamp: Math.floor(now.getTime() / 1000),
    }),
  );
  return { status: r.statusCode, json: replyOf(r), raw: r };
}

/** The interaction's private answer once its deferred work is done (its @original edit). */
async function answerOf(token: string): Promise<Message | undefined> {
  await later?.idle();
  const edits = api.webhookCalls(token).filter((c) => c.method === "PATCH");
  return edits.at(-1)?.body as Message | undefined;
}

async function upload(user: string, file: StandInAttachment) {
  const body = interaction(
    2,
    user,
    sub(
      "trip",
      [
        { type: 3, name: "action", value: "upload" },
        { type: 11, name: "file", value: file.id },
      ],
      { attachments: { [file.id]: file } },
    ),
  );
  const r = await send(body);
  expect(r.json).toEqual({ type: 5, data: { flags: 64 } });
  return answerOf(body.token);
}

const buttons = (m: Message | undefined) => m?.components?.flatMap((row) => row.components) ?? [];
const confirmId = (m: Message | undefined) =>
  buttons(m).find((b) => b.custom_id.startsWith("confirm:"))?.custom_id ?? "";

async function click(user: string, customId: string) {
  const body = interaction(3, user, { custom_id: customId, component_type: 2 });
  const r = await send(body);
  expect(r.json).toEqual({ type: 6 });
  return answerOf(body.token);
}

async function table() {
  const out = await env.doc.send(new ScanCommand({ TableName: env.tableName }));
  return (out.Items ?? []).sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

const trip = async () => env.stores.facts.readTrip(TRIP);
const raceStart = async () => (await trip())?.trip.itinerary.find((i) => i.id === "race-start");

/** `text` listing only MEMBER as the Discord organiser. */
const takeoverOf = (text: string) => {
  const out = text.replace(`discord: [ "${ORGANISER}" ]`, `discord: [ "${MEMBER}" ]`);
  expect(out).not.toBe(text);
  return out;
};

describe("Discord: uploading a trip file", () => {
  it("previews privately with Confirm and Cancel; the file loads on Confirm and not before", async () => {
    const preview = await upload(ORGANISER, api.attach("ny.yaml", moved));
    expect(preview?.flags).toBe(64);
    expect(textOf(preview)).toContain("itinerary race-start (start)");
    expect(buttons(preview).map((b) => [b.label, b.style])).toEqual([
      ["Confirm", 1],
      ["Cancel", 4],
    ]);
    expect((await trip())?.revision).toBe(1);
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");

    const done = await click(ORGANISER, confirmId(preview));
    expect(textOf(done)).toContain("Loaded");
    expect(buttons(done)).toEqual([]);
    expect((await trip())?.revision).toBe(2);
    expect((await raceStart())?.start).toBe("2025-11-02 09:40");
  });

  it("without a file, says how to attach one (Discord opens no form with a file input)", async () => {
    const r = await send(
      interaction(2, ORGANISER, sub("trip", [{ type: 3, name: "action", value: "upload" }])),
    );
    expect(r.json.type).toBe(4);
    expect(r.json.data?.flags).toBe(64);
    expect(textOf(r.json.data as Message)).toContain("trip upload");
  });

  it("a broken file gets its errors with line and column, and the table is untouched", async () => {
    const before = await table();
    const broken = NY_TEXT.replace("title: Ferry to Staten Island", "titel: Ferry");
    const answer = await upload(ORGANISER, api.attach("ny.yaml", broken));
    const line = NY_TEXT.split("\n").findIndex((l) => l.includes("Ferry to Staten Island")) + 1;
    expect(textOf(answer)).toContain(`line ${line}, column 5`);
    expect(buttons(answer)).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it("Cancel, a second click, another member's click and a click after another load change nothing", async () => {
    const first = await upload(ORGANISER, api.attach("ny.yaml", moved));
    const cancelId = confirmId(first).replace("confirm:", "cancel:");
    expect(textOf(await click(ORGANISER, cancelId))).toContain("Cancelled");
    expect(textOf(await click(ORGANISER, confirmId(first)))).toContain("no longer open");
    expect((await trip())?.revision).toBe(1);

    const second = await upload(ORGANISER, api.attach("ny.yaml", moved));
    const before = await table();
    expect(textOf(await click(MEMBER, confirmId(second)))).toContain("Not your preview");
    expect(await table()).toEqual(before);

    // Another load comes first: the preview's Confirm loads nothing and offers a fresh one.
    const other = NY_TEXT.replace("title: Finishers' dinner", "title: Finishers' party");
    await loadTrip(env.stores, tripFile(NEW_YORK), { now: T });
    const otherPreview = await upload(ORGANISER, api.attach("b.yaml", other));
    await click(ORGANISER, confirmId(otherPreview));
    expect((await trip())?.revision).toBe(2);
    const stale = await click(ORGANISER, confirmId(second));
    expect(textOf(stale)).toContain("The trip changed since that preview");
    expect(confirmId(stale)).not.toBe("");
    expect((await trip())?.revision).toBe(2);
    expect((await raceStart())?.start).toBe("2025-11-02 09:10");
  });

  it("over a trip, by a member its file does not list, is refused and the table is untouched", async () => {
    const before = await table();
    const takeover = moved.replace(`discord: [ "${ORGANISER}" ]`, `discord: [ "${MEMBER}" ]`);
    const answer = await upload(MEMBER, api.attach("ny.yaml", takeover));
    expect(textOf(answer)).toContain("Only an organiser");
    expect(buttons(answer)).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it("for a new trip, by a member who organises none, is refused: a trip of their own would also take the channels that answer from the only trip", async () => {
    const before = await table();
    const own = takeoverOf(NY_TEXT.replace(`id: ${TRIP}`, "id: my-own-trip"));
    const answer = await upload(MEMBER, api.attach("mine.yaml", own));
    expect(textOf(answer)).toContain("Only an organiser");
    expect(buttons(answer)).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it("a zip, a PDF, a Latin-1 or a binary file is answered plainly; UTF-16 with a BOM is read", async () => {
    const before = await table();
    for (const odd of oddTripFiles(moved)) {
      const answer = await upload(ORGANISER, api.attach(odd.name, odd.bytes));
      expect(textOf(answer), odd.name).toMatch(odd.answer);
      expect(buttons(answer), odd.name).toEqual([]);
    }
    expect(await table()).toEqual(before);
    const notepad = await upload(ORGANISER, api.attach("ny.yaml", utf16le(moved)));
    expect(textOf(notepad)).toContain("~ itinerary race-start (start)");
  });

  it("is fetched again after the CDN answers 429 or 5xx or drops the connection, and previewed", async () => {
    const cdn = { method: "GET", path: /^\/attachments\// };
    for (const fault of [
      { kind: "rate-limit", retryAfter: 1 },
      { kind: "server-error", status: 503 },
      { kind: "drop" },
    ] as const) {
      api.fault(fault, cdn);
      const answer = await upload(ORGANISER, api.attach("ny.yaml", moved));
      expect(textOf(answer), fault.kind).toContain("~ itinerary race-start (start)");
      expect(confirmId(answer), fault.kind).not.toBe("");
    }
  });

  it("a CDN that keeps failing gets a plain answer, and the table is untouched", async () => {
    const before = await table();
    const cdn = { method: "GET", path: /^\/attachments\// };
    for (let i = 0; i < 3; i++) api.fault({ kind: "server-error", status: 502 }, cdn);
    const answer = await upload(ORGANISER, api.attach("ny.yaml", moved));
    expect(textOf(answer)).toMatch(/could not be fetched from Discord.*Nothing was changed/s);
    expect(buttons(answer)).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it("a file named anywhere but Discord's CDN is not fetched", async () => {
    const before = await table();
    const real = api.attach("ny.yaml", moved);
    for (const url of [`${api.url}/v10/elsewhere/ny.yaml`, "https://example.com/ny.yaml"]) {
      const answer = await upload(ORGANISER, { ...real, url });
      expect(textOf(answer)).toContain("not on Discord's file servers");
    }
    expect(api.calls.filter((c) => c.path.includes("elsewhere"))).toEqual([]);
    expect(await table()).toEqual(before);
  });

  it("a file over the limit is refused, whatever its size claims", async () => {
    const before = await table();
    const big = `${moved}\n#${"x".repeat(TRIP_FILE_MAX_BYTES)}`;
    for (const file of [
      api.attach("big.yaml", big),
      api.attach("big.yaml", big, { size: 100 }),
      api.attach("big.yaml", big, { size: 100, noLength: true }),
    ]) {
      expect(textOf(await upload(ORGANISER, file))).toContain("too large");
    }
    expect(await table()).toEqual(before);
  });

  it("the adapter itself stops reading at the limit: by the claimed size, the length, or the bytes", async () => {
    const source = { extraBase: `${api.url}/attachments/`, maxBytes: 1000, timeoutMs: 5000 };
    const text = "x".repeat(1001);
    const fetched = (file: StandInAttachment) => downloadAttachment(file.url, file.size, source);
    for (const file of [
      api.attach("a.yaml", text),
      api.attach("b.yaml", text, { size: 10 }),
      api.attach("c.yaml", text, { size: 10, noLength: true }),
    ]) {
      expect(await fetched(file)).toEqual({ ok: false, reason: "too-large" });
    }
    const fits = api.attach("d.yaml", "x".repeat(1000), { noLength: true });
    expect(await fetched(fits)).toEqual({ ok: true, text: "x".repeat(1000) });
  });
});

describe("Discord: a long preview", () => {
  it("is shortened, says so, fits Discord's limits and keeps its buttons", async () => {
    const file = tripFile(NEW_YORK);
    for (let i = 0; i < 60; i++) {
      file.faq.push({
        id: `extra-${i}`,
        question: `Extra question ${i}: ${"is this long enough to matter ".repeat(8)}?`,
        answer: "Yes.",
        keywords: [],
      });
    }
    await upload(ORGANISER, api.attach("long.yaml", tripFileText(file)));
    const sent = api
      .webhookCalls()
      .map((c) => c.body as Message & { embeds?: { description?: string }[] });
    const all = sent.map(textOf).join("\n");
    expect(all).toContain("60 added");
    expect(all).toMatch(/… and 35 more changes not shown here/);
    for (const m of sent) {
      expect((m.content ?? "").length).toBeLessThanOrEqual(2000);
      const sizes = (m.embeds ?? []).map((e) => textOf({ embeds: [e] }).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6000);
      for (const e of m.embeds ?? [])
        expect((e.description ?? "").length).toBeLessThanOrEqual(4096);
    }
    // Confirm and Cancel go on the last message only.
    expect(sent.slice(0, -1).flatMap(buttons)).toEqual([]);
    expect(confirmId(sent.at(-1))).not.toBe("");
  });
});

describe("Discord: trip download", () => {
  it("sends the organiser the file privately; uploaded back unchanged it is 'no changes' and Confirm writes nothing", async () => {
    const body = interaction(
      2,
      ORGANISER,
      sub("trip", [{ type: 3, name: "action", value: "download" }]),
    );
    const r = await send(body);
    const type = r.raw.headers["content-type"] ?? "";
    expect(type).toMatch(/^multipart\/form-data/);
    expect(r.json.data?.flags).toBe(64);
    const file = formParts(r.raw.body, type).get("files[0]");
    expect(file?.filename).toBe(`${TRIP}.yaml`);

    const preview = await upload(ORGANISER, api.attach(`${TRIP}.yaml`, file?.text ?? ""));
    expect(textOf(preview)).toContain("No changes");
    const before = await table();
    await click(ORGANISER, confirmId(preview));
    expect((await trip())?.revision).toBe(1);
    // The proposal is used up; nothing else in the table changed.
    expect((await table()).filter((i) => !String(i.pk).startsWith("PROPOSAL#"))).toEqual(
      before.filter((i) => !String(i.pk).startsWith("PROPOSAL#")),
    );
  });

  it("is refused to a member", async () => {
    const body = interaction(
      2,
      MEMBER,
      sub("trip", [{ type: 3, name: "action", value: "download" }]),
    );
    const r = await send(body);
    expect(r.raw.headers["content-type"]).toBe("application/json");
    expect(textOf(r.json.data as Message)).toContain("Only organisers");
  });
});

describe("Discord: editing an item", () => {
  it("opens a modal; submitted and confirmed, the item's reminders move and each subscribed channel gets one change alert", async () => {
    for (const channel of ["9001", "9002"]) {
      await env.stores.channels.setSubscribed(TRIP, "discord", channel, true, ORGANISER);
    }
    const scheduled = async () =>
      (await env.stores.schedule.scheduleOf(TRIP))
        .filter((r) => r.itemId === "race-start")
        .map((r) => r.dueAt.getTime());
    const before = await scheduled();
    expect(before.length).toBeGreaterThan(0);

    const opened = await send(
      interaction(2, ORGANISER, sub("edit", [{ type: 3, name: "item", value: "race-start" }])),
    );
    const modal = opened.json as unknown as {
      type: number;
      data: {
        custom_id: string;
        title: string;
        components: { components: { custom_id: string; value?: string; label: string }[] }[];
      };
    };
    expect(modal.type).toBe(9);
    const inputs = modal.data.components.flatMap((row) => row.components);
    expect(inputs.map((i) => [i.custom_id, i.value])).toEqual([
      ["start", "2025-11-02 09:10"],
      ["end", "2025-11-02 16:30"],
      ["title", "Race start (wave 1)"],
      ["place", "Fort Wadsworth, Staten Island"],
      ["notes", undefined],
    ]);
    for (const i of inputs) expect(i.label.length).toBeLessThanOrEqual(45);

    const rows = inputs.map((i) => ({
      type: 1,
      components: [
        {
          type: 4,
          custom_id: i.custom_id,
          value: i.custom_id === "start" ? "2025-11-02 09:40" : (i.value ?? ""),
        },
      ],
    }));
    const submit = interaction(5, ORGANISER, { custom_id: modal.data.custom_id, components: rows });
    expect((await send(submit)).json).toEqual({ type: 5, data: { flags: 64 } });
    const preview = await answerOf(submit.token);
    expect(textOf(preview)).toContain("itinerary race-start (start)");
    expect(textOf(preview)).toMatch(/change alert/);
    expect(await scheduled()).toEqual(before);

    now = new Date(T.getTime() + 60_000);
    await click(ORGANISER, confirmId(preview));
    expect((await raceStart())?.start).toBe("2025-11-02 09:40");
    expect(await scheduled()).toEqual(before.map((t) => t + 30 * 60_000));

    const run = (at: Date) =>
      runReminders({
        reminders: reminderStoreOf(env.stores),
        posters: { discord: new DiscordChannelPoster({ baseUrl: api.url, token: "test-token" }) },
        now: at,
        budgetMs: 50_000,
        runId: `run-${Math.random()}`,
      });
    await run(new Date(T.getTime() + 2 * 60_000));
    await run(new Date(T.getTime() + 3 * 60_000));
    for (const channel of ["9001", "9002"]) {
      const titles = (api.posted(channel) as Message[]).map((m) => m.embeds?.[0]?.title ?? "");
      expect(titles.filter((t) => t.startsWith("Changed: Race start"))).toHaveLength(1);
    }
  });

  it("a bad time in the modal gets an error naming the field, and nothing changes", async () => {
    const before = await table();
    const submit = interaction(5, ORGANISER, {
      custom_id: "form:edit:race-start",
      components: [
        { type: 1, components: [{ type: 4, custom_id: "start", value: "tomorrow-ish" }] },
      ],
    });
    await send(submit);
    const answer = await answerOf(submit.token);
    expect(textOf(answer)).toMatch(/Start: /);
    expect(await table()).toEqual(before);
  });

  it("suggests the itinerary's items while typing", async () => {
    const r = await send(
      interaction(
        4,
        ORGANISER,
        sub("edit", [{ type: 3, name: "item", value: "race", focused: true }]),
      ),
    );
    expect(r.json.data?.choices?.map((c) => c.value)).toContain("race-start");
  });
});

describe("Discord: registration", () => {
  it("derives trip's attachment option and edit's autocomplete from the command definitions", () => {
    const [root] = discordCommands();
    const options = (name: string) =>
      (root?.options?.find((o) => o.name === name) as { options?: Record<string, unknown>[] })
        ?.options;
    expect(options("trip")?.map((o) => [o.name, o.type, o.autocomplete ?? false])).toEqual([
      ["action", 3, true],
      ["file", 11, false],
    ]);
    expect(options("edit")?.map((o) => [o.name, o.type, o.autocomplete])).toEqual([
      ["item", 3, true],
    ]);
  });
});

describe("Discord: malformed trip-change interactions", () => {
  it("are refused with a 400, never a 500", async () => {
    const bodies = [
      interaction(5, ORGANISER, { custom_id: "form:edit:x", components: "rows" }),
      interaction(5, ORGANISER, { components: [] }),
      interaction(2, ORGANISER, {
        ...sub("trip", []),
        resolved: { attachments: { "1": { id: "1" } } },
      }),
      interaction(2, ORGANISER, {
        ...sub("trip", []),
        resolved: { attachments: { "1": { id: "1", filename: "a", size: -1, url: "x" } } },
      }),
    ];
    for (const body of bodies) expect((await send(body)).status).toBe(400);
  });
});
