import { useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { useQueryParam } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";
import { ACTION_NAMES, Details } from "./Details";

const PAGE = 25;

export const AuditEventsQuery = graphql(`
  query AuditEvents($action: String, $targetId: ID, $after: String, $first: Int!) {
    auditEvents(action: $action, targetId: $targetId, after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id action targetId details at actor { id displayName userPrincipalName } }
    }
    skus { id partNumber displayName }
  }
`);

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** K5 Audit log (A1): every committed change, newest first, filtered by action and target on the server, paged. */
export function AuditLog() {
  // The filter lives in the URL (?action=…&target=…), so it can be linked to and survives a reload.
  const [action] = useQueryParam("action");
  const [target] = useQueryParam("target");
  const [draftAction, setDraftAction] = useState(action);
  const [draftTarget, setDraftTarget] = useState(target);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(AuditEventsQuery, {
    variables: { action: action || null, targetId: target || null, after: pages.after, first: PAGE },
  });
  const conn = data?.auditEvents;
  const skuNames = new Map((data?.skus ?? []).map((s) => [s.partNumber, s.displayName]));
  const apply = (a: string, t: string) => {
    pages.reset();
    setDraftAction(a);
    setDraftTarget(t);
    // Both parameters in one navigation, so Back returns to the previous filter.
    const p = new URLSearchParams();
    if (a) p.set("action", a);
    if (t) p.set("target", t);
    const qs = p.toString();
    history.replaceState(null, "", location.pathname + (qs ? `?${qs}` : ""));
    dispatchEvent(new PopStateEvent("popstate"));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draftAction, draftTarget.trim());
  };
  const filtered = Boolean(action || target);
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" value={draftAction} onChange={(e) => setDraftAction(e.target.value)}>
            <option value="">Any action</option>
            {Object.entries(ACTION_NAMES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target">Target ID</label>
          <input id="audit-target" type="text" value={draftTarget} onChange={(e) => setDraftTarget(e.target.value)} placeholder="e.g. user_…, grp_…" spellCheck={false} />
        </div>
        <button type="submit">Apply filter</button>
        {filtered ? <button type="button" className="secondary" onClick={() => apply("", "")}>Clear filter</button> : null}
      </form>
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
                    <div className="muted"><code>{e.action}</code></div>
                    {e.targetId ? (
                      <div>
                        <span className="muted">Target </span><code>{e.targetId}</code>{" "}
                        {e.targetId !== target ? (
                          <button type="button" className="secondary" onClick={() => apply(action, e.targetId!)}>Only this target<span className="sr-only"> ({e.targetId})</span></button>
                        ) : null}
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
