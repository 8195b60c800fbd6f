import type { LicenseGrantKind, LicenseRequestStatus } from "../../domain/enums";

/** What the request services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
export interface RequestLicenseInput {
  skuId: string;
  justification?: string | null;
}

export interface ApproveLicenseRequestInput {
  id: string;
  grantAs?: LicenseGrantKind | null;
  groupId?: string | null;
}

export interface DenyLicenseRequestInput {
  id: string;
  reason?: string | null;
}

export interface SetAutoClaimPolicyInput {
  skuId: string;
  enabled: boolean;
  scopeGroupId?: string | null;
}

export interface LicenseRequestFilter {
  status?: LicenseRequestStatus | null;
  skuId?: string | null;
}
