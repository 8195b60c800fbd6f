import { newTenant, Q, TenantFx } from "./fixtures";
import { TestApi } from "./harness";
import { graphql } from "../gql";
import type { VariablesOf } from "@graphql-typed-document-node/core";

/** The audited tenant and readers shared by the audit tests (test/api/audit, DESIGN A1). */

export const EVENTS = graphql(`query AuditEvents($first: Int, $after: String, $action: String, $targetId: ID) {
  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id action targetId details at actor { id } } }
    nodes { id }
  }
}`);

export interface Event {
  id: string;
  action: string;
  targetId: string | null;
  details: string;
  at: string;
  actor: { id: string } | null;
}

type Person = { id: string; token: string };

/** A tenant with seats, a licensed maker, one user per admin role that writes, and a BotRuntime token. */
export interface Audited {
  t: TenantFx;
  maker: Person;
  billing: Person;
  licenses: Person;
  groups: Person;
  runtime: string;
}

export async function auditedTenant(api: TestApi): Promise<Audited> {
  const t = await newTenant(api, "Audited");
  await t.buy(50, 1);
  const maker = await t.user("maker");
  await t.license(maker.id);
  const billing = await t.user("billing", ["BILLING_ADMIN"]);
  const licenses = await t.user("licenses", ["LICENSE_ADMIN"]);
  const groups = await t.user("groups", ["GROUPS_ADMIN"]);
  const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
  return { t, maker, billing, licenses, groups, runtime };
}

/** Readers and fresh targets bound to the suite's API and audited tenant (both read at call time, after beforeAll). */
export function auditKit(api: () => TestApi, audited: () => Audited) {
  let n = 0;
  const next = () => ++n;
  const page = async (token: string, vars: VariablesOf<typeof EVENTS> = {}) => (await api().ok(token, EVENTS, vars)).auditEvents;
  const count = async (fx: TenantFx = audited().t) => (await page(fx.admin, { first: 0 })).totalCount as number;
  const latest = async (fx: TenantFx = audited().t): Promise<Event> => (await page(fx.admin, { first: 1 })).edges[0].node;
  const freshUser = async (displayName?: string) => {
    const { t } = audited();
    const i = next();
    const u = await api().ok(t.admin, Q.createUser, { input: { userPrincipalName: `target${i}@audited.example`, displayName: displayName ?? `Target ${i}` } });
    return u.createUser.id as string;
  };
  const freshGroup = (name = `Group ${next()}`) => audited().t.group(name);
  const freshSubscription = async () => {
    const { t } = audited();
    const r = await api().ok(t.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", items: [{ skuId: t.sku.tenant, quantity: 1 }] } });
    return r.purchaseLicenses.subscriptions[0].id as string;
  };
  const freshBot = async (name = `Bot ${next()}`) => (await api().ok(audited().maker.token, Q.createBot, { input: { name } })).createBot.id as string;
  return { next, page, count, latest, freshUser, freshGroup, freshSubscription, freshBot };
}
