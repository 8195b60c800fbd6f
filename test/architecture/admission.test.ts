import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** Issue 21: one admission for every way in, one wrapper of SQLite's operation lock, the system principal in one place. */

const SRC = resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "console" ? [] : sourceFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/** Lines of files under `under` (src-relative folders) matching `pattern`, outside comments, but in `allowed` files. */
function hits(pattern: RegExp, under: string[], allowed: string[] = []): string[] {
  return sourceFiles(SRC)
    .map((f) => relative(SRC, f))
    .filter((f) => under.some((u) => f.startsWith(u)) && !allowed.includes(f))
    .flatMap((f) => readFileSync(join(SRC, f), "utf8").split("\n").map((line, i) => ({ f, line, i })))
    .filter(({ line }) => pattern.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line))
    .map(({ f, line, i }) => `${f}:${i + 1}: ${line.trim()}`);
}

describe("architecture: issue 21's one admission", () => {
  test("no way in checks a token, resolves a principal or pays the throttle itself: all through admit() and its pay()", () => {
    expect(hits(/\b(verifyAuthorization|resolvePrincipal|authenticateProvisioning)\(|\bthrottle\.take\(/, ["api/", "http/"])).toEqual([]);
  });

  test("SQLite's operation lock is taken only by OperationLock (Database.lock())", () => {
    expect(hits(/mutex\.acquire\(/, [""], ["data/operation-lock.ts"])).toEqual([]);
  });

  test("the system principal is made only by systemContext; no sign-in maps a token to it", () => {
    expect(hits(/kind: "system"/, [""], ["app/request/admission.ts", "app/auth/principal.ts"])).toEqual([]);
  });

  test("the write's report lives on its transaction (tx.report), not on the context", () => {
    expect(hits(/ctx\.(writeReport|noteChange|noteAudit)\(/, [""])).toEqual([]);
  });
});
