/** Role lists of DESIGN §6, shared by the role-matrix tests. `null` stands for a signed-in user without roles. */
export const ROLES = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"] as const;
export const NON_USER_ADMINS: (string | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", null];
export const NON_GROUP_ADMINS: (string | null)[] = ["BILLING_ADMIN", "LICENSE_ADMIN", "GLOBAL_READER", null];
export const roleName = (r: string | null): string => r ?? "no-role user";
export const rolesOf = (r: string | null): string[] => (r ? [r] : []);
