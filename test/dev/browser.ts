import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (a browser download is not possible here); .ci/run installs it. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium (Playwright gives it a fresh profile in a temporary folder). Without the
 * networking flags Chromium's own background connections fail here and slow every page down.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
