import { useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { Link, useQueryParam } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";
import { CreateGroupFlyout } from "./GroupEdit";

const PAGE = 50;

export const GroupsQuery = graphql(`
  query Groups($search: String, $after: String, $first: Int!) {
    tenant {
      id
      securityGroups(search: $search, after: $after, first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          displayName
          description
          hasMembersWithLicenseErrors
          assignedLicenses { sku { id displayName } }
          memberOf { id displayName }
        }
      }
    }
  }
`);

/** K4: the tenant's security groups, searched and paged on the server. */
export function Groups() {
  const access = useAccess();
  const [creating, setCreating] = useState(false);
  const [deleted] = useQueryParam("deleted");
  const [search, setSearch] = useQueryParam("search");
  const [draft, setDraft] = useState(search);
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(GroupsQuery, { variables: { search: search || null, after: pages.after, first: PAGE } });
  const conn = data?.tenant?.securityGroups;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    pages.reset();
    setSearch(draft.trim() || null);
  };
  return (
    <>
      <h1>Groups</h1>
      <p role="status" className={deleted ? "notice ok" : "sr-only"}>{deleted ? `${deleted} deleted.` : ""}</p>
      {access.managesGroups ? <button type="button" className="primary" onClick={() => setCreating(true)}>Create group</button> : null}
      {creating ? <CreateGroupFlyout onClose={() => setCreating(false)} /> : null}
      <form role="search" className="toolbar" onSubmit={submit}>
        <label htmlFor="group-search">Search groups</label>
        <input id="group-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Group name" />
        <button type="submit">Search</button>
      </form>
      {error ? <ErrorNotice error={error} title="The groups could not be loaded" /> : null}
      {conn ? (
        <>
          <table className="grid" aria-busy={loading}>
            <caption className="sr-only">Security groups{search ? ` matching “${search}”` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Nested in</th>
                <th scope="col">Licenses</th>
                <th scope="col">License errors</th>
              </tr>
            </thead>
            <tbody>
              {conn.nodes.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link href={`/groups/${encodeURIComponent(g.id)}`}>{g.displayName}</Link>
                    {g.description ? <div className="muted">{g.description}</div> : null}
                  </th>
                  <td>{g.memberOf.map((p) => p.displayName).join(", ") || <span className="muted">—</span>}</td>
                  <td>{g.assignedLicenses.map((l) => l.sku.displayName).join(", ") || <span className="muted">None</span>}</td>
                  <td>{g.hasMembersWithLicenseErrors ? <span className="badge error">Members with errors</span> : <span className="muted">None</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {conn.nodes.length === 0 ? <p>No group matches “{search}”.</p> : null}
          <Pager
            label="Groups pages" page={pages.page} pageSize={PAGE} shown={conn.nodes.length} total={conn.totalCount}
            hasNext={conn.pageInfo.hasNextPage} onNext={() => pages.next(conn.pageInfo.endCursor)} onPrevious={pages.previous}
          />
        </>
      ) : loading ? <p role="status">Loading groups…</p> : null}
    </>
  );
}
