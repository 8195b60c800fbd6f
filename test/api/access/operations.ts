import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import { Q } from "../../helpers/fixtures";
import { AnyDoc } from "../../helpers/harness";
import { BILLING, GA, GROUPS, LICENSES, PRINCIPALS, READERS, USERS, Who, World, Call } from "../../helpers/principals";
import { graphql } from "../../gql";
import { LicenseRequest } from "../../../src/data/entities";
import { LicenseRequestStatus } from "../../../src/domain/enums";
import { newId } from "../../../src/domain/ids";

/**
 * The expectation table of the role matrix (DESIGN §6): every root field of the emitted schema,
 * with representative calls and the principals allowed to make them. role-matrix.test.ts walks it.
 */

export interface Case {
  name: string;
  allowed: readonly Who[];
  /** Allowed principals may also fail with a domain error code (never FORBIDDEN / UNAUTHENTICATED / INTERNAL_SERVER_ERROR). */
  domainErrorOk?: boolean;
  prepare(w: World, who: Who): Promise<Call>;
}

export const NODE = graphql(`query AccessOperationsNode($id: ID!) { node(id: $id) { id __typename } }`);
export const node = (name: string, allowed: readonly Who[], id: (w: World, who: Who) => string | Promise<string>): Case => ({
  name,
  allowed,
  prepare: async (w, who) => ({ query: NODE, variables: { id: await id(w, who) } }),
});
export const tenantField = (field: string, query: AnyDoc): Case => ({
  name: `tenant.${field}`,
  allowed: READERS,
  prepare: async () => ({ query }),
});

const INACTIVE_HOLDERS = graphql(`query AccessTenantInactiveHolders($sku: ID!) { tenant { id inactiveLicenseHolders(skuId: $sku) { totalCount nodes { user { id } } } } }`);
const OPS_REQUEST_LICENSE = graphql(`mutation AccessOperationsRequestLicense($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }`);
const OPS_CANCEL_REQUEST = graphql(`mutation AccessOperationsCancelLicenseRequest($id: ID!) { cancelLicenseRequest(id: $id) { id status } }`);
const OPS_APPROVE_REQUEST = graphql(`mutation AccessOperationsApproveLicenseRequest($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id status } }`);
const OPS_DENY_REQUEST = graphql(`mutation AccessOperationsDenyLicenseRequest($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status } }`);
const OPS_SET_AUTO_CLAIM = graphql(`mutation AccessOperationsSetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) { setAutoClaimPolicy(input: $input) { enabled } }`);
const OPS_CLAIM = graphql(`mutation AccessOperationsClaimLicense($skuId: ID!) { claimLicense(skuId: $skuId) { license { state } request { id } } }`);

/** A PENDING request of `userId` written straight to the store (the world's users hold seats, so they could not ask). */
async function openRequestOf(w: World, userId: string): Promise<string> {
  const id = newId("licenseRequest");
  await w.api.app.database.write(w.api.app.database.lock(), w.t.tenantId, (tx) => tx.insert(LicenseRequest, [{
    id, skuId: w.t.sku.user, requesterId: userId, justification: null, status: LicenseRequestStatus.PENDING, createdAt: new Date(),
    decidedAt: null, decidedById: null, reason: null, grantedThroughGroupId: null, fromAutoClaim: false,
  }]));
  return id;
}

/** A fresh user without a seat asks for one. */
async function freshRequest(w: World): Promise<string> {
  const userId = await w.freshUser();
  const token = await w.api.token({ tid: w.t.tenantId, oid: userId });
  return (await w.api.ok(token, OPS_REQUEST_LICENSE, { input: { skuId: w.t.sku.user } })).requestLicense.id;
}

export const TABLE: Record<string, Case[]> = {
  // ----- queries
  skus: [{ name: "catalog", allowed: USERS, prepare: async () => ({ query: graphql(`query AccessOperationsSkus { skus { id partNumber servicePlans { name } } }`) }) }],
  // T1: only the caller's own bucket, so anyone may ask, without a token too (the address's bucket).
  rateLimit: [{ name: "own bucket", allowed: PRINCIPALS, prepare: async () => ({ query: graphql(`query AccessOperationsRateLimit { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }`) }) }],
  me: [{ name: "me", allowed: USERS, prepare: async () => ({ query: graphql(`query AccessOperationsMe { me { id userPrincipalName roles canCreateBots } }`) }) }],
  tenant: [
    {
      name: "name and flags",
      allowed: USERS,
      prepare: async () => ({ query: graphql(`query AccessOperationsTenant { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }`) }),
    },
    tenantField("users", graphql(`query AccessTenantUsers { tenant { id users(first: 5) { totalCount nodes { id } } } }`)),
    tenantField("securityGroups", graphql(`query AccessTenantSecurityGroups { tenant { id securityGroups(first: 5) { totalCount nodes { id } } } }`)),
    tenantField("subscriptions", graphql(`query AccessTenantSubscriptions { tenant { id subscriptions { id quantity } } }`)),
    tenantField("licenses", graphql(`query AccessTenantLicenses { tenant { id licenses { consumedUnits availableUnits } } }`)),
    tenantField("bots", graphql(`query AccessTenantBots { tenant { id bots(first: 5) { totalCount nodes { id } } } }`)),
    tenantField("capacity", graphql(`query AccessTenantCapacity { tenant { id capacity { period purchased consumed } } }`)),
    {
      ...tenantField("inactiveLicenseHolders", INACTIVE_HOLDERS),
      prepare: async (w) => ({ query: INACTIVE_HOLDERS, variables: { sku: w.t.sku.user } }),
    },
    tenantField("autoClaimPolicies", graphql(`query AccessTenantAutoClaimPolicies { tenant { id autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }`)),
    // V1: every user lists requests; a user without roles gets only their own (test/api/requests).
    { ...tenantField("licenseRequests", graphql(`query AccessTenantLicenseRequests { tenant { id licenseRequests(first: 5) { totalCount nodes { id status } } } }`)), allowed: USERS },
    { ...tenantField("provisioningTokens", graphql(`query AccessTenantProvisioningTokens { tenant { id provisioningTokens { id hint } } }`)), allowed: GA },
  ],
  user: [
    {
      name: "another user",
      allowed: READERS,
      prepare: async (w) => ({ query: graphql(`query AccessOperationsUser($id: ID!) { user(id: $id) { id displayName } }`), variables: { id: w.otherUser } }),
    },
    {
      name: "oneself",
      allowed: USERS,
      prepare: async (w, who) => ({ query: graphql(`query AccessOperationsUser2($id: ID!) { user(id: $id) { id displayName } }`), variables: { id: w.selfId(who) } }),
    },
  ],
  securityGroup: [
    {
      name: "a group",
      allowed: READERS,
      prepare: async (w) => ({ query: graphql(`query AccessOperationsSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }`), variables: { id: w.group } }),
    },
  ],
  bot: [
    {
      name: "another user's bot",
      allowed: READERS,
      prepare: async (w) => ({ query: graphql(`query AccessOperationsBot($id: ID!) { bot(id: $id) { id name } }`), variables: { id: w.makerBot } }),
    },
    {
      name: "own bot",
      allowed: USERS,
      prepare: async (w, who) => ({ query: graphql(`query AccessOperationsBot2($id: ID!) { bot(id: $id) { id name } }`), variables: { id: w.ownBot(who) } }),
    },
  ],
  auditEvents: [
    { name: "audit log", allowed: READERS, prepare: async () => ({ query: graphql(`query AccessOperationsAuditEvents { auditEvents(first: 5) { totalCount nodes { id action } } }`) }) },
  ],
  previewGroupLicenseAssignment: [
    {
      name: "preview",
      allowed: LICENSES,
      prepare: async (w) => ({
        query: graphql(`query AccessOperationsPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }`),
        variables: { g: w.group, s: w.t.sku.user },
      }),
    },
  ],
  previewGroupLicenseRemoval: [
    {
      name: "removal preview",
      allowed: LICENSES,
      prepare: async (w) => ({
        query: graphql(`query AccessOperationsPreviewGroupLicenseRemoval($g: ID!, $s: ID!) { previewGroupLicenseRemoval(groupId: $g, skuId: $s) { wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id } } }`),
        variables: { g: w.group, s: w.t.sku.user },
      }),
    },
  ],
  node: [
    node("another user", READERS, (w) => w.otherUser),
    node("oneself", USERS, (w, who) => w.selfId(who)),
    node("group", READERS, (w) => w.group),
    node("another user's bot", READERS, (w) => w.makerBot),
    node("own bot", USERS, (w, who) => w.ownBot(who)),
    node("subscription", READERS, (w) => w.subscription),
    node("audit event", READERS, (w) => w.auditEventId),
    node("sku", USERS, (w) => w.t.sku.user),
    node("tenant", USERS, (w) => w.t.tenantId),
  ],

  // ----- mutations
  createProvisioningToken: [
    {
      name: "D1 new provisioning token",
      allowed: GA,
      prepare: async () => ({
        query: graphql(`mutation AccessCreateProvisioningToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id } } }`),
        variables: { input: { description: "Entra ID" } },
      }),
    },
  ],
  revokeProvisioningToken: [
    {
      name: "D1 revoke a token",
      allowed: GA,
      prepare: async (w) => {
        const r = await w.api.ok(w.t.admin, graphql(`mutation AccessTokenToRevoke { createProvisioningToken(input: { description: "to revoke" }) { provisioningToken { id } } }`));
        return { query: graphql(`mutation AccessRevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }`), variables: { id: r.createProvisioningToken.provisioningToken.id } };
      },
    },
  ],
  createTenant: [
    {
      name: "new tenant",
      allowed: ["PLATFORM_OPERATOR"],
      prepare: async (w) => {
        const n = w.uniq();
        return {
          query: Q.createTenant,
          variables: { input: { displayName: `Tenant ${n}`, adminUserPrincipalName: `admin@new${n}.example`, adminDisplayName: "Admin" } },
        };
      },
    },
  ],
  updateTenantSettings: [
    {
      name: "settings",
      allowed: GA,
      prepare: async () => ({
        query: graphql(`mutation AccessOperationsUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }`),
        variables: { input: { allowAdHocSubscriptions: true } },
      }),
    },
  ],
  purchaseLicenses: [
    {
      name: "buy",
      allowed: BILLING,
      prepare: async (w) => ({ query: Q.purchase, variables: { input: { channel: "ADMIN_CENTER", items: [{ skuId: w.t.sku.tenant, quantity: 1 }] } } }),
    },
  ],
  updateSubscriptionQuantity: [
    {
      name: "resize",
      allowed: BILLING,
      prepare: async (w) => ({ query: Q.updateQuantity, variables: { input: { subscriptionId: await w.freshSubscription(), quantity: 2 } } }),
    },
  ],
  cancelSubscription: [
    { name: "cancel", allowed: BILLING, prepare: async (w) => ({ query: Q.cancel, variables: { id: await w.freshSubscription() } }) },
  ],
  createUser: [
    {
      name: "new user",
      allowed: GA,
      prepare: async (w) => ({ query: Q.createUser, variables: { input: { userPrincipalName: `new${w.uniq()}@matrix.example`, displayName: "New" } } }),
    },
  ],
  updateUser: [
    { name: "rename", allowed: GA, prepare: async (w) => ({ query: Q.updateUser, variables: { input: { id: await w.freshUser(), displayName: "Renamed" } } }) },
  ],
  deleteUser: [{ name: "delete", allowed: GA, prepare: async (w) => ({ query: Q.deleteUser, variables: { id: await w.freshUser() } }) }],
  createSecurityGroup: [
    { name: "new group", allowed: GROUPS, prepare: async (w) => ({ query: Q.createGroup, variables: { input: { displayName: `New group ${w.uniq()}` } } }) },
  ],
  updateSecurityGroup: [
    {
      name: "rename",
      allowed: GROUPS,
      prepare: async (w) => ({
        query: graphql(`mutation AccessOperationsUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }`),
        variables: { input: { id: await w.freshGroup(), displayName: "Renamed group" } },
      }),
    },
  ],
  deleteSecurityGroup: [{ name: "delete", allowed: GROUPS, prepare: async (w) => ({ query: Q.deleteGroup, variables: { id: await w.freshGroup() } }) }],
  addGroupMembers: [
    {
      name: "add a user and a group",
      allowed: GROUPS,
      prepare: async (w) => ({
        query: Q.addMembers,
        variables: { input: { groupId: await w.freshGroup(), userIds: [await w.freshUser()], groupIds: [await w.freshGroup()] } },
      }),
    },
  ],
  removeGroupMembers: [
    {
      name: "remove a user",
      allowed: GROUPS,
      prepare: async (w) => {
        const g = await w.freshGroup();
        const u = await w.freshUser();
        await w.t.add(g, [u]);
        return { query: Q.removeMembers, variables: { input: { groupId: g, userIds: [u] } } };
      },
    },
  ],
  assignUserLicenses: [
    {
      name: "direct license",
      allowed: LICENSES,
      prepare: async (w) => ({ query: Q.assignUser, variables: { input: { userId: await w.freshUser(), addLicenses: [{ skuId: w.t.sku.user }] } } }),
    },
  ],
  assignLicensesToUsers: [
    {
      name: "bulk direct license",
      allowed: LICENSES,
      prepare: async (w) => ({
        query: graphql(`mutation AccessOperationsAssignLicensesToUsers($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }`),
        variables: { input: { userIds: [await w.freshUser(), await w.freshUser()], addLicenses: [{ skuId: w.t.sku.user }] } },
      }),
    },
  ],
  // V4: the selected user holds no seat, so the call reclaims nothing and succeeds (skipped).
  reclaimLicenses: [
    {
      name: "reclaim inactive licenses",
      allowed: LICENSES,
      prepare: async (w) => ({
        query: graphql(`mutation AccessOperationsReclaimLicenses($input: ReclaimLicensesInput!) { reclaimLicenses(input: $input) { reclaimed { id } skipped { id } } }`),
        variables: { input: { skuId: w.t.sku.user, userIds: [await w.freshUser()] } },
      }),
    },
  ],
  assignGroupLicenses: [
    {
      name: "group license",
      allowed: LICENSES,
      prepare: async (w) => ({ query: Q.assignGroup, variables: { input: { groupId: await w.freshGroup(), addLicenses: [{ skuId: w.t.sku.user }] } } }),
    },
  ],
  startTrial: [
    {
      name: "trial",
      allowed: USERS,
      domainErrorOk: true,
      prepare: async (w) => ({
        query: graphql(`mutation AccessOperationsStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }`),
        variables: { input: { skuId: w.t.sku.trial } },
      }),
    },
  ],
  createBot: [
    // Every user principal holds a user license, so every one of them can create bots (B1).
    { name: "new bot", allowed: USERS, prepare: async (w) => ({ query: Q.createBot, variables: { input: { name: `Bot ${w.uniq()}` } } }) },
  ],
  updateBot: [
    {
      name: "another user's bot",
      allowed: GA,
      prepare: async (w) => ({ query: Q.updateBot, variables: { input: { id: w.makerBot, name: `Renamed ${w.uniq()}` } } }),
    },
    {
      name: "own bot",
      allowed: USERS,
      prepare: async (w, who) => ({ query: Q.updateBot, variables: { input: { id: w.ownBot(who), name: `Own ${w.uniq()}` } } }),
    },
  ],
  deleteBot: [
    { name: "another user's bot", allowed: GA, prepare: async (w) => ({ query: Q.deleteBot, variables: { id: await w.freshMakerBot() } }) },
    { name: "own bot", allowed: USERS, prepare: async (w, who) => ({ query: Q.deleteBot, variables: { id: await w.freshOwnBot(who) } }) },
  ],
  recordBotSessions: [
    {
      name: "sessions",
      allowed: ["GLOBAL_ADMIN", "BOT_RUNTIME"],
      prepare: async (w) => ({ query: Q.record, variables: { input: { botId: w.makerBot, count: 3 } } }),
    },
  ],
  // ----- V1, V2 (DESIGN §16): license requests and auto-claim
  requestLicense: [
    {
      // Every user principal of the world holds a seat already: CONFLICT is the domain answer.
      name: "own request",
      allowed: USERS,
      domainErrorOk: true,
      prepare: async (w) => ({ query: OPS_REQUEST_LICENSE, variables: { input: { skuId: w.t.sku.user, justification: "for bots" } } }),
    },
  ],
  cancelLicenseRequest: [
    {
      name: "own request",
      allowed: USERS,
      // Principals that are no user cancel a fresh user's request (refused all the same).
      prepare: async (w, who) => ({ query: OPS_CANCEL_REQUEST, variables: { id: await openRequestOf(w, w.userIds[who] ?? (await w.freshUser())) } }),
    },
  ],
  approveLicenseRequest: [
    { name: "a user's request", allowed: LICENSES, prepare: async (w) => ({ query: OPS_APPROVE_REQUEST, variables: { input: { id: await freshRequest(w) } } }) },
  ],
  denyLicenseRequest: [
    { name: "a user's request", allowed: LICENSES, prepare: async (w) => ({ query: OPS_DENY_REQUEST, variables: { input: { id: await freshRequest(w), reason: "no" } } }) },
  ],
  setAutoClaimPolicy: [
    { name: "policy", allowed: LICENSES, prepare: async (w) => ({ query: OPS_SET_AUTO_CLAIM, variables: { input: { skuId: w.t.sku.user, enabled: false } } }) },
  ],
  claimLicense: [
    {
      // With the policy on for everyone: every user of the world holds a seat already, so the claim returns it.
      name: "own claim",
      allowed: USERS,
      prepare: async (w) => {
        await w.api.ok(w.t.admin, OPS_SET_AUTO_CLAIM, { input: { skuId: w.t.sku.user, enabled: true } });
        return { query: OPS_CLAIM, variables: { skuId: w.t.sku.user } };
      },
    },
  ],
};


export function rootFields(): { query: string[]; mutation: string[] } {
  const schema = buildSchema(readFileSync(join(__dirname, "../../../schema/schema.graphql"), "utf8"));
  return {
    query: Object.keys(schema.getQueryType()!.getFields()),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}),
  };
}
