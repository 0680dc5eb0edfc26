import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { TRIP_FILE_MAX_BYTES } from "../../bot/loading/trip-file-limit";
import { runReminders } from "../../bot/reminders/run";
import { SLACK_LIMITS } from "../../bot/slack/limits";
import { SlackPoster } from "../../bot/slack/poster";
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from "../../bot/slack/stand-in";
import { reminderStoreOf } from "../../bot/store/stores";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";
import { NEW_YORK as SHIPPED_NEW_YORK, tripFile, withOrganisers } from "../helpers/memory-trips";
import { oddTripFiles, utf16le } from "../helpers/odd-files";
import { type OpenedView, pressBody, submissionBody } from "./flows";
import { type SlackAnswer, slackHandler, visibleText } from "./setup";
import { commandBody, SECRET, slackEvent } from "./signed";

/** The example trip, listing the test organisers (the shipped file lists placeholders). */
const NEW_YORK = withOrganisers(SHIPPED_NEW_YORK);

const TOKEN = "xoxb-upload-test";
const ORGANISER = "U0ORGANISER";
const MEMBER = "U0MEMBER";
const TRIP = "new-york-marathon-2025";
const NY_TEXT = readFileSync(NEW_YORK, "utf8");
const RACE_START = "- id: race-start\n    start: 2025-11-02 09:10";
const moved = (to: string) => NY_TEXT.replace(RACE_START, `- id: race-start\n    start: ${to}`);

/** A week before the race (reminders all to come), and the day before it (changes alerted). */
const WEEK_BEFORE = new Date("2025-10-26T12:00:00Z");
const DAY_BEFORE = new Date("2025-11-01T12:00:00Z");

describe("organisers on Slack: upload, preview, Confirm, download, edit", () => {
  let slack: FakeSlackApi;
  let table: LocalEnvironment;
  let handler: ReturnType<typeof slackHandler>;
  let now = WEEK_BEFORE;
  let n = 0;

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: TOKEN });
    table = await localTable();
    await loadTrip(table.stores, tripFile(NEW_YORK), { now: WEEK_BEFORE });
    for (const channel of ["C0001", "C0002"]) {
      await table.stores.channels.link("slack", channel, TRIP, ORGANISER);
      await table.stores.channels.setSubscribed(TRIP, "slack", channel, true, ORGANISER);
    }
    handler = slackHandler({
      env: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_API_URL: slack.apiUrl,
        TABLE_NAME: table.tableName,
        DYNAMODB_ENDPOINT: table.endpoint,
      },
      clock: () => now,
    });
  });
  afterAll(async () => {
    await handler.idle();
    await table.close();
    await slack.close();
  });

  const signed = (body: string) =>
    slackEvent(body, { timestamp: Math.floor(now.getTime() / 1000) });
  const revision = () => table.store.revision(TRIP);
  const raceStart = async () =>
    (await table.store.getTrip(TRIP))?.itinerary.find((i) => i.id === "race-start")?.start;

  /** `/marathon <text>` typed by `user`; the HTTP answer and the response_url's id. */
  async function type(text: string, user = ORGANISER) {
    const ref = `c${++n}`;
    const res = await handler(
      signed(
        commandBody(text, {
          user_id: user,
          trigger_id: slack.trigger(),
          response_url: slack.responseUrl(ref),
        }),
      ),
    );
    expect(res.statusCode).toBe(200);
    return { body: res.body, ref };
  }

  /** Opens a form with a command: the modal Slack shows. */
  async function openForm(text: string): Promise<OpenedView> {
    const before = slack.views().length;
    const { body } = await type(text);
    // The command itself is answered with nothing: the modal is the answer.
    expect(body).toBe("");
    expect(slack.views()).toHaveLength(before + 1);
    return slack.views().at(-1) as unknown as OpenedView;
  }

  /** Submits a modal; the HTTP answer (empty: closed) and what was privately posted after. */
  async function submit(
    view: OpenedView,
    input: Parameters<typeof submissionBody>[1],
  ): Promise<{ ack: string; posted: RecordedCall[] }> {
    const before = slack.ephemerals().length;
    const res = await handler(signed(submissionBody(view, input)));
    expect(res.statusCode).toBe(200);
    await handler.idle();
    return { ack: res.body, posted: slack.ephemerals().slice(before) };
  }

  const buttonsOf = (call: RecordedCall | undefined) =>
    ((call?.body.blocks ?? []) as SlackAnswer["blocks"])
      .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
      .map((e) => ({ action: e.action_id, value: e.value ?? "" }));

  /** Clicks Confirm or Cancel; what replaced the preview. */
  async function press(actionId: string, value: string, user = ORGANISER) {
    const ref = `p${++n}`;
    const res = await handler(
      signed(pressBody({ actionId, value, user, responseUrl: slack.responseUrl(ref) })),
    );
    expect(res.statusCode).toBe(200);
    await handler.idle();
    const [outcome] = slack.responses(ref);
    expect(outcome?.replace_original).toBe(true);
    return visibleText(outcome as unknown as SlackAnswer);
  }

  /** Uploads `text` as `name` through the modal; the private answer's text and its buttons. */
  async function upload(text: string | Buffer, name = "ny.yaml") {
    const view = await openForm("trip upload");
    const file = slack.hostFile({ name, text, user: ORGANISER });
    const { ack, posted } = await submit(view, { user: ORGANISER, file });
    expect(ack).toBe("");
    expect(posted).toHaveLength(1);
    const [answer] = posted;
    expect(answer?.body).toMatchObject({ channel: "C0001", user: ORGANISER });
    const confirm = buttonsOf(answer).find((b) => b.action === "confirm")?.value ?? "";
    return { text: visibleText(answer?.body as unknown as SlackAnswer), confirm, answer };
  }

  it("trip upload opens a modal with one YAML file input, within Slack's limits", async () => {
    const view = await openForm("trip upload");
    expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    const [input] = view.blocks;
    expect(input?.element).toMatchObject({
      type: "file_input",
      filetypes: ["yaml", "yml"],
      max_files: 1,
    });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ f: "upload", c: "C0001" });
  });

  it("a good file gets a private preview with Confirm and Cancel, and nothing loads until Confirm", async () => {
    const before = await revision();
    const preview = await upload(moved("2025-11-02 09:40"));
    expect(preview.text).toContain("race-start");
    expect(buttonsOf(preview.answer).map((b) => b.action)).toEqual(["confirm", "cancel"]);
    expect(await revision()).toBe(before);
    expect(await raceStart()).toBe("2025-11-02 09:10");

    // Another member's click, then the organiser's Cancel-less Confirm.
    expect(await press("confirm", preview.confirm, MEMBER)).toMatch(/Not your preview/);
    expect(await revision()).toBe(before);
    expect(await press("confirm", preview.confirm)).toMatch(/Loaded/);
    expect(await revision()).toBe(before + 1);
    expect(await raceStart()).toBe("2025-11-02 09:40");
    // A second click loads nothing more.
    expect(await press("confirm", preview.confirm)).toMatch(/no longer open/);
    expect(await revision()).toBe(before + 1);
  });

  it("a broken file gets its errors with line and column, and changes nothing", async () => {
    const before = await revision();
    const broken = NY_TEXT.replace(
      "title: Ferry to Staten Island",
      "titel: Ferry to Staten Island",
    );
    const line = NY_TEXT.split("\n").findIndex((l) => l.includes("title: Ferry")) + 1;
    const answer = await upload(broken);
    expect(answer.text).toContain(`line ${line}, column 5`);
    expect(buttonsOf(answer.answer)).toEqual([]);
    expect(await revision()).toBe(before);
  });

  it("Cancel, and a Confirm after another load, change nothing", async () => {
    const start = await raceStart();
    const cancelled = await upload(moved("2025-11-02 08:00"));
    expect(await press("cancel", cancelled.confirm)).toMatch(/Cancelled/);
    expect(await press("confirm", cancelled.confirm)).toMatch(/no longer open/);
    expect(await raceStart()).toBe(start);

    const stale = await upload(moved("2025-11-02 08:15"));
    const first = await upload(moved("2025-11-02 08:30"));
    const before = await revision();
    expect(await press("confirm", first.confirm)).toMatch(/Loaded/);
    expect(await press("confirm", stale.confirm)).toMatch(/The trip changed since that preview/);
    expect(await revision()).toBe(before + 1);
    expect(await raceStart()).toBe("2025-11-02 08:30");
  });

  it("refuses a file on another host, one Slack will not hand over, and one too large", async () => {
    const before = slack.calls.filter((c) => c.target === "file").length;
    const view = await openForm("trip upload");
    const good = slack.hostFile({ name: "ny.yaml", text: NY_TEXT });
    const elsewhere = { ...good, url_private: "https://files.evil.example/files-pri/T-F/ny.yaml" };
    const outside = await submit(view, { user: ORGANISER, file: elsewhere });
    expect(visibleText(outside.posted[0]?.body as unknown as SlackAnswer)).toMatch(
      /not on Slack's file server.*Nothing was changed/s,
    );
    expect(slack.calls.filter((c) => c.target === "file").length).toBe(before);

    const declared = { ...good, size: TRIP_FILE_MAX_BYTES + 1 };
    const atOnce = await submit(view, { user: ORGANISER, file: declared });
    expect(JSON.parse(atOnce.ack)).toEqual({
      response_action: "errors",
      errors: { file: expect.stringMatching(/larger than 256 KiB/) },
    });
    expect(atOnce.posted).toEqual([]);

    const unreadable = slack.hostFile({ name: "ny.yaml", text: NY_TEXT }, { unreadable: true });
    const signIn = await submit(view, { user: ORGANISER, file: unreadable });
    expect(visibleText(signIn.posted[0]?.body as unknown as SlackAnswer)).toMatch(
      /did not let the bot read the file/,
    );

    const big = `${NY_TEXT}\n#${"x".repeat(TRIP_FILE_MAX_BYTES)}`;
    const revisionBefore = await revision();
    const hidden = { ...slack.hostFile({ name: "ny.yaml", text: big }), size: undefined };
    const later = await submit(view, { user: ORGANISER, file: hidden });
    expect(visibleText(later.posted[0]?.body as unknown as SlackAnswer)).toMatch(
      /larger than 256 KiB/,
    );
    expect(await revision()).toBe(revisionBefore);
  });

  it("a zip, a PDF, a Latin-1 or a binary file is answered plainly; UTF-16 with a BOM is read", async () => {
    const before = await revision();
    for (const odd of oddTripFiles(moved("2025-11-02 07:00"))) {
      const { text, confirm } = await upload(odd.bytes, odd.name);
      expect(text, odd.name).toMatch(odd.answer);
      expect(confirm, odd.name).toBe("");
    }
    expect(await revision()).toBe(before);
    const notepad = await upload(utf16le(moved("2025-11-02 07:00")));
    expect(notepad.text).toContain("~ itinerary race-start (start)");
  });

  it("trip download sends the file in a direct message; sent back unchanged, it changes nothing", async () => {
    const { body, ref } = await type("trip download");
    expect(visibleText(JSON.parse(body) as SlackAnswer)).toMatch(/direct message/);
    await handler.idle();
    const [done] = slack.responses(ref);
    expect(visibleText(done as unknown as SlackAnswer)).toMatch(/sent to you in a direct message/);
    const sent = slack.sharedFiles().at(-1);
    expect(sent).toMatchObject({ name: `${TRIP}.yaml`, channel: `D${ORGANISER}` });
    const again = await upload(sent?.text ?? "", `${TRIP}.yaml`);
    expect(again.text).toMatch(/No changes/);
  });

  it("a member's upload and edit are refused, with no buttons, and change nothing", async () => {
    const before = await revision();
    const view = await openForm("trip upload");
    const file = slack.hostFile({ name: "ny.yaml", text: moved("2025-11-02 07:00"), user: MEMBER });
    const upload = await submit(view, { user: MEMBER, file });
    expect(visibleText(upload.posted[0]?.body as unknown as SlackAnswer)).toMatch(
      /Only an organiser/,
    );
    expect(buttonsOf(upload.posted[0])).toEqual([]);
    const edit = await openForm("edit race-start");
    const changed = await submit(edit, { user: MEMBER, values: { start: "2025-11-02 07:00" } });
    expect(buttonsOf(changed.posted[0])).toEqual([]);
    expect(await revision()).toBe(before);
    // Nor a new trip that lists them: they organise none here.
    const own = NY_TEXT.replace(`id: ${TRIP}`, "id: my-own-trip").replace(
      "slack: [ U0ORGANISER ]",
      `slack: [ ${MEMBER} ]`,
    );
    expect(own).toContain(`slack: [ ${MEMBER} ]`);
    const mine = slack.hostFile({ name: "mine.yaml", text: own, user: MEMBER });
    const created = await submit(view, { user: MEMBER, file: mine });
    expect(buttonsOf(created.posted[0])).toEqual([]);
    expect(await table.store.getTrip("my-own-trip")).toBeUndefined();
  });

  it("a member's trip download sends nothing", async () => {
    const shared = slack.sharedFiles().length;
    const { body } = await type("trip download", MEMBER);
    await handler.idle();
    expect(visibleText(JSON.parse(body) as SlackAnswer)).toMatch(/Only organisers/);
    expect(slack.sharedFiles()).toHaveLength(shared);
  });

  it("says so plainly when the form cannot open or the file cannot be sent", async () => {
    slack.schedule(
      { kind: "serverError", status: 503, to: "views.open" },
      { kind: "serverError", status: 503, to: "views.open" },
    );
    const views = slack.views().length;
    const { body } = await type("trip upload");
    expect(visibleText(JSON.parse(body) as SlackAnswer)).toMatch(
      /form could not be opened.*503.*Nothing was changed/s,
    );
    expect(slack.views()).toHaveLength(views);

    const shared = slack.sharedFiles().length;
    slack.schedule(
      ...Array.from({ length: 3 }, () => ({
        kind: "serverError" as const,
        to: "conversations.open",
      })),
    );
    const { ref } = await type("trip download");
    await handler.idle();
    expect(visibleText(slack.responses(ref)[0] as unknown as SlackAnswer)).toMatch(
      /could not be sent to you.*Please try again/s,
    );
    expect(slack.sharedFiles()).toHaveLength(shared);
  });

  it("in a channel the bot cannot post in, the preview comes by direct message, buttons and all", async () => {
    const view = await openForm("trip upload");
    const file = slack.hostFile({ name: "ny.yaml", text: moved("2025-11-02 09:50") });
    slack.schedule({ kind: "slackError", error: "not_in_channel", to: "chat.postEphemeral" });
    const posts = slack.posts().length;
    const { posted } = await submit(view, { user: ORGANISER, file });
    expect(posted).toEqual([]);
    const [dm] = slack.posts().slice(posts);
    expect(dm?.body.channel).toBe(`D${ORGANISER}`);
    expect(buttonsOf(dm).map((b) => b.action)).toEqual(["confirm", "cancel"]);
  });

  it("edit opens a prefilled modal; confirmed, the item and its reminders move and each channel gets one change alert", async () => {
    now = DAY_BEFORE;
    const reminders = reminderStoreOf(table.stores);
    const posters = { slack: new SlackPoster({ token: TOKEN, apiUrl: slack.apiUrl }) };
    const run = () => runReminders({ reminders, posters, now, budgetMs: 50_000, runId: `r${++n}` });
    await run();
    const start = await raceStart();
    const view = await openForm("edit race-start");
    const prefilled = Object.fromEntries(
      view.blocks.map((b) => [b.block_id, b.element.initial_value]),
    );
    expect(prefilled).toMatchObject({ start, title: "Race start (wave 1)" });
    expect(view.blocks.find((b) => b.block_id === "notes")?.element.multiline).toBe(true);

    const dueBefore = (await table.stores.schedule.scheduleOf(TRIP)).filter(
      (r) => r.itemId === "race-start",
    );
    const { posted } = await submit(view, {
      user: ORGANISER,
      values: { start: "2025-11-02 10:10" },
    });
    const confirm = buttonsOf(posted[0]).find((b) => b.action === "confirm")?.value ?? "";
    expect(await press("confirm", confirm)).toMatch(/Loaded/);
    expect(await raceStart()).toBe("2025-11-02 10:10");
    const dueAfter = (await table.stores.schedule.scheduleOf(TRIP)).filter(
      (r) => r.itemId === "race-start",
    );
    expect(dueAfter.length).toBeGreaterThan(0);
    expect(dueAfter.map((r) => r.dueAt.getTime())).not.toEqual(
      dueBefore.map((r) => r.dueAt.getTime()),
    );

    const alerts = (channel: string) =>
      slack
        .posts()
        .filter((p) => p.body.channel === channel && /"Changed: /.test(JSON.stringify(p.body)))
        .length;
    const before = [alerts("C0001"), alerts("C0002")];
    await run();
    await run();
    expect([alerts("C0001"), alerts("C0002")]).toEqual(before.map((b) => b + 1));
  });

  it("keeps every private message within Slack's limits", () => {
    const messages = [
      ...slack.ephemerals().map((c) => c.body),
      ...slack.calls.filter((c) => c.target === "response").map((c) => c.body),
    ] as unknown as SlackAnswer[];
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) {
      expect(m.blocks?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      for (const b of m.blocks ?? []) {
        expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      }
    }
  });
});
