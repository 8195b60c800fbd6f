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
}
