import { registerEnumType } from "type-graphql";

export enum LicenseKind {
  TENANT = "TENANT",
  USER = "USER",
}
export enum PurchaseChannel {
  ADMIN_CENTER = "ADMIN_CENTER",
  VOLUME_LICENSING = "VOLUME_LICENSING",
  PARTNER = "PARTNER",
  SELF_SERVICE_TRIAL = "SELF_SERVICE_TRIAL",
}
export enum SubscriptionStatus {
  ACTIVE = "ACTIVE",
  WARNING = "WARNING",
  SUSPENDED = "SUSPENDED",
  DELETED = "DELETED",
}
export enum AdminRole {
  GLOBAL_ADMIN = "GLOBAL_ADMIN",
  BILLING_ADMIN = "BILLING_ADMIN",
  LICENSE_ADMIN = "LICENSE_ADMIN",
  GROUPS_ADMIN = "GROUPS_ADMIN",
  GLOBAL_READER = "GLOBAL_READER",
}
export enum LicenseState {
  ACTIVE = "ACTIVE",
  DISABLED = "DISABLED",
  ERROR = "ERROR",
}
export enum LicenseError {
  NONE = "NONE",
  COUNT_VIOLATION = "COUNT_VIOLATION",
  DEPENDENCY_VIOLATION = "DEPENDENCY_VIOLATION",
  SUBSCRIPTION_INACTIVE = "SUBSCRIPTION_INACTIVE",
  TRIAL_EXPIRED = "TRIAL_EXPIRED",
  PROHIBITED_IN_USAGE_LOCATION = "PROHIBITED_IN_USAGE_LOCATION",
}
export enum ObjectSource {
  CLOUD = "CLOUD",
  DIRECTORY = "DIRECTORY",
}
export enum LicenseSourceKind {
  DIRECT = "DIRECT",
  GROUP = "GROUP",
  TRIAL = "TRIAL",
}

registerEnumType(LicenseKind, {
  name: "LicenseKind",
  description:
    "TENANT: bought once for the organization, never assigned to a user.\nUSER: a per-user seat, assigned to the people who create and manage bots.",
});
registerEnumType(PurchaseChannel, { name: "PurchaseChannel" });
registerEnumType(SubscriptionStatus, {
  name: "SubscriptionStatus",
  description: "ACTIVE and WARNING (expired, in grace period) grant licenses; SUSPENDED and DELETED do not.",
});
registerEnumType(AdminRole, { name: "AdminRole" });
registerEnumType(LicenseState, { name: "LicenseState" });
registerEnumType(LicenseError, {
  name: "LicenseError",
  valuesConfig: {
    COUNT_VIOLATION: { description: "No free seat in the tenant's pool for this SKU." },
    DEPENDENCY_VIOLATION: { description: "A required SKU (e.g. the tenant license) is not active in the tenant." },
    SUBSCRIPTION_INACTIVE: {
      description: "No subscription of this SKU grants licenses (none, or all suspended or deleted).",
    },
    TRIAL_EXPIRED: { description: "The user's trial has ended." },
    PROHIBITED_IN_USAGE_LOCATION: { description: "The SKU is not offered in the user's usage location (L3)." },
  },
});
registerEnumType(LicenseSourceKind, { name: "LicenseSourceKind" });
registerEnumType(ObjectSource, {
  name: "ObjectSource",
  description: "Where a user or group is managed: in this API, or by the tenant's directory through SCIM (D8).",
});
