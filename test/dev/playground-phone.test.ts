import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";
import { launchChromium } from "./browser";

/**
 * The playground on a phone-sized screen with what people really type and get back: words too
 * long for a line, long links, unicode, the trip-file panel and its errors. Nothing may make the
 * page scroll sideways.
 */

const OUT = "test-output/playground";
const PHONE = { width: 360, height: 740 };

let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startLocalServer({ port: 0, env: {}, log: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`${server.url}/?tz=${encodeURIComponent("Asia/Kolkata")}`);
  return page;
}

const pageWidth = (page: Page) => page.locator("html").evaluate((html) => html.scrollWidth);

describe("the playground on a phone", () => {
  it("takes the reader's zone by its IANA name, even one the browser lists by an older name", async () => {
    const page = await phone();
    expect(await page.getByLabel("Reader's time zone").inputValue()).toBe("Asia/Kolkata");
    await page.getByLabel("Command").fill("when");
    await page.getByRole("button", { name: "Send" }).click();
    // Pyongyang's race start, 08:00 on 6 April 2025 (UTC+9), is 04:30 in Kolkata (UTC+5:30).
    const slack = page.getByRole("region", { name: "Slack" });
    await expect
      .poll(() => slack.locator(".ts").allInnerTexts())
      .toContainEqual(expect.stringMatching(/4:30/));
    await page.context().close();
  });

  it("keeps long words, links and unicode within the screen", async () => {
    const page = await phone();
    const inputs = [
      `faq ${"Donaudampfschifffahrtsgesellschaftskapitän".repeat(4)}`,
      "calendar",
      `ask https://example.com/${"very-long-path-segment-".repeat(12)}`,
      `faq ${"😀".repeat(80)} ${"ﷺ".repeat(40)} ${"\u202e".repeat(3)}right-to-left`,
      "itinerary",
    ];
    for (const [i, text] of inputs.entries()) {
      await page.getByLabel("Command").fill(text);
      await page.getByRole("button", { name: "Send" }).click();
      const discord = page.getByRole("region", { name: "Discord" });
      await expect.poll(() => discord.locator(".dc-embed, .dc-message").count()).toBeGreaterThan(i);
      expect(await pageWidth(page), text.slice(0, 40)).toBeLessThanOrEqual(PHONE.width);
    }
    await page.screenshot({ path: `${OUT}/phone-long-input.png`, fullPage: true });
    await page.context().close();
  });

  it("shows a trip file's errors within the screen", async () => {
    const page = await phone();
    await page.getByText("Preview a trip file").click();
    await page.getByLabel("File name").fill(`${"a-very-long-file-name-".repeat(8)}.yaml`);
    await page
      .getByLabel("Trip file text")
      .fill(`id: x\nname: ${"y".repeat(400)}\ntimeZone: Nowhere/Town\n`);
    await page.getByRole("button", { name: "Check and load" }).click();
    await expect.poll(() => page.locator("#trip-errors li").count()).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${OUT}/phone-trip-errors.png`, fullPage: true });
    await page.context().close();
  });

  it("says why nothing was loaded when the trip file is over the server's limit", async () => {
    const page = await phone();
    await page.getByText("Preview a trip file").click();
    await page.getByLabel("Trip file text").fill(`id: x\nname: ${"y".repeat(1_100_000)}\n`);
    await page.getByRole("button", { name: "Check and load" }).click();
    await expect
      .poll(() => page.getByRole("status").innerText())
      .toMatch(/Nothing was loaded: .*over 1024 KB/);
    await page.context().close();
  });
});
