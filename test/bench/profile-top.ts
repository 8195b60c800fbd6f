/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by package and by function, and
 * inclusive time of the application's own functions. Used by `npm run bench -- --profile`; also
 * `node dist/test/bench/profile-top.js FILE.cpuprofile [N]`.
 */
import { readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function packageOf(url: string): string {
  if (!url) return "(native / V8)";
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const app = /\/dist\/(src\/.*)\.js$/.exec(url);
  if (app) return `app`;
  if (url.startsWith("node:")) return "node (core)";
  return url.replace(/^file:\/\//, "");
}

function frameName(f: CallFrame): string {
  const where = f.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "").replace(/^.*\/dist\//, "");
  return `${f.functionName || "(anonymous)"} ${where ? `${where}:${f.lineNumber + 1}` : ""}`.trim();
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: [string, number][];
  selfTop: [string, number][];
  appInclusive: [string, number][];
}

export function summarize(file: string, top = 20): ProfileSummary {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let total = 0;
  const byPackage = new Map<string, number>();
  const byFrame = new Map<string, number>();
  for (const [id, ms] of self) {
    if (idle.has(id)) continue;
    total += ms;
    const f = byId.get(id)!.callFrame;
    const pkg = f.url ? packageOf(f.url) : f.functionName.startsWith("(") ? f.functionName : "(native / V8)";
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    byFrame.set(frameName(f), (byFrame.get(frameName(f)) ?? 0) + ms);
  }
  // Inclusive time of app functions: a function's subtree, counted once per stack even when it recurses.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    if (idle.has(id)) continue;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/dist\/src\//.test(f.url)) continue;
      const name = frameName(f);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, byPackage: sorted(byPackage).slice(0, 12), selfTop: sorted(byFrame).slice(0, top), appInclusive: sorted(inclusive).slice(0, top) };
}

export function summaryMarkdown(title: string, s: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1)}%`;
  const lines = [`#### ${title} — ${(s.totalMs / 1000).toFixed(1)} s of CPU (idle excluded)`, "", "Self time by package:", ""];
  for (const [k, v] of s.byPackage) lines.push(`- ${k}: ${pct(v)}`);
  lines.push("", "Top functions by self time:", "");
  for (const [k, v] of s.selfTop) lines.push(`- ${pct(v)} \`${k}\``);
  lines.push("", "App functions by inclusive time:", "");
  for (const [k, v] of s.appInclusive) lines.push(`- ${pct(v)} \`${k}\``);
  return lines.join("\n");
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node dist/test/bench/profile-top.js FILE.cpuprofile [N]");
    process.exit(2);
  }
  console.log(summaryMarkdown(file, summarize(file, Number(n ?? 25))));
}
