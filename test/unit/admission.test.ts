import { Mutex } from "../../src/data/lock";
import { OperationLock } from "../../src/data/operation-lock";
import { hasPermission, Permission, requirePermission } from "../../src/app/auth/permissions";
import type { Principal } from "../../src/app/auth/principal";
import type { RequestContext } from "../../src/app/request/context";
import { ErrorCode } from "../../src/domain/errors";

/** Issue 21: one admission, one lock wrapper, an explicit system principal. */

describe("issue 21: the system principal (live hub, daily passes) in the role matrix", () => {
  const system: Principal = { kind: "system", tenantId: "tnt_1" };
  const runtime: Principal = { kind: "runtime", tenantId: "tnt_1" };

  it("holds no permission of the matrix: an operation that checks one refuses it (FORBIDDEN)", () => {
    for (const perm of Object.values(Permission)) expect(hasPermission(system, perm)).toBe(false);
    expect(() => requirePermission(system, Permission.READ_TENANT)).toThrow(expect.objectContaining({ code: ErrorCode.FORBIDDEN }));
  });

  it("the bot runtime still records sessions and nothing else", () => {
    expect(Object.values(Permission).filter((p) => hasPermission(runtime, p))).toEqual([Permission.RECORD_SESSIONS]);
  });
});

describe("issue 21: OperationLock, the one way SQLite's operation lock is taken", () => {
  const holder = (mutex: Mutex) => new OperationLock(mutex);

  it("run() takes the lock once: nested work of the same holder runs inside the hold; another holder waits", async () => {
    const mutex = new Mutex();
    const a = holder(mutex);
    const b = holder(mutex);
    const seen: string[] = [];
    let bDone: Promise<void> | undefined;
    await a.run(async () => {
      expect(a.held).toBe(true);
      await a.run(async () => void seen.push("a nested"));
      bDone = b.run(async () => void seen.push("b"));
      await new Promise((r) => setImmediate(r));
      seen.push("a end");
    });
    await bDone;
    expect(seen).toEqual(["a nested", "a end", "b"]);
    expect(a.held).toBe(false);
    expect(mutex.held).toBe(false);
  });

  it("outside() lets others in meanwhile and takes the lock again; take()/end() hold across hooks", async () => {
    const mutex = new Mutex();
    const a = holder(mutex);
    const b = holder(mutex);
    const seen: string[] = [];
    await a.take();
    await a.outside(async () => {
      await b.run(async () => void seen.push("b while a is outside"));
    });
    expect(a.held).toBe(true);
    expect(mutex.held).toBe(true);
    a.end();
    expect(mutex.held).toBe(false);
    expect(seen).toEqual(["b while a is outside"]);
  });

  it("without a mutex (PostgreSQL) every method just runs its function", async () => {
    const pg = new OperationLock(null);
    await pg.take();
    expect(pg.held).toBe(false);
    expect(await pg.run(async () => 1)).toBe(1);
    expect(await pg.outside(async () => 2)).toBe(2);
  });
});

describe("issue 21: a context's identity is fixed at admission (checked by the typecheck)", () => {
  it("principal, request ID, address, lock and clock are readonly", () => {
    // Never called: the @ts-expect-error lines fail `npm run typecheck` if any of these became assignable.
    const assign = (ctx: RequestContext) => {
      // @ts-expect-error the principal is fixed at admission
      ctx.principal = { kind: "anonymous" };
      // @ts-expect-error
      ctx.requestId = "other";
      // @ts-expect-error
      ctx.clientAddress = "10.0.0.1";
      // @ts-expect-error
      ctx.clock = ctx.app.clock;
      // @ts-expect-error
      ctx.lock = ctx.app.database.lock();
    };
    expect(typeof assign).toBe("function");
  });
});
