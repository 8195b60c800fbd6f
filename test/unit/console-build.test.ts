import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Issue 20, a quiet start: building the console prints nothing when it succeeds, so `npm start` ends on its sign-in link. */
describe("the console's build", () => {
  it("prints no warnings (react-compiler-runtime's module-level directive among them)", () => {
    const out = mkdtempSync(join(tmpdir(), "console-build-"));
    try {
      const root = join(__dirname, "../..");
      const run = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "src/console", "--logLevel", "warn", "--outDir", out, "--emptyOutDir"], {
        cwd: root,
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      const printed = run.stdout + run.stderr;
      expect(printed).toBe("");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
