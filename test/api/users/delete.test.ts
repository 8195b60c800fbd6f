import { engines, TestApi } from "../../helpers/harness";
import { newTenant, Q, TenantFx, userLicense } from "../../helpers/fixtures";
import { directory, NODE, ME } from "../../helpers/directory";
import { ids, sorted } from "../../helpers/ids";

/** U2: deleting users: bot ownership, seats handed on (S5), memberships removed (DESIGN §5). */
describe.each(engines())("users: U2 deleting users (%s)", (_engine, url) => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start(url)));
  afterAll(() => api.stop());
  const { group, user, users, unchanged } = directory(() => api);

  describe("U2 deleting users", () => {
    async function botOwner(t: TenantFx) {
      await t.buy(5);
      const maker = await t.user("maker");
      const heir = await t.user("heir");
      await t.license(maker.id);
      await t.license(heir.id);
      const bot = (await api.ok(maker.token, Q.createBot, { input: { name: "Helpdesk" } })).createBot;
      expect(bot.owner.id).toBe(maker.id);
      return { maker, heir, bot };
    }

    it("U2 a user who owns bots cannot be deleted (USER_OWNS_BOTS); after reassigning the bot it works", async () => {
      const t = await newTenant(api);
      const { maker, heir, bot } = await botOwner(t);
      const before = await api.snapshot();
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await unchanged(before);
      expect((await user(t.admin, maker.id)).id).toBe(maker.id);

      const moved = await api.ok(t.admin, Q.updateBot, { input: { id: bot.id, ownerId: heir.id } });
      expect(moved.updateBot.owner.id).toBe(heir.id);
      expect(await api.ok(t.admin, Q.deleteUser, { id: maker.id })).toEqual({ deleteUser: maker.id });
      expect(await user(t.admin, maker.id)).toBeNull();
      expect(await api.code(maker.token, ME)).toBe("UNAUTHENTICATED");
      // The heir now owns the bot and is protected in turn.
      expect(await api.code(t.admin, Q.deleteUser, { id: heir.id })).toBe("USER_OWNS_BOTS");
    });

    it("U2 a user who owns bots can be deleted once their bots are deleted", async () => {
      const t = await newTenant(api);
      const { maker, bot } = await botOwner(t);
      const second = (await api.ok(maker.token, Q.createBot, { input: { name: "Second" } })).createBot;
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await api.ok(maker.token, Q.deleteBot, { id: bot.id });
      expect(await api.code(t.admin, Q.deleteUser, { id: maker.id })).toBe("USER_OWNS_BOTS");
      await api.ok(t.admin, Q.deleteBot, { id: second.id });
      expect(await api.ok(t.admin, Q.deleteUser, { id: maker.id })).toEqual({ deleteUser: maker.id });
      expect(await user(t.admin, maker.id)).toBeNull();
    });

    it("U2 deleting a user frees their seat for the next wanting user (S5)", async () => {
      const t = await newTenant(api);
      await t.buy(1);
      const holder = await t.user("holder");
      const waiting = await t.user("waiting");
      await t.license(holder.id);
      const g = await t.group("Licensed");
      await t.add(g, [waiting.id]);
      await t.assignGroup(g);
      const lic = (u: Awaited<ReturnType<typeof t.effective>>) => userLicense(u.effectiveLicenses);
      expect(lic(await t.effective(waiting.id))).toMatchObject({ holdsSeat: false, error: "COUNT_VIOLATION" });
      await api.ok(t.admin, Q.deleteUser, { id: holder.id });
      expect(lic(await t.effective(waiting.id))).toMatchObject({ holdsSeat: true, state: "ACTIVE", error: "NONE" });
    });

    it("U2 deleting a user removes their group memberships", async () => {
      const t = await newTenant(api);
      const parent = await t.group("Parent");
      const g = await t.group("Team");
      const gone = await t.user("gone");
      const stays = await t.user("stays");
      await t.add(g, [gone.id, stays.id]);
      await t.add(parent, [gone.id], [g]);
      expect(ids((await group(t.admin, g)).members.nodes)).toEqual(sorted([gone.id, stays.id]));

      expect(await api.ok(t.admin, Q.deleteUser, { id: gone.id })).toEqual({ deleteUser: gone.id });
      const team = await group(t.admin, g);
      expect(team.members.totalCount).toBe(1);
      expect(ids(team.members.nodes)).toEqual([stays.id]);
      expect(ids(team.transitiveMembers.nodes)).toEqual([stays.id]);
      const top = await group(t.admin, parent);
      expect(top.members.totalCount).toBe(0);
      expect(top.members.nodes).toEqual([]);
      expect(ids(top.transitiveMembers.nodes)).toEqual([stays.id]);
      expect((await users(t.admin, { filter: { memberOfGroupId: g } })).nodes.map((n) => n.id)).toEqual([stays.id]);
      expect((await users(t.admin, { filter: { memberOfGroupId: parent } })).totalCount).toBe(0);
      // The group and its nesting are untouched.
      expect(ids(top.memberGroups)).toEqual([g]);
      expect(await api.exec(t.admin, NODE, { id: gone.id })).toEqual({ data: { node: null } });
    });
  });

});
