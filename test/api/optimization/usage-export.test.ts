import fc from "fast-check";
import { request } from "node:http";
import { engines, TestApi } from "../../helpers/harness";
import { newTenant, principalToken, Q, TenantFx } from "../../helpers/fixtures";
import { parseCsv } from "../../helpers/csv";
import { csvRow } from "../../../src/domain/csv";
import { usersCsv } from "../../../src/app/usage/export";
import { RequestContext } from "../../../src/app/request/context";
import { resolvePrincipal } from "../../../src/app/request/sign-in";

const PATH = "/export/users.csv";
const FORMULA = /^[=+\-@\t\r]/;

interface Line {
  msg: string;
  fields?: Record<string, unknown>;
}

describe.each(engines())("V6 users export (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  let t: TenantFx;
  const ids: Record<string, string> = {};
  const lines: Line[] = [];
  let onLine: ((l: Line) => void) | undefined;
  const BATCH = 50;

  beforeAll(async () => {
    const log = (msg: string, fields?: Record<string, unknown>) => {
      const l = { msg, fields };
      lines.push(l);
      onLine?.(l);
    };
    api = await TestApi.start(url, { config: { exportBatchSize: BATCH }, log: { info: log, error: log } });
    base = await api.listen();
    t = await newTenant(api, "Contoso");
    await t.buy(3);
    for (const n of ["ada", "bob", "cy", "dee", "eve"]) ids[n] = (await t.user(n)).id;
    await t.license(ids.ada);
    const makers = await t.group("Makers");
    const inner = await t.group("Inner makers");
    await t.add(makers, [ids.ada], [inner]);
    await t.add(inner, [ids.bob]);
    await t.assignGroup(makers);
    // ada holds the first seat, bob and cy the others (S4: the longest wanting first); dee waits.
    await t.add(inner, [ids.cy, ids.dee]);
    await api.ok(t.admin, Q.updateUser, { input: { id: ids.eve, accountEnabled: false, usageLocation: "de" } });
  });
  afterAll(() => api.stop());

  const get = (token: string | undefined, init: RequestInit = {}) =>
    fetch(base + PATH, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });
  const exportOf = async (token: string) => {
    const r = await get(token);
    expect(r.status).toBe(200);
    const bytes = Buffer.from(await r.arrayBuffer());
    return { r, bytes, rows: parseCsv(bytes.toString("utf8").replace(/^\uFEFF/, "")) };
  };
  const byUpn = (rows: ReturnType<typeof parseCsv>) => new Map(rows.slice(1).map((row) => [row[0].value.split("@")[0], row.map((f) => f.value)]));

  it("V6: GET /export/users.csv streams every user as RFC 4180 CSV in UTF-8 with a BOM: UPN, display name, enabled, usage location, each license's state and sources, last activity", async () => {
    const { r, bytes, rows } = await exportOf(t.admin);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="users-2026-03-10.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").endsWith("\r\n")).toBe(true);
    expect(rows[0].map((f) => f.value)).toEqual([
      "User principal name", "Display name", "Account enabled", "Usage location",
      "POWER_VIRTUAL_AGENTS_TRIAL state", "POWER_VIRTUAL_AGENTS_TRIAL sources",
      "POWER_VIRTUAL_AGENTS_USER state", "POWER_VIRTUAL_AGENTS_USER sources",
      "Last activity",
    ]);
    const m = byUpn(rows);
    expect([...m.keys()].sort()).toEqual(["ada", "admin", "bob", "cy", "dee", "eve"]);
    const cells = (n: string) => m.get(n)!.slice(1, 8);
    expect(cells("ada")).toEqual(["ada", "TRUE", "US", "", "", "ACTIVE", "DIRECT; GROUP Makers"]);
    expect(cells("bob")).toEqual(["bob", "TRUE", "US", "", "", "ACTIVE", "GROUP Makers (via Inner makers)"]);
    expect(cells("cy")).toEqual(["cy", "TRUE", "US", "", "", "ACTIVE", "GROUP Makers (via Inner makers)"]);
    expect(cells("dee")).toEqual(["dee", "TRUE", "US", "", "", "ERROR (COUNT_VIOLATION)", "GROUP Makers (via Inner makers)"]);
    expect(cells("eve")).toEqual(["eve", "FALSE", "DE", "", "", "", ""]);
    expect(cells("admin")).toEqual(["Admin", "TRUE", "US", "", "", "", ""]);
    // Keyset order: the rows come in user-ID order, every row as wide as the header.
    const upns = rows.slice(1).map((row) => row[0].value);
    expect(rows.every((row) => row.length === rows[0].length)).toBe(true);
    expect(new Set(upns).size).toBe(upns.length);
  });

  it("V6: any admin role and GLOBAL_READER may export; a user without roles, the bot runtime and the operator get 403, no token 401, another method 405", async () => {
    for (const role of ["BILLING_ADMIN", "LICENSE_ADMIN", "GROUPS_ADMIN", "GLOBAL_READER"]) {
      const r = await get(await principalToken(api, t, role));
      expect([role, r.status]).toEqual([role, 200]);
      await r.arrayBuffer();
    }
    for (const who of ["no roles", "BotRuntime", "PlatformOperator"]) {
      const r = await get(await principalToken(api, t, who));
      expect([who, r.status, ((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([who, 403, "FORBIDDEN"]);
    }
    const none = await get(undefined);
    expect([none.status, ((await none.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([401, "UNAUTHENTICATED"]);
    const bad = await get("not-a-token");
    expect(bad.status).toBe(401);
    await bad.arrayBuffer();
    const post = await get(t.admin, { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET"]);
    await post.arrayBuffer();
  });

  it("V6: an export is priced like the other ways in (T1): over the caller's bucket it is 429 with Retry-After, before any SQL", async () => {
    const limited = await api.sibling({ config: { throttle: { principalPoints: 150, tenantPoints: 0, windowSeconds: 60 } } });
    const origin = await limited.listen();
    const reader = (await t.user("throttled-reader", ["GLOBAL_READER"])).token;
    const first = await fetch(origin + PATH, { headers: { authorization: `Bearer ${reader}` } });
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const before = api.logger.count;
    const second = await fetch(origin + PATH, { headers: { authorization: `Bearer ${reader}` } });
    const body = (await second.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect([second.status, body.errors[0].extensions.code]).toEqual([429, "RATE_LIMITED"]);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(api.logger.count).toBe(before);
    await limited.stop();
  });

  it("V6: a tenant's export holds its own users only", async () => {
    const other = await newTenant(api, "Fabrikam");
    await other.user("zed");
    const { rows } = await exportOf(other.admin);
    expect(rows.slice(1).map((r) => r[0].value.split("@")[0]).sort()).toEqual(["admin", "zed"]);
    expect(rows.slice(1).every((r) => r[0].value.endsWith(rows[1][0].value.split("@")[1]))).toBe(true);
  });

  it("V6: cells are RFC 4180-escaped and formula-guarded, for any text (fast-check)", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", ",", '"', "\n", "'"), fc.string({ unit: "grapheme" })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (cells) => {
        const parsed = parseCsv(csvRow(cells));
        expect(parsed).toHaveLength(1);
        expect(parsed[0].map((f) => f.value)).toEqual(cells.map((c) => (FORMULA.test(c) ? `'${c}` : c)));
        parsed[0].forEach((f, i) => {
          if (FORMULA.test(cells[i]) || /[",\r\n]/.test(cells[i])) expect(f.quoted).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("V6: display names generated by fast-check come back exactly, a formula guarded with a leading apostrophe", async () => {
    const names = fc.sample(
      fc
        .tuple(fc.constantFrom("", "=", "+", "-", "@", '"', ",", "=HYPERLINK(\"http://x\")&"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }))
        .map(([a, b]) => (a + b).trim())
        .filter((s) => s.length > 0 && !s.includes("\u0000")),
      { numRuns: 40, seed: 24 },
    );
    const other = await newTenant(api, "Names");
    const upnToName = new Map<string, string>();
    for (let i = 0; i < names.length; i++) {
      const u = await api.ok(other.admin, Q.createUser, { input: { userPrincipalName: `n${i}@names.example`, displayName: names[i] } });
      upnToName.set(u.createUser.userPrincipalName, names[i]);
    }
    const { rows } = await exportOf(other.admin);
    const got = new Map(rows.slice(1).map((r) => [r[0].value, r[1]]));
    for (const [upn, name] of upnToName) {
      const cell = got.get(upn)!;
      expect({ upn, value: cell.value }).toEqual({ upn, value: FORMULA.test(name) ? `'${name}` : name });
      if (FORMULA.test(name)) expect(cell.quoted).toBe(true);
    }
  });

  it("V6: keyset batches with a bounded number of SQL statements each (no N+1), memberships and group licenses included", async () => {
    const big = await newTenant(api, "Big");
    await big.buy(100);
    const g = await big.group("Everyone");
    const inner = await big.group("Nested");
    await big.add(g, [], [inner]);
    await big.assignGroup(g);
    const users = await big.bulkUsers(420, "u");
    await big.add(inner, users);
    await big.license(users[0]);
    const before = api.logger.count;
    const { rows } = await exportOf(big.admin);
    const statements = api.logger.count - before;
    expect(rows.length - 1).toBe(421);
    const batches = Math.ceil(421 / BATCH);
    // Per batch: the users, the state version, the facts, groups not yet cached; plus the sign-in and the seat check.
    expect(statements).toBeLessThanOrEqual(4 * batches + 8);
    const m = byUpn(rows);
    expect(m.get("u419")!.slice(5, 8)).toEqual(["", "ERROR (COUNT_VIOLATION)", "GROUP Everyone (via Nested)"]);
    expect(m.get("u0")!.slice(6, 8)).toEqual(["ACTIVE", "DIRECT; GROUP Everyone (via Nested)"]);
  });

  it("V6: back-pressure — a batch is read only when the consumer has taken the one before", async () => {
    const big = await newTenant(api, "Pulled");
    await big.bulkUsers(3 * BATCH, "p");
    const ctx = new RequestContext(api.app, await resolvePrincipal(api.app, await api.app.verifier.verify(big.admin), api.app.database.lock()));
    const progress = { users: 0, batches: 0 };
    const csv = usersCsv(ctx, BATCH, progress);
    expect((await csv.next()).value.startsWith("\uFEFF")).toBe(true);
    expect(progress.batches).toBe(0);
    await csv.next();
    expect(progress).toEqual({ users: BATCH, batches: 1 });
    // The consumer stops: the generator ends without reading another batch.
    await csv.return(undefined);
    expect(progress).toEqual({ users: BATCH, batches: 1 });
    expect((await csv.next()).done).toBe(true);
  });

  it("V6: a client that goes away stops the stream: no further batches are read", async () => {
    const big = await newTenant(api, "Dropped");
    const total = (await big.bulkUsers(5000, "d")).length + 1;
    const ended = new Promise<Line>((resolve) => {
      onLine = (l) => {
        if (l.msg === "request" && l.fields?.transport === "export" && l.fields.path === PATH && l.fields.complete === false) resolve(l);
      };
    });
    await new Promise<void>((resolve, reject) => {
      const req = request(base + PATH, { headers: { authorization: `Bearer ${big.admin}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", () => undefined);
      req.on("close", () => resolve());
      req.end();
      void reject;
    });
    const line = await ended;
    onLine = undefined;
    expect(Number(line.fields!.users)).toBeLessThan(total);
  });
});
