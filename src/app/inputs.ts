/**
 * What the services take: plain shapes that every way in (GraphQL inputs, SCIM, tests) can fill.
 * The GraphQL input classes implement these.
 */
import type { AdminRole, LicenseState, PurchaseChannel } from "../domain/enums";
import type { Subscription, Tenant, User } from "../data/entities";

export interface CreateBotInput {
  name: string;
}

export interface UpdateBotInput {
  id: string;
  name?: string | null;
  published?: boolean | null;
  ownerId?: string | null;
}

export interface RecordBotSessionsInput {
  botId: string;
  count: number;
  at?: Date | null;
}

export interface CreateSecurityGroupInput {
  displayName: string;
  description?: string | null;
}

export interface UpdateSecurityGroupInput {
  id: string;
  displayName?: string | null;
  description?: string | null;
}

export interface GroupMembersInput {
  groupId: string;
  userIds?: string[] | null;
  groupIds?: string[] | null;
}

export interface AddLicenseInput {
  skuId: string;
  disabledPlanIds?: string[] | null;
}

export interface AssignUserLicensesInput {
  userId: string;
  addLicenses?: AddLicenseInput[] | null;
  removeSkuIds?: string[] | null;
}

export interface AssignGroupLicensesInput {
  groupId: string;
  addLicenses?: AddLicenseInput[] | null;
  removeSkuIds?: string[] | null;
}

export interface StartTrialInput {
  skuId: string;
}

export interface PurchaseItemInput {
  skuId: string;
  quantity: number;
}

export interface PurchaseLicensesInput {
  channel: PurchaseChannel;
  items: PurchaseItemInput[];
  idempotencyKey?: string | null;
  endsAt?: Date | null;
}

export interface UpdateSubscriptionQuantityInput {
  subscriptionId: string;
  quantity: number;
}

export interface PurchaseLicensesPayload {
  orderId: string;
  subscriptions: Subscription[];
}

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
}

export interface CreateTenantPayload {
  tenant: Tenant;
  admin: User;
}

export interface CreateUserInput {
  userPrincipalName: string;
  displayName: string;
  roles?: AdminRole[] | null;
  accountEnabled?: boolean | null;
  usageLocation?: string | null;
}

export interface UpdateUserInput {
  id: string;
  displayName?: string | null;
  roles?: AdminRole[] | null;
  accountEnabled?: boolean | null;
  usageLocation?: string | null;
}

export interface UserFilter {
  search?: string | null;
  skuId?: string | null;
  licenseState?: LicenseState | null;
  memberOfGroupId?: string | null;
  includeDeleted?: boolean | null;
}

export interface CreateProvisioningTokenInput {
  description: string;
  expiresInDays?: number | null;
}
