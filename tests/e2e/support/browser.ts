import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

let versionNoted = false;

/**
 * Headless Chromium; `extraArgs` are added to the usual flags. The first
 * launch in each test process prints the browser's version, so a failure can
 * be tied to the Chromium build it ran with (Debian updates it often).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs,
    ],
  });
  if (!versionNoted) {
    versionNoted = true;
    console.log(`e2e: Chromium ${browser.version()} (${executablePath})`);
  }
  return browser;
}
