/**
 * The platform tenant every install needs, and the demo workspace (`SEED_DEMO`, on by default):
 * the provider, two white-label partners with client orgs, a direct client, and one account per role.
 */
import { eq } from 'drizzle-orm';
import { buildTenant, buildTicket, buildTicketReply, buildUser, type TicketInput } from './builders.ts';
import type { Db } from './db.ts';
import { type Role, tenants, users } from './schema.ts';

export const DEMO_PASSWORD = 'demo-portal-2026';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; org: string }[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'super_admin', org: 'Kre8ivTech' },
  { email: 'staff@demo.test', name: 'Sam Staff', role: 'staff', org: 'Kre8ivTech' },
  { email: 'partner@acme.test', name: 'Pat Partner', role: 'partner', org: 'Acme Agency' },
  { email: 'team@acme.test', name: 'Tara Team', role: 'partner_staff', org: 'Acme Agency' },
  { email: 'client@globex.test', name: 'Grace Globex', role: 'client_admin', org: 'Globex' },
  { email: 'employee@globex.test', name: 'Eli Employee', role: 'client', org: 'Globex' },
  { email: 'client@initech.test', name: 'Ivan Initech', role: 'client_admin', org: 'Initech' },
  { email: 'partner@northwind.test', name: 'Nora Northwind', role: 'partner', org: 'Northwind Digital' },
  { email: 'client@contoso.test', name: 'Cory Contoso', role: 'client_admin', org: 'Contoso' },
];

/** True when the database has no tenant yet: a brand-new install. */
export function isEmpty(db: Db): boolean {
  return db.select({ id: tenants.id }).from(tenants).limit(1).get() === undefined;
}

/** True when the demo workspace's accounts exist (seeded now or on an earlier start). */
export function hasDemoWorkspace(db: Db): boolean {
  return (
    db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0]!.email)).get() !==
    undefined
  );
}

/** Creates the platform tenant if missing and returns its id. */
export function ensurePlatform(db: Db): string {
  const existing = db.select({ id: tenants.id }).from(tenants).where(eq(tenants.kind, 'platform')).get();
  if (existing) return existing.id;
  return buildTenant(db, { kind: 'platform', name: 'Kre8ivTech', slug: 'platform', keyPrefix: 'KT' }).id;
}

/** Seeds the demo workspace into an empty database. */
export async function seedDemo(db: Db): Promise<void> {
  const platformId = ensurePlatform(db);
  const acme = buildTenant(db, {
    kind: 'partner',
    name: 'Acme Agency',
    slug: 'acme',
    keyPrefix: 'ACME',
    parentId: platformId,
    branding: {
      portalName: 'Acme Client Hub',
      primaryColor: '#0f766e',
      accentColor: '#f59e0b',
      loginText: 'Welcome to the Acme client hub. Sign in to follow your requests and talk to our team.',
    },
  });
  const globex = buildTenant(db, {
    kind: 'client',
    name: 'Globex',
    slug: 'globex',
    keyPrefix: 'GLOBEX',
    parentId: acme.id,
  });
  const initech = buildTenant(db, {
    kind: 'client',
    name: 'Initech',
    slug: 'initech',
    keyPrefix: 'INITECH',
    parentId: platformId,
  });
  const northwind = buildTenant(db, {
    kind: 'partner',
    name: 'Northwind Digital',
    slug: 'northwind',
    keyPrefix: 'NW',
    parentId: platformId,
    branding: { portalName: 'Northwind Support', primaryColor: '#1d4ed8', accentColor: '#e11d48' },
  });
  const contoso = buildTenant(db, {
    kind: 'client',
    name: 'Contoso',
    slug: 'contoso',
    keyPrefix: 'CONTOSO',
    parentId: northwind.id,
  });
  const orgIds: Record<string, string> = {
    Kre8ivTech: platformId,
    'Acme Agency': acme.id,
    Globex: globex.id,
    Initech: initech.id,
    'Northwind Digital': northwind.id,
    Contoso: contoso.id,
  };
  const people: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const user = await buildUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      tenantId: orgIds[account.org]!,
      password: DEMO_PASSWORD,
      sections: account.role === 'client' ? ['tickets', 'kb', 'messages'] : null,
    });
    people[account.email] = user.id;
  }
  seedDemoTickets(db, orgIds, people);
}

/** `n` days and `h` hours before now: the demo's history is back-dated from the moment it is seeded. */
function ago(days: number, hours = 0): Date {
  return new Date(Date.now() - (days * 24 + hours) * 60 * 60 * 1000);
}

type DemoTicket = Omit<TicketInput, 'tenantId' | 'requesterId' | 'assigneeId'> & {
  org: string;
  requester: string;
  assignee?: string;
  replies?: { author: string; body: string; internal?: boolean; at: Date }[];
};

/**
 * A small, believable queue: Globex (an Acme client: ACME-…), Initech (direct: KT-…) and Contoso
 * (a Northwind client: NW-…), across statuses and priorities, with public replies and one
 * internal note the clients must never see.
 */
// biome-ignore format: one ticket per block, read as a story.
const DEMO_TICKETS: DemoTicket[] = [
  { org: 'Globex', requester: 'employee@globex.test', subject: 'VPN drops every 20 minutes since the router swap',
    category: 'technical_support', priority: 'high', status: 'in_progress', assignee: 'staff@demo.test',
    description: 'Since the new router went in on Monday my VPN session to the file server drops roughly every 20 minutes. Reconnecting works, but any upload in progress fails. Colleagues on the second floor see the same.',
    createdAt: ago(3, 5), updatedAt: ago(0, 4), firstResponseAt: ago(3, 2),
    replies: [
      { author: 'staff@demo.test', at: ago(3, 2), body: 'Thanks Eli, we can see the tunnel renegotiating in the logs. Could you tell us roughly when the last drop happened today?' },
      { author: 'employee@globex.test', at: ago(2, 20), body: 'The last one was at 10:40 this morning, right in the middle of a backup upload.' },
      { author: 'team@acme.test', at: ago(0, 4), internal: true, body: 'INTERNAL: the new router ships with a 1200 s IKE lifetime; the old one was 8 h. Plan to change it in tonight\'s maintenance window, do not promise the client a time yet.' },
    ] },
  { org: 'Globex', requester: 'client@globex.test', subject: 'Invoice 2291 lists the design retainer twice',
    category: 'billing', priority: 'medium', status: 'pending_client',
    description: 'Our March invoice (2291) has the monthly design retainer on two lines. Please send a corrected invoice before we pay.',
    createdAt: ago(5), updatedAt: ago(4, 18), firstResponseAt: ago(4, 18),
    replies: [
      { author: 'partner@acme.test', at: ago(4, 18), body: 'Sorry about that, Grace. We will issue a credit note for the duplicate line. Which purchase order number should it reference?' },
    ] },
  { org: 'Globex', requester: 'client@globex.test', subject: 'Checkout page shows a blank screen in Safari 17',
    category: 'bug_report', priority: 'critical', status: 'open', assignee: 'team@acme.test',
    description: 'Customers on Safari 17 (macOS and iPhone) get a blank page after pressing "Pay now". Chrome and Firefox work. Started after yesterday evening\'s release.',
    createdAt: ago(0, 6), updatedAt: ago(0, 5) },
  { org: 'Globex', requester: 'employee@globex.test', subject: 'Single sign-on for the staff directory',
    category: 'feature_request', priority: 'low', status: 'new',
    description: 'Could the staff directory use our Microsoft 365 sign-in? People keep forgetting the separate password.',
    createdAt: ago(1, 3) },
  { org: 'Initech', requester: 'client@initech.test', subject: 'TPS report export times out for March',
    category: 'bug_report', priority: 'high', status: 'open', assignee: 'staff@demo.test',
    description: 'Exporting the March TPS reports to PDF spins for a minute and then shows "Request timed out". February exports fine.',
    createdAt: ago(2, 8), updatedAt: ago(1, 1), firstResponseAt: ago(2, 1),
    replies: [
      { author: 'staff@demo.test', at: ago(2, 1), body: 'We can reproduce the timeout with the March data and are looking into it. February is unaffected, so you can keep using that export for now.' },
    ] },
  { org: 'Initech', requester: 'client@initech.test', subject: 'Upgrading to the annual plan',
    category: 'general_inquiry', priority: 'low', status: 'resolved',
    description: 'If we switch to the annual plan mid-month, is the current month credited?',
    createdAt: ago(9), updatedAt: ago(8), firstResponseAt: ago(8, 20), resolvedAt: ago(8),
    replies: [
      { author: 'admin@demo.test', at: ago(8, 20), body: 'Yes: the unused part of the current month is credited against the first annual invoice.' },
    ] },
  { org: 'Contoso', requester: 'client@contoso.test', subject: 'Accounts for three new hires in the Berlin office',
    category: 'technical_support', priority: 'medium', status: 'new',
    description: 'Please create mailboxes and portal accounts for three people starting on the 1st. Names and roles to follow from HR.',
    createdAt: ago(0, 20) },
  { org: 'Contoso', requester: 'client@contoso.test', subject: 'February uptime report is missing',
    category: 'general_inquiry', priority: 'low', status: 'closed',
    description: 'The monthly uptime report for February never arrived.',
    createdAt: ago(20), updatedAt: ago(17), firstResponseAt: ago(19, 20), resolvedAt: ago(18), closedAt: ago(17),
    replies: [
      { author: 'partner@northwind.test', at: ago(19, 20), body: 'It was stuck in our mail queue; we have re-sent it to you and to finance.' },
    ] },
];

/** Files the demo tickets and their conversations. */
function seedDemoTickets(db: Db, orgIds: Record<string, string>, people: Record<string, string>): void {
  for (const { org, requester, assignee, replies, ...ticket } of DEMO_TICKETS) {
    const created = buildTicket(db, {
      ...ticket,
      tenantId: orgIds[org]!,
      requesterId: people[requester]!,
      assigneeId: assignee ? people[assignee]! : null,
    });
    for (const reply of replies ?? []) {
      buildTicketReply(db, {
        ticketId: created.id,
        authorId: people[reply.author]!,
        body: reply.body,
        visibility: reply.internal ? 'internal' : 'client',
        createdAt: reply.at,
      });
    }
  }
}
