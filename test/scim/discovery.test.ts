import { engines, scimWorld, startScim } from "./scim-client";
import { TestApi } from "../helpers/harness";

/** D1: the discovery endpoints beside Users and Groups. */
describe.each(engines())("SCIM discovery (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  it("D1 ServiceProviderConfig, ResourceTypes and Schemas describe what is supported; they need the token too", async () => {
    const w = await scimWorld(api, http, "Discovery");
    const spc = await w.scim("GET", "/ServiceProviderConfig");
    expect(spc.body).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 1000 }, bulk: { supported: false }, sort: { supported: false } });
    const types = await w.scim("GET", "/ResourceTypes");
    expect(types.body.Resources.map((r: any) => [r.id, r.endpoint])).toEqual([["User", "/Users"], ["Group", "/Groups"]]);
    expect((await w.scim("GET", "/ResourceTypes/Group")).body.schema).toBe("urn:ietf:params:scim:schemas:core:2.0:Group");
    const schemas = await w.scim("GET", "/Schemas");
    expect(schemas.body.Resources.map((s: any) => s.id)).toEqual([
      "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
    ]);
    const user = await w.scim("GET", `/Schemas/${encodeURIComponent("urn:ietf:params:scim:schemas:core:2.0:User")}`);
    expect(user.body.attributes.map((a: any) => a.name)).toContain("addresses");
    expect((await w.scim("GET", "/Schemas/urn:example:none")).status).toBe(404);
    expect((await w.scim("GET", "/ServiceProviderConfig", undefined, { token: null })).status).toBe(401);
  });
});

const SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
/** RFC 7643 §5: the attributes a ServiceProviderConfig has. */
const SPC_ATTRIBUTES = ["schemas", "documentationUri", "patch", "bulk", "filter", "changePassword", "sort", "etag", "authenticationSchemes", "meta"];
/** RFC 7643 §7: every attribute definition's characteristics and the values each may take. */
const CHARACTERISTICS: Record<string, unknown[] | "string" | "boolean"> = {
  name: "string", description: "string", multiValued: "boolean", required: "boolean", caseExact: "boolean",
  type: ["string", "boolean", "decimal", "integer", "dateTime", "binary", "reference", "complex"],
  mutability: ["readOnly", "readWrite", "immutable", "writeOnly"],
  returned: ["always", "never", "default", "request"],
  uniqueness: ["none", "server", "global"],
};

/** A value of the type an attribute definition gives, for a request built from /Schemas alone. */
function sample(def: any, at: string): unknown {
  const one = (): unknown => {
    if (def.type === "complex") {
      return Object.fromEntries(def.subAttributes.filter((s: any) => s.mutability !== "readOnly").map((s: any) => [s.name, sample(s, `${at}.${s.name}`)]));
    }
    if (def.canonicalValues?.length) return def.canonicalValues[0];
    if (def.type === "boolean") return true;
    if (def.type === "reference") return `https://example.com/${at}`;
    if (def.type === "binary") return Buffer.from(at).toString("base64");
    if (at === "addresses.country") return "DE";
    if (at === "userName") return "built.from.schemas@example.com";
    return `${at} value`;
  };
  return def.multiValued ? [one()] : one();
}

describe.each(engines())("SCIM discovery as RFC 7643 and 7644 say (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  it("H7 ServiceProviderConfig holds only RFC 7643 §5 attributes; the server's own figures sit under its extension URN, listed in schemas", async () => {
    const w = await scimWorld(api, http, "ProviderConfig");
    const spc = (await w.scim("GET", "/ServiceProviderConfig")).body;
    const extensions = spc.schemas.filter((s: string) => s !== "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    expect(Object.keys(spc).filter((k) => !SPC_ATTRIBUTES.includes(k) && !extensions.includes(k))).toEqual([]);
    expect(extensions).toEqual(["urn:licensegraph:params:scim:schemas:extension:2.0:ServiceProviderConfig"]);
    expect(spc[extensions[0]]).toEqual({ maxMembersPerRequest: 5000 });
    // RFC 7644 §4: a filter on a discovery endpoint is refused, so no client takes it as applied.
    expect((await w.scim("GET", `/Schemas?filter=${encodeURIComponent('id eq "x"')}`)).status).toBe(403);
  });

  it("H7 every /Schemas entry is a Schema resource (schemas, id, meta), listed in a ListResponse, alone or one at a time", async () => {
    const w = await scimWorld(api, http, "SchemaResources");
    const all = (await w.scim("GET", "/Schemas")).body;
    expect(all).toMatchObject({ schemas: [LIST], totalResults: 3, startIndex: 1, itemsPerPage: 3 });
    for (const s of all.Resources) {
      expect(s).toMatchObject({ schemas: [SCHEMA], id: expect.any(String), name: expect.any(String), meta: { resourceType: "Schema", location: expect.stringContaining(`/Schemas/${s.id}`) } });
      expect((await w.scim("GET", `/Schemas/${encodeURIComponent(s.id)}`)).body).toEqual(s);
    }
  });

  it("H7 /Schemas attribute definitions match RFC 7643 §8.7.1 for what is served: members.$ref a reference to User or Group, members' sub-attributes immutable, no members.display, manager.displayName readOnly", async () => {
    const w = await scimWorld(api, http, "SchemaDefinitions");
    const byId = new Map<string, any>(((await w.scim("GET", "/Schemas")).body.Resources as any[]).map((s) => [s.id, s]));
    const find = (schema: string, path: string) => path.split(".").reduce((defs: any, n, i, all) => {
      const d = defs.find((a: any) => a.name === n);
      return i === all.length - 1 ? d : d?.subAttributes;
    }, byId.get(schema).attributes);
    // Every definition carries every characteristic, with a value RFC 7643 §7 allows; only complex ones have sub-attributes.
    const walk = (defs: any[], at: string) => {
      for (const d of defs) {
        for (const [k, allowed] of Object.entries(CHARACTERISTICS)) {
          const ok = Array.isArray(allowed) ? allowed.includes(d[k]) : typeof d[k] === allowed;
          expect([`${at}${d.name}.${k}`, ok]).toEqual([`${at}${d.name}.${k}`, true]);
        }
        expect([`${at}${d.name}`, Array.isArray(d.subAttributes)]).toEqual([`${at}${d.name}`, d.type === "complex"]);
        if (d.subAttributes) walk(d.subAttributes, `${at}${d.name}.`);
      }
    };
    for (const s of byId.values()) walk(s.attributes, `${s.name}:`);
    expect(find(GROUP, "members.$ref")).toMatchObject({ type: "reference", referenceTypes: ["User", "Group"], mutability: "immutable" });
    expect(find(GROUP, "members.value")).toMatchObject({ type: "string", mutability: "immutable" });
    expect(find(GROUP, "members.type")).toMatchObject({ type: "string", mutability: "immutable", canonicalValues: ["User", "Group"] });
    expect(find(GROUP, "members").subAttributes.map((a: any) => a.name)).toEqual(["value", "$ref", "type"]);
    expect(find(ENTERPRISE, "manager.displayName")).toMatchObject({ mutability: "readOnly" });
    expect(find(USER, "userName")).toMatchObject({ required: true, uniqueness: "server" });
    expect(find(USER, "profileUrl")).toMatchObject({ type: "reference", referenceTypes: ["external"] });
  });

  it("H7 what /Schemas offers is what the server stores and returns: a user and a group built from the definitions alone come back as sent", async () => {
    const w = await scimWorld(api, http, "SchemaRoundTrip");
    const byId = new Map<string, any>(((await w.scim("GET", "/Schemas")).body.Resources as any[]).map((s) => [s.id, s]));
    const build = (schema: string) =>
      Object.fromEntries(byId.get(schema).attributes.filter((d: any) => d.mutability !== "readOnly").map((d: any) => [d.name, sample(d, d.name)]));
    const user = { schemas: [USER, ENTERPRISE], ...build(USER), [ENTERPRISE]: build(ENTERPRISE) };
    const created = await w.scim("POST", "/Users", user);
    expect(created.status).toBe(201);
    const back = (await w.scim("GET", `/Users/${created.body.id}`)).body;
    expect(back).toMatchObject({ ...user, userName: "built.from.schemas@example.com" });
    const member = created.body.id;
    const group = { schemas: [GROUP], ...build(GROUP), members: [{ value: member, $ref: `${w.http}/scim/v2/Users/${member}`, type: "User" }] };
    const g = await w.scim("POST", "/Groups", group);
    expect(g.status).toBe(201);
    expect((await w.scim("GET", `/Groups/${g.body.id}`)).body).toMatchObject({ ...group, members: [{ value: member, type: "User", $ref: expect.stringMatching(new RegExp(`/Users/${member}$`)) }] });
    // The parser agrees with /Schemas on members: a sub-attribute they do not have is refused (H3); Okta's display is tolerated.
    const odd = await w.scim("PATCH", `/Groups/${g.body.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: [{ value: member, color: "red" }] }] });
    expect([odd.status, odd.body.scimType]).toEqual([400, "invalidPath"]);
    const okta = await w.scim("PATCH", `/Groups/${g.body.id}`, { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: [{ value: member, display: "built" }] }] });
    expect(okta.status).toBe(204);
  });

  it("H7 a method a SCIM path does not accept is 405 with Allow naming those it does; an unknown path stays 404", async () => {
    const w = await scimWorld(api, http, "MethodNotAllowed");
    const u = (await w.scim("POST", "/Users", { schemas: [USER], userName: "allow@example.com" })).body.id;
    const cases: [string, string, string][] = [
      ["DELETE", "/Users", "GET, POST"],
      ["PUT", "/Groups", "GET, POST"],
      ["POST", `/Users/${u}`, "GET, PUT, PATCH, DELETE"],
      ["DELETE", "/Schemas", "GET"],
      ["POST", "/ServiceProviderConfig", "GET"],
      ["DELETE", `/ResourceTypes/User`, "GET"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await fetch(`${http}/scim/v2${path}`, {
        method, headers: { authorization: `Bearer ${w.token}`, "content-type": "application/scim+json" }, body: method === "DELETE" ? undefined : JSON.stringify({ schemas: [USER] }),
      });
      const body = (await res.json()) as any;
      expect([method, path, res.status, res.headers.get("allow"), body.status]).toEqual([method, path, 405, allow, "405"]);
    }
    expect((await w.scim("POST", "/Nothing", { schemas: [USER] })).status).toBe(404);
  });
});
