/** Invitations: sendInvitation called directly (the users module will call it), then the link used. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInvitation } from '../../server/auth/magic-link/index.ts';
import { sha256 } from '../../server/ids.ts';
import { buildUser } from '../../storage/builders.ts';
import { auditLog, magicLinkTokens, outboxEmails, tenants, users } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { rawEmail } from '../support/outbox.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

type ErrorBody = { error: { code: string; message: string } };
let portal: TestPortal;
let globexId: string;

const lastEmailTo = (to: string) =>
  portal.ctx.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).all().at(-1)!;
const tokenIn = (text: string) => /\/auth\/magic\?token=([a-z2-9]{32})\b/.exec(text)![1]!;
const invitee = (email: string) =>
  buildUser(portal.ctx.db, {
    email,
    name: 'Ivy Invitee',
    role: 'client',
    tenantId: globexId,
    status: 'invited',
  });
const verify = (client: PortalClient, token: string) =>
  client.post<ErrorBody & { user: { id: string } }>('/api/auth/magic-link/verify', { token });

beforeAll(async () => {
  portal = await startTestPortal();
  globexId = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'globex')).get()!.id;
});
afterAll(async () => {
  await portal?.close();
});

describe('sendInvitation', () => {
  it('emails a branded 7-day invitation whose link signs in once and activates the account', async () => {
    const user = await invitee('ivy@globex.test');
    const { emailId } = await sendInvitation(portal.ctx, {
      userId: user.id,
      invitedBy: { name: 'Grace Globex' },
      tenantName: 'Globex',
    });
    const email = lastEmailTo('ivy@globex.test');
    expect(email.id).toBe(emailId);
    expect(email.subject).toBe("You're invited to Acme Client Hub");
    expect(email.fromAddress).toMatch(/^Acme Client Hub </);
    expect(email.text).toContain('Grace Globex invited you to join Globex on Acme Client Hub.');
    const raw = rawEmail(portal.dataDir, email.file);
    const token = tokenIn(raw);
    expect(raw).toContain(`${portal.url}/auth/magic?token=${token}`);
    expect(email.text).not.toContain(token);

    const row = portal.ctx.db
      .select()
      .from(magicLinkTokens)
      .where(eq(magicLinkTokens.tokenHash, sha256(token)))
      .get()!;
    expect(row.purpose).toBe('invite');
    const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const client = new PortalClient(portal.url);
    const res = await verify(client, token);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(portal.ctx.db.select().from(users).where(eq(users.id, user.id)).get()!.status).toBe('active');
    const me = await client.get<{ user: { email: string; hasPassword: boolean } }>('/api/me');
    expect(me.body.user).toMatchObject({ email: 'ivy@globex.test', hasPassword: false });
    const signIn = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorUserId, user.id)))
      .get();
    expect(signIn?.data).toEqual({ method: 'invite' });

    const again = await verify(new PortalClient(portal.url), token);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');
  });

  it('voids the earlier link when the invitation is sent again', async () => {
    const user = await invitee('resend@globex.test');
    const input = { userId: user.id, invitedBy: { name: 'Grace Globex' }, tenantName: 'Globex' };
    await sendInvitation(portal.ctx, input);
    const first = tokenIn(rawEmail(portal.dataDir, lastEmailTo('resend@globex.test').file));
    await sendInvitation(portal.ctx, input);
    const second = tokenIn(rawEmail(portal.dataDir, lastEmailTo('resend@globex.test').file));
    expect(second).not.toBe(first);
    expect((await verify(new PortalClient(portal.url), first)).status).toBe(400);
    expect((await verify(new PortalClient(portal.url), second)).status).toBe(200);
  });

  it('refuses an expired invitation', async () => {
    const user = await invitee('late@globex.test');
    await sendInvitation(portal.ctx, { userId: user.id, invitedBy: { name: 'Grace' }, tenantName: 'Globex' });
    const token = tokenIn(rawEmail(portal.dataDir, lastEmailTo('late@globex.test').file));
    portal.ctx.db
      .update(magicLinkTokens)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(magicLinkTokens.tokenHash, sha256(token)))
      .run();
    expect((await verify(new PortalClient(portal.url), token)).body.error.code).toBe('invalid_token');
    expect(portal.ctx.db.select().from(users).where(eq(users.id, user.id)).get()!.status).toBe('invited');
  });

  it('escapes names in the HTML and invites only invited users', async () => {
    const user = await invitee('html@globex.test');
    await sendInvitation(portal.ctx, {
      userId: user.id,
      invitedBy: { name: '<img src=x onerror=alert(1)>' },
      tenantName: 'Globex & Co',
    });
    const html = lastEmailTo('html@globex.test').html!;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Globex &amp; Co');

    const active = await buildUser(portal.ctx.db, {
      email: 'already@globex.test',
      name: 'Already',
      role: 'client',
      tenantId: globexId,
    });
    await expect(
      sendInvitation(portal.ctx, { userId: active.id, invitedBy: { name: 'G' }, tenantName: 'Globex' }),
    ).rejects.toThrow(/status is active/);
    await expect(
      sendInvitation(portal.ctx, {
        userId: 'nosuchuser000000',
        invitedBy: { name: 'G' },
        tenantName: 'Globex',
      }),
    ).rejects.toThrow(/no such user/);
  });
});
