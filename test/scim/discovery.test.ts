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
