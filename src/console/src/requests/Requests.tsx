import { useQuery, useSubscription } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import type { RequestsQuery as Data } from "../gql/graphql";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";
import { Pager, useCursorPages } from "../ui/Pager";

const PAGE = 25;
export const REASON_MAX = 500;

export const RequestsQuery = graphql(`
  query Requests($after: String, $first: Int!) {
    tenant {
      id
      licenses { sku { id displayName kind } consumedUnits availableUnits unassignedDemand prepaidUnits { enabled warning suspended } }
      licenseRequests(status: PENDING, after: $after, first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          id status justification createdAt fromAutoClaim
          sku { id displayName }
          requester { id displayName userPrincipalName }
        }
      }
    }
  }
`);

const RequestChanged = graphql(`
  subscription LicenseRequestChanged {
    licenseRequestChanged { id status decidedAt reason }
  }
`);

const Approve = graphql(`
  mutation ApproveLicenseRequest($input: ApproveLicenseRequestInput!) {
    approveLicenseRequest(input: $input) { id status decidedAt grantedThroughGroup { id displayName } }
  }
`);

const Deny = graphql(`
  mutation DenyLicenseRequest($input: DenyLicenseRequestInput!) {
    denyLicenseRequest(input: $input) { id status decidedAt reason }
  }
`);

const GroupSearch = graphql(`
  query RequestGroups($search: String) {
    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName source assignedLicenses { sku { id } } } } }
  }
`);

type Req = NonNullable<Data["tenant"]>["licenseRequests"]["nodes"][number];
type Pool = NonNullable<Data["tenant"]>["licenses"][number];

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** V1 in the console: the pending requests with their SKU's seats; License and Global admins approve or deny them. */
export function Requests() {
  const access = useAccess();
  const pages = useCursorPages("page");
  const { data, error, loading, refetch } = useQuery(RequestsQuery, { variables: { after: pages.after, first: PAGE }, fetchPolicy: "cache-and-network" });
  const [open, setOpen] = useState<{ kind: "approve" | "deny"; id: string } | null>(null);
  const [status, setStatus] = useState("");
  // Live (§11): a request opened or decided elsewhere makes the list fetch again; a failure leaves it as it is.
  useSubscription(RequestChanged, { onData: () => void refetch().catch(() => undefined) });
  const tenant = data?.tenant;
  const requests = tenant?.licenseRequests;
  const pool = (skuId: string) => tenant?.licenses.find((l) => l.sku.id === skuId);
  const chosen = requests?.nodes.find((r) => r.id === open?.id);
  const done = (message: string) => {
    setOpen(null);
    setStatus(message);
  };
  return (
    <>
      <h1>License requests</h1>
      <p>
        People who asked for a license, newest first. {access.managesLicenses ? "Approve gives the seat now — directly, or by adding the person to a group that has the license — or deny with a reason the person sees." : "Only a License admin or a Global admin can approve or deny them."}
      </p>
      <p role="status" className={status ? "notice ok" : "sr-only"}>{status}</p>
      {error ? <ErrorNotice error={error} title="The requests could not be loaded" /> : null}
      {loading && !tenant ? <p role="status">Loading requests…</p> : null}
      {requests ? (
        requests.totalCount === 0 && pages.page === 1 ? (
          <p className="notice">No request is waiting.</p>
        ) : (
          <>
            <table className="grid">
              <caption className="sr-only">Pending license requests</caption>
              <thead>
                <tr>
                  <th scope="col">Requested by</th>
                  <th scope="col">License</th>
                  <th scope="col">Seats</th>
                  <th scope="col">Justification</th>
                  <th scope="col">Requested</th>
                  {access.managesLicenses ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {requests.nodes.map((r) => (
                  <tr key={r.id} data-request={r.requester.userPrincipalName}>
                    <th scope="row">{r.requester.displayName}<div className="muted">{r.requester.userPrincipalName}</div></th>
                    <td>{r.sku.displayName}{r.fromAutoClaim ? <div className="muted">Asked at first use (auto-claim found no free seat)</div> : null}</td>
                    <td><Seats pool={pool(r.sku.id)} /></td>
                    <td>{r.justification || <span className="muted">None given</span>}</td>
                    <td>{when(r.createdAt)}</td>
                    {access.managesLicenses ? (
                      <td className="actions">
                        <div>
                          <button type="button" onClick={() => setOpen({ kind: "approve", id: r.id })}>Approve<span className="sr-only"> {r.requester.displayName}'s request</span></button>
                          <button type="button" onClick={() => setOpen({ kind: "deny", id: r.id })}>Deny<span className="sr-only"> {r.requester.displayName}'s request</span></button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager label="Requests pages" page={pages.page} pageSize={PAGE} shown={requests.nodes.length} total={requests.totalCount}
              hasNext={requests.pageInfo.hasNextPage} onNext={() => pages.next(requests.pageInfo.endCursor)} onPrevious={pages.previous} />
          </>
        )
      ) : null}
      {open?.kind === "approve" && chosen ? <ApproveFlyout request={chosen} pool={pool(chosen.sku.id)} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === "deny" && chosen ? <DenyFlyout request={chosen} onClose={() => setOpen(null)} onDone={done} /> : null}
    </>
  );
}

function Seats({ pool }: { pool: Pool | undefined }) {
  if (!pool) return <span className="muted">None bought</span>;
  return (
    <span>
      {pool.availableUnits.toLocaleString()} available, {pool.consumedUnits.toLocaleString()} assigned
      {pool.unassignedDemand ? <div className="muted">{pool.unassignedDemand.toLocaleString()} waiting for a seat</div> : null}
    </span>
  );
}

/** SEATS_EXHAUSTED on an approval, said about this request (V1: an approval gives the seat now or not at all). */
const seatsWords = (r: Req, pool: Pool | undefined) => ({
  SEATS_EXHAUSTED: `No seat of ${r.sku.displayName} is free${pool ? ` (${pool.availableUnits.toLocaleString()} available, ${pool.consumedUnits.toLocaleString()} assigned${pool.unassignedDemand ? `, ${pool.unassignedDemand.toLocaleString()} already waiting` : ""})` : ""}, so ${r.requester.displayName} cannot be given one now. Nothing changed and the request is still waiting. Buy more seats or reclaim one from someone who no longer uses it, then approve again.`,
  BAD_USER_INPUT: `That group does not give ${r.sku.displayName} (neither it nor a group it is nested in has the license). Choose another group, or approve directly.`,
});

function ApproveFlyout({ request: r, pool, onClose, onDone }: { request: Req; pool: Pool | undefined; onClose: () => void; onDone: (m: string) => void }) {
  const [how, setHow] = useState<"DIRECT" | "GROUP">("DIRECT");
  const [search, setSearch] = useState("");
  const [groupId, setGroupId] = useState("");
  const groups = useQuery(GroupSearch, { variables: { search: search || null }, skip: how !== "GROUP" });
  const [approve, approving] = useCommit(Approve);
  const cloud = (groups.data?.tenant?.securityGroups.nodes ?? []).filter((g) => g.source === "CLOUD");
  const group = cloud.find((g) => g.id === groupId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await approve({ variables: { input: how === "GROUP" ? { id: r.id, grantAs: "GROUP", groupId } : { id: r.id } } });
      onDone(how === "GROUP" ? `Approved: ${r.requester.displayName} was added to ${group?.displayName ?? "the group"} and has ${r.sku.displayName}.` : `Approved: ${r.requester.displayName} has ${r.sku.displayName}.`);
    } catch {
      // Shown from approving.error; the request is still pending.
    }
  };
  return (
    <Flyout title={`Approve ${r.requester.displayName}'s request`} onClose={onClose}
      footer={<><button type="submit" form="approve-form" className="primary" disabled={approving.loading || (how === "GROUP" && !groupId)}>{approving.loading ? "Approving…" : "Approve"}</button><button type="button" onClick={onClose}>Cancel</button></>}>
      <p>{r.requester.displayName} asks for {r.sku.displayName}. <Seats pool={pool} /></p>
      <form id="approve-form" onSubmit={submit}>
        <fieldset>
          <legend>Give the license</legend>
          <label className="radio"><input type="radio" name="grant" checked={how === "DIRECT"} onChange={() => { setHow("DIRECT"); approving.reset(); }} /> Directly to {r.requester.displayName}</label>
          <label className="radio"><input type="radio" name="grant" checked={how === "GROUP"} onChange={() => { setHow("GROUP"); approving.reset(); }} /> By adding {r.requester.displayName} to a group that has it</label>
        </fieldset>
        {how === "GROUP" ? (
          <>
            <label htmlFor="approve-group-search">Search groups</label>
            <input id="approve-group-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Group name" />
            <label htmlFor="approve-group">Group</label>
            <select id="approve-group" value={groupId} onChange={(e) => { setGroupId(e.target.value); approving.reset(); }}>
              <option value="">Choose a group</option>
              {cloud.map((g) => (
                <option key={g.id} value={g.id}>{g.displayName}{g.assignedLicenses.some((l) => l.sku.id === r.sku.id) ? ` (has ${r.sku.displayName})` : ""}</option>
              ))}
            </select>
            {groups.error ? <ErrorNotice error={groups.error} title="The groups could not be loaded" /> : null}
          </>
        ) : null}
      </form>
      {approving.error ? <ErrorNotice error={approving.error} title="The request was not approved" words={seatsWords(r, pool)} /> : null}
    </Flyout>
  );
}

function DenyFlyout({ request: r, onClose, onDone }: { request: Req; onClose: () => void; onDone: (m: string) => void }) {
  const [reason, setReason] = useState("");
  const [deny, denying] = useCommit(Deny);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await deny({ variables: { input: { id: r.id, reason: reason.trim() || null } } });
      onDone(`Denied ${r.requester.displayName}'s request for ${r.sku.displayName}.`);
    } catch {
      // Shown from denying.error.
    }
  };
  return (
    <Flyout title={`Deny ${r.requester.displayName}'s request`} onClose={onClose}
      footer={<><button type="submit" form="deny-form" className="primary" disabled={denying.loading}>{denying.loading ? "Denying…" : "Deny"}</button><button type="button" onClick={onClose}>Cancel</button></>}>
      <form id="deny-form" onSubmit={submit}>
        <label htmlFor="deny-reason">Reason ({r.requester.displayName} sees it)</label>
        <textarea id="deny-reason" rows={4} maxLength={REASON_MAX} value={reason} aria-describedby="deny-count" onChange={(e) => { setReason(e.target.value); denying.reset(); }} />
        <p id="deny-count" className="muted">{reason.length} of {REASON_MAX} characters</p>
      </form>
      {denying.error ? <ErrorNotice error={denying.error} title="The request was not denied" /> : null}
    </Flyout>
  );
}
