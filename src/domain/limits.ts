/** Numbers the rules and the storage name; each is one decision, written once. */

/** G1: IDs per addGroupMembers / removeGroupMembers call (and per SCIM request's member list). */
export const MAX_MEMBERS_PER_CALL = 5000;

/** K8: users per assignLicensesToUsers call, one transaction (S3). */
export const MAX_USERS_PER_LICENSE_CALL = 5000;

/** L1: a tenant's default usage location unless it sets one (as in Microsoft Graph). */
export const DEFAULT_USAGE_LOCATION = "US";

/** S10: the service plan that lets a user create and manage bots (a catalog name, seeded by migration). */
export const BOT_AUTHORING_PLAN = "BOT_AUTHORING";
