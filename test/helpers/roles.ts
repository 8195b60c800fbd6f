import type { AdminRole } from "../gql/graphql";

/** Role lists of DESIGN §6, shared by the role-matrix tests. `null` stands for a signed-in user without roles. */
export const ROLES: readonly AdminRole[] = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"];
export const NON_USER_ADMINS: (AdminRole | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", null];
export const NON_GROUP_ADMINS: (AdminRole | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GLOBAL_READER", null];
export const roleName = (r: AdminRole | null): string => r ?? "no-role user";
export const rolesOf = (r: AdminRole | null): AdminRole[] => (r ? [r] : []);
