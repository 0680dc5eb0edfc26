import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadSlackFile, slackFileBases } from "../../bot/slack/file-download";
import { SlackPoster } from "../../bot/slack/poster";
import { sendFileAsDirectMessage } from "../../bot/slack/send-file";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";

const TOKEN = "xoxb-files-test";

describe("Slack files: fetching what a member gave, sending a file in a DM", () => {
  let slack: FakeSlackApi;
  let api: SlackPoster;
  let bases: string[];
  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: TOKEN });
    api = new SlackPoster({ token: TOKEN, apiUrl: slack.apiUrl });
    bases = slackFileBases(slack.apiUrl);
  });
  afterAll(() => slack.close());

  const fetchFile = (url: string, over: { token?: string; maxBytes?: number } = {}) =>
    downloadSlackFile(url, {
      token: over.token ?? TOKEN,
      maxBytes: over.maxBytes ?? 1024,
      bases,
    });

  it("reads a file's url_private with the bot token", async () => {
    const file = slack.hostFile({ name: "trip.yaml", text: "id: été-2025\n" });
    expect(await fetchFile(file.url_private)).toEqual({ ok: true, text: "id: été-2025\n" });
    const call = slack.calls.at(-1);
    expect(call?.target).toBe("file");
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("takes Slack's sign-in page (a 200 in HTML) for the refusal it is", async () => {
    const file = slack.hostFile({ name: "trip.yaml", text: "id: x\n" });
    const got = await fetchFile(file.url_private, { token: "xoxb-someone-else" });
    expect(got.ok).toBe(false);
    expect(got.ok ? "" : got.reason).toMatch(/did not let the bot read the file/);
  });

  it("never sends the token anywhere but Slack's file host (or the stand-in's)", async () => {
    const before = slack.calls.length;
    for (const url of [
      "https://files.slack.com.evil.example/files-pri/T-F/x.yaml",
      "https://evil.example/files-pri/T-F/x.yaml",
      `${slack.apiUrl}chat.postMessage`,
      "not a url",
    ]) {
      const got = await fetchFile(url);
      expect(got.ok ? "" : got.reason).toMatch(/not on Slack's file server/);
    }
    expect(slack.calls.length).toBe(before);
    expect(slackFileBases(undefined)).toEqual(["https://files.slack.com/files-pri/"]);
    expect(slackFileBases("https://slack.com/api/")).toEqual([
      "https://files.slack.com/files-pri/",
    ]);
  });

  it("refuses a file over the cap, by its Content-Length or by the bytes that arrive", async () => {
    const big = "x".repeat(2048);
    for (const chunked of [false, true]) {
      const file = slack.hostFile({ name: "big.yaml", text: big }, { chunked });
      const got = await fetchFile(file.url_private, { maxBytes: 1024 });
      expect(got.ok ? "" : got.reason).toMatch(/larger than 1 KiB/);
    }
  });

  it("calls a 5xx retryable and a non-UTF-8 file unreadable", async () => {
    const file = slack.hostFile({ name: "trip.yaml", text: Buffer.from([0xff, 0xfe, 0x00]) });
    slack.schedule({ kind: "serverError", status: 503, to: "file" });
    const failed = await fetchFile(file.url_private);
    expect(failed).toMatchObject({ ok: false, retryable: true });
    const binary = await fetchFile(file.url_private);
    expect(binary.ok ? "" : binary.reason).toMatch(/not UTF-8/);
  });

  it("sends a file in a direct message, through Slack's external upload", async () => {
    const sent = await sendFileAsDirectMessage(api, {
      user: "U0001",
      file: { name: "trip.yaml", contentType: "application/yaml", text: "id: a\nname: Ä\n" },
      comment: "The current trip file",
      budgetMs: 10_000,
    });
    expect(sent).toEqual({ ok: true, channel: "DU0001" });
    expect(slack.sharedFiles().at(-1)).toMatchObject({
      name: "trip.yaml",
      channel: "DU0001",
      comment: "The current trip file",
      text: "id: a\nname: Ä\n",
    });
  });

  it("retries a 429 and a 5xx, and says plainly when Slack keeps failing", async () => {
    const shared = slack.sharedFiles().length;
    slack.schedule(
      { kind: "rateLimit", retryAfterSeconds: 0, to: "files.getUploadURLExternal" },
      { kind: "serverError", to: "upload" },
    );
    const file = { name: "t.yaml", contentType: "application/yaml", text: "id: t\n" };
    const ok = await sendFileAsDirectMessage(api, {
      user: "U0001",
      file,
      comment: "",
      budgetMs: 10_000,
    });
    expect(ok.ok).toBe(true);
    expect(slack.sharedFiles().length).toBe(shared + 1);
    slack.schedule(
      ...Array.from({ length: 3 }, () => ({
        kind: "serverError" as const,
        to: "conversations.open",
      })),
    );
    const failed = await sendFileAsDirectMessage(api, {
      user: "U0001",
      file,
      comment: "",
      budgetMs: 10_000,
    });
    expect(failed.ok ? "" : failed.reason).toMatch(/direct message could not be opened.*500/);
    expect(slack.sharedFiles().length).toBe(shared + 1);
  });
});

describe("views.open in the Slack stand-in", () => {
  let slack: FakeSlackApi;
  let api: SlackPoster;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: TOKEN });
    api = new SlackPoster({ token: TOKEN, apiUrl: slack.apiUrl });
  });
  afterAll(() => slack.close());

  const modal = (title: string, blocks: unknown[] = []) => ({
    type: "modal",
    title: { type: "plain_text", text: title },
    submit: { type: "plain_text", text: "Go" },
    blocks,
  });

  it("opens a modal once per fresh trigger id", async () => {
    const trigger = slack.trigger();
    const opened = await api.call("views.open", { trigger_id: trigger, view: modal("Upload") });
    expect(opened.ok).toBe(true);
    const again = await api.call("views.open", { trigger_id: trigger, view: modal("Upload") });
    expect(again).toMatchObject({ ok: false, error: "exchanged_trigger_id" });
    const unknown = await api.call("views.open", { trigger_id: "9.9.9", view: modal("Upload") });
    expect(unknown).toMatchObject({ ok: false, error: "invalid_trigger_id" });
    expect(slack.views()).toHaveLength(1);
  });

  it("refuses a view beyond Slack's limits", async () => {
    const long = await api.call("views.open", {
      trigger_id: slack.trigger(),
      view: modal("A title longer than 24 ch"),
    });
    expect(long).toMatchObject({ ok: false, error: "invalid_arguments" });
    const many = Array.from({ length: 101 }, () => ({ type: "divider" }));
    const tooMany = await api.call("views.open", {
      trigger_id: slack.trigger(),
      view: modal("Many", many),
    });
    expect(tooMany).toMatchObject({ ok: false, error: "invalid_arguments" });
    const noElement = await api.call("views.open", {
      trigger_id: slack.trigger(),
      view: modal("Input", [{ type: "input", label: { type: "plain_text", text: "File" } }]),
    });
    expect(noElement).toMatchObject({ ok: false, error: "invalid_arguments" });
  });
});
