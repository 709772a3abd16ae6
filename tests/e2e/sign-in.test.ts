/**
 * Every demo account signs in through the real form at phone and desktop widths and lands on
 * its dashboard; each page its role may open is screenshotted at both widths.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signInThroughForm } from './support/browser.ts';
import { landOnDashboard, useJourneyRig } from './support/journeys.ts';

const ACCOUNTS = [
  { email: 'admin@demo.test', role: 'super_admin', first: 'Ada' },
  { email: 'staff@demo.test', role: 'staff', first: 'Sam' },
  { email: 'partner@acme.test', role: 'partner', first: 'Pat' },
  { email: 'team@acme.test', role: 'partner_staff', first: 'Tara' },
  { email: 'client@globex.test', role: 'client_admin', first: 'Grace' },
  { email: 'employee@globex.test', role: 'client', first: 'Eli' },
  { email: 'client@initech.test', role: 'client_admin_direct', first: 'Ivan' },
] as const;

const PAGES: Record<string, string[]> = {
  super_admin: ['/organizations', '/users', '/branding', '/outbox', '/audit', '/profile', '/security'],
  staff: ['/organizations', '/users', '/outbox'],
  partner: ['/organizations', '/users', '/branding', '/audit'],
  partner_staff: ['/organizations'],
  client_admin: ['/users', '/security'],
  client: ['/profile'],
  client_admin_direct: [],
};

describe('sign-in and dashboards, every role, phone and desktop', () => {
  const rig = useJourneyRig();

  for (const viewport of [PHONE, DESKTOP]) {
    const width = viewport.width;

    it(`shows the branded sign-in page at ${width}px`, async () => {
      const context = await rig.context(viewport);
      const page = await context.newPage();
      await page.goto('/');
      await page.waitForURL(/\/login/);
      await expect.poll(() => page.getByRole('button', { name: /^sign in$/i }).isVisible()).toBe(true);
      await screenshot(page, `login-${width}`);
      await context.close();
    });

    for (const account of ACCOUNTS) {
      it(`${account.role} (${account.email}) signs in at ${width}px and lands on the dashboard`, async () => {
        const context = await rig.context(viewport);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await signInThroughForm(page, account.email);
        await landOnDashboard(page, account.first);
        const heading = page.getByRole('heading', { level: 1 });
        await screenshot(page, `dashboard-${account.role}-${width}`);
        for (const path of PAGES[account.role] ?? []) {
          await page.goto(path);
          await expect.poll(() => heading.count(), { timeout: 10_000 }).toBeGreaterThan(0);
          // Wait for loading skeletons to give way to content.
          await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
          await screenshot(page, `${account.role}${path.replaceAll('/', '-')}-${width}`);
        }
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
