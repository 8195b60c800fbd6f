import { RowCache } from "../../src/data/row-cache";
import type { SignInRow } from "../../src/data/sign-in";

const row = (id: string, version: number, roles = "GLOBAL_ADMIN") => ({ id, roles, account_enabled: true, deleted_at: null, t_version: version }) as unknown as SignInRow;

/** DESIGN §6 I1: what the row cache answers, and when it must not. */
describe("I1: the row cache", () => {
  test("I1: a row read before a drop is not kept (a read racing a commit cannot put the old row back)", () => {
    const c = new RowCache(true, false);
    const epoch = c.epoch;
    c.dropTenant("t1"); // the commit lands while the read is under way
    c.put("u1", "t1", row("u1", 1), epoch);
    expect(c.get("u1", "t1")).toBeUndefined();
    c.put("u1", "t1", row("u1", 2), c.epoch);
    expect(c.get("u1", "t1")?.t_version).toBe(2);
  });

  test("I1: a commit drops the tenant's rows; other tenants keep theirs; an older tenant state is not mixed in", () => {
    const c = new RowCache(true, false);
    c.put("u1", "t1", row("u1", 3), c.epoch);
    c.put("u2", "t2", row("u2", 1), c.epoch);
    c.put("u3", "t1", row("u3", 2), c.epoch); // read at an older state of t1: not kept beside version 3
    expect(c.get("u3", "t1")).toBeUndefined();
    c.dropTenant("t1");
    expect(c.get("u1", "t1")).toBeUndefined();
    expect(c.get("u2", "t2")).toBeDefined();
  });

  test("I1: PostgreSQL: nothing is answered or kept before LISTEN, while it is down, or while catching up", async () => {
    const c = new RowCache(true, true);
    c.put("u1", "t1", row("u1", 1), c.epoch);
    expect(c.get("u1", "t1")).toBeUndefined();
    await c.catchUp(async () => new Map());
    c.put("u1", "t1", row("u1", 1), c.epoch);
    c.put("u2", "t2", row("u2", 5), c.epoch);
    expect(c.get("u1", "t1")).toBeDefined();
    c.bypass();
    expect(c.get("u1", "t1")).toBeUndefined();
    expect(c.stats.bypassed).toBeGreaterThan(0);
    // Back: t1 did not move while LISTEN was down, t2 did.
    let answer!: (m: Map<string, number>) => void;
    const done = c.catchUp(() => new Promise((r) => (answer = r)));
    expect(c.trust).toBe("catching-up");
    expect(c.get("u1", "t1")).toBeUndefined();
    answer(new Map([["t1", 1], ["t2", 6]]));
    expect(await done).toEqual({ kept: 1, dropped: 1 });
    expect(c.trust).toBe("trusted");
    expect(c.get("u1", "t1")).toBeDefined();
    expect(c.get("u2", "t2")).toBeUndefined();
  });

  test("I1: a catch-up overtaken by another loss does not make the cache trusted; a failed one empties it", async () => {
    const c = new RowCache(true, true);
    await c.catchUp(async () => new Map());
    c.put("u1", "t1", row("u1", 1), c.epoch);
    c.bypass();
    let first!: (m: Map<string, number>) => void;
    const one = c.catchUp(() => new Promise((r) => (first = r)));
    c.bypass();
    const two = c.catchUp(() => Promise.reject(new Error("database down")));
    expect(await two).toEqual({ kept: 0, dropped: 1 });
    c.bypass();
    first(new Map([["t1", 1]]));
    await one;
    expect(c.trust).toBe("bypassed");
  });

  test("I1: off answers nothing; the size is bounded", () => {
    const off = new RowCache(false, false);
    off.put("u1", "t1", row("u1", 1), off.epoch);
    expect(off.get("u1", "t1")).toBeUndefined();
    const small = new RowCache(true, false, 2);
    for (const u of ["a", "b", "c"]) small.put(u, "t1", row(u, 1), small.epoch);
    expect(small.rows).toBe(2);
    expect(small.get("a", "t1")).toBeUndefined();
    expect(small.get("c", "t1")).toBeDefined();
  });
});
