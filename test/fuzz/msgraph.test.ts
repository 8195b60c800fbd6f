import fc from "fast-check";
import { ErrorCode } from "../../src/domain/errors/codes";
import { engines, graphFetch, guid, PUBLIC_URL, startGraph } from "../graph/graph-client";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { TestApi } from "../helpers/harness";
import { fuzzParams, fuzzTimeout, hostileNumber, hostileText, poisoned, wrongType } from "./arbitraries";

/**
 * §14 (H1–H3) and MG3/MG4 generated input for Microsoft Graph at /v1.0: every resource and action, each method,
 * with IDs in every form (bare GUIDs, this API's, another kind's, hostile), query options valid and not, bodies
 * of assignLicense, members/$ref and $batch built from the right names and from wrong ones. Whatever comes: never
 * a 5xx (nor inside a batch), every error in Graph's shape with this API's code inside, and a refused request
 * leaves every table as it was.
 */
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));
const STRANGER = "00000000-0000-4000-8000-000000000000";

/** A lone surrogate has no UTF-8 form; it is sent as the bytes a careless client would send (CESU-8). */
const pathSegment = (s: string) => s.replace(/[\ud800-\udfff]/g, "\u0000").split("\u0000").map(encodeURIComponent).join("%ED%A0%80");

function world(t: TenantFx, ids: { user: string; group: string; inner: string; plan: string; plans: string[] }) {
  const guids = [guid(ids.user), guid(ids.group), guid(ids.inner), guid(t.adminId), guid(t.sku.user), guid(t.sku.tenant), guid(ids.plan), STRANGER];
  const own = [ids.user, ids.group, ids.inner, t.sku.user, ids.plan];
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...guids) },
    { weight: 2, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(`${guid(t.tenantId)}_${guid(t.sku.user)}`, "admin@x.example", guids[0].toUpperCase()) },
    { weight: 2, arbitrary: hostileText.map(pathSegment) },
    { weight: 1, arbitrary: fc.constantFrom("%00", "%ZZ", "%E0%A4%A", "%ED%A0%80", "a%2Fb", "..", "$ref", "$count", "me") },
  );
  const realGroup = fc.constantFrom(guid(ids.group), guid(ids.inner));
  const realId = fc.constantFrom(guid(ids.group), guid(ids.inner), guid(ids.user), guid(t.adminId));
  const nav = fc.constantFrom(
    "", "/licenseDetails", "/memberOf", "/transitiveMemberOf", "/assignLicense", "/members", "/transitiveMembers", "/membersWithLicenseErrors",
    "/members/$ref", "/owners", "/manager", "/$count", "/licenseDetails/x",
  );
  const path = fc.oneof(
    fc.constantFrom("/", "/users", "/groups", "/subscribedSkus", "/me", "/me/licenseDetails", "/me/memberOf", "/me/assignLicense", "/$metadata", "/directoryObjects", "/planets", "/$batch", "/subscriptions"),
    fc.tuple(fc.constantFrom("/users/", "/groups/", "/subscribedSkus/", "/directoryObjects/", "/subscriptions/"), id, nav).map(([a, b, c]) => a + b + c),
    fc.tuple(fc.constantFrom("/groups/"), id, id).map(([a, g, m]) => `${a}${g}/members/${m}/$ref`),
  );
  const sku = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...guids.slice(4)) }, { weight: 1, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType });
  const filterValue = fc.oneof(
    fc.constantFrom(
      `assignedLicenses/any(x:x/skuId eq ${guid(t.sku.user)})`, "userPrincipalName eq 'a@b.example'", "accountEnabled eq true", "startswith(displayName,'a')",
      "startswith(displayName,'a') and accountEnabled eq false", "displayName eq 'x'", "assignedLicenses/any(x:x/skuId eq 5)", "not accountEnabled eq true",
      "accountEnabled eq true or accountEnabled eq false", "startswith(displayName,'", "((((", "userPrincipalName eq 'it''s'",
    ),
    poisoned(fc.constant("startswith(displayName,'a')")),
    hostileText,
  );
  const options = {
    $select: fc.oneof(fc.constantFrom("id", "id,displayName", "assignedLicenses,licenseAssignmentStates", "skuPartNumber", "nope", "id,,id", ""), hostileText),
    $top: fc.oneof(hostileNumber.map(String), fc.constantFrom("999", "1000", "0", "1", "x", "")),
    $filter: filterValue,
    $count: fc.constantFrom("true", "false", "yes", ""),
    $search: fc.oneof(fc.constantFrom('"displayName:a"', "displayName:a", '"mail:a"', '""'), hostileText),
    $skiptoken: fc.oneof(fc.constantFrom("abc", "", "eyJ9"), hostileText),
    $orderby: fc.constant("displayName"),
    $expand: fc.constant("members"),
    planted: hostileText,
  };
  const anyQuery = fc.record(options, { requiredKeys: [] });
  const oneOption = fc.oneof(...Object.entries(options).map(([k, v]) => (v as fc.Arbitrary<string>).map((x) => ({ [k]: x }))));
  // Mostly none or one option, so that a request is refused for one reason (or answered), sometimes many at once.
  const query = fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 3, arbitrary: oneOption },
    { weight: 1, arbitrary: fc.record({ $select: fc.constantFrom("id", "displayName,id"), $top: fc.constantFrom("1", "2", "999") }) },
    { weight: 1, arbitrary: anyQuery },
  );
  const license = fc.record({ skuId: sku, disabledPlans: fc.oneof(fc.array(fc.oneof(fc.constantFrom(guid(ids.plan), STRANGER), hostileText), { maxLength: 3 }), wrongType) }, { requiredKeys: [] });
  const planGuids = ids.plans.map(guid);
  const goodAssign = fc.oneof(
    fc.subarray(planGuids).map((disabledPlans) => ({ addLicenses: [{ skuId: guid(t.sku.user), disabledPlans }], removeLicenses: [] })),
    fc.constant({ addLicenses: [], removeLicenses: [guid(t.sku.user)] }),
  );
  const assignBody = fc.oneof(
    { weight: 2, arbitrary: goodAssign as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.record({ addLicenses: fc.oneof(fc.array(license, { maxLength: 3 }), wrongType), removeLicenses: fc.oneof(fc.array(sku, { maxLength: 2 }), wrongType) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.tuple(fc.record({ addLicenses: fc.array(license, { maxLength: 2 }), removeLicenses: fc.constant([]) }), hostileText).map(([b, k]) => ({ ...b, [k || "x"]: 1 })) },
    { weight: 1, arbitrary: wrongType },
  );
  const refBody = fc.oneof(
    fc.constantFrom(guid(ids.user), guid(ids.inner), guid(t.adminId), guid(ids.group)).map((m) => ({ "@odata.id": `${PUBLIC_URL}/v1.0/directoryObjects/${m}` })),
    fc.tuple(fc.constantFrom("directoryObjects", "users", "groups", "bots"), id).map(([set, i]) => ({ "@odata.id": `${PUBLIC_URL}/v1.0/${set}/${i}` })),
    fc.record({ "@odata.id": fc.oneof(hostileText, wrongType) as fc.Arbitrary<unknown> }),
    wrongType,
  );
  const body = fc.oneof(assignBody, refBody);
  const method = fc.constantFrom("GET", "GET", "POST", "POST", "DELETE", "PATCH", "PUT");
  const headers = fc.record({ consistencylevel: fc.constantFrom("eventual", "Eventual", "strong") }, { requiredKeys: [] });
  const anyRequest = fc.record({ method, path, query, body: fc.option(body, { nil: undefined }), headers });
  // Requests that fit their resource (the method it takes, the body it reads), with generated IDs and values.
  const fitting = fc.oneof(
    fc.record({ method: fc.constant("GET"), path, query, body: fc.constant(undefined), headers }),
    fc.record({ method: fc.constant("POST"), path: fc.tuple(fc.constantFrom("/users/", "/groups/"), fc.oneof(realId, id)).map(([a, b]) => `${a}${b}/assignLicense`), query: fc.constant({}), body: assignBody, headers }),
    fc.record({ method: fc.constant("POST"), path: fc.oneof(realGroup, id).map((g) => `/groups/${g}/members/$ref`), query: fc.constant({}), body: refBody, headers }),
    fc.record({ method: fc.constant("DELETE"), path: fc.tuple(fc.oneof(realGroup, id), fc.oneof(realId, id)).map(([g, m]) => `/groups/${g}/members/${m}/$ref`), query: fc.constant({}), body: fc.constant(undefined), headers }),
  );
  const single = fc.oneof({ weight: 3, arbitrary: fitting as fc.Arbitrary<{ method: string; path: string; query: Record<string, string>; body: unknown; headers: Record<string, string> }> }, { weight: 2, arbitrary: anyRequest });
  const part = fc.tuple(single, fc.string({ minLength: 1, maxLength: 3 }), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 2 })).map(([r, idOf, deps]) => ({
    id: idOf, method: r.method, url: r.path + (Object.keys(r.query).length ? `?${new URLSearchParams(r.query as Record<string, string>)}` : ""),
    ...(r.body !== undefined ? { body: r.body, headers: { "content-type": "application/json", ...r.headers } } : { headers: r.headers }), dependsOn: deps,
  }));
  const batch = fc.oneof(
    { weight: 4, arbitrary: fc.array(part, { minLength: 1, maxLength: 21 }).map((requests) => ({ requests })) },
    { weight: 1, arbitrary: wrongType },
  );
  return { single, batch };
}

describe.each(engines())("H1–H3, MG3, MG4 generated Microsoft Graph input, every resource (%s)", (_engine, url) => {
  let api: TestApi;
  let origin: string;
  let t: TenantFx;
  let reader: string;
  let gen: ReturnType<typeof world>;
  beforeAll(async () => {
    ({ api, origin } = await startGraph(url));
    t = await newTenant(api, "Fuzz");
    await t.buy(3);
    const user = (await t.user("seed")).id;
    const group = await t.group("Seed");
    const inner = await t.group("Inner");
    await t.add(group, [user], [inner]);
    await t.assignGroup(group);
    reader = (await t.user("reader", ["GLOBAL_READER"])).token;
    gen = world(t, { user, group, inner, plan: api.app.catalog.planIds(t.sku.user)[0], plans: api.app.catalog.planIds(t.sku.user) });
  });
  afterAll(() => api.stop());

  const graphShaped = (at: string, status: number, body: any) => {
    expect({ at, status: status < 500 ? "ok" : body?.error?.message }).toEqual({ at, status: "ok" });
    if (status < 400) return;
    expect({ at, code: typeof body?.error?.code, message: typeof body?.error?.message, inner: KNOWN_CODES.has(body?.error?.innerError?.code) }).toEqual({
      at, code: "string", message: "string", inner: true,
    });
  };

  it("never a 5xx; every error in Graph's shape with a known innerError.code; a refused request changes nothing", async () => {
    const request = fc.oneof(
      { weight: 5, arbitrary: gen.single.map((r) => ({ ...r, batch: undefined })) },
      { weight: 1, arbitrary: gen.batch.map((b) => ({ method: "POST", path: "/$batch", query: {}, headers: {}, body: undefined, batch: b as unknown })) },
    );
    const who = fc.constantFrom("admin", "admin", "admin", "reader", "none");
    let before = await api.snapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, who, async (r, w) => {
        const q = Object.keys(r.query).length ? `?${new URLSearchParams(r.query as Record<string, string>)}` : "";
        const token = w === "admin" ? t.admin : w === "reader" ? reader : null;
        const body = r.batch ?? r.body;
        const res = await fetch(`${origin}/v1.0${r.path}${q}`, {
          method: r.method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...r.headers },
          body: body !== undefined && r.method !== "GET" ? JSON.stringify(body) : undefined,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const raw = await res.text();
        const parsed = raw ? JSON.parse(raw) : undefined;
        const at = `${r.method} ${r.path}${q}`;
        graphShaped(at, res.status, parsed);
        let changedSome = res.status < 400;
        if (r.path === "/$batch" && res.status === 200) {
          for (const p of parsed.responses) graphShaped(`${at} #${p.id}`, p.status, p.body);
          changedSome = parsed.responses.some((p: any) => p.status < 400);
        }
        if (changedSome) before = await api.snapshot();
        else await api.expectUnchanged(before);
      }),
      fuzzParams(250),
    );
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
  }, fuzzTimeout(250));

  it("MG3, MG4: what no resource offers is 400 or 404 in Graph's shape, for every resource", async () => {
    const paths = ["/users", `/users/${guid(t.adminId)}`, "/groups", "/subscribedSkus", "/me", "/me/memberOf"];
    const options = ["$orderby=displayName", "$expand=memberOf", "$skip=1", "$format=json", "foo=bar", "$top=1000", "$top=0", "$select=nope", "$filter=mail eq 'x'", "$search=\"displayName:a\""];
    for (const p of paths) {
      for (const o of options) {
        const r = await graphFetch(origin, "GET", `${p}?${o}`, { token: t.admin });
        expect([p, o, r.status, r.body.error.code]).toEqual([p, o, 400, expect.stringMatching(/^Request_(BadRequest|UnsupportedQuery)$/)]);
      }
    }
    for (const p of ["/planets", "/users/x/y/z", "/beta", "/groups/00000000-0000-4000-8000-000000000000/members/x/y"]) {
      const r = await graphFetch(origin, "GET", p, { token: t.admin });
      expect([p, r.status < 500, [400, 404].includes(r.status), r.body.error.innerError.code]).toEqual([p, true, true, expect.any(String)]);
    }
  });
});
