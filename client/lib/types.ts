/** The shapes of docs/API.md, as the browser sees them. */

export type Role = 'super_admin' | 'staff' | 'partner' | 'partner_staff' | 'client_admin' | 'client';
export type TenantKind = 'platform' | 'partner' | 'client';
export type Section = 'tickets' | 'invoices' | 'contracts' | 'kb' | 'chat' | 'messages' | 'files';
export type UserStatus = 'active' | 'invited' | 'deactivated';
export type CustomDomainStatus = 'none' | 'requested' | 'verified';

export const ROLES: readonly Role[] = [
  'super_admin',
  'staff',
  'partner',
  'partner_staff',
  'client_admin',
  'client',
];
export const SECTIONS: readonly Section[] = [
  'tickets',
  'invoices',
  'contracts',
  'kb',
  'chat',
  'messages',
  'files',
];
export const USER_STATUSES: readonly UserStatus[] = ['active', 'invited', 'deactivated'];

export interface Branding {
  portalName: string;
  logoDataUrl: string | null;
  primaryColor: string;
  accentColor: string;
  loginText: string;
}

/** A tenant's own branding: a field that is absent or null is inherited from its ancestors. */
export type OwnBranding = { [K in keyof Branding]?: Branding[K] | null };

export interface TenantAbilities {
  update: boolean;
  manageUsers: boolean;
  configureBranding: boolean;
  createClientOrg: boolean;
  verifyDomain: boolean;
  requestDomain: boolean;
  /** Not in docs/API.md yet: the roles the caller may give someone invited into this tenant. */
  assignableRoles?: Role[];
}

export interface TenantView {
  id: string;
  kind: TenantKind;
  name: string;
  slug: string;
  parentId: string | null;
  active: boolean;
  customDomain: string | null;
  customDomainStatus: CustomDomainStatus;
  createdAt: string;
  abilities: TenantAbilities;
}

export interface TenantDetail {
  tenant: TenantView;
  branding: OwnBranding;
  effectiveBranding: Branding;
}

export interface UserAbilities {
  update: boolean;
  deactivate: boolean;
  changeRole: boolean;
  assignableRoles: Role[];
  editSections: boolean;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string;
  tenantName: string;
  status: UserStatus;
  sections: Section[];
  twoFactorEnabled: boolean;
  createdAt: string;
  abilities: UserAbilities;
}

export interface MeAbilities {
  manageUsers: boolean;
  manageOrganizations: boolean;
  configureBranding: boolean;
  readOutbox: boolean;
  viewAuditLog: boolean;
}

export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    role: Role;
    twoFactorEnabled: boolean;
    hasPassword: boolean;
    sections: Section[];
  };
  tenant: { id: string; kind: TenantKind; name: string; slug: string };
  branding: Branding;
  navigation: string[];
  abilities: MeAbilities;
}

/** What the server injects into index.html as `#portal-boot` before first paint. */
export interface BootData {
  branding: Branding;
  tenantName: string;
  /** What `GET /api/me` answers this page's session, when it is fully signed in (server/http/spa.ts). */
  me: Me | null;
}

export type SignInResult = { user: Me['user'] } | { twoFactorRequired: true };

export interface SessionView {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface DashboardData {
  organization: { id: string; name: string; kind: TenantKind; parentName: string | null };
  people: { id: string; name: string; email: string; role: Role; status: UserStatus }[];
  childOrganizations: { id: string; name: string; kind: TenantKind; people: number }[];
  counts: { people: number; childOrganizations: number; tenants: number; users: number };
}

export interface OutboxSummary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  transport: string;
}

export interface OutboxEmail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

/**
 * docs/API.md leaves the audit entry's shape open ("entries: [...]"), so every field is optional and
 * the page shows whatever of these the server sends.
 */
export interface AuditEntry {
  id?: string | number;
  createdAt?: string;
  at?: string;
  action?: string;
  actorId?: string | null;
  actorName?: string | null;
  actorEmail?: string | null;
  actor?: { id?: string; name?: string; email?: string } | string | null;
  targetType?: string | null;
  targetId?: string | null;
  targetName?: string | null;
  target?: { type?: string; id?: string; name?: string } | string | null;
  tenantName?: string | null;
  ip?: string | null;
}

// ---- Tickets ----

export type TicketStatus = 'new' | 'open' | 'in_progress' | 'pending_client' | 'resolved' | 'closed';
export type TicketPriority = 'low' | 'medium' | 'high' | 'critical';
export type TicketCategory =
  | 'technical_support'
  | 'billing'
  | 'general_inquiry'
  | 'bug_report'
  | 'feature_request';
export type Visibility = 'client' | 'internal';

export const TICKET_STATUSES: readonly TicketStatus[] = [
  'new',
  'open',
  'in_progress',
  'pending_client',
  'resolved',
  'closed',
];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'medium', 'high', 'critical'];
export const TICKET_CATEGORIES: readonly TicketCategory[] = [
  'technical_support',
  'billing',
  'general_inquiry',
  'bug_report',
  'feature_request',
];

export interface PersonRef {
  id: string;
  name: string;
}

/**
 * A person as the viewer may see them: a client sees the provider's and partners' people as the
 * servicing organisation, with no id (white-label).
 */
export interface PersonView {
  id: string | null;
  name: string;
}

/** What the caller may do with one ticket; the UI shows controls from these and decides nothing. */
export interface TicketAbilities {
  update: boolean;
  assign: boolean;
  seeInternal: boolean;
  editDescription: boolean;
  reply: boolean;
  replyInternal: boolean;
}

export interface Ticket {
  id: string;
  key: string;
  subject: string;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  org: PersonRef;
  requester: PersonView;
  /** Who works the ticket is internal: null for client viewers even when `assigned` is true. */
  assignee: PersonRef | null;
  assigned?: boolean;
  /** The routing team; null for client viewers. */
  team?: string | null;
  /** The ticket this one was merged into (it is then closed). */
  mergedIntoId?: string | null;
  descriptionText: string;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  abilities: TicketAbilities;
  /** Collaboration document names; `internal` is null for anyone who may not see internal notes. */
  documents: { description: string; internal: string | null; thread: string };
}

/** The fields `PATCH /api/tickets/:id` takes. */
export interface TicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: TicketCategory;
  assigneeId?: string | null;
}

export interface TicketEvent {
  /** Opaque; the server numbers timeline entries, so it may arrive as a number. */
  id: string | number;
  /** created, status_changed, priority_changed, category_changed, assignee_changed, reply_added, … */
  type: string;
  actor: PersonView | null;
  data: Record<string, unknown> | null;
  visibility: Visibility;
  createdAt: string;
}

export interface TicketReply {
  id: string;
  author: { id: string | null; name: string; role: Role | string | null };
  visibility: Visibility;
  body: string;
  createdAt: string;
}

export interface TicketAssignee {
  id: string;
  name: string;
  role: Role | string;
}

/** A file on a ticket (docs/API.md "Attachments"); `uploadedBy` as this viewer may see them. */
export interface AttachmentView {
  id: string;
  ticketId: string;
  replyId: string | null;
  visibility: Visibility;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: PersonView;
  createdAt: string;
  downloadUrl: string;
}

/** `GET /api/dashboard/tickets`: the widgets of the caller's role, each present only when listed. */
export type DashboardWidget =
  | 'open_tickets'
  | 'recent_updates'
  | 'my_tickets'
  | 'unassigned'
  | 'near_breach'
  | 'by_org'
  | 'volume'
  | 'sla_compliance';

export interface DashboardTicketItem {
  id: string;
  key: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  org: PersonRef;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardTicketList {
  total: number;
  items: DashboardTicketItem[];
}

export interface TicketDashboardData {
  widgets: DashboardWidget[];
  openTickets?: {
    total: number;
    items: (DashboardTicketItem & {
      queue: {
        position: number | null;
        total: number;
        priority: TicketPriority;
        estimatedResponseMinutes: number | null;
      };
    })[];
  };
  recentUpdates?: { items: { ticket: { id: string; key: string; subject: string }; event: TicketEvent }[] };
  myTickets?: DashboardTicketList;
  unassigned?: DashboardTicketList;
  nearBreach?: {
    total: number;
    breached: number;
    items: (DashboardTicketItem & {
      sla: { state: string; clock: 'first_response' | 'resolution'; dueAt: string; remainingMinutes: number };
    })[];
  };
  byOrg?: { orgs: { id: string; name: string; open: number }[] };
  volume?: { timeZone: string; days: { date: string; count: number }[] };
  slaCompliance?: { days: number; resolved: number; met: number; percent: number | null };
}
