import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { LiveClient, LIVE } from "../helpers/live";
import { liveHub } from "../../src/app/live-hub";

describe.each(engines())("live smoke (%s)", (_name, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  test("E2 myLicenseChanged after an assignment", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const u = await t.user("maker");
    const c = await LiveClient.open(base, u.token);
    const sub = c.subscribe(LIVE.me);
    const hub = liveHub(api.app);
    await hub.when(() => hub.count(t.tenantId) === 1);
    await t.license(u.id);
    const ev = await sub.results.next();
    expect(ev.data).toMatchObject({ myLicenseChanged: { id: u.id, canCreateBots: true } });
    await c.close();
  });
});
