import { Q, newTenant, TenantFx } from "./fixtures";
import { TestApi, AnyDoc, Vars } from "./harness";
import { graphql } from "../gql";
import type { AdminRole } from "../gql/graphql";

/**
 * The principals of DESIGN §6 and the fixture tenant ("World") the access tests run against:
 * one user per role, each licensed and owning a bot, plus a maker, another user, a group,
 * a subscription and an audit event to point operations at.
 */
export const PRINCIPALS = [
  "GLOBAL_ADMIN",
  "BILLING_ADMIN",
  "LICENSE_ADMIN",
  "GROUPS_ADMIN",
  "GLOBAL_READER",
  "NO_ROLE",
  "BOT_RUNTIME",
  "PLATFORM_OPERATOR",
  "NO_TOKEN",
] as const;
export type Who = (typeof PRINCIPALS)[number];

/** Principals that are signed-in users of the fixture tenant. */
export const USERS: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", "NO_ROLE"];
/** Every admin role and GLOBAL_READER read the whole tenant (audit log included). */
export const READERS: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"];
export const GA: readonly Who[] = ["GLOBAL_ADMIN"];
export const BILLING: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN"];
export const LICENSES: readonly Who[] = ["GLOBAL_ADMIN", "LICENSE_ADMIN"];
export const GROUPS: readonly Who[] = ["GLOBAL_ADMIN", "GROUPS_ADMIN"];

export const ROLE_OF: Partial<Record<Who, AdminRole[]>> = {
  GLOBAL_ADMIN: ["GLOBAL_ADMIN"],
  BILLING_ADMIN: ["BILLING_ADMIN"],
  LICENSE_ADMIN: ["LICENSE_ADMIN"],
  GROUPS_ADMIN: ["GROUPS_ADMIN"],
  GLOBAL_READER: ["GLOBAL_READER"],
  NO_ROLE: [],
};

// ---------------------------------------------------------------------------
// The fixture tenant the matrix runs against

export interface Call {
  query: AnyDoc;
  variables?: Vars;
}

export class World {
  private n = 0;
  constructor(
    readonly api: TestApi,
    readonly t: TenantFx,
    readonly tokens: Record<Who, string | undefined>,
    readonly userIds: Partial<Record<Who, string>>,
    readonly ownBots: Partial<Record<Who, string>>,
    readonly maker: { id: string; token: string },
    readonly makerBot: string,
    readonly otherUser: string,
    readonly group: string,
    readonly subscription: string,
    readonly auditEventId: string,
  ) {}

  static async build(api: TestApi): Promise<World> {
    const t = await newTenant(api, "Matrix");
    await t.buy(100, 1);
    const tokens = {} as Record<Who, string | undefined>;
    const userIds: Partial<Record<Who, string>> = {};
    const ownBots: Partial<Record<Who, string>> = {};
    for (const who of USERS) {
      const u = await t.user(`p-${who.toLowerCase().replace(/_/g, "-")}`, ROLE_OF[who]);
      await t.license(u.id);
      tokens[who] = u.token;
      userIds[who] = u.id;
      ownBots[who] = (await api.ok(u.token, Q.createBot, { input: { name: `${who} bot` } })).createBot.id;
    }
    tokens.BOT_RUNTIME = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
    tokens.PLATFORM_OPERATOR = await api.operatorToken();
    tokens.NO_TOKEN = undefined;
    const maker = await t.user("maker");
    await t.license(maker.id);
    const makerBot = (await api.ok(maker.token, Q.createBot, { input: { name: "Maker bot" } })).createBot.id;
    const other = await t.user("other");
    const group = await t.group("Readers' group");
    await t.add(group, [other.id]);
    const subs = (await api.ok(t.admin, graphql(`query PrincipalsTenant { tenant { subscriptions { id } } }`))).tenant.subscriptions;
    const audit = (await api.ok(t.admin, graphql(`query PrincipalsAuditEvents { auditEvents(first: 1) { nodes { id } } }`))).auditEvents.nodes[0].id;
    return new World(api, t, tokens, userIds, ownBots, maker, makerBot, other.id, group, subs[0].id, audit);
  }

  uniq(): number {
    return ++this.n;
  }

  /** The principal's own user ID; principals that are no user get some other user's ID. */
  selfId(who: Who): string {
    return this.userIds[who] ?? this.otherUser;
  }

  /** The principal's own bot; principals that are no user get the maker's bot. */
  ownBot(who: Who): string {
    return this.ownBots[who] ?? this.makerBot;
  }

  async freshUser(): Promise<string> {
    return (await this.t.user(`target-${this.uniq()}`)).id;
  }

  async freshGroup(): Promise<string> {
    return this.t.group(`Target group ${this.uniq()}`);
  }

  /** A fresh tenant-license subscription (cancelling or resizing it touches no user seat). */
  async freshSubscription(): Promise<string> {
    const r = await this.api.ok(this.t.admin, Q.purchase, {
      input: { channel: "ADMIN_CENTER", items: [{ skuId: this.t.sku.tenant, quantity: 1 }] },
    });
    return r.purchaseLicenses.subscriptions[0].id;
  }

  async freshMakerBot(): Promise<string> {
    return (await this.api.ok(this.maker.token, Q.createBot, { input: { name: `Maker bot ${this.uniq()}` } })).createBot.id;
  }

  /** A fresh bot owned by the principal (the maker's, for principals that are no user). */
  async freshOwnBot(who: Who): Promise<string> {
    if (!this.userIds[who]) return this.freshMakerBot();
    return (await this.api.ok(this.tokens[who], Q.createBot, { input: { name: `${who} bot ${this.uniq()}` } })).createBot.id;
  }
}
