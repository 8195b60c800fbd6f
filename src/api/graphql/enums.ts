import { registerEnumType } from "type-graphql";
import { LicenseKind, PurchaseChannel, SubscriptionStatus, AdminRole, LicenseState, LicenseError, LicenseSourceKind, ObjectSource, LicenseRequestStatus, LicenseGrantKind } from "../../domain/enums";

/** Imported by the schema before it is built, so every enum has its GraphQL name and descriptions. */
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
registerEnumType(LicenseRequestStatus, {
  name: "LicenseRequestStatus",
  valuesConfig: {
    COMPLETED: { description: "The user got the SKU another way, or left the tenant (V1)." },
    CANCELLED: { description: "Withdrawn by the requester." },
  },
});
registerEnumType(LicenseGrantKind, { name: "LicenseGrantKind" });
