import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q, userLicense } from "../helpers/fixtures";
import { graphql } from "../gql";

describe.each(engines())("concurrency: never oversell (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  it("S3 40 concurrent direct assignments on 5 free seats: exactly 5 succeed, 35 SEATS_EXHAUSTED", async () => {
    const t = await newTenant(api);
    await t.buy(5);
    const users = [];
    for (let i = 0; i < 40; i++) users.push((await t.user(`c${i}`)).id);
    const results = await Promise.all(
      users.map((userId) => api.exec(t.admin, Q.assignUser, { input: { userId, addLicenses: [{ skuId: t.sku.user }] } })),
    );
    const codes = results.map((r) => (r.errors ? String(r.errors[0].extensions?.code) : "OK"));
    expect(codes.filter((c) => c === "OK")).toHaveLength(5);
    expect(codes.filter((c) => c === "SEATS_EXHAUSTED")).toHaveLength(35);
    expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 5, availableUnits: 0, unassignedDemand: 0 });
  });

  it("S4 60 users added to a licensed group in 12 concurrent calls with 10 free seats: 10 seats, 50 COUNT_VIOLATION", async () => {
    const t = await newTenant(api);
    await t.buy(10);
    const g = await t.group("licensed");
    await t.assignGroup(g);
    const users: string[] = [];
    for (let i = 0; i < 60; i++) users.push((await t.user(`g${i}`)).id);
    const calls = [];
    for (let i = 0; i < 12; i++) {
      calls.push(api.exec(t.admin, Q.addMembers, { input: { groupId: g, userIds: users.slice(i * 5, i * 5 + 5) } }));
    }
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 10, availableUnits: 0, unassignedDemand: 50 });
    const errors = await api.ok(t.admin, graphql(`query ConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount } } }`));
    expect(errors.tenant.users.totalCount).toBe(50);
  });
});
