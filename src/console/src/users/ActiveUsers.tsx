import { useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import type { UserFilter } from "../gql/graphql";
import { useSearchParams } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";
import { BulkLicenses } from "./BulkLicenses";
import { LicenseList } from "./LicenseCell";
import { ManageLicenses } from "./ManageLicenses";
import { WhyPanel } from "./WhyPanel";
import { ExportUsers } from "./ExportUsers";

const PAGE = 50;

export const ActiveUsersQuery = graphql(`
  query ActiveUsers($filter: UserFilter, $after: String, $first: Int!) {
    skus { id displayName kind isTrial }
    tenant {
      id
      users(filter: $filter, after: $after, first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          displayName
          userPrincipalName
          accountEnabled
          canCreateBots
          effectiveLicenses { sku { id displayName } state error }
        }
      }
    }
  }
`);

/** K8's filters (the URL's `show`), each one of the API's UserFilter fields. */
const SHOW: { value: string; label: string; filter: Partial<UserFilter> }[] = [
  { value: "", label: "All users", filter: {} },
  { value: "unlicensed", label: "Unlicensed users", filter: { unlicensed: true } },
  { value: "errors", label: "Users with license errors", filter: { hasLicenseErrors: true } },
  { value: "nobots", label: "Users who cannot build bots", filter: { canCreateBots: false } },
];

type Open = { kind: "licenses" | "why"; userId: string } | { kind: "bulk" } | null;

/**
 * K3, K8: Active users, searched, filtered and paged on the server, with the search, the filters and the page in the
 * URL (?search=…&show=…&sku=…&page=…). Users can be selected (on this page and others) and given one license change
 * together (assignLicensesToUsers). While the next page loads, or a throttled request waits, the last one stays.
 */
export function ActiveUsers() {
  const access = useAccess();
  const [params, update] = useSearchParams();
  const search = params.get("search") ?? "";
  const show = SHOW.find((s) => s.value === params.get("show")) ?? SHOW[0];
  const skuId = params.get("sku") ?? "";
  const [draft, setDraft] = useState(search);
  useEffect(() => setDraft(search), [search]);
  const pages = useCursorPages("page");
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState("");
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const filter: UserFilter = { search: search || null, ...show.filter, ...(skuId ? { skuId } : {}) };
  const { data, previousData, error, loading, refetch } = useQuery(ActiveUsersQuery, {
    variables: { filter, after: pages.after, first: PAGE },
  });
  // K8: the last page shown stays while the next loads (or waits for a Retry-After), with its own page number.
  const shown = data ?? previousData;
  const [shownPage, setShownPage] = useState(pages.page);
  useEffect(() => {
    if (data) setShownPage(pages.page);
  }, [data, pages.page]);
  const stale = !data && Boolean(previousData);
  const conn = shown?.tenant?.users;
  const skus = (shown?.skus ?? []).filter((s) => s.kind === "USER");
  const rendered = Boolean(data?.tenant?.users);
  useEffect(() => {
    // What `npm run bench:console` measures: navigation start to the first page of users on screen.
    if (rendered && !performance.getEntriesByName("console:users-rendered").length) performance.mark("console:users-rendered");
  }, [rendered]);

  /** A new search or filter starts at page 1 with nothing selected. */
  const refine = (changes: Record<string, string | null>) => {
    setSelected(new Map());
    setStatus("");
    update({ ...changes, [pages.param]: null });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    refine({ search: draft.trim() || null });
  };

  const nodes = conn?.nodes ?? [];
  const onPage = nodes.filter((u) => selected.has(u.id)).length;
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = onPage > 0 && onPage < nodes.length;
  }, [onPage, nodes.length]);
  const toggle = (users: readonly { id: string; displayName: string }[], on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const u of users) {
        if (on) next.set(u.id, u.displayName);
        else next.delete(u.id);
      }
      return next;
    });
  const describe = [search ? `matching “${search}”` : "", show.value ? show.label.toLowerCase() : "", skuId ? `with ${skus.find((s) => s.id === skuId)?.displayName ?? "the license"}` : ""].filter(Boolean).join(", ");

  return (
    <>
      <h1>Active users</h1>
      <form role="search" className="toolbar" onSubmit={submit}>
        <label htmlFor="user-search">Search users</label>
        <input id="user-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Name or username" />
        <button type="submit">Search</button>
      </form>
      <div className="toolbar export">
        <ExportUsers />
      </div>
      <div className="toolbar filters">
        <label htmlFor="user-show">Show</label>
        <select id="user-show" value={show.value} onChange={(e) => refine({ show: e.target.value || null })}>
          {SHOW.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
        <label htmlFor="user-sku">License</label>
        <select id="user-sku" value={skuId} onChange={(e) => refine({ sku: e.target.value || null })}>
          <option value="">Any license</option>
          {skus.map((s) => <option key={s.id} value={s.id}>{s.displayName}</option>)}
        </select>
      </div>
      {selected.size ? (
        <div className="toolbar selection" role="region" aria-label="Selected users">
          <span>{selected.size === 1 ? "1 user selected" : `${selected.size.toLocaleString()} users selected`}</span>
          {access.managesLicenses ? (
            <button type="button" className="primary" onClick={() => setOpen({ kind: "bulk" })}>Manage product licenses of the selected users</button>
          ) : null}
          <button type="button" onClick={() => setSelected(new Map())}>Clear selection</button>
        </div>
      ) : null}
      <p role="status" className={status ? "notice ok" : "sr-only"}>{status}</p>
      {error ? (
        <>
          <ErrorNotice error={error} title={stale ? "The users could not be loaded; the list below is the one shown before" : "The users could not be loaded"} />
          <p><button type="button" onClick={() => void refetch().catch(() => undefined)}>Try again</button></p>
        </>
      ) : null}
      {conn ? (
        <>
          <table className="grid" aria-busy={loading}>
            <caption className="sr-only">Users{describe ? ` ${describe}` : ""}</caption>
            <thead>
              <tr>
                <th scope="col" className="select">
                  <input ref={all} type="checkbox" aria-label="Select all users on this page" checked={nodes.length > 0 && onPage === nodes.length}
                    disabled={!nodes.length} onChange={(e) => toggle(nodes, e.target.checked)} />
                </th>
                <th scope="col">Display name</th>
                <th scope="col">Username</th>
                <th scope="col">Licenses</th>
                <th scope="col">Can create bots</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((u) => (
                <tr key={u.id} data-user={u.userPrincipalName} className={selected.has(u.id) ? "selected" : undefined}>
                  <td className="select">
                    <input type="checkbox" aria-label={`Select ${u.displayName}`} checked={selected.has(u.id)} onChange={(e) => toggle([u], e.target.checked)} />
                  </td>
                  <th scope="row">
                    {u.displayName}
                    {!u.accountEnabled ? <span className="badge disabled"> Sign-in blocked</span> : null}
                  </th>
                  <td>{u.userPrincipalName}</td>
                  <td className="licenses"><LicenseList licenses={u.effectiveLicenses} /></td>
                  <td>{u.canCreateBots ? "Yes" : "No"}</td>
                  <td className="actions">
                    <div>
                      <button type="button" onClick={() => setOpen({ kind: "licenses", userId: u.id })}>
                        {access.managesLicenses ? "Manage product licenses" : "View licenses"}
                        <span className="sr-only"> of {u.displayName}</span>
                      </button>
                      <button type="button" className="secondary" onClick={() => setOpen({ kind: "why", userId: u.id })}>
                        {u.canCreateBots ? "Why can this user build bots?" : "Why can't this user build bots?"}
                        <span className="sr-only"> ({u.displayName})</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {nodes.length === 0 ? <p>{describe ? `No user ${describe}.` : "No users yet."}</p> : null}
          <Pager
            label="Users pages" page={data ? pages.page : shownPage} pageSize={PAGE} shown={nodes.length} total={conn.totalCount} stale={stale}
            hasNext={conn.pageInfo.hasNextPage} onNext={() => pages.next(conn.pageInfo.endCursor)} onPrevious={pages.previous}
          />
        </>
      ) : loading ? <p role="status">Loading users…</p> : null}
      {open?.kind === "licenses" ? (
        <ManageLicenses userId={open.userId} onClose={() => setOpen(null)} onSaved={(name) => { setOpen(null); setStatus(`Licenses of ${name} saved.`); }} />
      ) : null}
      {open?.kind === "why" ? <WhyPanel userId={open.userId} onClose={() => setOpen(null)} /> : null}
      {open?.kind === "bulk" ? (
        <BulkLicenses
          users={[...selected].map(([id, displayName]) => ({ id, displayName }))}
          onClose={() => setOpen(null)}
          onSaved={(n) => {
            setOpen(null);
            setSelected(new Map());
            setStatus(n === 1 ? "Licenses of 1 user saved." : `Licenses of ${n.toLocaleString()} users saved.`);
          }}
        />
      ) : null}
    </>
  );
}
