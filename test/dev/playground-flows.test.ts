import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";
import { launchChromium } from "./browser";

/** The organisers' flows (issue #13) in the playground: forms, files, Confirm and Cancel. */

const OUT = "test-output/playground";
const TRIP = "pyongyang-marathon-2025";

let server: LocalServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startLocalServer({ port: 0, log: () => {} });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.url}/?tz=UTC`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function send(command: string) {
  await page.getByLabel("Command").fill(command);
  await page.getByRole("button", { name: "Send" }).click();
}

const pane = (name: "Slack" | "Discord") => page.getByRole("region", { name });
const yaml = (text: string) => ({
  name: "trip.yaml",
  mimeType: "text/yaml",
  buffer: Buffer.from(text),
});

/** The text of a file the page links to (the stand-in's file hosting). */
async function downloaded(link: Locator): Promise<string> {
  const href = (await link.getAttribute("href")) ?? "";
  expect(href.startsWith(`${server.url}/_local/`)).toBe(true);
  return (await fetch(href)).text();
}

/** Clicks the pane's only Confirm and waits for the preview to become the outcome. */
async function confirm(where: Locator) {
  const button = where.getByRole("button", { name: "Confirm" });
  await expect.poll(() => button.count()).toBe(1);
  await button.click();
  await expect.poll(() => where.innerText()).toContain("Loaded");
  await expect.poll(() => button.count()).toBe(0);
}

/** What the pane answers to `itinerary <day>`, once its answer is drawn. */
async function itinerary(day: string, marker: string) {
  await page.getByRole("button", { name: "Clear" }).first().click();
  await page.getByRole("button", { name: "Clear" }).last().click();
  await send(`itinerary ${day}`);
  for (const name of ["Slack", "Discord"] as const) {
    await expect.poll(() => pane(name).innerText()).toContain(marker);
  }
}

describe("the organisers' flows in the playground", () => {
  let file = "";

  it("downloads the trip file: a DM on Slack, a private attachment on Discord, each linked", async () => {
    await send("trip download");
    const slack = pane("Slack");
    const discord = pane("Discord");
    const fromSlack = slack.getByRole("link", { name: `${TRIP}.yaml` });
    const fromDiscord = discord.getByRole("link", { name: `${TRIP}.yaml` });
    await expect.poll(() => fromSlack.count()).toBe(1);
    await expect.poll(() => fromDiscord.count()).toBe(1);
    await expect.poll(() => slack.innerText()).toContain("direct message");
    expect(await discord.innerText()).toContain("Only you can see this");
    file = await downloaded(fromSlack);
    expect(file).toContain(`id: ${TRIP}`);
    expect(await downloaded(fromDiscord)).toBe(file);
    // Slack's link opens the file by its secret alone: another secret gets nothing.
    const href = (await fromSlack.getAttribute("href")) ?? "";
    const guessed = href.replace(
      /-([0-9a-f]+)\//,
      (_, secret: string) => `-${"0".repeat(secret.length)}/`,
    );
    expect(guessed).not.toBe(href);
    expect((await fetch(guessed)).status).toBe(404);
    await page.screenshot({ path: `${OUT}/desktop-trip-download.png`, fullPage: true });
  });

  it("uploads on Discord (an attachment) and on Slack (the modal's file input): preview, Confirm, the itinerary changed", async () => {
    const slack = pane("Slack");
    const discord = pane("Discord");
    // Discord: the file rides on the command.
    await page
      .getByLabel("Attach a file")
      .setInputFiles(yaml(file.replace("title: City tour", "title: City tour by Discord")));
    await send("trip upload");
    // Slack's slash command carries no file: Slack opens its form, closed here unused.
    const slackForm = slack.getByRole("dialog", { name: "Upload a trip file" });
    await expect.poll(() => slackForm.count()).toBe(1);
    await slackForm.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => slackForm.count()).toBe(0);
    await expect.poll(() => discord.innerText()).toContain("city-tour");
    await page.screenshot({ path: `${OUT}/desktop-discord-upload-preview.png`, fullPage: true });
    await confirm(discord);
    await itinerary("2", "City tour by Discord");

    // Slack: the file chosen in the modal, hosted by Slack's stand-in, submitted with the view.
    await send("trip upload");
    await expect.poll(() => slackForm.count()).toBe(1);
    // Discord, with no file attached, says how to attach one.
    await expect.poll(() => discord.innerText()).toContain("trip upload");
    const slackFile = file.replace("title: City tour", "title: City tour by Slack");
    await slackForm.locator("input[type=file]").setInputFiles(yaml(slackFile));
    await page.screenshot({ path: `${OUT}/desktop-slack-upload-form.png`, fullPage: true });
    await slackForm.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => slackForm.count()).toBe(0);
    await expect.poll(() => slack.getByText("Only visible to you").count()).toBeGreaterThan(0);
    await expect.poll(() => slack.innerText()).toContain("city-tour");
    await confirm(slack);
    await itinerary("2", "City tour by Slack");
  });

  it("a file that is not YAML gets Slack's error beside the field, and the form stays open", async () => {
    const slack = pane("Slack");
    await send("trip upload");
    const slackForm = slack.getByRole("dialog", { name: "Upload a trip file" });
    await expect.poll(() => slackForm.count()).toBe(1);
    await slackForm
      .locator("input[type=file]")
      .setInputFiles({ name: "trip.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    await slackForm.getByRole("button", { name: "Preview" }).click();
    await expect.poll(() => slackForm.innerText()).toContain("Choose a YAML file");
    await slackForm.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => slackForm.count()).toBe(0);
  });

  it("opens the edit form prefilled on each platform; submitted and confirmed, the item changed", async () => {
    const slack = pane("Slack");
    const discord = pane("Discord");
    await send("edit city-tour");
    const slackForm = slack.getByRole("dialog", { name: "Edit itinerary item" });
    const discordForm = discord.getByRole("dialog", { name: "Edit itinerary item" });
    await expect.poll(() => slackForm.count()).toBe(1);
    await expect.poll(() => discordForm.count()).toBe(1);
    for (const form of [slackForm, discordForm]) {
      expect(await form.getByLabel("Title").inputValue()).toBe("City tour by Slack");
      expect(await form.getByLabel("Start", { exact: false }).first().inputValue()).toBe(
        "2025-04-04 09:00",
      );
    }
    await page.screenshot({ path: `${OUT}/desktop-edit-forms.png`, fullPage: true });

    // Slack first; Discord's form is closed, then opened again on the changed trip.
    await slackForm.getByLabel("Title").fill("Edited on Slack");
    await slackForm.getByRole("button", { name: "Preview" }).click();
    await discordForm.getByRole("button", { name: "Cancel" }).click();
    await confirm(slack);
    await itinerary("2", "Edited on Slack");

    await send("edit city-tour");
    await expect.poll(() => discordForm.count()).toBe(1);
    await expect.poll(() => slackForm.count()).toBe(1);
    await slackForm.getByRole("button", { name: "Cancel" }).click();
    expect(await discordForm.getByLabel("Title").inputValue()).toBe("Edited on Slack");
    await discordForm.getByLabel("Title").fill("Edited on Discord");
    await discordForm.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => discordForm.count()).toBe(0);
    await confirm(discord);
    await itinerary("2", "Edited on Discord");
  });
});
