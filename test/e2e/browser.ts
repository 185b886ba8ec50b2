import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../scripts/stack/app-process';

// Debian's Chromium (scripts/ensure-chromium.sh installs it), driven by playwright-core: no browser
// is ever downloaded. Each run gets a fresh profile folder, removed at the end.

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
export const DEMO_PASSWORD = 'onetrip-demo';

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface TestBrowser {
  context: BrowserContext;
  /** A new tab: its own sessionStorage, so its own signed-in person. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh (./onetrip test does)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(30_000);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    newPage: async (viewport) => {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for the tests of a describe block, launched before them and closed after (read
 * `.browser` inside the tests).
 */
export function useBrowser(): { browser: TestBrowser } {
  const holder = {} as { browser: TestBrowser };
  beforeAll(async () => {
    holder.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await holder.browser?.close();
  }, 30_000);
  return holder;
}

/** A full-page screenshot, named by step: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page; waits until the person's start page shows. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  // A tab already signed in as someone else signs out first (the token lives in sessionStorage).
  if (page.url().startsWith(baseUrl)) await page.evaluate('window.sessionStorage.clear()');
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
