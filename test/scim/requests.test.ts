import { engines, scimWorld, startScim } from "./scim-client";
import { TestApi } from "../helpers/harness";
import { Q } from "../helpers/fixtures";
import { graphql } from "../gql";

const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const REQUEST = graphql(`mutation ScimRequestsRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }`);
const REQUESTS = graphql(`query ScimRequestsList { tenant { licenseRequests { nodes { id status requester { id deletedAt } } } } }`);
const NODE = graphql(`query ScimRequestsNode($id: ID!) { node(id: $id) { id } }`);

describe.each(engines())("SCIM and license requests (%s)", (_engine, url) => {
  let api: TestApi;
  let http: string;
  beforeAll(async () => ({ api, http } = await startScim(url)));
  afterAll(() => api.stop());

  it("V1 D7: a directory DELETE completes the user's open request; a user kept for their bots shows it COMPLETED until they go", async () => {
    const w = await scimWorld(api, http, "ReqDelete");
    const { t } = w;
    await t.buy(2);
    const owner = (await w.scim("POST", "/Users", { schemas: [CORE], userName: "owner@reqdelete.example" })).body;
    const plain = (await w.scim("POST", "/Users", { schemas: [CORE], userName: "plain@reqdelete.example" })).body;
    await t.license(owner.id);
    const ownerToken = await api.token({ tid: t.tenantId, oid: owner.id });
    const bot = (await api.ok(ownerToken, Q.createBot, { input: { name: "Helper" } })).createBot.id;
    // The owner asks for the seat again after an admin took it away (bots stay, B2).
    await api.ok(t.admin, Q.assignUser, { input: { userId: owner.id, removeSkuIds: [t.sku.user] } });
    const ro = (await api.ok(ownerToken, REQUEST, { input: { skuId: t.sku.user } })).requestLicense.id;
    const rp = (await api.ok(await api.token({ tid: t.tenantId, oid: plain.id }), REQUEST, { input: { skuId: t.sku.user } })).requestLicense.id;

    expect((await w.scim("DELETE", `/Users/${owner.id}`)).status).toBe(204);
    expect((await w.scim("DELETE", `/Users/${plain.id}`)).status).toBe(204);
    const list = (await api.ok(t.admin, REQUESTS)).tenant.licenseRequests.nodes;
    expect(list).toEqual([{ id: ro, status: "COMPLETED", requester: { id: owner.id, deletedAt: expect.any(String) } }]);
    expect((await api.ok(t.admin, NODE, { id: rp })).node).toBeNull();
    const events = (await api.ok(t.admin, Q.audit, { action: "COMPLETE_LICENSE_REQUEST" })).auditEvents.nodes.map((e) => JSON.parse(e.details));
    expect(events).toEqual(expect.arrayContaining([
      expect.objectContaining({ requestId: ro, why: "LEFT_TENANT" }), expect.objectContaining({ requestId: rp, why: "LEFT_TENANT" }),
    ]));
    // The bot reassigned, the tombstone goes, and its request leaves the list (its audit events stay).
    const next = await t.user("next");
    await t.license(next.id);
    await api.ok(t.admin, Q.updateBot, { input: { id: bot, ownerId: next.id } });
    expect((await api.ok(t.admin, REQUESTS)).tenant.licenseRequests.nodes).toEqual([]);
    expect((await api.ok(t.admin, NODE, { id: ro })).node).toBeNull();
  });
});
