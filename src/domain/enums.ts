/** The vocabulary of the rules; src/api/graphql/enums.ts gives each its GraphQL name. */
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
/** V1: a license request's life: PENDING until approved, denied, cancelled by its requester, or completed by itself. */
export enum LicenseRequestStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  DENIED = "DENIED",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}
/** V1: how an approval grants the SKU: a direct assignment, or membership of a group that has it. */
export enum LicenseGrantKind {
  DIRECT = "DIRECT",
  GROUP = "GROUP",
}
