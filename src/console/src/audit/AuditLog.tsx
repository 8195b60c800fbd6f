import { useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { useQueryParam } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";
import { ACTION_NAMES, Details } from "./Details";

const PAGE = 25;

export const AuditEventsQuery = graphql(`
  query AuditEvents($action: String, $targetId: ID, $from: DateTime, $to: DateTime, $after: String, $first: Int!) {
    auditEvents(action: $action, targetId: $targetId, from: $from, to: $to, after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id action targetId targetDisplayName details at actor { id displayName userPrincipalName } }
    }
    skus { id partNumber displayName }
  }
`);

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** A day (YYYY-MM-DD) as the instant it starts, in UTC like every time on this page; the `to` day is included whole. */
const dayStart = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00.000Z` : null);
const dayAfter = (day: string) => {
  if (!dayStart(day)) return null;
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
};

interface Filter { action: string; target: string; from: string; to: string }

/** K5 Audit log (A1): every committed change, newest first, filtered by action, target and days on the server, paged. */
export function AuditLog() {
  // The filter lives in the URL (?action=…&target=…&from=…&to=…), so it can be linked to and survives a reload.
  const [action] = useQueryParam("action");
  const [target] = useQueryParam("target");
  const [from] = useQueryParam("from");
  const [to] = useQueryParam("to");
  const [draft, setDraft] = useState<Filter>({ action, target, from, to });
  const [problem, setProblem] = useState<string | null>(null);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(AuditEventsQuery, {
    variables: { action: action || null, targetId: target || null, from: dayStart(from), to: dayAfter(to), after: pages.after, first: PAGE },
  });
  const conn = data?.auditEvents;
  const skuNames = new Map((data?.skus ?? []).map((s) => [s.partNumber, s.displayName]));
  const apply = (f: Filter) => {
    if (f.from && f.to && f.from > f.to) return setProblem("The first day must not be after the last day.");
    setProblem(null);
    pages.reset();
    setDraft(f);
    // Every parameter in one navigation, so Back returns to the previous filter.
    const p = new URLSearchParams();
    if (f.action) p.set("action", f.action);
    if (f.target) p.set("target", f.target);
    if (f.from) p.set("from", f.from);
    if (f.to) p.set("to", f.to);
    const qs = p.toString();
    history.replaceState(null, "", location.pathname + (qs ? `?${qs}` : ""));
    dispatchEvent(new PopStateEvent("popstate"));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...draft, target: draft.target.trim() });
  };
  const current: Filter = { action, target, from, to };
  const filtered = Boolean(action || target || from || to);
  const edit = (k: keyof Filter) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" value={draft.action} onChange={edit("action")}>
            <option value="">Any action</option>
            {Object.entries(ACTION_NAMES).sort((a, b) => a[1].localeCompare(b[1])).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target">Target ID</label>
          <input id="audit-target" type="text" value={draft.target} onChange={edit("target")} placeholder="e.g. user_…, grp_…" spellCheck={false} />
        </div>
        <div>
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" type="date" value={draft.from} max={draft.to || undefined} onChange={edit("from")} />
        </div>
        <div>
          <label htmlFor="audit-to">To (UTC, included)</label>
          <input id="audit-to" type="date" value={draft.to} min={draft.from || undefined} onChange={edit("to")} />
        </div>
        <button type="submit">Apply filter</button>
        {filtered ? <button type="button" className="secondary" onClick={() => apply({ action: "", target: "", from: "", to: "" })}>Clear filter</button> : null}
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      {error ? <ErrorNotice error={error} title="The audit log could not be loaded" /> : null}
      {conn ? (
        <>
          <table className="grid audit" aria-busy={loading}>
            <caption className="sr-only">Audit events, newest first{filtered ? ", filtered" : ""}</caption>
            <thead>
              <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">What changed</th></tr>
            </thead>
            <tbody>
              {conn.nodes.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{when(e.at)}</td>
                  <td>{e.actor ? <>{e.actor.displayName}<div className="muted">{e.actor.userPrincipalName}</div></> : <span className="muted">System or directory</span>}</td>
                  <th scope="row">
                    {ACTION_NAMES[e.action] ?? e.action}
                    {e.targetId ? (
                      <div className="target">
                        {/* K8: the target by the name it had then; events from before names were kept show the ID. */}
                        {e.targetDisplayName ? <span className="target-name">{e.targetDisplayName}</span> : <code className="target-name">{e.targetId}</code>}{" "}
                        {e.targetId !== target ? (
                          <button type="button" className="secondary" onClick={() => apply({ ...current, target: e.targetId! })}>
                            Only this target<span className="sr-only"> ({e.targetDisplayName ?? e.targetId})</span>
                          </button>
                        ) : null}
                        {e.targetDisplayName ? <div className="muted"><code>{e.targetId}</code></div> : null}
                      </div>
                    ) : null}
                  </th>
                  <td><Details json={e.details} skuNames={skuNames} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {conn.nodes.length === 0 ? <p>No audit event matches this filter.</p> : null}
          <Pager
            label="Audit log pages" page={pages.page} pageSize={PAGE} shown={conn.nodes.length} total={conn.totalCount}
            hasNext={conn.pageInfo.hasNextPage} onNext={() => pages.next(conn.pageInfo.endCursor)} onPrevious={pages.previous}
          />
        </>
      ) : loading ? <p role="status">Loading the audit log…</p> : null}
    </>
  );
}
