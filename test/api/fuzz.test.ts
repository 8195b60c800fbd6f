import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";

/** A small seeded PRNG so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    str: (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join(""),
  };
}

const ID_MUTATIONS = [
  `mutation($id: ID!) { deleteUser(id: $id) }`,
  `mutation($id: ID!) { deleteSecurityGroup(id: $id) }`,
  `mutation($id: ID!) { deleteBot(id: $id) }`,
  `mutation($id: ID!) { cancelSubscription(id: $id) { id } }`,
  `mutation($id: ID!) { updateUser(input: { id: $id, displayName: "x" }) { id } }`,
  `mutation($id: ID!) { updateSecurityGroup(input: { id: $id, displayName: "x" }) { id } }`,
  `mutation($id: ID!) { addGroupMembers(input: { groupId: $id, userIds: [$id] }) { id } }`,
  `mutation($id: ID!) { removeGroupMembers(input: { groupId: $id, groupIds: [$id] }) { id } }`,
  `mutation($id: ID!) { assignUserLicenses(input: { userId: $id, addLicenses: [{ skuId: $id }] }) { id } }`,
  `mutation($id: ID!) { assignGroupLicenses(input: { groupId: $id, removeSkuIds: [$id] }) { id } }`,
  `mutation($id: ID!) { updateSubscriptionQuantity(input: { subscriptionId: $id, quantity: 3 }) { id } }`,
  `mutation($id: ID!) { updateBot(input: { id: $id, name: "x" }) { id } }`,
  `mutation($id: ID!) { recordBotSessions(input: { botId: $id, count: 5 }) { id } }`,
];
const ID_QUERIES = [
  `query($id: ID!) { node(id: $id) { id } }`,
  `query($id: ID!) { user(id: $id) { id effectiveLicenses { state } } }`,
  `query($id: ID!) { securityGroup(id: $id) { id transitiveMembers { totalCount } } }`,
  `query($id: ID!) { bot(id: $id) { id billedSessions } }`,
  `query($id: ID!) { previewGroupLicenseAssignment(groupId: $id, skuId: $id) { newSeatsNeeded } }`,
  `query($id: ID!) { auditEvents(targetId: $id) { totalCount } }`,
];
// The documented statuses (README "Security"); 405 is Apollo's answer to a mutation sent with GET.
const ALLOWED = new Set([200, 400, 401, 405, 413, 429]);

describe.each(engines().slice(0, 1))("fuzz: malformed requests (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url, { config: { maxBodyBytes: 64 * 1024 } });
    base = await api.listen();
  });
  afterAll(() => api.stop());

  it("§6/§7 600 generated malformed requests: no 5xx, documented statuses only, every error has a code, nothing changes", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const g = await t.group("g");
    const reader = await t.user("reader", ["GLOBAL_READER"]);
    const r = prng(42);
    const before = await api.snapshot();
    const prefixes = ["usr_", "grp_", "bot_", "sub_", "sku_", "tnt_", "evt_", "", "x"];
    const randomId = () => r.pick(prefixes) + r.pick(["", r.str(r.int(40)), "01a2b3c4-0000-7000-8000-000000000000", g.slice(4)]);
    const tokens = [t.admin, reader.token, "garbage", `${t.admin}x`, "", "e30.e30.", undefined];

    const generators: (() => { body: string | undefined; headers: Record<string, string>; method?: string; path?: string })[] = [
      // broken JSON
      () => ({ body: JSON.stringify({ query: "{ me { id } }" }).slice(0, r.int(25)), headers: {} }),
      () => ({ body: r.str(r.int(200)), headers: {} }),
      // wrong variable types
      () => ({ body: JSON.stringify({ query: r.pick(ID_QUERIES), variables: { id: r.pick([123, true, {}, [], null, 1.5]) } }), headers: {} }),
      () => ({ body: JSON.stringify({ query: `mutation($q: Int!) { updateSubscriptionQuantity(input: { subscriptionId: "sub_x", quantity: $q }) { id } }`, variables: { q: r.pick(["7", 2 ** 40, -1, "NaN", null]) } }), headers: {} }),
      // huge strings
      () => ({ body: JSON.stringify({ query: `query($s: String) { tenant { users(filter: { search: $s }) { totalCount } } }`, variables: { s: "%".repeat(r.int(30000)) } }), headers: {} }),
      () => ({ body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: "x".repeat(70 * 1024) } }), headers: {} }),
      // deep nesting and broken documents
      () => ({ body: JSON.stringify({ query: "{ me { " + "memberOf { ".repeat(r.int(40)) + "id" + " }".repeat(r.int(40)) + " } }" }), headers: {} }),
      () => ({ body: JSON.stringify({ query: "{".repeat(r.int(500)) }), headers: {} }),
      // unknown fields and arguments
      () => ({ body: JSON.stringify({ query: `{ ${r.pick(["me", "tenant", "skus", "nope"])} { ${r.str(8).replace(/[^a-z]/gi, "a")} } }` }), headers: {} }),
      () => ({ body: JSON.stringify({ query: `{ tenant { users(${r.pick(["bogus: 1", "first: \"x\"", "first: -5", "first: 99999999999", "after: 3"])}) { totalCount } } }` }), headers: {} }),
      // random IDs
      () => ({ body: JSON.stringify({ query: r.pick(ID_QUERIES), variables: { id: randomId() } }), headers: {} }),
      () => ({ body: JSON.stringify({ query: r.pick(ID_MUTATIONS), variables: { id: randomId() } }), headers: {} }),
      // shapes Apollo must refuse
      () => ({ body: JSON.stringify(r.pick([{ query: 5 }, { query: "{ me { id } }", variables: "x" }, [], [{ query: "{ me { id } }" }], { operationName: "X", query: "query Y { me { id } }" }, {}, null])), headers: {} }),
      () => ({ body: JSON.stringify({ query: "{ me { id } }" }), headers: { "content-type": r.pick(["text/plain", "application/x-www-form-urlencoded", "application/jsonx", ""]) } }),
      () => ({ body: undefined, method: "GET", path: `/graphql?query=${encodeURIComponent(r.pick(["{ me { id } }", "mutation { deleteUser(id: \"x\") }", r.str(30)]))}&variables=${encodeURIComponent(r.pick(["{}", "nope", "[]"]))}`, headers: { "apollo-require-preflight": "1" } }),
      () => ({ body: JSON.stringify({ query: "{ me { id } }" }), headers: { authorization: r.pick(["Bearer", "Basic abc", "Bearer a b", `bearer ${r.str(50)}`]) } }),
    ];

    const seen = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const req = r.pick(generators)();
      const token = r.pick(tokens);
      const headers: Record<string, string> = { "content-type": "application/json", ...req.headers };
      if (token !== undefined && !headers.authorization) headers.authorization = `Bearer ${token}`;
      if (headers["content-type"] === "") delete headers["content-type"];
      const res = await fetch(`${base}${req.path ?? "/graphql"}`, { method: req.method ?? "POST", headers, body: req.body });
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      const text = await res.text();
      expect({ i, status: res.status, allowed: ALLOWED.has(res.status) }).toEqual({ i, status: res.status, allowed: true });
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        continue; // Apollo's plain-text refusals (e.g. CSRF, wrong method) carry no GraphQL body
      }
      if (process.env.DEBUG_FUZZ && json?.errors?.some((e: any) => e.extensions?.code === "INTERNAL_SERVER_ERROR")) console.log(i, req.body?.slice(0, 300), JSON.stringify(json).slice(0, 1500));
      for (const e of json?.errors ?? []) {
        expect({ i, code: typeof e.extensions?.code }).toEqual({ i, code: "string" });
        expect({ i, code: e.extensions.code }).not.toEqual({ i, code: "INTERNAL_SERVER_ERROR" });
      }
    }
    expect(seen.get(200)).toBeGreaterThan(0);
    expect(seen.get(400)).toBeGreaterThan(0);
    const ok = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${t.admin}` }, body: JSON.stringify({ query: "{ me { id } }" }) });
    expect(((await ok.json()) as any).data.me.id).toBe(t.adminId);
    expect(await api.snapshot()).toBe(before);
  });
});
