/**
 * What the browser journeys share: a portal and Chromium for the tests of a describe block, and
 * the waits a journey makes (landing on the dashboard, the sign-in link that was really sent).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { lastMagicTokenTo } from '../../support/outbox.ts';
import { startTestPortal, type TestPortal } from '../../support/portal.ts';
import { launchBrowser, newContext } from './browser.ts';

export type Viewport = { width: number; height: number };

export interface JourneyRig {
  /** The running portal; read it inside a test, never while tests are being collected. */
  readonly portal: TestPortal;
  /** The running Chromium; likewise. */
  readonly browser: Browser;
  /** A fresh browser context (its own cookies) on the portal, at a viewport. */
  context(viewport: Viewport): Promise<BrowserContext>;
}

/**
 * Starts a portal and then Chromium before the tests of the describe block it is called in,
 * and closes both after them.
 */
export function useJourneyRig(): JourneyRig {
  let portal: TestPortal | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    portal = await startTestPortal();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });
  const running = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: use it inside a test`);
    return value;
  };
  return {
    get portal() {
      return running(portal, 'The portal');
    },
    get browser() {
      return running(browser, 'Chromium');
    },
    context(viewport) {
      return newContext(running(browser, 'Chromium'), running(portal, 'The portal').url, viewport);
    },
  };
}

/** Waits for the page to land on the dashboard and greet the user by first name. */
export async function landOnDashboard(page: Page, firstName: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/');
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
    .toContain(firstName);
}

/** Waits for a sign-in / invitation email to `email` and returns its token. */
export async function waitForMagicToken(portal: TestPortal, email: string): Promise<string> {
  let token: string | null = null;
  await expect
    .poll(
      () => {
        token = lastMagicTokenTo(portal.ctx.db, portal.dataDir, email);
        return token;
      },
      { timeout: 10_000 },
    )
    .not.toBeNull();
  return token!;
}
