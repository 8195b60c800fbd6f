import { User } from "../../src/data/entities";
import { newId } from "../../src/domain/ids";
import { TestApi, Present } from "./harness";
import { graphql } from "../gql";
import { ResultOf } from "@graphql-typed-document-node/core";
import { AdminRole } from "../gql/graphql";

export const Q = {
  createTenant: graphql(`mutation FixturesCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id displayName } admin { id roles } } }`),
  createUser: graphql(`mutation FixturesCreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName roles accountEnabled } }`),
  updateUser: graphql(`mutation FixturesUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id roles accountEnabled displayName } }`),
  deleteUser: graphql(`mutation FixturesDeleteUser($id: ID!) { deleteUser(id: $id) }`),
  createGroup: graphql(`mutation FixturesCreateGroup($input: CreateSecurityGroupInput!) { createSecurityGroup(input: $input) { id displayName } }`),
  deleteGroup: graphql(`mutation FixturesDeleteGroup($id: ID!) { deleteSecurityGroup(id: $id) }`),
  addMembers: graphql(`mutation FixturesAddMembers($input: GroupMembersInput!) { addGroupMembers(input: $input) { id } }`),
  removeMembers: graphql(`mutation FixturesRemoveMembers($input: GroupMembersInput!) { removeGroupMembers(input: $input) { id } }`),
  purchase: graphql(`mutation FixturesPurchase($input: PurchaseLicensesInput!) { purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status sku { partNumber } } } }`),
  updateQuantity: graphql(`mutation FixturesUpdateQuantity($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity } }`),
  cancel: graphql(`mutation FixturesCancel($id: ID!) { cancelSubscription(id: $id) { id status } }`),
  assignUser: graphql(`mutation FixturesAssignUser($input: AssignUserLicensesInput!) { assignUserLicenses(input: $input) { id } }`),
  assignGroup: graphql(`mutation FixturesAssignGroup($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }`),
  licenses: graphql(`query FixturesLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }`),
  effective: graphql(`query FixturesEffective($id: ID!) { user(id: $id) { id canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } expiresAt } } }`),
  createBot: graphql(`mutation FixturesCreateBot($input: CreateBotInput!) { createBot(input: $input) { id name owner { id } } }`),
  updateBot: graphql(`mutation FixturesUpdateBot($input: UpdateBotInput!) { updateBot(input: $input) { id name published owner { id } } }`),
  deleteBot: graphql(`mutation FixturesDeleteBot($id: ID!) { deleteBot(id: $id) }`),
  record: graphql(`mutation FixturesRecord($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions } }`),
  audit: graphql(`query FixturesAudit($action: String, $targetId: ID) { auditEvents(first: 100, action: $action, targetId: $targetId) { totalCount nodes { action targetId details actor { id } } } }`),
};

export interface TenantFx {
  tenantId: string;
  adminId: string;
  admin: string;
  sku: { tenant: string; user: string; trial: string };
  /** A user with the given roles, and a token for them. */
  user(upn: string, roles?: AdminRole[]): Promise<{ id: string; token: string }>;
  group(name: string): Promise<string>;
  /** Buys tenant license units (default 1) and user license seats through ADMIN_CENTER. */
  buy(userSeats: number, tenantUnits?: number): Promise<{ orderId: string; subscriptions: { id: string; sku: { partNumber: string } }[] }>;
  license(userId: string, disabledPlanIds?: string[]): Promise<void>;
  assignGroup(groupId: string, disabledPlanIds?: string[]): Promise<void>;
  add(groupId: string, userIds?: string[], groupIds?: string[]): Promise<void>;
  effective(userId: string): Promise<Present<ResultOf<typeof Q.effective>>["user"]>;
  /** Inserts `n` plain users straight into the database (fast set-up for bulk tests); returns their IDs in order. */
  bulkUsers(n: number, prefix: string): Promise<string[]>;
  licenses(): Promise<Present<ResultOf<typeof Q.licenses>>["tenant"]["licenses"]>;
}

let seq = 0;

export async function newTenant(api: TestApi, name = "Fabrikam"): Promise<TenantFx> {
  const op = await api.operatorToken();
  const domain = `${name.toLowerCase()}${++seq}.example`;
  const r = await api.ok(op, Q.createTenant, { input: { displayName: name, adminUserPrincipalName: `admin@${domain}`, adminDisplayName: "Admin" } });
  const tenantId = r.createTenant.tenant.id;
  const adminId = r.createTenant.admin.id;
  const admin = await api.token({ tid: tenantId, oid: adminId });
  const cat = api.app.catalog;
  const sku = {
    tenant: cat.skuByPartNumber("POWER_VIRTUAL_AGENTS")!.id,
    user: cat.skuByPartNumber("POWER_VIRTUAL_AGENTS_USER")!.id,
    trial: cat.skuByPartNumber("POWER_VIRTUAL_AGENTS_TRIAL")!.id,
  };
  const fx: TenantFx = {
    tenantId, adminId, admin, sku,
    async user(upn, roles = []) {
      const u = await api.ok(admin, Q.createUser, { input: { userPrincipalName: upn.includes("@") ? upn : `${upn}@${domain}`, displayName: upn, roles } });
      return { id: u.createUser.id, token: await api.token({ tid: tenantId, oid: u.createUser.id }) };
    },
    async group(displayName) {
      return (await api.ok(admin, Q.createGroup, { input: { displayName } })).createSecurityGroup.id;
    },
    async buy(userSeats, tenantUnits = 1) {
      const items = [];
      if (tenantUnits) items.push({ skuId: sku.tenant, quantity: tenantUnits });
      if (userSeats) items.push({ skuId: sku.user, quantity: userSeats });
      return (await api.ok(admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items } })).purchaseLicenses;
    },
    async license(userId, disabledPlanIds = []) {
      await api.ok(admin, Q.assignUser, { input: { userId, addLicenses: [{ skuId: sku.user, disabledPlanIds }] } });
    },
    async assignGroup(groupId, disabledPlanIds = []) {
      await api.ok(admin, Q.assignGroup, { input: { groupId, addLicenses: [{ skuId: sku.user, disabledPlanIds }] } });
    },
    async add(groupId, userIds = [], groupIds = []) {
      await api.ok(admin, Q.addMembers, { input: { groupId, userIds, groupIds } });
    },
    async bulkUsers(n, prefix) {
      const now = api.clock.now();
      const rows = Array.from({ length: n }, (_, i) => {
        const upn = `${prefix}${i}@${domain}`;
        return Object.assign(new User(), {
          id: newId("user"), userPrincipalName: upn, upnKey: upn.toLowerCase(), displayName: `${prefix} ${i}`,
          accountEnabled: true, roles: [], createdAt: now,
        });
      });
      await api.app.database.write(api.app.database.lock(), tenantId, (tx) => tx.insert(User, rows));
      return rows.map((r) => r.id);
    },
    async effective(userId) {
      return (await api.ok(admin, Q.effective, { id: userId })).user;
    },
    async licenses() {
      return (await api.ok(admin, Q.licenses)).tenant.licenses;
    },
  };
  return fx;
}

/** The user license (POWER_VIRTUAL_AGENTS_USER) in a list of licenses or pools, if any. */
export const userLicense = <L extends { sku: { partNumber: string } }>(licenses: L[]): L | undefined =>
  licenses.find((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");

/** A token for one of the principals of DESIGN §6 in tenant `t`: a role name, "no roles", "BotRuntime" or "PlatformOperator". */
export async function principalToken(api: TestApi, t: TenantFx, who: string): Promise<string> {
  switch (who) {
    case "GLOBAL_ADMIN":
      return t.admin;
    case "BotRuntime":
      return api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
    case "PlatformOperator":
      return api.operatorToken();
    case "no roles":
      return (await t.user("plain")).token;
    default:
      return (await t.user(who.toLowerCase().replace(/_/g, "-"), [who as AdminRole])).token;
  }
}
