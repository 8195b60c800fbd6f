import type { PurchaseChannel, SubscriptionStatus } from "../gql/graphql";

export const CHANNEL_NAMES: Record<PurchaseChannel, string> = {
  ADMIN_CENTER: "Microsoft 365 admin center",
  VOLUME_LICENSING: "Volume licensing",
  PARTNER: "Partner (CSP)",
  SELF_SERVICE_TRIAL: "Self-service trial",
};

/** P6 in the admin center's words: what each status means for the seats. */
export const STATUS_WORDS: Record<SubscriptionStatus, { label: string; badge: string; means: string }> = {
  ACTIVE: { label: "Active", badge: "active", means: "Grants its seats." },
  WARNING: { label: "Expired (grace period)", badge: "warn", means: "Ended, still grants its seats for 30 days: renew it to keep them." },
  SUSPENDED: { label: "Suspended", badge: "error", means: "Grants no seats; deleted 90 days after it was suspended." },
  DELETED: { label: "Deleted", badge: "disabled", means: "Gone; kept here for the record." },
};
