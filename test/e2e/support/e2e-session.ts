import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';
import { seedDataDir } from '../../support/seed-data-dir.ts';
import { launchChromium, screenshot } from './browser.ts';
import { ensureWebFresh } from './fresh-web-build.ts';
import { repoRoot } from './paths.ts';
import { type Preparation, prepareDataDir } from './prepared-data-dir.ts';
import { type RunningServer, sampanCommand, startSampan } from './sampan-server.ts';

export interface SessionOptions {
  /** Names the data directory (sampan-e2e-NAME-…). */
  name: string;
  locale: 'th-TH' | 'en-US';
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Grants clipboard read and write on the server's origin. */
  clipboard?: boolean;
  /** How long the server may take to start (a loaded machine can take minutes). */
  startTimeoutMs?: number;
  /** Runs on the seeded data directory before the server takes it (say, `sampan demo`). */
  prepare?: (dataDir: string) => void;
  /** Like prepare, but the result is cached and shared by every file that names the same preparation. */
  prepared?: Preparation;
}

/** One browser-test file's server, Chromium, context and page. */
export interface E2eSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  /** Uncaught errors thrown in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * What every browser-test file starts with: a fresh web build, a server on its own data
 * directory (seeded from the migrated template), Chromium, one context and one page.
 */
export async function startE2eSession(options: SessionOptions): Promise<E2eSession> {
  ensureWebFresh();
  const dataDir = mkdtempSync(path.join(tmpdir(), `sampan-e2e-${options.name}-`));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.lock`, { force: true });
  };
  try {
    if (options.prepared) {
      prepareDataDir(dataDir, options.prepared);
    } else if (options.prepare) {
      seedDataDir(dataDir);
      options.prepare(dataDir);
    }
    // Chromium starts while the server opens its database.
    const started = await Promise.all([startSampan(dataDir, options.startTimeoutMs), launchChromium()]);
    server = started[0];
    browser = started[1];
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1366, height: 900 },
      locale: options.locale,
      ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
    });
    if (options.clipboard)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { server, browser, context, page, dataDir, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs `sampan ARGS --data-dir DATA_DIR` to the end on that directory's embedded database
 * (whatever DATABASE_URL the caller's environment holds), with this run's CLI bundle, and
 * returns what it printed. For `prepare`: say, `runSampan(dataDir, ['demo', '--customers', '400'])`.
 */
export function runSampan(dataDir: string, args: string[]): string {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return execFileSync(process.execPath, [...sampanCommand(), ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: 'pipe',
    env,
    encoding: 'utf8',
  });
}

/**
 * Demo customers with a year of orders (`sampan demo --customers 400`), scored by
 * `sampan analytics recompute`: made once and cached for every file that starts from it.
 */
export const scoredDemo: Preparation = {
  name: 'scored-demo',
  version: 'demo --customers 400; analytics recompute; v1',
  run: (dataDir) => {
    runSampan(dataDir, ['demo', '--customers', '400']);
    runSampan(dataDir, ['analytics', 'recompute']);
  },
};

/**
 * First-run setup through the API, as the owner: the context keeps the session cookie it
 * sets, so the page is signed in too. Returns the CSRF token and the owner's user id.
 */
export async function setUpOwner(
  session: E2eSession,
  data: Record<string, unknown>,
): Promise<{ csrfToken: string; userId: string }> {
  const setup = await session.context.request.post(`${session.server.url}/api/v1/setup`, { data });
  expect(setup.status()).toBe(201);
  const body = (await setup.json()) as { csrfToken: string; user: { id: string } };
  return { csrfToken: body.csrfToken, userId: body.user.id };
}

/** afterEach: a screenshot named PREFIX-<test name> when the test failed, then Escape `escapes` times. */
export async function screenshotOnFailure(
  page: Page | undefined,
  ctx: TestContext,
  prefix: string,
  escapes = 0,
): Promise<void> {
  if (ctx.task.result?.state !== 'fail' || !page) return;
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  await screenshot(page, `${prefix}-${name}`).catch(() => undefined);
  for (let i = 0; i < escapes; i++) await page.keyboard.press('Escape');
}
