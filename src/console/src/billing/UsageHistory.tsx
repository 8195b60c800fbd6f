import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { graphql } from "../gql";
import { ErrorNotice } from "../ui/ErrorNotice";

export const UsageHistoryQuery = graphql(`
  query UsageHistory($skuId: ID!, $from: String!, $to: String!) {
    tenant { id licenseUsageHistory(skuId: $skuId, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }
  }
`);

// The server's month (its clock, not the browser's): the chart shows it and the two before.
const ServerMonth = graphql(`
  query UsageMonth { tenant { id capacity { period } } }
`);

const W = 720;
const H = 240;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };
const DAY = 86_400_000;
const n = (v: number) => v.toLocaleString("en-US");
const dayName = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A tick step of 1, 2 or 5 times a power of ten, so that four steps or so reach `v` in plain whole numbers. */
function niceStep(v: number): number {
  const raw = Math.max(1, v / 4);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw)!;
}

/** The first day of the month two before `period` (YYYY-MM) and the last day of `period`. */
export function rangeFor(period: string): { from: string; to: string } {
  const [y, m] = period.split("-").map(Number);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(new Date(Date.UTC(y, m - 3, 1))), to: iso(new Date(Date.UTC(y, m, 0))) };
}

/**
 * V5 on Subscriptions: a pool's daily snapshots over three months — seats held as bars, seats bought (enabled + in
 * grace) as a line, people active in the last 30 days as dots; plain SVG with the figures as a table too.
 */
export function UsageHistory({ pools }: { pools: readonly { sku: { id: string; displayName: string; kind: string } }[] }) {
  const [chosen, setChosen] = useState("");
  const skuId = chosen || pools.find((p) => p.sku.kind === "USER")?.sku.id || pools[0]?.sku.id || "";
  const sku = pools.find((p) => p.sku.id === skuId)?.sku;
  const month = useQuery(ServerMonth);
  const period = month.data?.tenant?.capacity.period;
  const range = period ? rangeFor(period) : null;
  const history = useQuery(UsageHistoryQuery, { variables: { skuId, from: range?.from ?? "", to: range?.to ?? "" }, skip: !range || !skuId });
  const days = history.data?.tenant?.licenseUsageHistory ?? [];
  const titleId = useId();
  const descId = useId();
  if (!pools.length) return null;
  const start = range ? Date.parse(`${range.from}T00:00:00Z`) : 0;
  const span = range ? (Date.parse(`${range.to}T00:00:00Z`) - start) / DAY + 1 : 1;
  const top = Math.max(1, ...days.map((d) => Math.max(d.consumed + d.waiting, d.enabled + d.warning)));
  const step = niceStep(top);
  const max = step * Math.ceil((top * 1.05) / step);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / span;
  const x = (date: string) => PAD.left + ((Date.parse(`${date}T00:00:00Z`) - start) / DAY) * slot;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = Array.from({ length: max / step + 1 }, (_, i) => i * step);
  // A day without a snapshot breaks the line (nothing is made up for it, V5).
  const line = days
    .map((d, i) => `${i && Date.parse(`${d.date}T00:00:00Z`) - Date.parse(`${days[i - 1].date}T00:00:00Z`) === DAY ? "L" : "M"}${x(d.date)} ${y(d.enabled + d.warning)} H${x(d.date) + slot}`)
    .join(" ");
  const months = range ? [0, 1, 2].map((i) => { const [yy, mm] = range.from.split("-").map(Number); return new Date(Date.UTC(yy, mm - 1 + i, 1)).toISOString().slice(0, 10); }) : [];
  return (
    <section aria-labelledby="usage-title">
      <h2 id="usage-title">Usage history</h2>
      <div className="toolbar filters">
        <label htmlFor="usage-sku">License</label>
        <select id="usage-sku" value={skuId} onChange={(e) => setChosen(e.target.value)}>
          {pools.map((p) => <option key={p.sku.id} value={p.sku.id}>{p.sku.displayName}</option>)}
        </select>
      </div>
      {month.error ?? history.error ? <ErrorNotice error={month.error ?? history.error} title="The usage history could not be loaded" /> : null}
      {history.loading && !history.data ? <p role="status">Loading the usage history…</p> : null}
      {history.data && !days.length ? <p>No daily figures for {sku?.displayName} yet: they are written once a day.</p> : null}
      {days.length && range ? (
        <figure className="chart usage-chart">
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
            <title id={titleId}>{sku?.displayName}: seats by day, {dayName(range.from)} to {dayName(range.to)}</title>
            <desc id={descId}>
              {days.map((d) => `${dayName(d.date)}: ${n(d.consumed)} assigned of ${n(d.enabled + d.warning)} bought, ${n(d.activeHolders)} active, ${n(d.waiting)} waiting`).join("; ")}
            </desc>
            {ticks.map((t) => (
              <g key={t}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid-line" />
                <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="axis">{n(t)}</text>
              </g>
            ))}
            {months.map((m) => <text key={m} x={x(m) + 2} y={H - 8} className="axis">{new Date(`${m}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", timeZone: "UTC" })}</text>)}
            {days.map((d) => (
              <g key={d.date} data-date={d.date}>
                <rect x={x(d.date) + slot * 0.15} y={y(d.consumed)} width={Math.max(1, slot * 0.7)} height={y(0) - y(d.consumed)} className="bar" />
                <circle cx={x(d.date) + slot / 2} cy={y(d.activeHolders)} r={Math.max(2, Math.min(4, slot / 3))} className="active-dot" />
              </g>
            ))}
            <path d={line} className="purchased" />
          </svg>
          <figcaption>
            <span className="key bar" aria-hidden="true" /> Assigned <span className="key dot" aria-hidden="true" /> Active in the last 30 days{" "}
            <span className="key line" aria-hidden="true" /> Bought
          </figcaption>
          <details>
            <summary>The figures</summary>
            <table className="grid">
              <caption className="sr-only">{sku?.displayName} by day</caption>
              <thead><tr><th scope="col">Day</th><th scope="col">Bought</th><th scope="col">In grace</th><th scope="col">Assigned</th><th scope="col">Waiting</th><th scope="col">Active</th></tr></thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date}><th scope="row">{d.date}</th><td>{n(d.enabled)}</td><td>{n(d.warning)}</td><td>{n(d.consumed)}</td><td>{n(d.waiting)}</td><td>{n(d.activeHolders)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ) : null}
    </section>
  );
}
