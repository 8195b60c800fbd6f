import { AnyDoc, engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx } from "../../helpers/fixtures";
import { graphql } from "../../gql";

/**
 * DESIGN §6 I1 on one instance: the caller's row comes from the instance's memory, and every commit that changes
 * it — a demotion, a disable, a deletion, the tenant — is seen by the very next request.
 */
const W1 = graphql(`query RowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }`);
const READ = graphql(`query RowCacheRead { tenant { users(first: 1) { totalCount } } }`);
const ME = graphql(`query RowCacheMe { me { id roles } }`);
const TENANT = graphql(`query RowCacheTenant { tenant { allowAdHocSubscriptions licenses { sku { partNumber } prepaidUnits { enabled } } } }`);
const SETTINGS = graphql(`mutation RowCacheSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }`);

/** Polls `ok` until it holds or `ms` pass (no sleeping for timing: each round is a real check). */
async function until(ok: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setImmediate(r));
  }
}

describe.each(engines())("I1: the caller's row from memory, one instance (%s)", (_engine, url) => {
  let api: TestApi;
  let t: TenantFx;
  const rows = () => api.app.database.rowCache;
  beforeAll(async () => {
    api = await TestApi.start(url);
    // PostgreSQL: the cache is believed only once the LISTEN connection is up (the live hub starts it).
    await api.listen();
    await until(() => rows().trust === "trusted");
    t = await newTenant(api, "RowCache");
    await t.buy(5);
  });
  afterAll(() => api.stop());

  /**
   * Requests until one is answered from the cache (PostgreSQL: the NOTIFY of this instance's own last commit arrives
   * after its response and drops the tenant's rows once more).
   */
  async function warm(token: string, doc: AnyDoc = READ): Promise<void> {
    await until(async () => {
      const hits = rows().stats.hits;
      await api.ok(token, doc);
      return rows().stats.hits === hits + 1;
    });
  }

  it("I1: a warm `me { canCreateBots effectiveLicenses }` costs no SQL; with ROW_CACHE=off every request reads the row", async () => {
    const u = await t.user("maker");
    await t.license(u.id);
    await api.ok(u.token, W1);
    await warm(u.token, W1);
    const before = api.logger.count;
    const r = await api.ok(u.token, W1);
    expect(r.me.canCreateBots).toBe(true);
    expect(api.logger.queries.slice(before)).toEqual([]);

    const off = await api.sibling({ config: { rowCache: false } });
    try {
      expect(off.app.database.rowCache.trust).toBe("off");
      await off.ok(u.token, W1);
      const b = api.logger.count;
      expect((await off.ok(u.token, W1)).me.canCreateBots).toBe(true);
      expect(api.logger.count - b).toBeGreaterThanOrEqual(1);
    } finally {
      await off.stop();
    }
  });

  it("I1: a demotion is refused on the very next request", async () => {
    const u = await t.user("reader", ["GLOBAL_READER"]);
    await warm(u.token);
    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, roles: [] } });
    expect(await api.code(u.token, READ)).toBe("FORBIDDEN");
    expect((await api.ok(u.token, ME)).me.roles).toEqual([]);
  });

  it("I1: a disabled user is refused on the very next request", async () => {
    const u = await t.user("disabled", ["GLOBAL_READER"]);
    await warm(u.token);
    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
    expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
  });

  it("I1: a deleted user is refused on the very next request", async () => {
    const u = await t.user("deleted", ["GLOBAL_READER"]);
    await warm(u.token);
    await api.ok(t.admin, Q.deleteUser, { id: u.id });
    expect(await api.code(u.token, ME)).toBe("UNAUTHENTICATED");
  });

  it("I1: a change of the tenant (its settings, its licenses) is seen by the very next request", async () => {
    const u = await t.user("watcher", ["GLOBAL_READER"]);
    await warm(u.token, TENANT);
    const seats = (r: { tenant: { licenses: { sku: { partNumber: string }; prepaidUnits: { enabled: number } }[] } }) =>
      r.tenant.licenses.find((l) => l.sku.partNumber === "POWER_VIRTUAL_AGENTS_USER")?.prepaidUnits.enabled;
    const before = await api.ok(u.token, TENANT);
    expect(before.tenant.allowAdHocSubscriptions).toBe(true);
    await api.ok(t.admin, SETTINGS, { on: false });
    expect((await api.ok(u.token, TENANT)).tenant.allowAdHocSubscriptions).toBe(false);
    await t.buy(3, 0);
    expect(seats(await api.ok(u.token, TENANT))).toBe(seats(before)! + 3);
    await api.ok(t.admin, SETTINGS, { on: true });
  });

  it("I1: a second app on the same database refuses a demotion made through the first (SQLite: at once; PostgreSQL: within 100 ms)", async () => {
    const other = await api.sibling();
    try {
      await other.listen();
      await until(() => other.app.database.rowCache.trust === "trusted");
      const u = await t.user("elsewhere", ["GLOBAL_READER"]);
      const hits = other.app.database.rowCache.stats.hits;
      await until(async () => {
        await other.ok(u.token, READ);
        return other.app.database.rowCache.stats.hits > hits;
      });
      await api.ok(t.admin, Q.updateUser, { input: { id: u.id, roles: [] } });
      const t0 = performance.now();
      if (_engine === "sqlite") expect(await other.code(u.token, READ)).toBe("FORBIDDEN");
      for (;;) {
        const sent = performance.now() - t0;
        const r = await other.exec(u.token, READ);
        if (r.errors?.[0]?.extensions?.code === "FORBIDDEN") break;
        if (sent > 100) throw new Error(`still admitted ${sent.toFixed(1)} ms after the commit`);
      }
    } finally {
      await other.stop();
    }
  });

  it("I1: a failed write drops the tenant's rows too, and reads are correct afterwards", async () => {
    const u = await t.user("bystander", ["GLOBAL_READER"]);
    await warm(u.token);
    // Demoting the tenant's last global admin is refused: nothing changes, the next request is still admitted.
    expect(await api.code(t.admin, Q.updateUser, { input: { id: t.adminId, roles: [] } })).toBeTruthy();
    expect((await api.ok(u.token, READ)).tenant.users.totalCount).toBeGreaterThan(0);
  });
});
