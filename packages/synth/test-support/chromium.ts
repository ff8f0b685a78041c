/**
 * Debian's chromium, headless, driven by playwright-core (which downloads no browser of its
 * own): for the tests that look at what `nixjs graph` draws. `test/ensure-chromium.sh`
 * installs chromium where it is missing. Each launch gets a fresh profile directory, removed
 * afterwards, and no network: the SVG is loaded as a `data:` URL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Runs `use` with a headless chromium (a persistent context on a fresh profile: playwright's
 * way to give `--user-data-dir`), closed and its profile removed afterwards.
 * @example await withChromium(async (browser) => (await browser.newPage()).goto("about:blank"))
 */
export async function withChromium<T>(use: (browser: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), "nixjs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    return await use(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
