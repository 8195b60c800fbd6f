import { engines, TestApi } from "../../helpers/harness";
import { Q } from "../../helpers/fixtures";
import { World } from "../../helpers/principals";
import { graphql } from "../../gql";

/** DESIGN §6 with B1/B2: the licence gate and bot ownership, payloads that open no reads, identity from the database. */
describe.each(engines())("access: bots and identity (%s)", (_engine, url) => {
  let api: TestApi;
  let w: World;
  beforeAll(async () => {
    api = await TestApi.start(url);
    w = await World.build(api);
  });
  afterAll(() => api.stop());

  describe("bots: licence gate and ownership (B1, B2)", () => {
    it("createBot: an unlicensed user gets LICENSE_REQUIRED, not FORBIDDEN, and nothing is written", async () => {
      const u = await w.t.user(`unlicensed-${w.uniq()}`);
      const before = await api.snapshot();
      expect(await api.code(u.token, Q.createBot, { input: { name: "Nope" } })).toBe("LICENSE_REQUIRED");
      expect(await api.snapshot()).toBe(before);
    });

    it("the owner manages their bot while licensed; once unlicensed they cannot, and a GLOBAL_ADMIN still can", async () => {
      const owner = await w.t.user(`owner-${w.uniq()}`);
      await w.t.license(owner.id);
      const bot = (await api.ok(owner.token, Q.createBot, { input: { name: "Mine" } })).createBot.id;
      await api.ok(owner.token, Q.updateBot, { input: { id: bot, published: true } });
      await api.ok(w.t.admin, Q.assignUser, { input: { userId: owner.id, removeSkuIds: [w.t.sku.user] } });
      const before = await api.snapshot();
      const code = await api.code(owner.token, Q.updateBot, { input: { id: bot, name: "Still mine?" } });
      expect(["LICENSE_REQUIRED", "FORBIDDEN"]).toContain(code);
      expect(await api.code(owner.token, Q.deleteBot, { id: bot })).toBe(code);
      expect(await api.snapshot()).toBe(before);
      // They can still read it (a user without roles reads their own bots).
      expect((await api.ok(owner.token, graphql(`query AccessBotsAndIdentityBot($id: ID!) { bot(id: $id) { id } }`), { id: bot })).bot.id).toBe(bot);
      await api.ok(w.tokens.GLOBAL_ADMIN, Q.updateBot, { input: { id: bot, name: "Admin renamed" } });
      expect((await api.ok(w.tokens.GLOBAL_ADMIN, Q.deleteBot, { id: bot })).deleteBot).toBe(bot);
    });
  });

  describe("payloads open no reads the principal lacks (DESIGN §6)", () => {
    it("the BotRuntime may only record sessions: recordBotSessions' payload does not reveal the owner's account, roles, groups or licenses", async () => {
      const owner = (await api.ok(w.t.admin, graphql(`query AccessBotsAndIdentityUser($id: ID!) { user(id: $id) { userPrincipalName } }`), { id: w.maker.id })).user;
      const secretGroup = `Maker's secret group ${w.uniq()}`;
      await w.t.add(await w.t.group(secretGroup), [w.maker.id]);
      const r = await api.exec(
        w.tokens.BOT_RUNTIME,
        graphql(`mutation AccessBotsAndIdentityRecordBotSessions($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions
           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }`),
        { input: { botId: w.makerBot, count: 1 } },
      );
      const seen = JSON.stringify(r.data ?? null);
      expect(seen).not.toContain(owner.userPrincipalName);
      expect(seen).not.toContain(secretGroup);
      expect(seen).not.toContain("POWER_VIRTUAL_AGENTS_USER");
      // Sessions alone are fine to read back.
      expect((await api.ok(w.tokens.BOT_RUNTIME, Q.record, { input: { botId: w.makerBot, count: 1 } })).recordBotSessions.id).toBe(w.makerBot);
    });
  });

  describe("identity comes from the database, not the token (DESIGN §6)", () => {
    it("roles in the token's claims grant nothing", async () => {
      const u = await w.t.user(`claims-${w.uniq()}`);
      const forged = await api.token({ tid: w.t.tenantId, oid: u.id, roles: ["GLOBAL_ADMIN", "BotRuntime"] });
      const before = await api.snapshot();
      expect(await api.code(forged, Q.createUser, { input: { userPrincipalName: `x${w.uniq()}@matrix.example`, displayName: "X" } })).toBe("FORBIDDEN");
      expect(await api.code(forged, Q.record, { input: { botId: w.makerBot, count: 1 } })).toBe("FORBIDDEN");
      expect(await api.code(forged, graphql(`query AccessBotsAndIdentityAuditEvents { auditEvents { totalCount } }`))).toBe("FORBIDDEN");
      expect(await api.snapshot()).toBe(before);
    });

    it("a demotion takes effect at once for a token already issued", async () => {
      const u = await w.t.user(`demoted-${w.uniq()}`, ["GROUPS_ADMIN"]);
      await api.ok(u.token, Q.createGroup, { input: { displayName: "Before demotion" } });
      await api.ok(w.t.admin, Q.updateUser, { input: { id: u.id, roles: [] } });
      expect(await api.code(u.token, Q.createGroup, { input: { displayName: "After demotion" } })).toBe("FORBIDDEN");
    });
  });
});
