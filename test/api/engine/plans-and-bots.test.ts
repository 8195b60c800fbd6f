import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, userLicense } from "../../helpers/fixtures";
import { engineKit, ME_ID } from "../../helpers/engine";

/** The license engine: enabled plans (S7), removing sources (S8), the bot gate (S10, S12, B1) and bot ownership (B2). */
describe.each(engines())("engine: S7/S8 plans, S10/S12 and B1/B2 bots (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { people, userSku, stateOf, statesOf, assignmentStates, userPool, planIds, removeDirect } = engineKit(() => api);

  // ---------------------------------------------------------------- S7

  it("S7 enabledPlans is the union over sources of (plans minus disabled plans); re-adding the SKU updates that source", async () => {
    const t = await newTenant(api);
    const p = await planIds(t);
    expect(Object.keys(p).sort()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    await t.buy(1);
    const u = await t.user("plans");
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.add(ga, [u.id]);
    await t.add(gb, [u.id]);
    await t.assignGroup(ga, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    await t.assignGroup(gb, [p.FLOW_FOR_BOTS]);
    const names = async () => (await userSku(t, u.id))!.enabledPlans.map((x) => x.name).sort();
    expect(await names()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS"]);

    const rows = await assignmentStates(t, u.id);
    const byGroup = Object.fromEntries(rows.map((r) => [r.assignedByGroup.id, r.disabledPlans.map((x) => x.name).sort()]));
    expect(byGroup).toEqual({ [ga]: ["DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"], [gb]: ["FLOW_FOR_BOTS"] });

    // Re-adding on group B with other disabled plans replaces B's disabled plans (and takes no seat: pool is full).
    await t.assignGroup(gb, [p.BOT_AUTHORING, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["BOT_AUTHORING", "FLOW_FOR_BOTS"]);
    await t.assignGroup(ga, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["FLOW_FOR_BOTS"]);

    // A direct source: re-adding it with other disabled plans updates it even with zero free seats.
    await t.license(u.id, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["BOT_AUTHORING", "FLOW_FOR_BOTS"]);
    await t.license(u.id, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect(await names()).toEqual(["FLOW_FOR_BOTS"]);
    await t.license(u.id, []);
    expect(await names()).toEqual(["BOT_AUTHORING", "DATAVERSE_FOR_BOTS", "FLOW_FOR_BOTS"]);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0 });
    expect(await userSku(t, u.id)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  // ---------------------------------------------------------------- S8

  it("S8 removeSkuIds removes only the direct source; the group-inherited license and its seat stay", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const [u, w] = await people(t, "s8", 2);
    const g = await t.group("G");
    await t.license(u);
    await t.add(g, [u, w]);
    await t.assignGroup(g);
    expect(await statesOf(t, [u, w])).toEqual(["ACTIVE/NONE", "ERROR/COUNT_VIOLATION"]);

    await removeDirect(t, u);
    const l = await userSku(t, u);
    expect(l).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(l!.sources).toEqual([{ kind: "GROUP", group: { id: g }, via: [{ id: g }] }]);
    expect(await assignmentStates(t, u)).toHaveLength(1);
    expect(await stateOf(t, w)).toBe("ERROR/COUNT_VIOLATION");
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });

    // Removing a direct SKU the user does not have directly leaves the group source alone.
    await removeDirect(t, u);
    expect(await userSku(t, u)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  it("S8 S5 removing the only (direct) source frees the seat for the next in line", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const d = await t.user("direct");
    const w = await t.user("waiting");
    await t.license(d.id);
    const g = await t.group("G");
    await t.add(g, [w.id]);
    await t.assignGroup(g);
    await removeDirect(t, d.id);
    expect(await stateOf(t, d.id)).toBe("NONE");
    expect(await stateOf(t, w.id)).toBe("ACTIVE/NONE");
  });

  // ---------------------------------------------------------------- S10, S12, B1

  it("S10 B1 BOT_AUTHORING disabled on every source: canCreateBots false and createBot LICENSE_REQUIRED; enabled on one source: true", async () => {
    const t = await newTenant(api);
    const p = await planIds(t);
    await t.buy(2);
    const u = await t.user("author");
    const ga = await t.group("A");
    const gb = await t.group("B");
    await t.license(u.id, [p.BOT_AUTHORING]);
    await t.add(ga, [u.id]);
    await t.assignGroup(ga, [p.BOT_AUTHORING, p.FLOW_FOR_BOTS]);
    const eff = await t.effective(u.id);
    expect(userLicense(eff.effectiveLicenses)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
    expect(userLicense(eff.effectiveLicenses)!.enabledPlans.map((x) => x.name)).not.toContain("BOT_AUTHORING");
    expect(eff.canCreateBots).toBe(false);
    expect(await api.code(u.token, Q.createBot, { input: { name: "Nope" } })).toBe("LICENSE_REQUIRED");

    await t.add(gb, [u.id]);
    await t.assignGroup(gb, [p.FLOW_FOR_BOTS, p.DATAVERSE_FOR_BOTS]);
    expect((await t.effective(u.id)).canCreateBots).toBe(true);
    const bot = await api.ok(u.token, Q.createBot, { input: { name: "Yes" } });
    expect(bot.createBot.owner.id).toBe(u.id);
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1 });
  });

  it("B1 createBot without any license is LICENSE_REQUIRED, even when the tenant has free seats", async () => {
    const t = await newTenant(api);
    await t.buy(3);
    const u = await t.user("unlicensed");
    expect((await t.effective(u.id)).canCreateBots).toBe(false);
    const before = await api.snapshot();
    expect(await api.code(u.token, Q.createBot, { input: { name: "X" } })).toBe("LICENSE_REQUIRED");
    expect(await api.snapshot()).toBe(before);
  });

  it("S12 S10 a disabled account keeps its seat but cannot create bots or sign in", async () => {
    const t = await newTenant(api);
    await t.buy(1);
    const u = await t.user("disabled");
    const w = await t.user("waiting");
    const g = await t.group("G");
    await t.license(u.id);
    await t.add(g, [w.id]);
    await t.assignGroup(g);
    expect((await t.effective(u.id)).canCreateBots).toBe(true);

    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: false } });
    const eff = await t.effective(u.id);
    expect(eff.canCreateBots).toBe(false);
    expect(userLicense(eff.effectiveLicenses)).toMatchObject({ state: "ACTIVE", error: "NONE", holdsSeat: true });
    expect(await userPool(t)).toMatchObject({ consumedUnits: 1, availableUnits: 0, unassignedDemand: 1 });
    expect(await stateOf(t, w.id)).toBe("ERROR/COUNT_VIOLATION");
    expect(await api.code(u.token, ME_ID)).toBe("UNAUTHENTICATED");

    await api.ok(t.admin, Q.updateUser, { input: { id: u.id, accountEnabled: true } });
    expect((await t.effective(u.id)).canCreateBots).toBe(true);
    expect(await userSku(t, u.id)).toMatchObject({ state: "ACTIVE", holdsSeat: true });
  });

  // ---------------------------------------------------------------- B2

  it("B2 the owner manages a bot while they can create bots; after losing the license they cannot, a GLOBAL_ADMIN still can, another user gets FORBIDDEN", async () => {
    const t = await newTenant(api);
    await t.buy(2);
    const owner = await t.user("owner");
    const other = await t.user("other");
    await t.license(owner.id);
    await t.license(other.id);
    const bot1 = (await api.ok(owner.token, Q.createBot, { input: { name: "One" } })).createBot.id;
    const bot2 = (await api.ok(owner.token, Q.createBot, { input: { name: "Two" } })).createBot.id;

    const upd = await api.ok(owner.token, Q.updateBot, { input: { id: bot1, name: "One v2", published: true } });
    expect(upd.updateBot).toMatchObject({ name: "One v2", published: true, owner: { id: owner.id } });
    expect((await api.ok(owner.token, Q.deleteBot, { id: bot2 })).deleteBot).toBe(bot2);

    // A licensed user who is not the owner and not an admin.
    expect(await api.code(other.token, Q.updateBot, { input: { id: bot1, name: "Hijack" } })).toBe("FORBIDDEN");
    expect(await api.code(other.token, Q.deleteBot, { id: bot1 })).toBe("FORBIDDEN");

    await removeDirect(t, owner.id);
    expect((await t.effective(owner.id)).canCreateBots).toBe(false);
    const before = await api.snapshot();
    const updCode = await api.code(owner.token, Q.updateBot, { input: { id: bot1, name: "Too late" } });
    expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(updCode);
    const delCode = await api.code(owner.token, Q.deleteBot, { id: bot1 });
    expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(delCode);
    expect(await api.snapshot()).toBe(before);

    const byAdmin = await api.ok(t.admin, Q.updateBot, { input: { id: bot1, name: "Admin edit" } });
    expect(byAdmin.updateBot).toMatchObject({ name: "Admin edit", owner: { id: owner.id } });
    expect(await api.code(other.token, Q.updateBot, { input: { id: bot1, name: "Still not" } })).toBe("FORBIDDEN");
    expect((await api.ok(t.admin, Q.deleteBot, { id: bot1 })).deleteBot).toBe(bot1);
  });

});
