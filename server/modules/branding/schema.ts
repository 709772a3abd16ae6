/** Inputs of the branding routes. The update schema is the tenancy layer's, so the rules live once. */
import { type TBrandingUpdate, ZBrandingUpdate } from '../../tenancy/branding.ts';

export { ZTenantParams } from '../tenants/schema.ts';
export { type TBrandingUpdate, ZBrandingUpdate };
