import { mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";
import { launchChromium } from "./browser";

const OUT = "test-output/playground";

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startLocalServer({ port: 0, log: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport: { width: number; height: number }, zone = "UTC"): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${server.url}/?tz=${encodeURIComponent(zone)}`);
  return page;
}

async function send(page: Page, command: string) {
  await page.getByLabel("Command").fill(command);
  await page.getByRole("button", { name: "Send" }).click();
}

/** The reader's times drawn from the platforms' date tokens, in one pane. */
const readerTimes = (page: Page, pane: "Slack" | "Discord") =>
  page.getByRole("region", { name: pane }).locator(".ts").allInnerTexts();

describe("the playground in a browser", () => {
  it("shows `when` as Slack and Discord would, in the reader's zone", async () => {
    const page = await open({ width: 1280, height: 900 });
    await send(page, "when");
    const slack = page.getByRole("region", { name: "Slack" });
    const discord = page.getByRole("region", { name: "Discord" });

    // The race date, as each platform shows it to a reader in UTC (08:00 in Pyongyang is 23:00
    // the day before in UTC), and the destination's own time beside it.
    await expect.poll(() => slack.locator(".sk-header").first().innerText()).toContain("When");
    await expect.poll(() => readerTimes(page, "Slack")).toContain("Apr 5, 2025 11:00 PM");
    await expect
      .poll(() => readerTimes(page, "Discord"))
      .toContain("Saturday, April 5, 2025 at 11:00 PM");
    expect(await slack.innerText()).toContain("Sun 6 Apr 2025, 08:00 Pyongyang time");
    expect(await discord.innerText()).toContain("Sun 6 Apr 2025, 08:00 Pyongyang time");
    await page.screenshot({ path: `${OUT}/desktop-when-utc.png`, fullPage: true });

    // A reader in New York: their time changes, Pyongyang's stays.
    await page.getByLabel("Reader's time zone").selectOption("America/New_York");
    await expect.poll(() => readerTimes(page, "Slack")).toContain("Apr 5, 2025 7:00 PM");
    await expect
      .poll(() => readerTimes(page, "Discord"))
      .toContain("Saturday, April 5, 2025 at 7:00 PM");
    expect(await readerTimes(page, "Slack")).not.toContain("Apr 5, 2025 11:00 PM");
    expect(await slack.innerText()).toContain("Sun 6 Apr 2025, 08:00 Pyongyang time");
    expect(await discord.innerText()).toContain("Sun 6 Apr 2025, 08:00 Pyongyang time");
    await page.screenshot({ path: `${OUT}/desktop-when-new-york.png`, fullPage: true });
    await page.context().close();
  });

  it("is readable on a phone, one platform above the other", async () => {
    const page = await open({ width: 390, height: 844 }, "Europe/Berlin");
    await send(page, "itinerary 2");
    const slack = page.getByRole("region", { name: "Slack" });
    const discord = page.getByRole("region", { name: "Discord" });
    await expect.poll(() => slack.locator(".sk-header").count()).toBeGreaterThan(0);
    await expect.poll(() => discord.locator(".dc-embed").count()).toBeGreaterThan(0);
    const [s, d] = [await slack.boundingBox(), await discord.boundingBox()];
    expect(s && d && d.y >= s.y + s.height).toBe(true);
    // Nothing wider than the screen: no sideways scrolling.
    const width = await page.locator("html").evaluate((html) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${OUT}/phone-itinerary.png`, fullPage: true });
    await page.context().close();
  });

  it("shares an answer in the channel on both platforms", async () => {
    const page = await open({ width: 1280, height: 900 });
    await send(page, "faq visa");
    const slack = page.getByRole("region", { name: "Slack" });
    const discord = page.getByRole("region", { name: "Discord" });
    await slack.getByRole("button", { name: "Share in channel" }).click();
    await discord.getByRole("button", { name: "Share in channel" }).click();
    // What the channel gets: the answer, public, saying who shared it.
    await expect.poll(() => slack.getByText("posted in the channel").count()).toBe(1);
    await expect.poll(() => discord.getByText("posted in the channel").count()).toBe(1);
    await expect.poll(() => slack.innerText()).toContain("Shared by you");
    await expect.poll(() => discord.innerText()).toContain("Shared by you");
    // Slack deletes the private answer; Discord turns it into a note.
    await expect.poll(() => slack.getByText("Only visible to you").count()).toBe(0);
    await expect.poll(() => discord.innerText()).toContain("Shared in the channel.");
    await page.screenshot({ path: `${OUT}/desktop-shared.png`, fullPage: true });
    await page.context().close();
  });

  it("pretends it is the evening before race day: the bot and the page count down from then", async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "The evening before race day" }).click();
    await expect.poll(() => page.locator("#clock-now").innerText()).toContain("Pretending");
    await send(page, "when");
    const discord = page.getByRole("region", { name: "Discord" });
    const slack = page.getByRole("region", { name: "Slack" });
    await expect.poll(() => discord.innerText()).toContain("tomorrow there");
    await expect.poll(() => slack.innerText()).toContain("tomorrow there");
    expect(await discord.innerText()).not.toMatch(/days ago/);
    await page.screenshot({ path: `${OUT}/desktop-pretend-evening-before.png`, fullPage: true });
    await page.getByRole("button", { name: "Real time" }).click();
    await expect.poll(() => page.locator("#clock-now").innerText()).toBe("");
    await page.context().close();
  });

  it("previews a trip file: errors with line and column, then the trip itself", async () => {
    const page = await open({ width: 1280, height: 900 });
    await page.getByText("Preview a trip file").click();
    const yaml = readFileSync("trips/new-york-marathon-2025.yaml", "utf8");
    await page.getByLabel("File name").fill("preview.yaml");
    await page
      .getByLabel("Trip file text")
      .fill(
        yaml
          .replace(/^id: .*$/m, "id: preview-trip")
          .replace(/^timeZone: .*$/m, "timeZone: Nowhere/Town"),
      );
    await page.getByRole("button", { name: "Check and load" }).click();
    const line = yaml.split("\n").findIndex((l) => l.startsWith("timeZone:")) + 1;
    await expect
      .poll(() => page.locator("#trip-errors").innerText())
      .toMatch(new RegExp(`preview\\.yaml:${line}:\\d+`));
    await expect.poll(() => page.getByRole("status").innerText()).toContain("nothing was loaded");
    await page.screenshot({ path: `${OUT}/desktop-trip-errors.png`, fullPage: true });

    // An error far down the file: clicking it brings that line into view, cursor on it.
    const lines = yaml.split("\n");
    const deep = lines.findLastIndex((l) => /^\s+start: /.test(l));
    lines[deep] = (lines[deep] as string).replace(/start: .*/, "start: not a time");
    await page.getByLabel("Trip file text").fill(lines.join("\n"));
    await page.getByRole("button", { name: "Check and load" }).click();
    const error = page.locator("#trip-errors button", { hasText: `:${deep + 1}:` });
    await error.click();
    const area = page.getByLabel("Trip file text");
    expect(await area.evaluate((a: { scrollTop: number }) => a.scrollTop)).toBeGreaterThan(0);
    const cursorLine = await area.evaluate(
      (a: { value: string; selectionStart: number }) =>
        a.value.slice(0, a.selectionStart).split("\n").length,
    );
    expect(cursorLine).toBe(deep + 1);

    await page
      .getByLabel("Trip file text")
      .fill(
        yaml.replace(/^id: .*$/m, "id: preview-trip").replace(/^name: .*$/m, "name: Preview tour"),
      );
    await page.getByRole("button", { name: "Check and load" }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain("Loaded Preview tour");
    await expect
      .poll(() => page.getByLabel("Trip", { exact: true }).inputValue())
      .toBe("preview-trip");
    await send(page, "when");
    await expect
      .poll(() => page.getByRole("region", { name: "Discord" }).innerText())
      .toContain("New York time");
    await page.context().close();
  });
});
