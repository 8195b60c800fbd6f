import { createContext, useContext } from "react";

/** What the signed-in role may do (DESIGN §6's matrix); the console offers nothing else, the API stays the gate (K6). */
export interface Access {
  userId: string;
  displayName: string;
  roles: readonly string[];
  /** Every admin role and GLOBAL_READER read the whole tenant. */
  readsTenant: boolean;
  /** GLOBAL_ADMIN and LICENSE_ADMIN assign user and group licenses. */
  managesLicenses: boolean;
  /** GLOBAL_ADMIN and BILLING_ADMIN buy, change and cancel subscriptions. */
  managesBilling: boolean;
  /** GLOBAL_ADMIN and GROUPS_ADMIN create, rename and delete groups and change their members (K8). */
  managesGroups: boolean;
  /** GLOBAL_ADMIN alone changes the tenant's settings and provisioning tokens. */
  managesSettings: boolean;
}

export function accessFor(me: { id: string; displayName: string; roles: readonly string[] }): Access {
  const has = (r: string) => me.roles.includes(r);
  return {
    userId: me.id,
    displayName: me.displayName,
    roles: me.roles,
    readsTenant: me.roles.length > 0,
    managesLicenses: has("GLOBAL_ADMIN") || has("LICENSE_ADMIN"),
    managesBilling: has("GLOBAL_ADMIN") || has("BILLING_ADMIN"),
    managesGroups: has("GLOBAL_ADMIN") || has("GROUPS_ADMIN"),
    managesSettings: has("GLOBAL_ADMIN"),
  };
}

export const AccessContext = createContext<Access | null>(null);

export function useAccess(): Access {
  const a = useContext(AccessContext);
  if (!a) throw new Error("useAccess outside the signed-in shell");
  return a;
}

export const ROLE_NAMES: Record<string, string> = {
  GLOBAL_ADMIN: "Global admin",
  BILLING_ADMIN: "Billing admin",
  LICENSE_ADMIN: "License admin",
  GROUPS_ADMIN: "Groups admin",
  GLOBAL_READER: "Global reader",
};
