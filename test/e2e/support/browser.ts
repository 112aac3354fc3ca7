import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { screenshotDir } from './paths.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/**
 * A full-page screenshot once the page is quiet and its web fonts have loaded
 * (Thai shows as empty boxes if the shot is taken before Noto Sans Thai arrives).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready.then(() => true)');
  // Let Mantine's transitions (modals, notifications) finish before the shot.
  await page.waitForTimeout(350);
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Whether the bundled Thai font's Thai subset has really been loaded by the page, not just declared. */
export async function thaiFontLoaded(page: Page): Promise<boolean> {
  const loaded = await page.evaluate(`document.fonts.ready.then(() =>
    Array.from(document.fonts).some((face) =>
      face.family.replace(/["']/g, '') === 'Noto Sans Thai' && face.status === 'loaded' && /E01/i.test(face.unicodeRange)))`);
  return loaded === true;
}
