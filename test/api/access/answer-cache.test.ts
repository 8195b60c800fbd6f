import fc from "fast-check";
import { print } from "graphql";
import { AnyDoc, engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx } from "../../helpers/fixtures";
import { graphql } from "../../gql";

/**
 * DESIGN §6 I1, the answer cache: a signed-in user's repeated hot check over HTTP is answered from memory while the
 * row cache holds their row at the same tenant state version and time has not crossed a status boundary. Whatever
 * happens in between — a change through the API, time alone — the answer is what executing the request answers.
 */
const W1 = graphql(`query AnswerCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state error holdsSeat expiresAt sources { kind via { id } } } } }`);
const ROLES = graphql(`query AnswerCacheRoles { me { id roles accountEnabled } }`);
const WITH_RATE = graphql(`query AnswerCacheWithRate { me { id } rateLimit { currentlyAvailable } }`);
const TRIAL = graphql(`mutation AnswerCacheTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }`);

type Answer = { status: number; data?: unknown; code?: unknown; extensions?: { cost?: { throttleStatus: { currentlyAvailable: number } } }; text: string };

describe.each(engines())("I1: repeated hot checks answered from memory (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  let t: TenantFx;
  const answers = () => api.app.answers.stats;

  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
    await waitFor(() => api.app.database.rowCache.trust === "trusted");
    t = await newTenant(api, "AnswerCache");
    await t.buy(2);
  });
  afterAll(() => api.stop());
  beforeEach(() => api.clock.set("2026-03-10T09:00:00.000Z"));

  async function post(token: string, doc: AnyDoc, at = base): Promise<Answer> {
    const res = await fetch(`${at}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: print(doc) }) });
    const text = await res.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[]; extensions?: Answer["extensions"] };
    return { status: res.status, data: body.data, code: body.errors?.[0]?.extensions?.code, extensions: body.extensions, text };
  }

  /** What executing the request answers (in process: the answer cache is never used there). */
  async function executed(token: string, doc: AnyDoc): Promise<{ data?: unknown; code?: unknown }> {
    const r = await api.exec(token, doc);
    return r.errors?.length ? { code: r.errors[0].extensions?.code } : { data: r.data };
  }

  it("I1: the second identical hot check is answered from memory, byte for byte the executed answer, and still pays its price (T1)", async () => {
    const u = await t.user("repeat");
    await t.license(u.id);
    const first = await post(u.token, W1);
    const hits = answers().hits;
    const second = await post(u.token, W1);
    expect(answers().hits).toBe(hits + 1);
    expect(second.text).toBe(first.text);
    expect(second.data).toEqual((await executed(u.token, W1)).data);
    expect((second.data as { me: { canCreateBots: boolean } }).me.canCreateBots).toBe(true);

    const tight = await api.sibling({ config: { throttle: { principalPoints: 3, tenantPoints: 0, windowSeconds: 60 } } });
    const at = await tight.listen();
    try {
      const left: number[] = [];
      for (let i = 0; i < 3; i++) left.push((await post(u.token, W1, at)).extensions!.cost!.throttleStatus.currentlyAvailable);
      expect(tight.app.answers.stats.hits).toBe(2);
      expect(left).toEqual([2, 1, 0]);
      const refused = await post(u.token, W1, at);
      expect([refused.status, refused.code]).toEqual([429, "RATE_LIMITED"]);
    } finally {
      await tight.stop();
    }
  });

  it("I1: a query naming anything the tenant's state version does not cover (here the throttle's bucket) is never kept", async () => {
    const u = await t.user("rate");
    const stored = answers().stored;
    await post(u.token, WITH_RATE);
    await post(u.token, WITH_RATE);
    expect(answers().stored).toBe(stored);
  });

  it("I1: a demotion, a disable and a removed license change the very next answer", async () => {
    const u = await t.user("changes", ["GLOBAL_READER"]);
    await t.license(u.id);
    for (let i = 0; i < 2; i++) await post(u.token, ROLES);
    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, roles: [] } });
    expect((await post(u.token, ROLES)).data).toEqual({ me: { id: u.id, roles: [], accountEnabled: true } });

    for (let i = 0; i < 2; i++) await post(u.token, W1);
    await api.ok(t.admin, Q.assignUser, { input: { userId: u.id, removeSkuIds: [t.sku.user] } });
    expect((await post(u.token, W1)).data).toEqual({ me: { canCreateBots: false, effectiveLicenses: [] } });

    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
    expect((await post(u.token, ROLES)).code).toBe("UNAUTHENTICATED");
  });

  it("I1, P6, S9: time alone — a subscription's end and grace, a trial's expiry — changes the next answer with no write", async () => {
    const inDays = (d: number) => new Date(api.clock.now().getTime() + d * 86_400_000).toISOString();
    const p = await newTenant(api, "AnswerCacheTime");
    await api.ok(p.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(5), items: [{ skuId: p.sku.tenant, quantity: 1 }, { skuId: p.sku.user, quantity: 1 }] } });
    const u = await p.user("timed");
    await p.license(u.id);
    const canCreate = async () => ((await post(u.token, W1)).data as { me: { canCreateBots: boolean } }).me.canCreateBots;
    expect(await canCreate()).toBe(true);
    expect(await canCreate()).toBe(true);
    api.clock.advanceDays(20);
    // WARNING grants (P6): still true, and answered afresh after the boundary.
    expect(await post(u.token, W1)).toMatchObject({ data: (await executed(u.token, W1)).data });
    api.clock.advanceDays(20);
    expect(await canCreate()).toBe(false);

    const trialist = await p.user("trialist");
    await api.ok(trialist.token, TRIAL, { skuId: p.sku.trial });
    expect(await post(trialist.token, W1)).toMatchObject({ data: (await executed(trialist.token, W1)).data });
    const before = await post(trialist.token, W1);
    expect(before.data).toMatchObject({ me: { effectiveLicenses: [{ state: "ACTIVE" }] } });
    api.clock.advanceDays(31);
    expect((await post(trialist.token, W1)).data).toMatchObject({ me: { effectiveLicenses: [{ state: "DISABLED", error: "TRIAL_EXPIRED" }] } });
  });

  it("I1: after any generated sequence of changes and clock moves, every repeated hot check answers what executing it answers", async () => {
    type Step =
      | { kind: "license" | "unlicense" | "join" | "leave" | "disable" | "enable" | "trial"; user: number }
      | { kind: "days"; days: number }
      | { kind: "seats"; seats: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom("license", "unlicense", "join", "leave", "disable", "enable", "trial" as const), user: fc.nat(2) }) },
      // Subscriptions end at day 30 (WARNING), stop granting at day 60, trials run 30 days: moves reach those often.
      { weight: 3, arbitrary: fc.record({ kind: fc.constant("days" as const), days: fc.integer({ min: 5, max: 45 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("seats" as const), seats: fc.integer({ min: 1, max: 3 }) }) },
    );
    let run = 0;
    const hitsBefore = answers().hits;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        api.clock.set("2026-03-10T09:00:00.000Z");
        const m = await newTenant(api, `AnswerCacheModel${++run}`);
        const inDays = (d: number) => new Date(api.clock.now().getTime() + d * 86_400_000).toISOString();
        const bought = await api.ok(m.admin, Q.purchase, { input: { channel: "ADMIN_CENTER", endsAt: inDays(30), items: [{ skuId: m.sku.tenant, quantity: 1 }, { skuId: m.sku.user, quantity: 2 }] } });
        const userSub = bought.purchaseLicenses.subscriptions.find((s) => s.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")!;
        const group = await m.group("licensed");
        await m.assignGroup(group);
        const users = [await m.user("a"), await m.user("b"), await m.user("c")];
        // Everyone starts wanting the license (two seats for three): time alone then changes answers.
        await m.add(group, users.map((u) => u.id));
        const check = async () => {
          // Over HTTP first: executing in process reallocates seats a clock move left stale, which is a write.
          for (const u of users) {
            // Another read by the same user puts their row back in the row cache first, at the tenant's new version.
            await api.exec(u.token, ROLES);
            const got = [await post(u.token, W1), await post(u.token, W1)].map((g) => (g.code !== undefined ? { code: g.code } : { data: g.data }));
            const want = await executed(u.token, W1);
            expect(got).toEqual([want, want]);
          }
        };
        await check();
        for (const s of steps) {
          const u = "user" in s ? users[s.user] : undefined;
          if (s.kind === "days") api.clock.advanceDays(s.days);
          else if (s.kind === "seats") await api.exec(m.admin, Q.updateQuantity, { input: { id: userSub.id, quantity: s.seats } });
          else if (s.kind === "license") await api.exec(m.admin, Q.assignUser, { input: { userId: u!.id, addLicenses: [{ skuId: m.sku.user }] } });
          else if (s.kind === "unlicense") await api.exec(m.admin, Q.assignUser, { input: { userId: u!.id, removeSkuIds: [m.sku.user] } });
          else if (s.kind === "join") await api.exec(m.admin, Q.addMembers, { input: { groupId: group, userIds: [u!.id] } });
          else if (s.kind === "leave") await api.exec(m.admin, Q.removeMembers, { input: { groupId: group, userIds: [u!.id] } });
          else if (s.kind === "trial") await api.exec(u!.token, TRIAL, { skuId: m.sku.trial });
          else await api.exec(m.admin, Q.updateUser, { input: { id: u!.id, accountEnabled: s.kind === "enable" } });
          await check();
        }
      }),
      { numRuns: 12 },
    );
    // The property is about the cache: it must have answered some of those repeats.
    expect(answers().hits).toBeGreaterThan(hitsBefore);
  });
});

async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setImmediate(r));
  }
}
