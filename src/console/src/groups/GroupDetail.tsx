import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { Link, useQueryParam, useSearchParams } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";
import { LicenseList } from "../users/LicenseCell";
import { LicenseChange } from "./LicenseChange";
import { AddMembersFlyout, DeleteGroupFlyout, RenameGroupFlyout, useRemoveMember } from "./GroupEdit";

const PAGE = 50;

export const GroupQuery = graphql(`
  query Group($id: ID!) {
    securityGroup(id: $id) {
      id
      displayName
      description
      source
      hasMembersWithLicenseErrors
      memberOf { id displayName }
      memberGroups { id displayName }
      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }
    }
  }
`);

export const GroupMembersQuery = graphql(`
  query GroupMembers($id: ID!, $after: String, $first: Int!, $transitive: Boolean!) {
    securityGroup(id: $id) {
      id
      members(after: $after, first: $first) @skip(if: $transitive) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }
      }
      transitiveMembers(after: $after, first: $first) @include(if: $transitive) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }
      }
    }
  }
`);

export const GroupErrorsQuery = graphql(`
  query GroupLicenseErrors($id: ID!, $after: String, $first: Int!) {
    securityGroup(id: $id) {
      id
      membersWithLicenseErrors(after: $after, first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }
      }
    }
  }
`);

type Change = { kind: "assign" } | { kind: "remove"; skuId: string } | null;
type Edit = "rename" | "delete" | "users" | "groups" | null;

/** K4: one group's nesting, members (direct or transitive), licenses and the members with license errors. */
export function GroupDetail({ id }: { id: string }) {
  const access = useAccess();
  const { data, error, loading } = useQuery(GroupQuery, { variables: { id } });
  const [change, setChange] = useState<Change>(null);
  const [edit, setEdit] = useState<Edit>(null);
  const [created, setCreated] = useQueryParam("created");
  const [status, setStatus] = useState("");
  const g = data?.securityGroup;
  // K8: a cloud group is managed here; a directory's group (Entra ID, Okta) keeps its name and members there (D8).
  const editable = access.managesGroups && g?.source === "CLOUD";
  const done = (message: string) => {
    setEdit(null);
    if (created) setCreated(null);
    setStatus(message);
  };
  const remover = useRemoveMember(g ?? { id, displayName: "" }, done);
  if (error) return <><h1>Group</h1><ErrorNotice error={error} title="The group could not be loaded" /></>;
  if (!g) {
    if (loading) return <p role="status">Loading group…</p>;
    return (
      <>
        <h1>Group not found</h1>
        <p>This group does not exist or was deleted. <Link href="/groups">Back to groups</Link></p>
      </>
    );
  }
  return (
    <>
      <p className="crumbs"><Link href="/groups">Groups</Link> ›</p>
      <h1>{g.displayName}</h1>
      {g.description ? <p>{g.description}</p> : null}
      {g.source === "DIRECTORY" ? <p className="muted">This group comes from your directory (Entra ID or Okta): its name and members are changed there.</p> : null}
      {editable ? (
        <div className="button-row">
          <button type="button" onClick={() => setEdit("rename")}>Edit name and description</button>
          <button type="button" onClick={() => setEdit("delete")}>Delete group</button>
        </div>
      ) : null}
      <p role="status" className={status || created ? "notice ok" : "sr-only"}>{status || (created ? `${g.displayName} created. Add members and licenses below.` : "")}</p>
      {remover.removing.error ? <ErrorNotice error={remover.removing.error} title="Nothing was removed" /> : null}

      <section aria-labelledby="nesting">
        <h2 id="nesting">Nesting</h2>
        <div className="two">
          <div>
            <h3>Nested in (parents)</h3>
            <GroupLinks groups={g.memberOf} empty="Not nested in any group" />
          </div>
          <div>
            <h3>Contains groups (children)</h3>
            <GroupLinks groups={g.memberGroups} empty="No nested groups"
              onRemove={editable ? (c) => void remover.run("group", c.id, c.displayName) : undefined} />
          </div>
        </div>
        {editable ? <button type="button" onClick={() => setEdit("groups")}>Add nested groups</button> : null}
      </section>

      <section aria-labelledby="licenses">
        <h2 id="licenses">Licenses</h2>
        {g.assignedLicenses.length ? (
          <table className="grid">
            <caption className="sr-only">Licenses assigned to {g.displayName}</caption>
            <thead>
              <tr>
                <th scope="col">License</th>
                <th scope="col">Plans turned off</th>
                <th scope="col">Assigned</th>
                {access.managesLicenses ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {g.assignedLicenses.map((l) => (
                <tr key={l.sku.id}>
                  <th scope="row">{l.sku.displayName}</th>
                  <td>{l.disabledPlans.map((p) => p.displayName).join(", ") || "None"}</td>
                  <td>{new Date(l.assignedAt).toLocaleString()}</td>
                  {access.managesLicenses ? (
                    <td>
                      <button type="button" onClick={() => setChange({ kind: "remove", skuId: l.sku.id })}>
                        Remove license<span className="sr-only"> {l.sku.displayName}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No licenses assigned to this group.</p>
        )}
        {access.managesLicenses ? (
          <button type="button" className="primary" onClick={() => setChange({ kind: "assign" })}>Assign license</button>
        ) : null}
      </section>

      <Members id={id} onAdd={editable ? () => setEdit("users") : undefined}
        onRemove={editable ? (u) => void remover.run("user", u.id, u.displayName) : undefined} />

      <section aria-labelledby="errors">
        <h2 id="errors">Members with license errors</h2>
        {g.hasMembersWithLicenseErrors ? <ErrorMembers id={id} /> : <p className="muted">No member has a license error.</p>}
      </section>

      {edit === "rename" ? <RenameGroupFlyout group={g} onClose={() => setEdit(null)} onDone={done} /> : null}
      {edit === "delete" ? <DeleteGroupFlyout group={g} licenses={g.assignedLicenses.length} onClose={() => setEdit(null)} /> : null}
      {edit === "users" || edit === "groups" ? (
        <AddMembersFlyout group={g} kind={edit} children={g.memberGroups} onClose={() => setEdit(null)} onDone={done} />
      ) : null}
      {change ? (
        <LicenseChange
          group={g}
          change={change}
          onClose={() => setChange(null)}
          onDone={(msg) => { setChange(null); setStatus(msg); }}
        />
      ) : null}
    </>
  );
}

type GroupRef = { id: string; displayName: string };

function GroupLinks({ groups, empty, onRemove }: { groups: readonly GroupRef[]; empty: string; onRemove?: (g: GroupRef) => void }) {
  if (!groups.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain">
      {groups.map((x) => (
        <li key={x.id} data-group={x.displayName}>
          <Link href={`/groups/${encodeURIComponent(x.id)}`}>{x.displayName}</Link>
          {onRemove ? (
            <>
              {" "}
              <button type="button" className="secondary" onClick={() => onRemove(x)}>Remove<span className="sr-only"> {x.displayName} from this group</span></button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type MemberRow = { id: string; displayName: string; userPrincipalName: string; effectiveLicenses: readonly { sku: { id: string; displayName: string }; state: string; error: string }[] };

function MemberTable({ caption, rows, onRemove }: { caption: string; rows: readonly MemberRow[]; onRemove?: (u: MemberRow) => void }) {
  return (
    <table className="grid">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Display name</th>
          <th scope="col">Username</th>
          <th scope="col">Licenses</th>
          {onRemove ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((u) => (
          <tr key={u.id} data-user={u.userPrincipalName}>
            <th scope="row"><Link href={`/users?search=${encodeURIComponent(u.userPrincipalName)}`}>{u.displayName}</Link></th>
            <td>{u.userPrincipalName}</td>
            <td><LicenseList licenses={u.effectiveLicenses} /></td>
            {onRemove ? (
              <td><button type="button" className="secondary" onClick={() => onRemove(u)}>Remove<span className="sr-only"> {u.displayName} from the group</span></button></td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Members({ id, onAdd, onRemove }: { id: string; onAdd?: () => void; onRemove?: (u: MemberRow) => void }) {
  // K8: the Direct/All choice and the page are in the URL (?members=all&page=…).
  const [params, update] = useSearchParams();
  const transitive = params.get("members") === "all";
  const pages = useCursorPages("page");
  const { data, error } = useQuery(GroupMembersQuery, { variables: { id, after: pages.after, first: PAGE, transitive } });
  const conn = transitive ? data?.securityGroup?.transitiveMembers : data?.securityGroup?.members;
  const pick = (t: boolean) => update({ members: t ? "all" : null, [pages.param]: null });
  return (
    <section aria-labelledby="members">
      <h2 id="members">Members</h2>
      <fieldset className="segmented">
        <legend className="sr-only">Which members</legend>
        <label><input type="radio" name="which-members" checked={!transitive} onChange={() => pick(false)} /> Direct members</label>
        <label><input type="radio" name="which-members" checked={transitive} onChange={() => pick(true)} /> All members, through nested groups too</label>
      </fieldset>
      {onAdd ? <button type="button" onClick={onAdd}>Add members</button> : null}
      {error ? <ErrorNotice error={error} title="The members could not be loaded" /> : null}
      {conn ? (
        <>
          {conn.nodes.length ? (
            <MemberTable caption={transitive ? "All members" : "Direct members"} rows={conn.nodes} onRemove={transitive ? undefined : onRemove} />
          ) : <p className="muted">No user members.</p>}
          <Pager label="Members pages" page={pages.page} pageSize={PAGE} shown={conn.nodes.length} total={conn.totalCount}
            hasNext={conn.pageInfo.hasNextPage} onNext={() => pages.next(conn.pageInfo.endCursor)} onPrevious={pages.previous} />
        </>
      ) : null}
    </section>
  );
}

function ErrorMembers({ id }: { id: string }) {
  const pages = useCursorPages("errorsPage");
  const { data, error } = useQuery(GroupErrorsQuery, { variables: { id, after: pages.after, first: PAGE } });
  const conn = data?.securityGroup?.membersWithLicenseErrors;
  if (error) return <ErrorNotice error={error} title="The members with errors could not be loaded" />;
  if (!conn) return null;
  return (
    <>
      <MemberTable caption="Members with license errors" rows={conn.nodes} />
      <Pager label="Members with errors pages" page={pages.page} pageSize={PAGE} shown={conn.nodes.length} total={conn.totalCount}
        hasNext={conn.pageInfo.hasNextPage} onNext={() => pages.next(conn.pageInfo.endCursor)} onPrevious={pages.previous} />
    </>
  );
}
