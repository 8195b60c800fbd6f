import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The actions the server writes: recordAudit(tx, ctx, "ACTION", …) and audit entries { action: "ACTION", … }. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(join(ROOT, "src/app"))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/recordAudit\(\s*tx,\s*ctx,\s*"([A-Z_]+)"/g)) found.add(m[1]);
    for (const m of text.matchAll(/\baction:\s*"([A-Z_]+)"/g)) found.add(m[1]);
  }
  return found;
}

describe("K8 the audit log's action filter", () => {
  it("K8 every action the server writes has words in the console's filter (no raw code such as REVOKE_PROVISIONING_TOKEN)", () => {
    const details = readFileSync(join(ROOT, "src/console/src/audit/Details.tsx"), "utf8");
    const block = details.slice(details.indexOf("export const ACTION_NAMES"), details.indexOf("};", details.indexOf("export const ACTION_NAMES")));
    const labelled = new Map([...block.matchAll(/^\s*([A-Z_]+):\s*"([^"]+)"/gm)].map((m) => [m[1], m[2]]));
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((a) => !labelled.has(a)).sort()).toEqual([]);
    expect([...labelled.values()].filter((l) => /^[A-Z_]+$/.test(l))).toEqual([]);
  });
});
