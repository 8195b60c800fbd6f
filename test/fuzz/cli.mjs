// `npm run fuzz -- --runs N [--seed S]`: the generated-input suites of §14 and the seat model's sequences
// (issue 21) with N runs per engine (PostgreSQL
// too when TEST_DATABASE_URL is set). A failure prints its seed and counterexample; keep it as a regression case.
import { spawnSync } from "node:child_process";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = option("runs") ?? "2000";
if (!/^\d+$/.test(runs)) throw new Error("--runs takes a whole number");
const seed = option("seed");
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed !== undefined ? { FUZZ_SEED: seed } : {}) };
const r = spawnSync("npx", ["jest", "--runInBand", "test/fuzz", "test/model"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
