import { TenantFx, Q, userLicense } from "./fixtures";
import { TestApi } from "./harness";
import { asc } from "./ids";
import { graphql } from "../gql";
import type { UserFilter } from "../gql/graphql";

/** Documents and readers for the license-engine tests (test/api/engine). */

export const STATES = graphql(`query EngineStates($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }`);
export const ENGINE_USERS = graphql(`query EngineEngineUsers($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }`);
export const GROUP_ERRORS = graphql(`query EngineGroupErrors($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }`);
export const PREVIEW = graphql(`query EnginePreview($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }`);
export const SKUS = graphql(`query EngineSkus { skus { id partNumber servicePlans { id name } } }`);
export const ME_ID = graphql(`query EngineMeId { me { id } }`);

type Order = { subscriptions: { id: string; sku: { partNumber: string } }[] };

/** Every string found under `key` (at any depth) in the audit details, restricted to `known` IDs. */
export function idsUnder(details: unknown, key: string, known: string[]): string[] {
  const found = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === "string") found.add(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (k === key ? collect(x) : walk(x));
  };
  walk(details);
  return asc(known.filter((id) => found.has(id)));
}

export const userSubscriptionOf = (order: Order) => order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!.id;
export const tenantSubscriptionOf = (order: Order) => order.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS")!.id;

/** Readers and writers bound to the suite's API (`api()` is read at call time, after beforeAll). */
export function engineKit(api: () => TestApi) {
  /** `n` users, returned in ascending ID order. */
  async function people(t: TenantFx, prefix: string, n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.user(`${prefix}${i}`)).id);
    return asc(ids);
  }

  /** The user's effective license of the user SKU, or undefined when they do not want it. */
  async function userSku(t: TenantFx, id: string) {
    return userLicense((await t.effective(id)).effectiveLicenses);
  }

  /** "STATE/ERROR" of the user SKU, "NONE" when the user does not want it. */
  async function stateOf(t: TenantFx, id: string): Promise<string> {
    const l = await userSku(t, id);
    return l ? `${l.state}/${l.error}` : "NONE";
  }

  async function statesOf(t: TenantFx, ids: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const id of ids) out.push(await stateOf(t, id));
    return out;
  }

  async function assignmentStates(t: TenantFx, id: string) {
    const r = await api().ok(t.admin, STATES, { id });
    return r.user.licenseAssignmentStates.filter((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER");
  }

  async function userPool(t: TenantFx) {
    return userLicense(await t.licenses());
  }

  async function usersWhere(t: TenantFx, f: UserFilter): Promise<string[]> {
    const r = await api().ok(t.admin, ENGINE_USERS, { f });
    expect(r.tenant.users.totalCount).toBe(r.tenant.users.nodes.length);
    return asc(r.tenant.users.nodes.map((n) => n.id));
  }

  async function groupErrors(t: TenantFx, groupId: string): Promise<{ has: boolean; ids: string[] }> {
    const g = (await api().ok(t.admin, GROUP_ERRORS, { id: groupId })).securityGroup;
    expect(g.membersWithLicenseErrors.totalCount).toBe(g.membersWithLicenseErrors.nodes.length);
    return { has: g.hasMembersWithLicenseErrors, ids: asc(g.membersWithLicenseErrors.nodes.map((n) => n.id)) };
  }

  /** Plan name → plan ID of the user SKU, from the catalog query. */
  async function planIds(t: TenantFx): Promise<Record<string, string>> {
    const r = await api().ok(t.admin, SKUS);
    const sku = r.skus.find((s) => s.partNumber === "POWER_VIRTUAL_AGENTS_USER");
    return Object.fromEntries(sku!.servicePlans.map((p) => [p.name, p.id]));
  }

  const removeGroupSku = (t: TenantFx, groupId: string) =>
    api().ok(t.admin, Q.assignGroup, { input: { groupId, removeSkuIds: [t.sku.user] } });
  const removeDirect = (t: TenantFx, userId: string) =>
    api().ok(t.admin, Q.assignUser, { input: { userId, removeSkuIds: [t.sku.user] } });
  const removeMembers = (t: TenantFx, groupId: string, userIds: string[] = [], groupIds: string[] = []) =>
    api().ok(t.admin, Q.removeMembers, { input: { groupId, userIds, groupIds } });
  return { people, userSku, stateOf, statesOf, assignmentStates, userPool, usersWhere, groupErrors, planIds, removeGroupSku, removeDirect, removeMembers };
}
