/**
 * DESIGN §6: identity, the role matrix and tenant isolation.
 *
 * The role matrix walks every Query and Mutation field of the emitted schema
 * (schema/schema.graphql): an operation without an entry in TABLE fails the
 * suite, so a new operation cannot ship unguarded.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, FieldNode, OperationDefinitionNode, parse } from "graphql";
import { SignJWT } from "jose";
import { engines, GqlResult, TestApi, TEST_SECRET } from "../helpers/harness";
import { newTenant, Q, TenantFx } from "../helpers/fixtures";

// ---------------------------------------------------------------------------
// Principals

const PRINCIPALS = [
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
type Who = (typeof PRINCIPALS)[number];

/** Principals that are signed-in users of the fixture tenant. */
const USERS: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER", "NO_ROLE"];
/** Every admin role and GLOBAL_READER read the whole tenant (audit log included). */
const READERS: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"];
const GA: readonly Who[] = ["GLOBAL_ADMIN"];
const BILLING: readonly Who[] = ["GLOBAL_ADMIN", "BILLING_ADMIN"];
const LICENSES: readonly Who[] = ["GLOBAL_ADMIN", "LICENSE_ADMIN"];
const GROUPS: readonly Who[] = ["GLOBAL_ADMIN", "GROUPS_ADMIN"];

const ROLE_OF: Partial<Record<Who, string[]>> = {
  GLOBAL_ADMIN: ["GLOBAL_ADMIN"],
  BILLING_ADMIN: ["BILLING_ADMIN"],
  LICENSE_ADMIN: ["LICENSE_ADMIN"],
  GROUPS_ADMIN: ["GROUPS_ADMIN"],
  GLOBAL_READER: ["GLOBAL_READER"],
  NO_ROLE: [],
};

// ---------------------------------------------------------------------------
// The fixture tenant the matrix runs against

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

class World {
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
    const subs = (await api.ok(t.admin, `{ tenant { subscriptions { id } } }`)).tenant.subscriptions;
    const audit = (await api.ok(t.admin, `{ auditEvents(first: 1) { nodes { id } } }`)).auditEvents.nodes[0].id;
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

// ---------------------------------------------------------------------------
// The expectation table: every root field of the schema, with representative calls

interface Case {
  name: string;
  allowed: readonly Who[];
  /** Allowed principals may also fail with a domain error code (never FORBIDDEN / UNAUTHENTICATED / INTERNAL_SERVER_ERROR). */
  domainErrorOk?: boolean;
  prepare(w: World, who: Who): Promise<Call>;
}

const NODE = `query($id: ID!) { node(id: $id) { id __typename } }`;
const node = (name: string, allowed: readonly Who[], id: (w: World, who: Who) => string | Promise<string>): Case => ({
  name,
  allowed,
  prepare: async (w, who) => ({ query: NODE, variables: { id: await id(w, who) } }),
});
const tenantField = (field: string, selection: string): Case => ({
  name: `tenant.${field}`,
  allowed: READERS,
  prepare: async () => ({ query: `{ tenant { id ${selection} } }` }),
});

const TABLE: Record<string, Case[]> = {
  // ----- queries
  skus: [{ name: "catalog", allowed: USERS, prepare: async () => ({ query: `{ skus { id partNumber servicePlans { name } } }` }) }],
  // T1: only the caller's own bucket, so anyone may ask, without a token too (the address's bucket).
  rateLimit: [{ name: "own bucket", allowed: PRINCIPALS, prepare: async () => ({ query: `{ rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }` }) }],
  me: [{ name: "me", allowed: USERS, prepare: async () => ({ query: `{ me { id userPrincipalName roles canCreateBots } }` }) }],
  tenant: [
    {
      name: "name and flags",
      allowed: USERS,
      prepare: async () => ({ query: `{ tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }` }),
    },
    tenantField("users", `users(first: 5) { totalCount nodes { id } }`),
    tenantField("securityGroups", `securityGroups(first: 5) { totalCount nodes { id } }`),
    tenantField("subscriptions", `subscriptions { id quantity }`),
    tenantField("licenses", `licenses { consumedUnits availableUnits }`),
    tenantField("bots", `bots(first: 5) { totalCount nodes { id } }`),
    tenantField("capacity", `capacity { period purchased consumed }`),
  ],
  user: [
    {
      name: "another user",
      allowed: READERS,
      prepare: async (w) => ({ query: `query($id: ID!) { user(id: $id) { id displayName } }`, variables: { id: w.otherUser } }),
    },
    {
      name: "oneself",
      allowed: USERS,
      prepare: async (w, who) => ({ query: `query($id: ID!) { user(id: $id) { id displayName } }`, variables: { id: w.selfId(who) } }),
    },
  ],
  securityGroup: [
    {
      name: "a group",
      allowed: READERS,
      prepare: async (w) => ({ query: `query($id: ID!) { securityGroup(id: $id) { id displayName } }`, variables: { id: w.group } }),
    },
  ],
  bot: [
    {
      name: "another user's bot",
      allowed: READERS,
      prepare: async (w) => ({ query: `query($id: ID!) { bot(id: $id) { id name } }`, variables: { id: w.makerBot } }),
    },
    {
      name: "own bot",
      allowed: USERS,
      prepare: async (w, who) => ({ query: `query($id: ID!) { bot(id: $id) { id name } }`, variables: { id: w.ownBot(who) } }),
    },
  ],
  auditEvents: [
    { name: "audit log", allowed: READERS, prepare: async () => ({ query: `{ auditEvents(first: 5) { totalCount nodes { id action } } }` }) },
  ],
  previewGroupLicenseAssignment: [
    {
      name: "preview",
      allowed: LICENSES,
      prepare: async (w) => ({
        query: `query($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }`,
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
        query: `mutation($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }`,
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
        query: `mutation($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }`,
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
        query: `mutation($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }`,
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
};

// ---------------------------------------------------------------------------
// Helpers

function rootFields(): { query: string[]; mutation: string[] } {
  const schema = buildSchema(readFileSync(join(__dirname, "../../schema/schema.graphql"), "utf8"));
  return {
    query: Object.keys(schema.getQueryType()!.getFields()),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}),
  };
}

function topLevel(query: string): { operation: string; fields: string[] } {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  const fields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === "Field").map((f) => f.name.value);
  return { operation: op.operation, fields };
}

const codes = (r: GqlResult) => (r.errors ?? []).map((e) => String(e.extensions?.code));
const short = (r: GqlResult) => JSON.stringify(r.errors?.length ? codes(r).map((c, i) => `${c}: ${r.errors![i].message}`) : r.data).slice(0, 300);

/** An error as a client sees it, with the given IDs replaced, to compare "another tenant's ID" with "no such ID". */
function normalized(r: GqlResult, ids: string[]): string {
  let s = JSON.stringify({
    data: r.data ?? null,
    errors: (r.errors ?? []).map((e) => {
      const { stacktrace: _drop, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
      return { message: e.message, path: e.path, extensions };
    }),
  });
  for (const id of ids) s = s.split(id).join("<ID>");
  return s;
}

const randomId = (prefix: string) => `${prefix}_${randomUUID()}`;

// ---------------------------------------------------------------------------

describe("the access table covers the emitted schema", () => {
  const { query, mutation } = rootFields();

  it("has an entry for every Query and Mutation field, and no stale entries", () => {
    const all = [...query, ...mutation];
    expect(all.filter((f) => !TABLE[f]?.length)).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !all.includes(k))).toEqual([]);
  });

  it("each entry names only known principals", () => {
    const wrong: string[] = [];
    for (const [op, cases] of Object.entries(TABLE)) {
      for (const c of cases) for (const who of c.allowed) if (!PRINCIPALS.includes(who)) wrong.push(`${op}/${c.name}: ${who}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(engines())("access (%s)", (_engine, url) => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await TestApi.start(url);
    w = await World.build(api);
  });
  afterAll(() => api.stop());

  describe("role matrix (DESIGN §6)", () => {
    const { mutation } = rootFields();

    it.each(Object.keys(TABLE))("%s", async (op) => {
      const problems: string[] = [];
      for (const c of TABLE[op]) {
        for (const who of PRINCIPALS) {
          const call = await c.prepare(w, who);
          const shape = topLevel(call.query);
          if (!shape.fields.includes(op) || shape.operation !== (mutation.includes(op) ? "mutation" : "query")) {
            problems.push(`${c.name}: the document does not call ${op} as a ${mutation.includes(op) ? "mutation" : "query"}`);
            continue;
          }
          const before = await api.snapshot();
          const r = await api.exec(w.tokens[who], call.query, call.variables);
          const got = codes(r);
          const label = `${op} [${c.name}] as ${who}`;
          if (c.allowed.includes(who)) {
            if (!got.length) {
              if (r.data?.[op] == null) problems.push(`${label}: allowed, but returned null (${short(r)})`);
            } else if (!c.domainErrorOk) {
              problems.push(`${label}: allowed, expected success, got ${short(r)}`);
            } else if (got.some((g) => ["FORBIDDEN", "UNAUTHENTICATED", "INTERNAL_SERVER_ERROR", "undefined"].includes(g))) {
              problems.push(`${label}: allowed, expected success or a domain error, got ${short(r)}`);
            }
          } else {
            const expected = who === "NO_TOKEN" ? "UNAUTHENTICATED" : "FORBIDDEN";
            if (!got.length || got.some((g) => g !== expected)) problems.push(`${label}: expected ${expected}, got ${short(r)}`);
            else if (r.data?.[op] != null) problems.push(`${label}: denied, but data was returned: ${JSON.stringify(r.data).slice(0, 200)}`);
            if ((await api.snapshot()) !== before) problems.push(`${label}: denied, but the database changed`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe("bots: licence gate and ownership (B1, B2)", () => {
    it("createBot: an unlicensed user gets LICENSE_REQUIRED, not FORBIDDEN, and nothing is written", async () => {
      const u = await w.t.user(`unlicensed-${w.uniq()}`);
      const before = await api.snapshot();
      expect(await api.code(u.token, Q.createBot, { input: { name: "Nope" } })).toBe("LICENSE_REQUIRED");
      expect(await api.snapshot()).toBe(before);
    });

    it("the owner manages their bot while licensed; once unlicensed they cannot, and a GLOBAL_ADMIN still can", async () => {
      const owner = await w.t.user(`owner-${w.uniq()}`);
      await w.t.license(owner.id);
      const bot = (await api.ok(owner.token, Q.createBot, { input: { name: "Mine" } })).createBot.id;
      await api.ok(owner.token, Q.updateBot, { input: { id: bot, published: true } });
      await api.ok(w.t.admin, Q.assignUser, { input: { userId: owner.id, removeSkuIds: [w.t.sku.user] } });
      const before = await api.snapshot();
      const code = await api.code(owner.token, Q.updateBot, { input: { id: bot, name: "Still mine?" } });
      expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(code);
      expect(await api.code(owner.token, Q.deleteBot, { id: bot })).toBe(code);
      expect(await api.snapshot()).toBe(before);
      // They can still read it (a user without roles reads their own bots).
      expect((await api.ok(owner.token, `query($id: ID!) { bot(id: $id) { id } }`, { id: bot })).bot.id).toBe(bot);
      await api.ok(w.tokens.GLOBAL_ADMIN, Q.updateBot, { input: { id: bot, name: "Admin renamed" } });
      expect((await api.ok(w.tokens.GLOBAL_ADMIN, Q.deleteBot, { id: bot })).deleteBot).toBe(bot);
    });
  });

  describe("payloads open no reads the principal lacks (DESIGN §6)", () => {
    it("the BotRuntime may only record sessions: recordBotSessions' payload does not reveal the owner's account, roles, groups or licenses", async () => {
      const owner = (await api.ok(w.t.admin, `query($id: ID!) { user(id: $id) { userPrincipalName } }`, { id: w.maker.id })).user;
      const secretGroup = `Maker's secret group ${w.uniq()}`;
      await w.t.add(await w.t.group(secretGroup), [w.maker.id]);
      const r = await api.exec(
        w.tokens.BOT_RUNTIME,
        `mutation($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions
           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }`,
        { input: { botId: w.makerBot, count: 1 } },
      );
      const seen = JSON.stringify(r.data ?? null);
      expect(seen).not.toContain(owner.userPrincipalName);
      expect(seen).not.toContain(secretGroup);
      expect(seen).not.toContain("POWER_VIRTUAL_AGENTS_USER");
      // Sessions alone are fine to read back.
      expect((await api.ok(w.tokens.BOT_RUNTIME, Q.record, { input: { botId: w.makerBot, count: 1 } })).recordBotSessions.id).toBe(w.makerBot);
    });
  });

  describe("identity comes from the database, not the token (DESIGN §6)", () => {
    it("roles in the token's claims grant nothing", async () => {
      const u = await w.t.user(`claims-${w.uniq()}`);
      const forged = await api.token({ tid: w.t.tenantId, oid: u.id, roles: ["GLOBAL_ADMIN", "BotRuntime"] });
      const before = await api.snapshot();
      expect(await api.code(forged, Q.createUser, { input: { userPrincipalName: `x${w.uniq()}@matrix.example`, displayName: "X" } })).toBe("FORBIDDEN");
      expect(await api.code(forged, Q.record, { input: { botId: w.makerBot, count: 1 } })).toBe("FORBIDDEN");
      expect(await api.code(forged, `{ auditEvents { totalCount } }`)).toBe("FORBIDDEN");
      expect(await api.snapshot()).toBe(before);
    });

    it("a demotion takes effect at once for a token already issued", async () => {
      const u = await w.t.user(`demoted-${w.uniq()}`, ["GROUPS_ADMIN"]);
      await api.ok(u.token, Q.createGroup, { input: { displayName: "Before demotion" } });
      await api.ok(w.t.admin, Q.updateUser, { input: { id: u.id, roles: [] } });
      expect(await api.code(u.token, Q.createGroup, { input: { displayName: "After demotion" } })).toBe("FORBIDDEN");
    });
  });

  // -------------------------------------------------------------------------
  describe("tenant isolation (DESIGN §6)", () => {
    interface Side {
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
    let A: Side;
    let B: Side;

    async function seed(name: string): Promise<Side> {
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
      const audit = (await api.ok(t.admin, `{ auditEvents(first: 1) { nodes { id } } }`)).auditEvents.nodes[0].id;
      const runtime = await api.token({ tid: t.tenantId, roles: ["BotRuntime"] });
      return { t, maker, member, group, userSub: sub("POWER_VIRTUAL_AGENTS_USER"), tenantSub: sub("POWER_VIRTUAL_AGENTS"), bot, audit, runtime };
    }

    beforeAll(async () => {
      A = await seed("Alpha");
      B = await seed("Beta");
    });

    it("B's IDs exist for B (control)", async () => {
      const r = await api.ok(B.t.admin, `query($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }`, {
        u: B.member,
        g: B.group,
        b: B.bot,
      });
      expect(r).toEqual({ user: { id: B.member }, securityGroup: { id: B.group }, bot: { id: B.bot } });
      expect((await api.ok(B.t.admin, Q.audit, { targetId: B.member })).auditEvents.totalCount).toBeGreaterThan(0);
    });

    it("lookups of B's IDs answer null, exactly like unknown IDs of the same prefix", async () => {
      const lookups: [string, string, () => string][] = [
        ["user", `query($id: ID!) { user(id: $id) { id displayName } }`, () => B.member],
        ["securityGroup", `query($id: ID!) { securityGroup(id: $id) { id displayName } }`, () => B.group],
        ["bot", `query($id: ID!) { bot(id: $id) { id name } }`, () => B.bot],
        ["node(user)", NODE, () => B.member],
        ["node(admin user)", NODE, () => B.t.adminId],
        ["node(group)", NODE, () => B.group],
        ["node(bot)", NODE, () => B.bot],
        ["node(subscription)", NODE, () => B.userSub],
        ["node(audit event)", NODE, () => B.audit],
        ["node(tenant)", NODE, () => B.t.tenantId],
      ];
      const problems: string[] = [];
      for (const [name, query, id] of lookups) {
        const bId = id();
        const other = randomId(bId.split("_")[0]);
        const foreign = await api.exec(A.t.admin, query, { id: bId });
        const unknown = await api.exec(A.t.admin, query, { id: other });
        const field = topLevel(query).fields[0];
        if (foreign.errors?.length || foreign.data?.[field] !== null) problems.push(`${name}: expected null, got ${short(foreign)}`);
        if (normalized(foreign, [bId]) !== normalized(unknown, [other])) {
          problems.push(`${name}: B's ID ${normalized(foreign, [bId])} differs from an unknown ID ${normalized(unknown, [other])}`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("lists and filters never show B's rows", async () => {
      const r = await api.ok(
        A.t.admin,
        `{ tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }
           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }
           auditEvents(first: 1000) { nodes { id targetId } } }`,
      );
      const seen = JSON.stringify(r);
      for (const id of [B.maker.id, B.member, B.t.adminId, B.group, B.bot, B.userSub, B.tenantSub, B.audit, B.t.tenantId]) {
        expect(seen).not.toContain(id);
      }
      expect(r.tenant.capacity.consumed).toBe(10);
      const byGroup = `query($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }`;
      expect((await api.ok(A.t.admin, byGroup, { g: B.group })).tenant.users.totalCount).toBe(0);
      expect((await api.ok(A.t.admin, byGroup, { g: A.group })).tenant.users.totalCount).toBe(2);
    });

    it("auditEvents(targetId: B's ID) is empty, like an unknown ID", async () => {
      for (const bId of [B.member, B.group, B.bot, B.userSub, B.t.tenantId]) {
        const foreign = await api.ok(A.t.admin, Q.audit, { targetId: bId });
        const unknown = await api.ok(A.t.admin, Q.audit, { targetId: randomId(bId.split("_")[0]) });
        expect(foreign.auditEvents).toEqual({ totalCount: 0, nodes: [] });
        expect(unknown.auditEvents).toEqual({ totalCount: 0, nodes: [] });
      }
    });

    it("every ID-taking mutation with B's IDs is NOT_FOUND exactly like an unknown ID, and writes nothing", async () => {
      /** [name, token, document, variables for a foreign ID, the foreign ID]. */
      type M = { name: string; token: () => string; query: string; vars: (id: string) => Record<string, unknown>; foreign: () => string };
      const admin = () => A.t.admin;
      const mutations: M[] = [
        { name: "updateUser", token: admin, query: Q.updateUser, vars: (id) => ({ input: { id, displayName: "Hijacked" } }), foreign: () => B.member },
        { name: "updateUser (disable B's admin)", token: admin, query: Q.updateUser, vars: (id) => ({ input: { id, accountEnabled: false } }), foreign: () => B.t.adminId },
        { name: "deleteUser", token: admin, query: Q.deleteUser, vars: (id) => ({ id }), foreign: () => B.member },
        {
          name: "updateSecurityGroup",
          token: admin,
          query: `mutation($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }`,
          vars: (id) => ({ input: { id, displayName: "Hijacked" } }),
          foreign: () => B.group,
        },
        { name: "deleteSecurityGroup", token: admin, query: Q.deleteGroup, vars: (id) => ({ id }), foreign: () => B.group },
        {
          name: "addGroupMembers (B's group)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: id, userIds: [A.member] } }),
          foreign: () => B.group,
        },
        {
          name: "addGroupMembers (A's group, A's and B's users)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: A.group, userIds: [A.t.adminId, id] } }),
          foreign: () => B.member,
        },
        {
          name: "addGroupMembers (A's group, B's group nested)",
          token: admin,
          query: Q.addMembers,
          vars: (id) => ({ input: { groupId: A.group, groupIds: [id] } }),
          foreign: () => B.group,
        },
        {
          name: "removeGroupMembers (B's group)",
          token: admin,
          query: Q.removeMembers,
          vars: (id) => ({ input: { groupId: id, userIds: [] } }),
          foreign: () => B.group,
        },
        {
          name: "removeGroupMembers (A's group, A's and B's users)",
          token: admin,
          query: Q.removeMembers,
          vars: (id) => ({ input: { groupId: A.group, userIds: [A.member, id] } }),
          foreign: () => B.member,
        },
        {
          name: "assignUserLicenses",
          token: admin,
          query: Q.assignUser,
          vars: (id) => ({ input: { userId: id, addLicenses: [{ skuId: A.t.sku.user }] } }),
          foreign: () => B.member,
        },
        {
          name: "assignUserLicenses (remove)",
          token: admin,
          query: Q.assignUser,
          vars: (id) => ({ input: { userId: id, removeSkuIds: [A.t.sku.user] } }),
          foreign: () => B.maker.id,
        },
        {
          name: "assignGroupLicenses",
          token: admin,
          query: Q.assignGroup,
          vars: (id) => ({ input: { groupId: id, removeSkuIds: [A.t.sku.user] } }),
          foreign: () => B.group,
        },
        {
          name: "updateSubscriptionQuantity",
          token: admin,
          query: Q.updateQuantity,
          vars: (id) => ({ input: { subscriptionId: id, quantity: 50 } }),
          foreign: () => B.userSub,
        },
        { name: "cancelSubscription", token: admin, query: Q.cancel, vars: (id) => ({ id }), foreign: () => B.tenantSub },
        { name: "updateBot", token: admin, query: Q.updateBot, vars: (id) => ({ input: { id, name: "Hijacked" } }), foreign: () => B.bot },
        {
          name: "updateBot (A's bot to B's owner)",
          token: admin,
          query: Q.updateBot,
          vars: (id) => ({ input: { id: A.bot, ownerId: id } }),
          foreign: () => B.maker.id,
        },
        { name: "deleteBot", token: admin, query: Q.deleteBot, vars: (id) => ({ id }), foreign: () => B.bot },
        {
          name: "recordBotSessions (A's BotRuntime)",
          token: () => A.runtime,
          query: Q.record,
          vars: (id) => ({ input: { botId: id, count: 5 } }),
          foreign: () => B.bot,
        },
        {
          name: "recordBotSessions (A's GLOBAL_ADMIN)",
          token: admin,
          query: Q.record,
          vars: (id) => ({ input: { botId: id, count: 5 } }),
          foreign: () => B.bot,
        },
        {
          name: "previewGroupLicenseAssignment",
          token: admin,
          query: `query($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }`,
          vars: (id) => ({ g: id, s: A.t.sku.user }),
          foreign: () => B.group,
        },
      ];
      const before = await api.snapshot();
      const problems: string[] = [];
      for (const m of mutations) {
        const bId = m.foreign();
        const other = randomId(bId.split("_")[0]);
        const foreign = await api.exec(m.token(), m.query, m.vars(bId));
        const unknown = await api.exec(m.token(), m.query, m.vars(other));
        if (codes(foreign).join() !== "NOT_FOUND") problems.push(`${m.name}: expected NOT_FOUND, got ${short(foreign)}`);
        if (normalized(foreign, [bId]) !== normalized(unknown, [other])) {
          problems.push(`${m.name}: B's ID answers ${normalized(foreign, [bId])}, an unknown ID ${normalized(unknown, [other])}`);
        }
      }
      expect(problems).toEqual([]);
      // Every call failed, so nothing anywhere (B's rows included) changed.
      expect(await api.snapshot()).toBe(before);
    });

    it("B's runtime cannot record sessions on A's bot, and A's data is unchanged", async () => {
      const before = await api.snapshot();
      expect(await api.code(B.runtime, Q.record, { input: { botId: A.bot, count: 1 } })).toBe("NOT_FOUND");
      expect(await api.snapshot()).toBe(before);
    });

    describe("tokens", () => {
      const ME = `{ me { id } }`;
      const key = new TextEncoder().encode(TEST_SECRET);
      const now = () => Math.floor(Date.now() / 1000);
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

      it("a valid token works (control)", async () => {
        expect((await api.ok(A.maker.token, ME)).me.id).toBe(A.maker.id);
      });

      it("oid of a user of tenant B with tid A is UNAUTHENTICATED", async () => {
        const token = await api.token({ tid: A.t.tenantId, oid: B.maker.id });
        expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
        expect(await api.code(await api.token({ tid: A.t.tenantId, oid: B.t.adminId }), Q.createUser, {
          input: { userPrincipalName: "x@y.example", displayName: "X" },
        })).toBe("UNAUTHENTICATED");
      });

      it("a disabled user's token is UNAUTHENTICATED", async () => {
        const u = await A.t.user("soon-disabled", ["GLOBAL_READER"]);
        expect((await api.ok(u.token, ME)).me.id).toBe(u.id);
        await api.ok(A.t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
        expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
        expect(await api.code(u.token, `{ skus { id } }`)).toBe("UNAUTHENTICATED");
      });

      it("a deleted user's token is UNAUTHENTICATED", async () => {
        const u = await A.t.user("soon-deleted");
        await api.ok(A.t.admin, Q.deleteUser, { id: u.id });
        expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
      });

      it("an expired token is UNAUTHENTICATED", async () => {
        const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id })
          .setProtectedHeader({ alg: "HS256" })
          .setIssuedAt(now() - 7200)
          .setExpirationTime(now() - 3600)
          .sign(key);
        expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
      });

      it("a token without exp is UNAUTHENTICATED", async () => {
        const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id }).setProtectedHeader({ alg: "HS256" }).sign(key);
        expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
      });

      it("a token signed with another secret is UNAUTHENTICATED", async () => {
        const token = await new SignJWT({ tid: A.t.tenantId, oid: A.maker.id })
          .setProtectedHeader({ alg: "HS256" })
          .setExpirationTime(now() + 3600)
          .sign(new TextEncoder().encode("another-secret-that-is-long-enough-for-hs256"));
        expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
      });

      it("an alg:none token is UNAUTHENTICATED", async () => {
        const payload = { tid: A.t.tenantId, oid: A.t.adminId, exp: now() + 3600 };
        expect(await api.code(`${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`, ME)).toBe("UNAUTHENTICATED");
        const op = { roles: ["PlatformOperator"], exp: now() + 3600 };
        expect(await api.code(`${b64({ alg: "none" })}.${b64(op)}.`, Q.createTenant, {
          input: { displayName: "Evil", adminUserPrincipalName: "evil@evil.example", adminDisplayName: "Evil" },
        })).toBe("UNAUTHENTICATED");
      });

      it("a BotRuntime token of a tenant that does not exist is UNAUTHENTICATED", async () => {
        const token = await api.token({ tid: randomId("tnt"), roles: ["BotRuntime"] });
        expect(await api.code(token, Q.record, { input: { botId: A.bot, count: 1 } })).toBe("UNAUTHENTICATED");
      });

      it("a token with an oid but no tid is UNAUTHENTICATED", async () => {
        const token = await api.token({ oid: A.maker.id });
        expect(await api.code(token, ME)).toBe("UNAUTHENTICATED");
      });
    });
  });
});
