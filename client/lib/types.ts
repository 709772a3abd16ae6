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
