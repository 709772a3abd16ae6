/**
 * The JSON the portal's API sends, as the integration tests read it. Written down here rather
 * than imported from client/lib/types.ts, so a test pins what the server really sends.
 */

/** Every refusal: a stable machine-readable code and a human message. */
export type ErrorBody = { error: { code: string; message: string } };

/** POST /api/me/2fa/setup: a pending TOTP key, as text, as an otpauth:// URI and as a QR code. */
export type TwoFactorSetup = { secret: string; otpauthUri: string; qrSvg: string };

/** A person as /api/users lists and returns them. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  tenantId: string;
  tenantName: string;
  status: string;
  sections: string[];
  twoFactorEnabled: boolean;
  createdAt: string;
  abilities: {
    update: boolean;
    deactivate: boolean;
    changeRole: boolean;
    assignableRoles: string[];
    editSections: boolean;
  };
}

/** An organization as /api/tenants lists and returns it. */
export interface TenantView {
  id: string;
  kind: string;
  name: string;
  slug: string;
  parentId: string | null;
  active: boolean;
  customDomain: string | null;
  customDomainStatus: string;
  createdAt: string;
  abilities: Record<string, boolean>;
}
