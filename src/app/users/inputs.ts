/** What the users services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
import type { AdminRole, LicenseState } from "../../domain/enums";

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
  unlicensed?: boolean | null;
  hasLicenseErrors?: boolean | null;
  canCreateBots?: boolean | null;
  /** U1: exactly this sign-in name, in any letter case (Graph's `userPrincipalName eq`, MG3). */
  userPrincipalName?: string | null;
  accountEnabled?: boolean | null;
  /** displayName starts with this, in any letter case (Graph's `startswith(displayName,…)`). */
  displayNameStartsWith?: string | null;
  /** A word of displayName starts with this (Graph's `$search="displayName:…"`). */
  displayNameWordStartsWith?: string | null;
  /** Every one of these SKUs counts as assigned to the user (countsAsAssigned; Graph's `assignedLicenses/any`). */
  assignedSkuIds?: string[] | null;
}
