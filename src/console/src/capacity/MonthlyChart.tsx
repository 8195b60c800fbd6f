import { useId } from "react";

export interface Month {
  period: string;
  purchased: number;
  consumed: number;
  overage: number;
}

const W = 720;
const H = 240;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };
const short = (period: string) => new Date(`${period}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "short", timeZone: "UTC" });
const n = (v: number) => v.toLocaleString("en-US");

/** Rounds up to 1, 2 or 5 times a power of ten, so the axis reads in plain numbers. */
function niceMax(v: number): number {
  if (v <= 0) return 10;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= v)!;
}

/**
 * Consumed sessions per month as bars (the part beyond the purchased capacity in the overage colour) and the
 * purchased capacity as a line: plain SVG, no chart library. The same figures follow in a table for screen readers.
 */
export function MonthlyChart({ months }: { months: Month[] }) {
  const titleId = useId();
  const descId = useId();
  const max = niceMax(Math.max(...months.map((m) => Math.max(m.consumed, m.purchased))) * 1.05);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const slot = plotW / months.length;
  const bar = slot * 0.6;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const line = months.map((m, i) => `${i ? "L" : "M"}${PAD.left + slot * i} ${y(m.purchased)} H${PAD.left + slot * (i + 1)}`).join(" ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>Billed sessions by month, last 12 months</title>
        <desc id={descId}>
          {months.map((m) => `${short(m.period)}: ${n(m.consumed)} consumed of ${n(m.purchased)} purchased${m.overage ? `, ${n(m.overage)} overage` : ""}`).join("; ")}
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="grid-line" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="axis">{n(t)}</text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = PAD.left + slot * i + (slot - bar) / 2;
          const within = Math.min(m.consumed, m.purchased);
          return (
            <g key={m.period} data-period={m.period}>
              <rect x={x} y={y(within)} width={bar} height={y(0) - y(within)} className="bar" />
              {m.overage ? <rect x={x} y={y(m.consumed)} width={bar} height={y(within) - y(m.consumed)} className="bar over" /> : null}
              <text x={x + bar / 2} y={H - 8} textAnchor="middle" className="axis">{short(m.period)}</text>
            </g>
          );
        })}
        <path d={line} className="purchased" />
      </svg>
      <figcaption>
        <span className="key bar" aria-hidden="true" /> Consumed <span className="key over" aria-hidden="true" /> Overage{" "}
        <span className="key line" aria-hidden="true" /> Purchased
      </figcaption>
      <details>
        <summary>The figures</summary>
        <table className="grid">
          <caption className="sr-only">Billed sessions by month</caption>
          <thead><tr><th scope="col">Month</th><th scope="col">Purchased</th><th scope="col">Consumed</th><th scope="col">Overage</th></tr></thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.period}><th scope="row">{m.period}</th><td>{n(m.purchased)}</td><td>{n(m.consumed)}</td><td>{n(m.overage)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
