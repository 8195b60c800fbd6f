import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The tests' operations are typed from schema/schema.graphql (test/gql/, committed). When the schema
 * or a test's document changes without `npm run codegen:test`, the committed types are stale and
 * `npm run typecheck` could not catch what the change broke; this test says so.
 */
describe("typed test operations", () => {
  it("test/gql/ is what `npm run codegen:test` generates from schema/schema.graphql and the tests' documents", () => {
    const root = join(__dirname, "../..");
    const scratch = mkdtempSync(join(tmpdir(), "codegen-test-"));
    try {
      execFileSync(join(root, "node_modules/.bin/graphql-codegen"), ["--config", join(root, "test/codegen.ts")], {
        cwd: root,
        env: { ...process.env, CODEGEN_TEST_OUT: `${scratch}/` },
        stdio: "pipe",
      });
      const generated = readdirSync(scratch).sort();
      expect(generated).toEqual(readdirSync(join(root, "test/gql")).sort());
      const stale = generated.filter((f) => readFileSync(join(scratch, f), "utf8") !== readFileSync(join(root, "test/gql", f), "utf8"));
      expect(stale).toEqual([]);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
