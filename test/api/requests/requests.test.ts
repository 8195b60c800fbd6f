import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx, userLicense } from "../../helpers/fixtures";
import { graphql } from "../../gql";

const REQUEST = graphql(`mutation RequestsRequestLicense($input: RequestLicenseInput!) {
  requestLicense(input: $input) { id status justification fromAutoClaim createdAt sku { partNumber } requester { id } }
}`);
const CANCEL = graphql(`mutation RequestsCancel($id: ID!) { cancelLicenseRequest(id: $id) { id status decidedAt decidedBy { id } } }`);
const APPROVE = graphql(`mutation RequestsApprove($input: ApproveLicenseRequestInput!) {
  approveLicenseRequest(input: $input) { id status decidedAt decidedBy { id } grantedThroughGroup { id } }
}`);
const DENY = graphql(`mutation RequestsDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status reason decidedBy { id } } }`);
const LIST = graphql(`query RequestsList($status: LicenseRequestStatus, $skuId: ID, $first: Int, $after: String) {
  tenant { licenseRequests(status: $status, skuId: $skuId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id status requester { id } sku { id } }
  } }
}`);
const MINE = graphql(`query RequestsMine { me { id licenseRequests { id status reason } } }`);
const USER_REQUESTS = graphql(`query RequestsOfUser($id: ID!) { user(id: $id) { licenseRequests { id status } } }`);
const NODE = graphql(`query RequestsNode($id: ID!) { node(id: $id) { id ... on LicenseRequest { status } } }`);
const SET_POLICY = graphql(`mutation RequestsSetPolicy($input: SetAutoClaimPolicyInput!) {
  setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id } }
}`);
const POLICIES = graphql(`query RequestsPolicies { tenant { autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }`);
const CLAIM = graphql(`mutation RequestsClaim($skuId: ID!) {
  claimLicense(skuId: $skuId) { license { state error holdsSeat sku { partNumber } sources { kind } } request { id status fromAutoClaim } }
}`);

const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ? String(r.errors[0].extensions?.code) : "OK");

describe.each(engines())("license requests and auto-claim (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());

  const audit = async (t: TenantFx, action: string) => (await api.ok(t.admin, Q.audit, { action })).auditEvents;
  const request = async (token: string, t: TenantFx, justification?: string) =>
    (await api.ok(token, REQUEST, { input: { skuId: t.sku.user, justification } })).requestLicense;

  describe("V1 requests", () => {
    test("V1: a user asks for a seat, an admin approves it as a direct assignment in the same write; the requester sees APPROVED and an ACTIVE license", async () => {
      const t = await newTenant(api);
      await t.buy(2);
      const u = await t.user("maker");
      const r = await request(u.token, t, "I build the HR bot");
      expect(r).toMatchObject({ status: "PENDING", justification: "I build the HR bot", fromAutoClaim: false, sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" }, requester: { id: u.id } });
      expect((await audit(t, "REQUEST_LICENSE")).nodes).toEqual([expect.objectContaining({ targetId: u.id, actor: { id: u.id } })]);

      const pending = (await api.ok(t.admin, LIST, { status: "PENDING" })).tenant.licenseRequests;
      expect(pending.totalCount).toBe(1);
      expect(pending.nodes[0]).toMatchObject({ id: r.id, requester: { id: u.id } });

      const a = (await api.ok(t.admin, APPROVE, { input: { id: r.id } })).approveLicenseRequest;
      expect(a).toMatchObject({ status: "APPROVED", decidedBy: { id: t.adminId }, grantedThroughGroup: null });
      expect(a.decidedAt).toEqual(expect.any(String));
      const eff = await t.effective(u.id);
      expect(eff.effectiveLicenses).toEqual([expect.objectContaining({ state: "ACTIVE", holdsSeat: true, sources: [expect.objectContaining({ kind: "DIRECT" })] })]);
      const approved = (await audit(t, "APPROVE_LICENSE_REQUEST")).nodes;
      expect(approved).toHaveLength(1);
      expect(JSON.parse(approved[0].details)).toMatchObject({ requestId: r.id, grantAs: "DIRECT", seatChanges: expect.any(Object) });
      expect((await api.ok(u.token, MINE)).me!.licenseRequests).toEqual([{ id: r.id, status: "APPROVED", reason: null }]);
      expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 1, availableUnits: 1 });
    });

    test("V1 S3: with no free seat the approval is SEATS_EXHAUSTED, the request stays PENDING and nothing is written", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const holder = await t.user("holder");
      await t.license(holder.id);
      const u = await t.user("asker");
      const r = await request(u.token, t);
      const before = (await api.ok(t.admin, Q.audit, {})).auditEvents.totalCount;
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id } }))).toBe("SEATS_EXHAUSTED");
      const g = await t.group("licensed");
      await t.assignGroup(g);
      const afterGroup = (await api.ok(t.admin, Q.audit, {})).auditEvents.totalCount;
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id, grantAs: "GROUP", groupId: g } }))).toBe("SEATS_EXHAUSTED");
      expect((await api.ok(t.admin, Q.audit, {})).auditEvents.totalCount).toBe(afterGroup);
      expect(afterGroup).toBe(before + 2); // createSecurityGroup and assignGroupLicenses
      expect((await api.ok(t.admin, USER_REQUESTS, { id: u.id })).user!.licenseRequests).toEqual([{ id: r.id, status: "PENDING" }]);
      // The failed group approval added no membership.
      expect((await api.ok(t.admin, graphql(`query RequestsMembers($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }`), { g })).tenant.users.totalCount).toBe(0);
      // Once a seat is bought, the same approval goes through.
      await t.buy(1, 0);
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id } }))).toBe("OK");
    });

    test("V1: approval through a group adds the requester to a group that grants the SKU (nested too); a group that does not is BAD_USER_INPUT", async () => {
      const t = await newTenant(api);
      await t.buy(3);
      const parent = await t.group("Makers");
      const child = await t.group("Makers EU");
      await t.add(parent, [], [child]);
      await t.assignGroup(parent);
      const plainGroup = await t.group("No license");
      const u = await t.user("asker");
      const r = await request(u.token, t);
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id, grantAs: "GROUP" } }))).toBe("BAD_USER_INPUT");
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id, grantAs: "DIRECT", groupId: child } }))).toBe("BAD_USER_INPUT");
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: r.id, grantAs: "GROUP", groupId: plainGroup } }))).toBe("BAD_USER_INPUT");
      const a = (await api.ok(t.admin, APPROVE, { input: { id: r.id, grantAs: "GROUP", groupId: child } })).approveLicenseRequest;
      expect(a).toMatchObject({ status: "APPROVED", grantedThroughGroup: { id: child } });
      const eff = await t.effective(u.id);
      expect(eff.effectiveLicenses[0]).toMatchObject({ state: "ACTIVE", holdsSeat: true, sources: [{ kind: "GROUP", group: { id: parent }, via: [{ id: child }, { id: parent }] }] });
      expect(JSON.parse((await audit(t, "APPROVE_LICENSE_REQUEST")).nodes[0].details)).toMatchObject({ grantAs: "GROUP", groupId: child });
      expect((await audit(t, "ADD_GROUP_MEMBERS")).totalCount).toBe(1); // only the nesting: the approval is its own single event (A1)
    });

    test("V1: deny with a reason; the requester cancels their own; a decided request cannot be decided again (CONFLICT)", async () => {
      const t = await newTenant(api);
      await t.buy(2);
      const u = await t.user("asker");
      const r1 = await request(u.token, t);
      expect(code(await api.exec(t.admin, DENY, { input: { id: r1.id, reason: "x".repeat(501) } }))).toBe("BAD_USER_INPUT");
      const d = (await api.ok(t.admin, DENY, { input: { id: r1.id, reason: "Use the shared bot" } })).denyLicenseRequest;
      expect(d).toMatchObject({ status: "DENIED", reason: "Use the shared bot", decidedBy: { id: t.adminId } });
      expect((await api.ok(u.token, MINE)).me!.licenseRequests).toEqual([{ id: r1.id, status: "DENIED", reason: "Use the shared bot" }]);
      for (const call of [api.exec(t.admin, APPROVE, { input: { id: r1.id } }), api.exec(t.admin, DENY, { input: { id: r1.id } }), api.exec(u.token, CANCEL, { id: r1.id })]) {
        expect(code(await call)).toBe("CONFLICT");
      }
      // A new request is allowed once the previous one is decided.
      const r2 = await request(u.token, t);
      const c = (await api.ok(u.token, CANCEL, { id: r2.id })).cancelLicenseRequest;
      expect(c).toMatchObject({ status: "CANCELLED", decidedBy: { id: u.id } });
      expect(c.decidedAt).toEqual(expect.any(String));
      expect((await audit(t, "DENY_LICENSE_REQUEST")).totalCount).toBe(1);
      expect((await audit(t, "CANCEL_LICENSE_REQUEST")).nodes).toEqual([expect.objectContaining({ targetId: u.id, actor: { id: u.id } })]);
      expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 0 });
    });

    test("V1 H1: one open request per user and SKU (CONFLICT); justification at most 500 characters; no request for a held, tenant or trial SKU; a failed request writes nothing", async () => {
      const t = await newTenant(api);
      await t.buy(2);
      const u = await t.user("asker");
      const before = (await api.ok(t.admin, Q.audit, {})).auditEvents.totalCount;
      const cases: [unknown, string][] = [
        [{ skuId: t.sku.user, justification: "x".repeat(501) }, "BAD_USER_INPUT"],
        [{ skuId: t.sku.user, justification: "bad\u0000text" }, "BAD_USER_INPUT"],
        [{ skuId: t.sku.tenant }, "LICENSE_NOT_ASSIGNABLE"],
        [{ skuId: t.sku.trial }, "LICENSE_NOT_ASSIGNABLE"],
        [{ skuId: "sku_00000000-0000-7000-8000-000000000000" }, "NOT_FOUND"],
      ];
      for (const [input, expected] of cases) expect(code(await api.exec(u.token, REQUEST, { input } as never))).toBe(expected);
      expect((await api.ok(t.admin, Q.audit, {})).auditEvents.totalCount).toBe(before);
      await request(u.token, t, "y".repeat(500));
      expect(code(await api.exec(u.token, REQUEST, { input: { skuId: t.sku.user } }))).toBe("CONFLICT");
      const holder = await t.user("holder");
      await t.license(holder.id);
      expect(code(await api.exec(holder.token, REQUEST, { input: { skuId: t.sku.user } }))).toBe("CONFLICT");
      expect((await api.ok(t.admin, LIST, {})).tenant.licenseRequests.totalCount).toBe(1);
    });

    test("V1 §6: LICENSE_ADMIN and GLOBAL_ADMIN decide; a reader lists but cannot decide; a user without roles sees and cancels only their own", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const licenses = await t.user("lic", ["LICENSE_ADMIN"]);
      const reader = await t.user("reader", ["GLOBAL_READER"]);
      const groupsAdmin = await t.user("groups", ["GROUPS_ADMIN"]);
      const a = await t.user("a");
      const b = await t.user("b");
      const ra = await request(a.token, t);
      const rb = await request(b.token, t);
      // A plain user: only their own, in the list, on node(id:) and on user(id:).
      expect((await api.ok(a.token, LIST, {})).tenant.licenseRequests.nodes.map((n) => n.id)).toEqual([ra.id]);
      expect((await api.ok(a.token, NODE, { id: rb.id })).node).toBeNull();
      expect((await api.ok(a.token, NODE, { id: ra.id })).node).toMatchObject({ id: ra.id, status: "PENDING" });
      expect(code(await api.exec(a.token, USER_REQUESTS, { id: b.id }))).toBe("FORBIDDEN");
      expect(code(await api.exec(a.token, CANCEL, { id: rb.id }))).toBe("NOT_FOUND");
      expect(code(await api.exec(a.token, APPROVE, { input: { id: ra.id } }))).toBe("FORBIDDEN");
      expect(code(await api.exec(a.token, DENY, { input: { id: ra.id } }))).toBe("FORBIDDEN");
      // Readers list everything, newest first, but cannot decide; nobody cancels another's request.
      expect((await api.ok(reader.token, LIST, {})).tenant.licenseRequests.nodes.map((n) => n.id)).toEqual([rb.id, ra.id]);
      for (const token of [reader.token, groupsAdmin.token]) {
        expect(code(await api.exec(token, APPROVE, { input: { id: ra.id } }))).toBe("FORBIDDEN");
        expect(code(await api.exec(token, DENY, { input: { id: ra.id } }))).toBe("FORBIDDEN");
      }
      expect(code(await api.exec(t.admin, CANCEL, { id: ra.id }))).toBe("FORBIDDEN");
      expect(code(await api.exec(licenses.token, APPROVE, { input: { id: ra.id } }))).toBe("OK");
      expect(code(await api.exec(t.admin, DENY, { input: { id: rb.id } }))).toBe("OK");
      // Filters and paging.
      expect((await api.ok(reader.token, LIST, { status: "APPROVED" })).tenant.licenseRequests.nodes.map((n) => n.id)).toEqual([ra.id]);
      expect((await api.ok(reader.token, LIST, { skuId: t.sku.tenant })).tenant.licenseRequests.totalCount).toBe(0);
      const p1 = (await api.ok(reader.token, LIST, { first: 1 })).tenant.licenseRequests;
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await api.ok(reader.token, LIST, { first: 1, after: p1.pageInfo.endCursor })).tenant.licenseRequests;
      expect(p2.nodes.map((n) => n.id)).toEqual([ra.id]);
    });

    test("V1 §6: another tenant's request ID is NOT_FOUND for every decision, null on node(id:), and absent from lists", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Contoso");
      await t.buy(2);
      await other.buy(2);
      const u = await other.user("theirs");
      const theirs = await request(u.token, other);
      expect(code(await api.exec(t.admin, APPROVE, { input: { id: theirs.id } }))).toBe("NOT_FOUND");
      expect(code(await api.exec(t.admin, DENY, { input: { id: theirs.id } }))).toBe("NOT_FOUND");
      expect(code(await api.exec(t.admin, CANCEL, { id: theirs.id }))).toBe("NOT_FOUND");
      expect((await api.ok(t.admin, NODE, { id: theirs.id })).node).toBeNull();
      expect((await api.ok(t.admin, LIST, {})).tenant.licenseRequests.totalCount).toBe(0);
      expect((await api.ok(other.admin, LIST, {})).tenant.licenseRequests.nodes[0]).toMatchObject({ id: theirs.id, status: "PENDING" });
    });

    test("V1: a request completes by itself when the user gets the SKU another way (a group), and when the user leaves the tenant", async () => {
      const t = await newTenant(api);
      await t.buy(3);
      const u = await t.user("asker");
      const gone = await t.user("leaver");
      const r = await request(u.token, t);
      const rg = await request(gone.token, t);
      const g = await t.group("licensed");
      await t.assignGroup(g);
      await t.add(g, [u.id]);
      expect((await api.ok(u.token, MINE)).me!.licenseRequests).toEqual([{ id: r.id, status: "COMPLETED", reason: null }]);
      const completed = (await audit(t, "COMPLETE_LICENSE_REQUEST")).nodes;
      expect(completed).toEqual([expect.objectContaining({ targetId: u.id })]);
      expect(JSON.parse(completed[0].details)).toMatchObject({ requestId: r.id, why: "GRANTED" });
      await api.ok(t.admin, Q.deleteUser, { id: gone.id });
      expect((await api.ok(t.admin, LIST, {})).tenant.licenseRequests.nodes.map((n) => [n.id, n.status])).toEqual([[r.id, "COMPLETED"]]);
      expect((await api.ok(t.admin, NODE, { id: rg.id })).node).toBeNull();
      expect(JSON.parse((await audit(t, "COMPLETE_LICENSE_REQUEST")).nodes[0].details)).toMatchObject({ requestId: rg.id, why: "LEFT_TENANT" });
    });

    test("V1: a write that reaches over a thousand users completes the open requests among them in the same write", async () => {
      const t = await newTenant(api);
      await t.buy(1200);
      const ids = await t.bulkUsers(1100, "bulk");
      const token = await api.token({ tid: t.tenantId, oid: ids[700] });
      const r = await request(token, t);
      const g = await t.group("everyone");
      await t.assignGroup(g);
      await t.add(g, ids);
      expect((await api.ok(t.admin, LIST, {})).tenant.licenseRequests.nodes).toEqual([expect.objectContaining({ id: r.id, status: "COMPLETED" })]);
      expect((await audit(t, "COMPLETE_LICENSE_REQUEST")).totalCount).toBe(1);
    });

    test("V1 S3: two approvals racing for the last seat never oversell: one APPROVED, the other SEATS_EXHAUSTED and still PENDING", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const lic = await t.user("lic", ["LICENSE_ADMIN"]);
      const ids: string[] = [];
      for (const name of ["a", "b", "c", "d"]) ids.push((await request((await t.user(name)).token, t)).id);
      const results = await Promise.all(ids.map((id, i) => api.exec(i % 2 ? lic.token : t.admin, APPROVE, { input: { id } })));
      const codes = results.map(code);
      expect(codes.filter((c) => c === "OK")).toHaveLength(1);
      expect(codes.filter((c) => c === "SEATS_EXHAUSTED")).toHaveLength(3);
      expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 0 });
      const statuses = (await api.ok(t.admin, LIST, {})).tenant.licenseRequests.nodes.map((n) => n.status).sort();
      expect(statuses).toEqual(["APPROVED", "PENDING", "PENDING", "PENDING"]);
    });
  });

  describe("V2 auto-claim", () => {
    test("V2: with the policy on, claimLicense gives a free seat at once (audited via AUTO_CLAIM); without one it opens a request, once", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const a = await t.user("first");
      const b = await t.user("second");
      expect(code(await api.exec(a.token, CLAIM, { skuId: t.sku.user }))).toBe("FORBIDDEN");
      expect((await api.ok(t.admin, SET_POLICY, { input: { skuId: t.sku.user, enabled: true } })).setAutoClaimPolicy).toEqual({ enabled: true, sku: { id: t.sku.user }, scopeGroup: null });
      expect((await api.ok(t.admin, POLICIES)).tenant.autoClaimPolicies).toEqual([{ enabled: true, sku: { id: t.sku.user }, scopeGroup: null }]);

      const ca = (await api.ok(a.token, CLAIM, { skuId: t.sku.user })).claimLicense;
      expect(ca).toEqual({ license: { state: "ACTIVE", error: "NONE", holdsSeat: true, sku: { partNumber: "POWER_VIRTUAL_AGENTS_USER" }, sources: [{ kind: "DIRECT" }] }, request: null });
      const assigned = (await api.ok(t.admin, Q.audit, { action: "ASSIGN_USER_LICENSE", targetId: a.id })).auditEvents.nodes;
      expect(assigned).toHaveLength(1);
      expect(assigned[0].actor).toEqual({ id: a.id });
      expect(JSON.parse(assigned[0].details)).toMatchObject({ via: "AUTO_CLAIM", seatChanges: expect.any(Object) });
      // Claiming again changes nothing.
      expect((await api.ok(a.token, CLAIM, { skuId: t.sku.user })).claimLicense.license).toMatchObject({ holdsSeat: true });
      expect(userLicense(await t.licenses())).toMatchObject({ consumedUnits: 1, availableUnits: 0 });

      const cb = (await api.ok(b.token, CLAIM, { skuId: t.sku.user })).claimLicense;
      expect(cb.license).toBeNull();
      expect(cb.request).toMatchObject({ status: "PENDING", fromAutoClaim: true });
      const again = (await api.ok(b.token, CLAIM, { skuId: t.sku.user })).claimLicense;
      expect(again.request!.id).toBe(cb.request!.id);
      expect((await api.ok(t.admin, LIST, { status: "PENDING" })).tenant.licenseRequests.totalCount).toBe(1);
      expect(JSON.parse((await audit(t, "REQUEST_LICENSE")).nodes[0].details)).toMatchObject({ via: "AUTO_CLAIM", requestId: cb.request!.id });
      // A seat bought later: the next claim takes it and the open request completes by itself.
      await t.buy(1, 0);
      expect((await api.ok(b.token, CLAIM, { skuId: t.sku.user })).claimLicense.license).toMatchObject({ state: "ACTIVE" });
      expect((await api.ok(b.token, MINE)).me!.licenseRequests).toEqual([{ id: cb.request!.id, status: "COMPLETED", reason: null }]);

      await api.ok(t.admin, SET_POLICY, { input: { skuId: t.sku.user, enabled: false } });
      const c = await t.user("third");
      expect(code(await api.exec(c.token, CLAIM, { skuId: t.sku.user }))).toBe("FORBIDDEN");
      expect(JSON.parse((await audit(t, "SET_AUTO_CLAIM_POLICY")).nodes[0].details)).toMatchObject({ before: { enabled: true }, after: { enabled: false } });
    });

    test("V2: a policy scoped to a group lets only its members claim (nested groups too); deleting the group turns the policy off", async () => {
      const t = await newTenant(api);
      await t.buy(5);
      const scope = await t.group("Makers");
      const nested = await t.group("Makers EU");
      await t.add(scope, [], [nested]);
      const inside = await t.user("inside");
      const outside = await t.user("outside");
      await t.add(nested, [inside.id]);
      expect(code(await api.exec(t.admin, SET_POLICY, { input: { skuId: t.sku.user, enabled: true, scopeGroupId: "grp_00000000-0000-7000-8000-000000000000" } }))).toBe("NOT_FOUND");
      expect(code(await api.exec(t.admin, SET_POLICY, { input: { skuId: t.sku.tenant, enabled: true } }))).toBe("LICENSE_NOT_ASSIGNABLE");
      const reader = await t.user("reader", ["GLOBAL_READER"]);
      expect(code(await api.exec(reader.token, SET_POLICY, { input: { skuId: t.sku.user, enabled: true } }))).toBe("FORBIDDEN");
      await api.ok(t.admin, SET_POLICY, { input: { skuId: t.sku.user, enabled: true, scopeGroupId: scope } });
      expect((await api.ok(reader.token, POLICIES)).tenant.autoClaimPolicies).toEqual([{ enabled: true, sku: { id: t.sku.user }, scopeGroup: { id: scope } }]);
      expect(code(await api.exec(outside.token, CLAIM, { skuId: t.sku.user }))).toBe("FORBIDDEN");
      expect((await api.ok(inside.token, CLAIM, { skuId: t.sku.user })).claimLicense.license).toMatchObject({ state: "ACTIVE" });
      await api.ok(t.admin, Q.deleteGroup, { id: scope });
      expect((await api.ok(t.admin, POLICIES)).tenant.autoClaimPolicies).toEqual([]);
      expect(code(await api.exec(outside.token, CLAIM, { skuId: t.sku.user }))).toBe("FORBIDDEN");
    });

    test("V2 §6: another tenant's group cannot scope a policy (NOT_FOUND); a policy of one tenant lets nobody of another claim", async () => {
      const t = await newTenant(api);
      const other = await newTenant(api, "Contoso");
      await t.buy(2);
      await other.buy(2);
      const theirGroup = await other.group("theirs");
      expect(code(await api.exec(t.admin, SET_POLICY, { input: { skuId: t.sku.user, enabled: true, scopeGroupId: theirGroup } }))).toBe("NOT_FOUND");
      await api.ok(other.admin, SET_POLICY, { input: { skuId: other.sku.user, enabled: true } });
      const mine = await t.user("mine");
      expect(code(await api.exec(mine.token, CLAIM, { skuId: t.sku.user }))).toBe("FORBIDDEN");
      expect((await api.ok(t.admin, POLICIES)).tenant.autoClaimPolicies).toEqual([]);
    });
  });
});
