import fc from "fast-check";
import { ENTERPRISE_ATTRIBUTES, ENTERPRISE_SCHEMA, MULTI_SUB_ATTRIBUTES, NAME_SUB_ATTRIBUTES } from "../../src/api/scim/users";
import { engines, scimWorld, startScim, ScimWorld } from "../scim/scim-client";
import { TestApi } from "../helpers/harness";
import { fuzzParams, fuzzTimeout, hostileNumber, hostileText, poisoned, textFor, wrongType } from "./arbitraries";

/**
 * §14 (H1–H3, H7) generated input for every SCIM endpoint: Users and Groups, each method, with bodies built
 * from the attributes the server offers (and some it does not), hostile text and numbers in values, paths and
 * query strings. Whatever comes: never a 5xx, always RFC 7644's error shape with a status (and a scimType on
 * a 400), and a refused request leaves every table as it was.
 */
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const SCIM_TYPES = new Set(["invalidFilter", "tooMany", "uniqueness", "mutability", "invalidSyntax", "invalidPath", "noTarget", "invalidValue", "invalidVers", "sensitive"]);

const text = (name: string) => fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) }, { weight: 2, arbitrary: textFor(name, []) });
const value = (name: string) => fc.oneof({ weight: 10, arbitrary: text(name) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: hostileNumber });
const withUnknown = <T extends Record<string, unknown>>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: a as fc.Arbitrary<Record<string, unknown>> }, { weight: 1, arbitrary: fc.tuple(a, hostileText).map(([r, k]) => ({ ...r, [k || "x"]: "planted" })) });
const subRecord = (subs: readonly string[]) =>
  withUnknown(fc.record(Object.fromEntries(subs.map((s) => [s, s === "primary" ? fc.oneof(fc.boolean(), fc.constantFrom("True", "maybe")) : value(s)])), { requiredKeys: [] }));

const userBody = (ids: string[]) =>
  withUnknown(
    fc.record(
      {
        schemas: fc.oneof(fc.constant([USER]), fc.constant([USER, ENTERPRISE_SCHEMA]), fc.array(hostileText, { maxLength: 2 })),
        userName: value("userName"),
        displayName: value("displayName"),
        externalId: value("externalId"),
        nickName: value("nickName"),
        title: value("title"),
        active: fc.oneof(fc.boolean(), fc.constantFrom("True", "False", "yes"), hostileNumber),
        name: subRecord(NAME_SUB_ATTRIBUTES),
        emails: fc.array(subRecord(MULTI_SUB_ATTRIBUTES.emails), { maxLength: 12 }),
        addresses: fc.array(subRecord(MULTI_SUB_ATTRIBUTES.addresses), { maxLength: 2 }),
        phoneNumbers: fc.array(subRecord(MULTI_SUB_ATTRIBUTES.phoneNumbers), { maxLength: 2 }),
        [ENTERPRISE_SCHEMA]: subRecord(ENTERPRISE_ATTRIBUTES).map((e) => ("manager" in e ? { ...e, manager: { value: fc.sample(fc.constantFrom(...ids), 1)[0] } } : e)),
      },
      { requiredKeys: ["userName"] },
    ),
  );

const groupBody = (ids: string[]) =>
  withUnknown(
    fc.record(
      {
        schemas: fc.oneof(fc.constant([GROUP]), fc.array(hostileText, { maxLength: 2 })),
        displayName: value("displayName"),
        externalId: value("externalId"),
        members: fc.array(withUnknown(fc.record({ value: fc.oneof(fc.constantFrom(...ids), poisoned(fc.constantFrom(...ids)), hostileText), type: fc.constantFrom("User", "Group") }, { requiredKeys: ["value"] })), { maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
  );

/** A lone surrogate has no UTF-8 form; it is sent as the bytes a careless client would send (CESU-8). */
const pathSegment = (s: string) => s.replace(/[\ud800-\udfff]/g, "\u0000").split("\u0000").map(encodeURIComponent).join("%ED%A0%80");

const USER_PATHS = ["title", "displayName", "active", "name.givenName", "emails", 'emails[type eq "work"].value', 'emails[type eq "work"].planted', "addresses", `${ENTERPRISE_SCHEMA}:department`, `${ENTERPRISE_SCHEMA}:manager`, ENTERPRISE_SCHEMA, "shoeSize", "name.shoeSize", "userName", "externalId"];
const GROUP_PATHS = ["displayName", "externalId", "members", 'members[value eq "usr_x"]', "owner", "id"];
const patchBody = (paths: string[], values: fc.Arbitrary<unknown>) =>
  fc.record({
    schemas: fc.oneof({ weight: 8, arbitrary: fc.constant([PATCH]) }, { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 1 }) }),
    Operations: fc.array(
      fc.record({ op: fc.constantFrom("add", "replace", "remove", "Add", "Replace", "Remove", "merge"), path: fc.oneof(fc.constantFrom(...paths), poisoned(fc.constantFrom(...paths)), hostileText), value: values }, { requiredKeys: ["op"] }),
      { minLength: 0, maxLength: 3 },
    ),
  });

const query = fc.record(
  {
    filter: fc.oneof(fc.constantFrom('userName eq "a@b.example"', 'displayName co "x"', 'meta.lastModified gt "2026-01-01T00:00:00Z"', 'emails[type eq "work"].value eq "x"', "title pr"), poisoned(fc.constant('userName eq "x"')), hostileText),
    startIndex: fc.oneof(hostileNumber.map(String), fc.constantFrom("9223372036854775808", "-5", "x", "")),
    count: fc.oneof(hostileNumber.map(String), fc.constantFrom("9223372036854775808", "0")),
    attributes: fc.oneof(fc.constantFrom("userName", "members", "emails.value", `${ENTERPRISE_SCHEMA}:department`), hostileText),
  },
  { requiredKeys: [] },
);

describe.each(engines())("H1–H3 generated SCIM input, every endpoint (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  let w: ScimWorld;
  beforeAll(async () => {
    ({ api, http } = await startScim(url));
    w = await scimWorld(api, http, "Fuzz");
  });
  afterAll(() => api.stop());

  it("never a 5xx; always a SCIM error with a status and, for 400, a scimType; a refused request changes nothing", async () => {
    const userId = (await w.scim("POST", "/Users", { schemas: [USER], userName: "seed@fuzz.example" })).body.id as string;
    const groupId = (await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "Seed" })).body.id as string;
    const ids = [userId, groupId, w.t.adminId, "usr_00000000-0000-7000-8000-000000000000"];
    const id = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: hostileText.map(pathSegment) }, { weight: 1, arbitrary: fc.constantFrom("%00", "%ZZ", "%E0%A4%A", "%ED%A0%80", "a%2Fb") });
    const request = fc.oneof(
      fc.record({ method: fc.constant("GET"), path: fc.constantFrom("/Users", "/Groups"), q: query }),
      fc.record({ method: fc.constantFrom("GET", "DELETE"), path: fc.tuple(fc.constantFrom("/Users/", "/Groups/"), id).map(([p, i]) => p + i) }),
      fc.record({ method: fc.constant("POST"), path: fc.constant("/Users"), body: userBody(ids) }),
      fc.record({ method: fc.constant("POST"), path: fc.constant("/Groups"), body: groupBody(ids) }),
      fc.record({ method: fc.constant("PUT"), path: id.map((i) => `/Users/${i}`), body: userBody(ids) }),
      fc.record({ method: fc.constant("PUT"), path: id.map((i) => `/Groups/${i}`), body: groupBody(ids) }),
      fc.record({ method: fc.constant("PATCH"), path: id.map((i) => `/Users/${i}`), body: patchBody(USER_PATHS, fc.oneof(value("value"), subRecord(["department", "givenName", "value", "type"]))) }),
      fc.record({ method: fc.constant("PATCH"), path: id.map((i) => `/Groups/${i}`), body: patchBody(GROUP_PATHS, fc.oneof(value("displayName"), fc.array(fc.record({ value: fc.constantFrom(...ids) }), { maxLength: 2 }))) }),
      fc.record({ method: fc.constantFrom("GET", "POST", "PATCH"), path: fc.constantFrom("/ServiceProviderConfig", "/Schemas", "/ResourceTypes", "/Schemas/x%00", "/Bulk", "/Me") }),
    );
    // A provisioning token's lastUsedAt moves with every request; everything else must stay when a request is refused.
    const snapshot = async () => JSON.stringify({ ...JSON.parse(await api.snapshot()), provisioning_token: null });
    let before = await snapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const q = "q" in r ? `?${new URLSearchParams(r.q as Record<string, string>)}` : "";
        const res = await fetch(`${http}/scim/v2${r.path}${q}`, {
          method: r.method,
          headers: { authorization: `Bearer ${w.token}`, ...("body" in r ? { "content-type": "application/scim+json" } : {}) },
          body: "body" in r ? JSON.stringify(r.body) : undefined,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const raw = await res.text();
        const body = raw ? JSON.parse(raw) : undefined;
        expect({ at: `${r.method} ${r.path}`, status: res.status < 500 ? "ok" : body?.detail }).toEqual({ at: `${r.method} ${r.path}`, status: "ok" });
        if (res.status >= 400) {
          expect(body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(res.status) });
          if (res.status === 400) expect(SCIM_TYPES.has(body.scimType)).toBe(true);
          await expect(snapshot()).resolves.toBe(before);
        } else before = await snapshot();
      }),
      fuzzParams(300),
    );
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
  }, fuzzTimeout(300));
});
