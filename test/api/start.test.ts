import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer, ServerProcess } from "../helpers/instances";

/** The printed output once it has the sign-in link (the link is printed after /ready answers, so it is waited for). */
async function outputWithLink(s: ServerProcess): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (!/#token=\S+\s*$/.test(s.log) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return s.log;
}

/** Issue 20, a quiet start (K8): `npm start` ends on the console's sign-in link, on a new database and on one that already has the demo. */
describe("K8 npm start on the embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "start-"));
  const url = `sqlite:${join(dir, "start.sqlite")}`;

  beforeAll(() => buildServer(), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the demo's tokens and the sign-in link last, on the first start and on the next one", async () => {
    const links: string[] = [];
    for (const run of ["first", "second"]) {
      const s = await ServerProcess.start(url, { SEED_DEMO: "true" });
      try {
        const out = await outputWithLink(s);
        const lines = out.trimEnd().split("\n");
        expect(lines[lines.length - 1]).toMatch(/^ {2}http:\/\/localhost:\d+\/#token=[\w.%-]+$/);
        expect(out.indexOf('"listening"')).toBeLessThan(out.indexOf("Admin console, signed in as the demo admin"));
        expect(out).toMatch(/ {2}maker {2}\(licensed\) +ey/);
        links.push(`${run}: ${lines[lines.length - 1]}`);
      } finally {
        await s.stop();
      }
    }
    expect(links).toHaveLength(2);
  }, 60_000);
});
