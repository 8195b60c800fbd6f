import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, userLicense } from "../helpers/fixtures";

describe.each(engines())("smoke (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("creates a tenant, buys, assigns and reads effective licenses", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("maker");
    await t.license(u.id);
    const eff = await t.effective(u.id);
    expect(eff.canCreateBots).toBe(true);
    expect(eff.effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 1, availableUnits: 1 });
    const bot = await api.ok(u.token, Q.createBot, { input: { name: "Helper" } });
    expect(bot.createBot.owner.id).toBe(u.id);
  });
});
