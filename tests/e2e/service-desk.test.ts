/**
 * The service desk, end to end, as a client on a phone (375 px): file a ticket with an
 * attachment, watch its queue position move when staff resolve a ticket ahead of it, hear of
 * staff's reply through the notification bell, and rate the resolution.
 */
import { describe, expect, it } from 'vitest';
import { PortalClient } from '../support/http-client.ts';
import { PHONE, screenshot, signInThroughForm } from './support/browser.ts';
import { landOnDashboard, useJourneyRig } from './support/journeys.ts';

interface Filed {
  ticket: { id: string; key: string };
}

describe('the service desk from a client’s phone', () => {
  const rig = useJourneyRig();

  it('files with an attachment, follows the queue, is notified, rates the resolution', async () => {
    const staff = await new PortalClient(rig.portal.url).login('staff@demo.test');
    const orgs = await staff.get<{ tenants: { id: string; name: string }[] }>('/api/tenants?kind=client');
    const globex = orgs.body.tenants.find((t) => t.name === 'Globex');
    expect(globex).toBeDefined();
    // A High ticket of the same queue, filed first: the client's ticket waits behind it.
    const ahead = await staff.post<Filed>('/api/tickets', {
      orgId: globex?.id,
      subject: 'Ahead in the queue',
      category: 'technical_support',
      priority: 'high',
    });
    expect(ahead.status).toBe(201);

    const page = await (await rig.context(PHONE)).newPage();
    await signInThroughForm(page, 'client@globex.test');
    await landOnDashboard(page, 'Grace');
    await page.goto('/tickets/new');
    await page.getByLabel('Subject').fill('Invoice PDF will not open');
    await page.getByLabel('Priority').selectOption('high');
    await page.getByLabel('Description').fill('The attached file shows the error.');
    await page.locator('input[type=file]').setInputFiles({
      name: 'error.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Adobe Reader: the file is damaged (code 14).\n'),
    });
    await screenshot(page, 'service-desk-new-ticket-375');
    await page.getByRole('button', { name: 'Open ticket' }).click();
    await page.waitForURL(/\/tickets\/[a-z2-9]{16}$/, { timeout: 15_000 });
    const ticketId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The file arrived, and the client's page lists it.
    await expect.poll(() => page.getByText('error.txt').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const files = await staff.get<{ attachments: { fileName: string }[] }>(
      `/api/tickets/${ticketId}/attachments`,
    );
    expect(files.body.attachments.map((a) => a.fileName)).toContain('error.txt');

    // Its place in the queue, then a step forward, live, when staff resolve the ticket ahead.
    const queue = await staff.get<{ position: number; total: number }>(`/api/tickets/${ticketId}/queue`);
    const before = queue.body.position;
    expect(before).toBeGreaterThan(1);
    const place = (position: number) => `#${position} of`;
    await expect.poll(() => page.getByText(place(before)).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'service-desk-queue-before-375');
    expect((await staff.patch(`/api/tickets/${ahead.body.ticket.id}`, { status: 'resolved' })).status).toBe(
      200,
    );
    await expect
      .poll(() => page.getByText(place(before - 1)).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    // Staff reply: the bell counts it without a reload, and the inbox leads back to the ticket.
    const reply = await staff.post(`/api/tickets/${ticketId}/replies`, {
      body: 'Thanks, we are re-issuing the invoice now.',
    });
    expect(reply.status).toBe(201);
    const bell = page.getByRole('link', { name: /Notifications, [1-9]\d* unread/ }).first();
    await expect.poll(() => bell.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await bell.click();
    await page.waitForURL(/\/notifications/);
    await expect.poll(() => page.getByText(/replied|reply/i).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'service-desk-notifications-375');

    // Resolved: the client is asked to rate, and rates.
    expect((await staff.patch(`/api/tickets/${ticketId}`, { status: 'resolved' })).status).toBe(200);
    await page.goto(`/tickets/${ticketId}`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'How did we do?' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.locator('input[type=radio][value="5"]').check();
    await page.getByLabel('Anything to add?').fill('Quick and clear, thank you.');
    await page.getByRole('button', { name: 'Submit rating' }).click();
    await expect
      .poll(
        async () => {
          const csat = await staff.get<{ csat: { rating: number } | null }>(`/api/tickets/${ticketId}/csat`);
          return csat.body.csat?.rating ?? null;
        },
        { timeout: 10_000 },
      )
      .toBe(5);
    await screenshot(page, 'service-desk-rated-375');
  }, 120_000);
});
