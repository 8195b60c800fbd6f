/** What the tenants services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
import type { Tenant, User } from "../../data/entities";

export interface CreateTenantInput {
  displayName: string;
  adminUserPrincipalName: string;
  adminDisplayName: string;
  defaultUsageLocation?: string | null;
}

export interface TenantSettingsInput {
  allowAdHocSubscriptions?: boolean | null;
  seatAlertThreshold?: number | null;
  defaultUsageLocation?: string | null;
  inactiveAfterDays?: number | null;
  autoReclaim?: boolean | null;
}

export interface CreateTenantPayload {
  tenant: Tenant;
  admin: User;
}
