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

/** Per browser: the kinds of page (route, ids as :id) its tabs showed, and those axe checked. */
const coverage = new WeakMap<BrowserContext, { visited: Set<string>; checked: Set<string> }>();

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
  const visited = new Set<string>();
  coverage.set(context, { visited, checked: new Set<string>() });
  return {
    context,
    newPage: async (viewport) => {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      // Every page a tab shows, client-side route changes included, so a test cannot skip one unchecked.
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) visited.add(pageKind(frame.url()));
      });
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
  await page.getByLabel('用户名').waitFor();
  await checkAccessibility(page, 'sign-in', { oncePerKind: true });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

// axe-core's own script, run in the page through the DevTools protocol (page.evaluate), which the
// pages' Content-Security-Policy does not apply to: the pages are checked with their real CSP on.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// WCAG 2.0 and 2.1, levels A and AA. As text: this project's TypeScript has no DOM types.
const RUN_AXE = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) =>
  result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

/** A page's kind, for "every page was checked": the path with ids as :id, without the query. */
export function pageKind(url: string): string {
  if (!/^https?:/.test(url)) return url;
  return new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it shows now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(RUN_AXE)) as AxeViolation[];
}

/** Fails the test on any serious or critical WCAG 2.1 A/AA violation of the page as it shows now. */
export async function checkAccessibility(page: Page, label: string, options: { oncePerKind?: boolean } = {}): Promise<void> {
  if (options.oncePerKind && coverage.get(page.context())?.checked.has(pageKind(page.url()))) return;
  const violations = await axeViolations(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${label} (${pageKind(page.url())}): ${v.impact} ${v.id} — ${v.help} — ${v.targets.join(', ')}`)).toEqual([]);
  coverage.get(page.context())?.checked.add(pageKind(page.url()));
}

/** Every kind of page the browser's tabs showed was checked by axe at least once. */
export function expectEveryPageChecked(browser: TestBrowser): void {
  const seen = coverage.get(browser.context);
  // '/' shows nothing: it sends each person on to their start page at once. /api/… is not the web
  // app's (the Swagger page is the library's own).
  const unchecked = [...(seen?.visited ?? [])].filter((kind) => kind.startsWith('/') && kind !== '/' && !kind.startsWith('/api/') && !seen?.checked.has(kind));
  expect(unchecked).toEqual([]);
  expect(seen?.checked.size).toBeGreaterThan(0);
}
