/** Percentiles (nearest rank) and the result table. */

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

export const median = (xs: number[]) => percentile(xs, 50);
export const p95 = (xs: number[]) => percentile(xs, 95);

/** High-resolution wall time of `fn` in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

export function fmt(n: number | undefined | null, digits?: number): string {
  if (n == null || Number.isNaN(n)) return "–";
  const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2);
  return n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${fmt(a / b, 2)}×` : "–");

export interface Row {
  workload: string;
  subject: string;
  median: string;
  p95: string;
  extra: string;
  ratio: string;
  target: string;
}

export function markdownTable(rows: Row[]): string {
  const head = ["workload", "subject", "median", "p95", "other figures", "ratio", "target"];
  const cells = rows.map((r) => [r.workload, r.subject, r.median, r.p95, r.extra, r.ratio, r.target]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.map(line)].join("\n");
}
