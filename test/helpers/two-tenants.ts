import { Q, newTenant, TenantFx } from "./fixtures";
import { TestApi } from "./harness";
import { graphql } from "../gql";

/**
 * One tenant of a two-tenant isolation test (DESIGN §6): a licensed maker with a bot and recorded
 * sessions, a licensed group with a member, a tenant and a user subscription, an audit event, a runtime token.
 */
export interface Side {
  t: TenantFx;
  maker: { id: string; token: string };
  member: string;
  group: string;
  userSub: string;
  tenantSub: string;
  bot: string;
  audit: string;
  runtime: string;
}

export async function seedSide(api: TestApi, name: string): Promise<Side> {
  const t = await newTenant(api, name);
  const order = await t.buy(5, 1);
  const maker = await t.user("maker");
  await t.license(maker.id);
  const member = (await t.user("member")).id;
  const group = await t.group(`${name} makers`);
  await t.add(group, [member, maker.id]);
  await t.assignGroup(group);
  const bot = (await api.ok(maker.token, Q.createBot, { input: { name: `${name} bot` } })).createBot.id;
  await api.ok(t.admin, Q.record, { input: { botId: bot, count: 10 } });
  const sub = (p: string) => order.subscriptions.find((s) => s.sku.partNumber === p)!.id;
  const audit = (await api.ok(t.admin, graphql(`query TwoTenantsAuditEvents { auditEvents(first: 1) { nodes { id } } }`))).auditEvents.nodes[0].id;
  const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
  return { t, maker, member, group, userSub: sub("POWER_VIRTUAL_AGENTS_USER"), tenantSub: sub("POWER_VIRTUAL_AGENTS"), bot, audit, runtime };
}
