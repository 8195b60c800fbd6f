import fc from "fast-check";
import { engines, TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { CREATE_TOKEN } from "../scim/scim-client";
import { FUZZ_RUNS, fuzzParams, fuzzTimeout } from "../fuzz/arbitraries";
import { ModelLicense, ModelPool, Outcome, SeatModel } from "./seat-model";

/**
 * The seat engine against a reference model (issue 21; S1–S8, S12, S13, S5's order, P2, P6, P7, L3, G1, G2,
 * U2, D7): fast-check generates sequences of steps through the public ways in (GraphQL, and SCIM for the
 * directory's deletions); after every step each user's effective user license (state, error, seat, plans,
 * sources with their chains) and the pool's figures must be what the model says, and so must each step's
 * outcome (success or its error code).
 */
const DAY = 86_400_000;
const PLAN_NAMES = ["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"];

interface Real {
  api: TestApi;
  base: string;
  t: TenantFx;
  scimToken: string;
  planIds: Map<string, string>;
  users: string[];
  groups: string[];
  /** Steps that ran (their preconditions held). */
  n: number;
}

type Step = fc.AsyncCommand<SeatModel, Real>;

const LIVE = `query ModelState { tenant { users(first: 50) { nodes { id effectiveLicenses { sku { id } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } } } }
  licenses { sku { id } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }`;

async function gql(r: Real, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; code: Outcome }> {
  const res = await r.api.exec(r.t.admin, query, variables);
  return { data: res.data, code: res.errors?.length ? String(res.errors[0].extensions?.code) : "OK" };
}

async function scimDelete(r: Real, path: string): Promise<Outcome> {
  const res = await fetch(`${r.base}/scim/v2${path}`, { method: "DELETE", headers: { authorization: `Bearer ${r.scimToken}` } });
  return res.status === 204 ? "OK" : `HTTP ${res.status}`;
}

/** What the API shows now, in the model's terms. */
async function observe(r: Real): Promise<{ licenses: Record<string, ModelLicense | null>; pool: ModelPool | null }> {
  const { data } = await gql(r, LIVE);
  const licenses: Record<string, ModelLicense | null> = {};
  for (const u of data.tenant.users.nodes) {
    if (!r.users.includes(u.id)) continue;
    const l = u.effectiveLicenses.find((x: any) => x.sku.id === r.t.sku.user);
    licenses[u.id] = l
      ? {
          state: l.state, error: l.error, holdsSeat: l.holdsSeat,
          enabledPlans: l.enabledPlans.map((p: any) => p.name).sort(),
          sources: l.sources.map((s: any) => (s.kind === "DIRECT" ? "DIRECT" : `GROUP:${s.group.id}:${s.via.map((v: any) => v.id).join(",")}`)).sort(),
        }
      : null;
  }
  const p = data.tenant.licenses.find((x: any) => x.sku.id === r.t.sku.user);
  const pool = p && { enabled: p.prepaidUnits.enabled, warning: p.prepaidUnits.warning, suspended: p.prepaidUnits.suspended, consumed: p.consumedUnits, available: p.availableUnits, demand: p.unassignedDemand };
  return { licenses, pool: pool ?? null };
}

function expected(m: SeatModel, r: Real): { licenses: Record<string, ModelLicense | null>; pool: ModelPool | null } {
  const licenses: Record<string, ModelLicense | null> = {};
  for (const u of r.users) if (m.users.has(u)) licenses[u] = m.license(u);
  const everBought = m.subs.some((s) => !s.tenantSku);
  return { licenses, pool: everBought ? m.poolFigures() : null };
}

/** One step: the API's outcome must be the model's, and so must everything a client reads afterwards. */
function step(name: string, check: (m: SeatModel, r: Real) => boolean, act: (m: SeatModel, r: Real) => Promise<{ real: Outcome; model: Outcome }>): Step {
  return {
    check: () => true,
    async run(m, r) {
      // A minute between steps orders the wants (S4); the API's clock and the model's move together.
      r.api.clock.advanceMs(60_000);
      m.advance(60_000);
      if (!check(m, r)) return;
      r.n++;
      const { real, model } = await act(m, r);
      expect({ step: name, outcome: real }).toEqual({ step: name, outcome: model });
      const seen = await observe(r);
      for (const l of Object.values(seen.licenses)) if (l) coverage.set(`${l.state}/${l.error}`, (coverage.get(`${l.state}/${l.error}`) ?? 0) + 1);
      coverage.set(`step ${name.split(" ").slice(0, 2).join(" ")}: ${real}`, (coverage.get(`step ${name.split(" ").slice(0, 2).join(" ")}: ${real}`) ?? 0) + 1);
      expect({ step: name, ...seen }).toEqual({ step: name, ...expected(m, r) });
    },
    toString: () => name,
  };
}

const live = (m: SeatModel, r: Real, i: number) => {
  const alive = r.users.filter((u) => m.users.has(u));
  return alive.length ? alive[i % alive.length] : undefined;
};
const group = (m: SeatModel, r: Real, i: number) => {
  const alive = r.groups.filter((g) => m.groups.has(g));
  return alive.length ? alive[i % alive.length] : undefined;
};
const plansOf = (r: Real, mask: number) => PLAN_NAMES.filter((_, i) => mask & (1 << i));
const LOCATIONS = [null, "DE", "CU"];

/** What the generated steps reached: effective states and step outcomes, for the closing note. */
export const coverage = new Map<string, number>();

const allSteps: fc.Arbitrary<Step>[] = [
  fc.constantFrom(0, 1, 2).map((loc) =>
    step(`add a user (${LOCATIONS[loc] ?? "default location"})`, (_m, r) => r.users.length < 10, async (m, r) => {
      const { data, code } = await gql(r, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { userPrincipalName: `u${r.users.length}@${r.t.tenantId.slice(-8)}.example`, displayName: "U" } });
      const id = data.createUser.id as string;
      r.users.push(id);
      m.users.set(id, { enabled: true, location: null });
      if (LOCATIONS[loc]) await gql(r, `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, { i: { id, usageLocation: LOCATIONS[loc] } });
      m.setLocation(id, LOCATIONS[loc]);
      return { real: code, model: "OK" };
    }),
  ),
  fc.constant(
    step("add a group", (_m, r) => r.groups.length < 6, async (m, r) => {
      const { data, code } = await gql(r, `mutation { createSecurityGroup(input: { displayName: "G" }) { id } }`);
      r.groups.push(data.createSecurityGroup.id);
      m.groups.set(data.createSecurityGroup.id, { users: new Set(), groups: new Set() });
      return { real: code, model: "OK" };
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([g, u, add]) =>
    step(`${add ? "add" : "remove"} member ${u} of group ${g}`, (m, r) => !!group(m, r, g) && !!live(m, r, u), async (m, r) => {
      const [gid, uid] = [group(m, r, g)!, live(m, r, u)!];
      const { code } = await gql(r, `mutation($i: GroupMembersInput!) { ${add ? "addGroupMembers" : "removeGroupMembers"}(input: $i) { id } }`, { i: { groupId: gid, userIds: [uid] } });
      return { real: code, model: add ? m.addMember(gid, uid) : m.removeMember(gid, uid) };
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([p, c, add]) =>
    step(`${add ? "nest" : "unnest"} group ${c} in group ${p}`, (m, r) => !!group(m, r, p) && !!group(m, r, c), async (m, r) => {
      const [pid, cid] = [group(m, r, p)!, group(m, r, c)!];
      const { code } = await gql(r, `mutation($i: GroupMembersInput!) { ${add ? "addGroupMembers" : "removeGroupMembers"}(input: $i) { id } }`, { i: { groupId: pid, groupIds: [cid] } });
      return { real: code, model: add ? m.nest(pid, cid) : m.unnest(pid, cid) };
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(7), fc.boolean()).map(([u, mask, add]) =>
    step(`${add ? "assign" : "remove"} user ${u}'s direct license (disabled ${mask})`, (m, r) => !!live(m, r, u), async (m, r) => {
      const uid = live(m, r, u)!;
      const input = add ? { userId: uid, addLicenses: [{ skuId: r.t.sku.user, disabledPlanIds: plansOf(r, mask).map((p) => r.planIds.get(p)) }] } : { userId: uid, removeSkuIds: [r.t.sku.user] };
      const { code } = await gql(r, `mutation($i: AssignUserLicensesInput!) { assignUserLicenses(input: $i) { id } }`, { i: input });
      return { real: code, model: add ? m.assignDirect(uid, plansOf(r, mask)) : m.removeDirect(uid) };
    }),
  ),
  fc.tuple(fc.nat(), fc.nat(7), fc.boolean()).map(([g, mask, add]) =>
    step(`${add ? "assign" : "remove"} group ${g}'s license (disabled ${mask})`, (m, r) => !!group(m, r, g), async (m, r) => {
      const gid = group(m, r, g)!;
      const input = add ? { groupId: gid, addLicenses: [{ skuId: r.t.sku.user, disabledPlanIds: plansOf(r, mask).map((p) => r.planIds.get(p)) }] } : { groupId: gid, removeSkuIds: [r.t.sku.user] };
      const { code } = await gql(r, `mutation($i: AssignGroupLicensesInput!) { assignGroupLicenses(input: $i) { id } }`, { i: input });
      return { real: code, model: m.assignGroup(gid, add ? plansOf(r, mask) : undefined) };
    }),
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(([u, scim]) =>
    step(`delete user ${u}${scim ? " from the directory (D7)" : ""}`, (m, r) => !!live(m, r, u), async (m, r) => {
      const uid = live(m, r, u)!;
      const real = scim ? await scimDelete(r, `/Users/${uid}`) : (await gql(r, `mutation($id: ID!) { deleteUser(id: $id) }`, { id: uid })).code;
      return { real, model: m.deleteUser(uid) };
    }),
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(([g, scim]) =>
    step(`delete group ${g}${scim ? " from the directory (D7)" : ""}`, (m, r) => !!group(m, r, g), async (m, r) => {
      const gid = group(m, r, g)!;
      const real = scim ? await scimDelete(r, `/Groups/${gid}`) : (await gql(r, `mutation($id: ID!) { deleteSecurityGroup(id: $id) }`, { id: gid })).code;
      return { real, model: m.deleteGroup(gid, scim) };
    }),
  ),
  fc.tuple(fc.nat(), fc.boolean()).map(([u, enabled]) =>
    step(`${enabled ? "enable" : "disable"} user ${u}`, (m, r) => !!live(m, r, u), async (m, r) => {
      const uid = live(m, r, u)!;
      const { code } = await gql(r, `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, { i: { id: uid, accountEnabled: enabled } });
      return { real: code, model: m.setEnabled(uid, enabled) };
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(0, 1, 2)).map(([u, loc]) =>
    step(`move user ${u} to ${LOCATIONS[loc] ?? "the default location"}`, (m, r) => !!live(m, r, u), async (m, r) => {
      const uid = live(m, r, u)!;
      const { code } = await gql(r, `mutation($i: UpdateUserInput!) { updateUser(input: $i) { id } }`, { i: { id: uid, usageLocation: LOCATIONS[loc] ?? "" } });
      return { real: code, model: m.setLocation(uid, LOCATIONS[loc]) };
    }),
  ),
  fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 1, max: 60 }))).map(([tenantSku, q, days]) =>
    step(`buy ${q} ${tenantSku ? "tenant" : "user"} units${days ? `, ending in ${days} days` : ""}`, (m) => m.subs.length < 12, async (m, r) => {
      const endsAt = days ? new Date(m.now + days * DAY).toISOString() : undefined;
      const { data, code } = await gql(r, `mutation($i: PurchaseLicensesInput!) { purchaseLicenses(input: $i) { subscriptions { id } } }`, {
        i: { channel: "ADMIN_CENTER", items: [{ skuId: tenantSku ? r.t.sku.tenant : r.t.sku.user, quantity: q }], endsAt },
      });
      const model = m.buy(data?.purchaseLicenses?.subscriptions?.[0]?.id ?? "refused", tenantSku, q, days ? m.now + days * DAY : null);
      return { real: code, model };
    }),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })).map(([s, q]) =>
    step(`change user subscription ${s} to ${q}`, (m) => m.subs.some((x) => !x.tenantSku && x.canceledAt === null && (x.endsAt === null || x.endsAt > m.now)), async (m, r) => {
      const subs = m.subs.filter((x) => !x.tenantSku && x.canceledAt === null && (x.endsAt === null || x.endsAt > m.now));
      const sub = subs[s % subs.length];
      const { code } = await gql(r, `mutation($i: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $i) { id } }`, { i: { subscriptionId: sub.id, quantity: q } });
      return { real: code, model: m.changeQuantity(sub.id, q) };
    }),
  ),
  fc.nat().map((s) =>
    step(`cancel subscription ${s}`, (m) => m.subs.some((x) => x.canceledAt === null), async (m, r) => {
      const subs = m.subs.filter((x) => x.canceledAt === null);
      const sub = subs[s % subs.length];
      const { code } = await gql(r, `mutation($id: ID!) { cancelSubscription(id: $id) { id } }`, { id: sub.id });
      return { real: code, model: m.cancel(sub.id) };
    }),
  ),
  fc.integer({ min: 1, max: 45 }).map((days) =>
    step(`${days} days pass`, () => true, async (m, r) => {
      r.api.clock.advanceMs(days * DAY);
      m.advance(days * DAY);
      return { real: "OK", model: "OK" };
    }),
  ),
];

// The seat-moving steps come more often than the rest, so sequences build worlds where seats are contested.
const [addUser, addGroup, member, nesting, direct, groupLicense, ...rest] = allSteps;
const steps = [addUser, addGroup, member, member, member, nesting, nesting, direct, direct, direct, groupLicense, groupLicense, groupLicense, ...rest];

describe.each(engines())("S1–S13 the seat engine against a reference model (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  it("every generated sequence of steps leaves the API where the model is", async () => {
    coverage.clear();
    let sequences = 0;
    let stepsRun = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(steps, { maxCommands: 40, size: "+1" }), async (cmds) => {
        sequences++;
        const t = await newTenant(api, "Model");
        const skus = (await api.exec(t.admin, `{ skus { id servicePlans { id name } } }`)).data as { skus: { id: string; servicePlans: { id: string; name: string }[] }[] };
        const planIds = new Map(skus.skus.find((s) => s.id === t.sku.user)!.servicePlans.map((p) => [p.name, p.id]));
        const token = await api.ok(t.admin, CREATE_TOKEN, { input: { description: "model" } });
        const m = new SeatModel(api.clock.now().getTime());
        const r: Real = { api, base, t, scimToken: token.createProvisioningToken.token, planIds, users: [], groups: [], n: 0 };
        m.buy("tenant", true, 1, null);
        const first = await api.ok(t.admin, `mutation { purchaseLicenses(input: { channel: ADMIN_CENTER, items: [{ skuId: "${t.sku.tenant}", quantity: 1 }] }) { subscriptions { id } } }` as never) as any;
        m.subs[0].id = first.purchaseLicenses.subscriptions[0].id;
        // A world to start from: four users, two groups (three of the users in the first), two seats; the steps make it contested.
        const seats = await api.ok(t.admin, `mutation { purchaseLicenses(input: { channel: ADMIN_CENTER, items: [{ skuId: "${t.sku.user}", quantity: 2 }] }) { subscriptions { id } } }` as never) as any;
        m.buy(seats.purchaseLicenses.subscriptions[0].id, false, 2, null);
        for (let i = 0; i < 4; i++) {
          const id = (await t.user(`seed${i}`)).id;
          r.users.push(id);
          m.users.set(id, { enabled: true, location: null });
        }
        for (let i = 0; i < 2; i++) {
          const id = await t.group(`Seed ${i}`);
          r.groups.push(id);
          m.groups.set(id, { users: new Set(), groups: new Set() });
        }
        await t.add(r.groups[0], r.users.slice(0, 3));
        for (const u of r.users.slice(0, 3)) m.groups.get(r.groups[0])!.users.add(u);
        m.settle();
        await fc.asyncModelRun(() => ({ model: m, real: r }), cmds);
        stepsRun += r.n;
      }),
      fuzzParams(12),
    );
    // A long run (npm run fuzz) prints what it reached: the figures the closing note reports.
    if (FUZZ_RUNS) console.log(`seat model: ${sequences} sequences, ${stepsRun} steps`, Object.fromEntries([...coverage].sort()));
  }, fuzzTimeout(12) * 20);
});
