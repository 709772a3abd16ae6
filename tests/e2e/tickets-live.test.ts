/**
 * Tickets, live, through two real browsers: a client (375 px) files a ticket and co-edits its
 * description with staff (1280 px), each seeing the other's text and named caret; staff's
 * internal note and internal notes document never reach the client's page; a status change
 * shows on the client's page without a reload.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, signInThroughForm } from './support/browser.ts';
import { landOnDashboard, useJourneyRig } from './support/journeys.ts';

const CANARY = 'CANARY-E2E-INTERNAL-5512';

/** Types at the end of a collaborative editor (click, then Ctrl+End so the caret is last). */
async function typeInto(page: Page, label: string, text: string) {
  const editor = page.getByLabel(label, { exact: true });
  await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 5 });
}

const editorText = (page: Page, label: string) => page.getByLabel(label, { exact: true }).innerText();

describe('a ticket, live, between a client and staff', () => {
  const rig = useJourneyRig();

  it('co-edit, internal notes stay internal, status changes arrive live', async () => {
    const client = await (await rig.context(PHONE)).newPage();
    await signInThroughForm(client, 'client@globex.test');
    await landOnDashboard(client, 'Grace');
    await client.goto('/tickets/new');
    await client.getByLabel('Subject').fill('Printer on floor 3 is offline');
    await client.getByLabel('Description').fill('It shows error E-42 since this morning.');
    await screenshot(client, 'ticket-new-375');
    await client.getByRole('button', { name: 'Open ticket' }).click();
    await client.waitForURL(/\/tickets\/[a-z2-9]{16}$/);
    const ticketPath = new URL(client.url()).pathname;
    await expect
      .poll(() => client.getByRole('heading', { level: 1 }).textContent())
      .toContain('Printer on floor 3');

    const staff = await (await rig.context(DESKTOP)).newPage();
    await signInThroughForm(staff, 'staff@demo.test');
    await landOnDashboard(staff, 'Sam');
    await staff.goto(ticketPath);
    await expect.poll(() => editorText(staff, 'Ticket description'), { timeout: 15_000 }).toContain('E-42');

    // Both type; both see both texts, and each other's named caret.
    await typeInto(client, 'Ticket description', ' Client adds: the tray is empty.');
    await typeInto(staff, 'Ticket description', ' Staff adds: driver reinstalled.');
    for (const page of [client, staff]) {
      await expect
        .poll(() => editorText(page, 'Ticket description'), { timeout: 15_000 })
        .toContain('tray is empty');
      await expect
        .poll(() => editorText(page, 'Ticket description'), { timeout: 15_000 })
        .toContain('driver reinstalled');
    }
    // White-label: the client sees the agent as the agency; staff see the client by name.
    await expect
      .poll(() => client.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 15_000 })
      .toContain('Acme Agency');
    await expect
      .poll(() => staff.locator('.collaboration-carets__label').allInnerTexts(), { timeout: 15_000 })
      .toContain('Grace Globex');
    await screenshot(client, 'ticket-coedit-client-375');
    await screenshot(staff, 'ticket-coedit-staff-1280');

    // Staff writes internal content two ways: an internal note reply and the internal notes document.
    await staff.getByText('Internal note', { exact: true }).click();
    await staff.getByPlaceholder('Only your team will see this note').fill(`Reply note ${CANARY}`);
    await staff.getByRole('button', { name: 'Add note' }).click();
    await typeInto(staff, 'Internal notes', ` Doc note ${CANARY}`);
    await expect.poll(() => staff.content(), { timeout: 15_000 }).toContain(`Reply note ${CANARY}`);

    // Staff changes the status; the client's page says so without a reload.
    await staff.getByLabel('Status').selectOption('pending_client');
    await expect
      .poll(() => client.getByText('Waiting for you').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await screenshot(client, 'ticket-status-live-client-375');
    await screenshot(staff, 'ticket-internal-staff-1280');

    // Nothing internal ever reached the client's page, live or after a reload.
    expect(await client.content()).not.toContain(CANARY);
    await client.reload();
    await expect
      .poll(() => editorText(client, 'Ticket description'), { timeout: 15_000 })
      .toContain('driver reinstalled');
    expect(await client.content()).not.toContain(CANARY);
    expect(await client.getByText('Internal notes').count()).toBe(0);
  });
});
