import { engines, TestApi } from "../helpers/harness";
import { newTenant, Q } from "../helpers/fixtures";
import { liveClients } from "../helpers/live";
import { graphql } from "../gql";

const REQUEST = graphql(`mutation RequestsLiveRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }`);
const DENY = graphql(`mutation RequestsLiveDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id } }`);
const APPROVE = graphql(`mutation RequestsLiveApprove($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id } }`);

const REQUESTS = `subscription { licenseRequestChanged { id status fromAutoClaim requester { id } sku { partNumber } decidedBy { id } } }`;
const MINE = `subscription { myLicenseChanged { id canCreateBots licenseRequests { id status reason } } }`;

describe.each(engines())("license requests live (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  const { hub, open, sub } = liveClients(() => api, () => base);

  test("V1 E2: licenseRequestChanged shows admins each request as it is opened and decided; a user without roles gets FORBIDDEN", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const lic = await t.user("lic", ["LICENSE_ADMIN"]);
    const u = await t.user("asker");
    const admin = await sub(await open(lic.token), t, "licenseRequestChanged", REQUESTS);
    const r = (await api.ok(u.token, REQUEST, { input: { skuId: t.sku.user, justification: "HR bot" } })).requestLicense;
    expect((await admin.results.next()).data.licenseRequestChanged).toEqual({
      id: r.id, status: "PENDING", fromAutoClaim: false, requester: { id: u.id }, sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" }, decidedBy: null,
    });
    await api.ok(t.admin, APPROVE, { input: { id: r.id } });
    expect((await admin.results.next()).data.licenseRequestChanged).toMatchObject({ id: r.id, status: "APPROVED", decidedBy: { id: t.adminId } });
    // A failed approval (no seat left) delivers nothing; the next committed write is the next event.
    const v = await t.user("second");
    const r2 = (await api.ok(v.token, REQUEST, { input: { skuId: t.sku.user } })).requestLicense;
    expect((await admin.results.next()).data.licenseRequestChanged).toMatchObject({ id: r2.id, status: "PENDING" });
    expect(await api.code(t.admin, APPROVE, { input: { id: r2.id } })).toBe("SEATS_EXHAUSTED");
    await api.ok(t.admin, DENY, { input: { id: r2.id, reason: "none left" } });
    expect((await admin.results.next()).data.licenseRequestChanged).toMatchObject({ id: r2.id, status: "DENIED" });
    expect(admin.results.items).toEqual([]);

    const plain = await open(u.token);
    const denied = plain.subscribe(REQUESTS);
    const end = await denied.ended;
    const errors = end.errors ?? (await denied.results.next()).errors;
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  test("V1 E3: myLicenseChanged fires for the requester when their request is decided (a denial changes no license), and for nobody else", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const u = await t.user("asker");
    const other = await t.user("bystander");
    const mine = await sub(await open(u.token), t, "myLicenseChanged", MINE);
    const theirs = await sub(await open(other.token), t, "myLicenseChanged", MINE);
    const r = (await api.ok(u.token, REQUEST, { input: { skuId: t.sku.user } })).requestLicense;
    await api.ok(t.admin, DENY, { input: { id: r.id, reason: "Use the shared bot" } });
    expect((await mine.results.next()).data.myLicenseChanged).toEqual({
      id: u.id, canCreateBots: false, licenseRequests: [{ id: r.id, status: "DENIED", reason: "Use the shared bot" }],
    });
    const r2 = (await api.ok(u.token, REQUEST, { input: { skuId: t.sku.user } })).requestLicense;
    await api.ok(t.admin, APPROVE, { input: { id: r2.id } });
    const approved = (await mine.results.next()).data.myLicenseChanged;
    expect(approved.canCreateBots).toBe(true);
    expect(approved.licenseRequests[0]).toEqual({ id: r2.id, status: "APPROVED", reason: null });
    // A rename of someone else is the bystander's first and only event.
    await api.ok(t.admin, Q.updateUser, { input: { id: other.id, displayName: "Renamed" } });
    expect((await theirs.results.next()).data.myLicenseChanged.id).toBe(other.id);
    expect(theirs.results.items).toEqual([]);
    expect(mine.results.items).toEqual([]);
  });

  test("V1 E3: another tenant's requests never reach a subscriber", async () => {
    const t = await newTenant(api);
    const other = await newTenant(api, "Contoso");
    await other.buy(1);
    const s = await sub(await open(t.admin), t, "licenseRequestChanged", REQUESTS);
    const u = await other.user("theirs");
    await api.ok(u.token, REQUEST, { input: { skuId: other.sku.user } });
    const mine = await t.user("mine");
    const r = (await api.ok(mine.token, REQUEST, { input: { skuId: t.sku.user } })).requestLicense;
    expect((await s.results.next()).data.licenseRequestChanged.id).toBe(r.id);
    expect(s.results.items).toEqual([]);
  });
});
