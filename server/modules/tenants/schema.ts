/** Inputs of the tenant routes, validated at the edge; the inferred types are for the client too. */
import { z } from 'zod';

/** A row id as `newId()` makes them: 16 characters of the session alphabet. */
export const ZId = z.string().regex(/^[a-z2-9]{16}$/, 'not a valid id');

export const ZTenantParams = z.object({ id: ZId }).strict();

export const ZTenantListQuery = z
  .object({
    kind: z.enum(['platform', 'partner', 'client']).optional(),
    parentId: ZId.optional(),
  })
  .strict();
export type TTenantListQuery = z.infer<typeof ZTenantListQuery>;

/**
 * Slugs name subdomains (`acme.portal.example`), so they follow DNS label rules: lower-case
 * letters and digits, single hyphens inside, 2–40 characters.
 */
export const ZSlug = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(40, 'Use at most 40 characters.')
  .regex(/^[a-z0-9](-?[a-z0-9])*$/, 'Use lower-case letters, digits and single hyphens, not at either end.');

const ZTenantName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const ZTenantCreate = z
  .object({
    kind: z.enum(['partner', 'client']),
    name: ZTenantName,
    slug: ZSlug,
    /** The new tenant's parent; defaults to the caller's own tenant. */
    parentId: ZId.optional(),
  })
  .strict();
export type TTenantCreate = z.infer<typeof ZTenantCreate>;

export const ZTenantUpdate = z
  .object({ name: ZTenantName.optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.active !== undefined, 'Send a name or active.');
export type TTenantUpdate = z.infer<typeof ZTenantUpdate>;

/**
 * A host name for a custom domain: at least two DNS labels, each 1–63 characters of letters,
 * digits and inner hyphens, ending in an alphabetic (or punycode) top-level label; no port, path
 * or scheme.
 */
export const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'Use at most 253 characters.')
  .regex(
    /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/,
    'Enter a host name like portal.example.com.',
  );

export const ZDomainRequest = z.object({ domain: ZDomain }).strict();
export type TDomainRequest = z.infer<typeof ZDomainRequest>;
