import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import { useQueryParam } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { MonthlyChart, type Month } from "./MonthlyChart";

export const CapacityQuery = graphql(`
  query Capacity($period: String) {
    tenant {
      id
      capacity(period: $period) {
        period purchased consumed remaining overage
        byBot { billedSessions bot { id name published owner { id displayName } } }
      }
    }
  }
`);

// Twelve months in one request: the server's own clock says which month is current, so the months come from its answer.
export const CapacityHistoryQuery = graphql(`
  query CapacityHistory($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!, $p10: String!, $p11: String!) {
    tenant {
      id
      m0: capacity(period: $p0) { period purchased consumed overage }
      m1: capacity(period: $p1) { period purchased consumed overage }
      m2: capacity(period: $p2) { period purchased consumed overage }
      m3: capacity(period: $p3) { period purchased consumed overage }
      m4: capacity(period: $p4) { period purchased consumed overage }
      m5: capacity(period: $p5) { period purchased consumed overage }
      m6: capacity(period: $p6) { period purchased consumed overage }
      m7: capacity(period: $p7) { period purchased consumed overage }
      m8: capacity(period: $p8) { period purchased consumed overage }
      m9: capacity(period: $p9) { period purchased consumed overage }
      m10: capacity(period: $p10) { period purchased consumed overage }
      m11: capacity(period: $p11) { period purchased consumed overage }
    }
  }
`);

/** The 12 months that end with `last` (YYYY-MM), oldest first. */
export function monthsEndingWith(last: string): string[] {
  const [y, m] = last.split("-").map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (11 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  });
}

export const monthName = (period: string) => new Date(`${period}-01T00:00:00Z`).toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const n = (v: number) => v.toLocaleString("en-US");

/** K5 Capacity: billed sessions for the whole tenant (C1) and per bot, with a monthly chart; PVA itself shows them only per bot. */
export function Capacity() {
  const [period, setPeriod] = useQueryParam("period");
  const current = useQuery(CapacityQuery, { variables: { period: null } });
  const currentPeriod = current.data?.tenant?.capacity.period;
  const shown = useQuery(CapacityQuery, { variables: { period: period || null }, skip: !period });
  const months = currentPeriod ? monthsEndingWith(currentPeriod) : [];
  const p = (i: number) => months[i] ?? "";
  const history = useQuery(CapacityHistoryQuery, {
    variables: { p0: p(0), p1: p(1), p2: p(2), p3: p(3), p4: p(4), p5: p(5), p6: p(6), p7: p(7), p8: p(8), p9: p(9), p10: p(10), p11: p(11) },
    skip: !currentPeriod,
  });
  const report = (period ? shown.data : current.data)?.tenant?.capacity;
  const error = current.error ?? shown.error ?? history.error;
  const h = history.data?.tenant;
  const series: Month[] = h ? [h.m0, h.m1, h.m2, h.m3, h.m4, h.m5, h.m6, h.m7, h.m8, h.m9, h.m10, h.m11] : [];
  const total = report?.consumed ?? 0;
  return (
    <>
      <h1>Capacity</h1>
      <p>
        Billed sessions are pooled across the organization: each tenant license adds its monthly sessions, every bot draws from the same
        pool, and sessions beyond it are still served and counted as overage.
      </p>
      {error ? <ErrorNotice error={error} title="The capacity could not be loaded" /> : null}
      {months.length ? (
        <div className="toolbar">
          <label htmlFor="period">Month</label>
          <select id="period" value={period || currentPeriod} onChange={(e) => setPeriod(e.target.value === currentPeriod ? null : e.target.value)}>
            {[...months].reverse().map((m) => <option key={m} value={m}>{monthName(m)}{m === currentPeriod ? " (this month)" : ""}</option>)}
          </select>
        </div>
      ) : null}
      {report ? (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{monthName(report.period)}</h2>
          <dl className="figures">
            <div><dt>Purchased</dt><dd>{n(report.purchased)}</dd></div>
            <div><dt>Consumed</dt><dd>{n(report.consumed)}</dd></div>
            <div><dt>Remaining</dt><dd>{n(report.remaining)}</dd></div>
            <div className={report.overage ? "over" : undefined}><dt>Overage</dt><dd>{n(report.overage)}</dd></div>
          </dl>
          {report.overage ? (
            <p className="notice warn">
              {n(report.overage)} sessions beyond the {n(report.purchased)} purchased this month. Buy more tenant license capacity to cover them.
            </p>
          ) : null}
        </section>
      ) : current.loading ? <p role="status">Loading capacity…</p> : null}
      {series.length ? (
        <section aria-labelledby="chart-title">
          <h2 id="chart-title">Billed sessions by month</h2>
          <MonthlyChart months={series} />
        </section>
      ) : null}
      {report ? (
        <section aria-labelledby="bots-title">
          <h2 id="bots-title">By bot, {monthName(report.period)}</h2>
          {report.byBot.length ? (
            <table className="grid">
              <caption className="sr-only">Billed sessions of each bot in {monthName(report.period)}</caption>
              <thead>
                <tr><th scope="col">Bot</th><th scope="col">Owner</th><th scope="col">Billed sessions</th><th scope="col">Share of the organization</th></tr>
              </thead>
              <tbody>
                {report.byBot.map((b) => (
                  <tr key={b.bot.id} data-bot={b.bot.name}>
                    <th scope="row">{b.bot.name}{b.bot.published ? null : <div className="muted">Not published</div>}</th>
                    <td>{b.bot.owner.displayName}</td>
                    <td>{n(b.billedSessions)}</td>
                    <td>{total ? `${Math.round((b.billedSessions / total) * 100)} %` : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No bot has billed sessions in {monthName(report.period)}.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
