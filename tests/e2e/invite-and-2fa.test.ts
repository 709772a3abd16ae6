/**
 * Two journeys through real Chromium: a client_admin invites an employee, who signs in through
 * the link that was really sent (read from DATA_DIR/outbox); and a user turns on two-factor
 * authentication and signs in with a code.
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../support/totp.ts';
import { DESKTOP, PHONE, screenshot, signInThroughForm } from './support/browser.ts';
import { landOnDashboard, useJourneyRig, waitForMagicToken } from './support/journeys.ts';

describe('journeys: invitation by magic link, two-factor sign-in', () => {
  const rig = useJourneyRig();

  it('a client_admin invites an employee at 375px, who signs in through the emailed link', async () => {
    const admin = await (await rig.context(PHONE)).newPage();
    await signInThroughForm(admin, 'client@globex.test');
    await landOnDashboard(admin, 'Grace');
    await admin.goto('/users');
    await admin.getByRole('button', { name: 'Invite someone' }).first().click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Email').fill('newbie@globex.test');
    await dialog.getByLabel('Full name').fill('Nina Newbie');
    await screenshot(admin, 'invite-dialog-375');
    await dialog.getByRole('button', { name: /invite|send/i }).click();
    await expect.poll(() => admin.getByText('Nina Newbie').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(admin, 'invite-sent-375');

    const token = await waitForMagicToken(rig.portal, 'newbie@globex.test');
    const employee = await (await rig.context(PHONE)).newPage();
    await employee.goto(`/auth/magic?token=${token}`);
    // The link's page asks first: opening it (as a mail scanner would) signs nobody in.
    await expect.poll(() => employee.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await screenshot(employee, 'magic-confirm-375');
    const me = await employee.request.get('/api/me');
    expect(me.status()).toBe(401);
    await employee.getByRole('button', { name: 'Sign in' }).click();
    await landOnDashboard(employee, 'Nina');
    await screenshot(employee, 'invited-employee-dashboard-375');
  });

  it('a user turns on two-factor authentication and then signs in with a code (1280px)', async () => {
    const context = await rig.context(DESKTOP);
    const page = await context.newPage();
    await signInThroughForm(page, 'client@initech.test');
    await landOnDashboard(page, 'Ivan');
    await page.goto('/security');
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secretText = await page.locator('.secret').first().textContent();
    const secret = (secretText ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await screenshot(page, 'two-factor-setup-1280');
    await page.getByLabel('Enter the 6-digit code from the app').fill(totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect
      .poll(() => page.getByText('Save these codes now').isVisible(), { timeout: 10_000 })
      .toBe(true);
    await screenshot(page, 'two-factor-recovery-codes-1280');

    // A fresh browser: password first, then the code step. The next step's code, because a
    // code is never accepted twice and enabling just used this step's.
    const fresh = await (await rig.context(PHONE)).newPage();
    await signInThroughForm(fresh, 'client@initech.test');
    const codeField = fresh.getByLabel('Authentication code');
    await expect.poll(() => codeField.isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(fresh, 'two-factor-code-step-375');
    await codeField.fill('000000');
    await fresh.getByRole('button', { name: /verify|continue|sign in/i }).click();
    await expect.poll(() => fresh.getByRole('alert').first().textContent(), { timeout: 10_000 }).toBeTruthy();
    await codeField.fill(totpCode(secret, 1));
    await fresh.getByRole('button', { name: /verify|continue|sign in/i }).click();
    await landOnDashboard(fresh, 'Ivan');
    await context.close();
  });
});
