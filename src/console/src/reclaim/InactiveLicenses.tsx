import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { Link, useSearchParams } from "../router";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Pager, useCursorPages } from "../ui/Pager";

const PAGE = 50;

export const InactivePoolsQuery = graphql(`
  query InactivePools {
    tenant { id inactiveAfterDays autoReclaim licenses { sku { id displayName kind } consumedUnits availableUnits } }
  }
`);

export const InactiveHoldersQuery = graphql(`
  query InactiveHolders($skuId: ID!, $after: String, $first: Int!) {
    tenant {
      id
      inactiveLicenseHolders(skuId: $skuId, after: $after, first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes {
          user { id displayName userPrincipalName }
          lastActivityAt
          reclaimable
          reclaimWarningAt
          throughGroups { id displayName }
        }
      }
    }
  }
`);

const Reclaim = graphql(`
  mutation ReclaimLicenses($input: ReclaimLicensesInput!) {
    reclaimLicenses(input: $input) {
      reclaimed { id displayName }
      skipped { id displayName }
      tenantLicense { sku { id } consumedUnits availableUnits unassignedDemand }
    }
  }
`);

const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" }) : null);

/** V4 in the console: a SKU's seat holders inactive for the tenant's inactiveAfterDays, and Reclaim for the ticked ones. */
export function InactiveLicenses() {
  const access = useAccess();
  const [params, update] = useSearchParams();
  const pages = useCursorPages("page");
  const pools = useQuery(InactivePoolsQuery);
  const userPools = (pools.data?.tenant?.licenses ?? []).filter((l) => l.sku.kind === "USER");
  const skuId = params.get("sku") || userPools[0]?.sku.id || "";
  const sku = userPools.find((p) => p.sku.id === skuId)?.sku;
  const holders = useQuery(InactiveHoldersQuery, { variables: { skuId, after: pages.after, first: PAGE }, skip: !skuId, fetchPolicy: "cache-and-network" });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState("");
  const [reclaim, reclaiming] = useCommit(Reclaim);
  const list = holders.data?.tenant?.inactiveLicenseHolders;
  const reclaimable = list?.nodes.filter((h) => h.reclaimable) ?? [];
  const tenant = pools.data?.tenant;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const run = async () => {
    setStatus("");
    try {
      const r = (await reclaim({ variables: { input: { skuId, userIds: [...selected] } } })).reclaimLicenses;
      setSelected(new Set());
      const names = (us: readonly { displayName: string }[]) => us.map((u) => u.displayName).join(", ");
      setStatus(
        `Reclaimed ${r.reclaimed.length === 1 ? "1 license" : `${r.reclaimed.length.toLocaleString()} licenses`}${r.reclaimed.length ? ` (${names(r.reclaimed)})` : ""}; ` +
          (r.tenantLicense.availableUnits === 1 ? "1 seat is now available." : `${r.tenantLicense.availableUnits.toLocaleString()} seats are now available.`) +
          (r.skipped.length ? ` Left as they were (active again, or licensed through a group): ${names(r.skipped)}.` : ""),
      );
    } catch {
      // Shown from reclaiming.error; nothing changed.
    }
  };
  const allOnPage = reclaimable.length > 0 && reclaimable.every((h) => selected.has(h.user.id));
  return (
    <>
      <h1>Inactive licenses</h1>
      {tenant ? (
        <p>
          People who hold a seat and have not used the product for {tenant.inactiveAfterDays.toLocaleString()} days or more.{" "}
          {tenant.autoReclaim ? "Automatic reclamation is on: they are warned, and their direct licenses are taken back 7 days later unless they are active again." : "Automatic reclamation is off."}{" "}
          <Link href="/settings">Change this in Settings</Link>.
        </p>
      ) : null}
      {pools.error ? <ErrorNotice error={pools.error} title="The licenses could not be loaded" /> : null}
      {tenant && !userPools.length ? <p>The organization has no user licenses yet.</p> : null}
      {userPools.length ? (
        <div className="toolbar filters">
          <label htmlFor="inactive-sku">License</label>
          <select id="inactive-sku" value={skuId} onChange={(e) => { setSelected(new Set()); update({ sku: e.target.value, page: null }, true); }}>
            {userPools.map((p) => <option key={p.sku.id} value={p.sku.id}>{p.sku.displayName}</option>)}
          </select>
        </div>
      ) : null}
      <p role="status" className={status ? "notice ok" : "sr-only"}>{status}</p>
      {reclaiming.error ? <ErrorNotice error={reclaiming.error} title="No license was reclaimed" /> : null}
      {holders.error ? <ErrorNotice error={holders.error} title="The inactive holders could not be loaded" /> : null}
      {holders.loading && !list ? <p role="status">Loading…</p> : null}
      {list && sku ? (
        list.totalCount === 0 && pages.page === 1 ? (
          <p className="notice">Nobody holding {sku.displayName} is inactive.</p>
        ) : (
          <>
            {access.managesLicenses ? (
              <div className="toolbar selection" role="region" aria-label="Selected holders">
                <span>{selected.size === 1 ? "1 holder selected" : `${selected.size.toLocaleString()} holders selected`}</span>
                <button type="button" className="primary" disabled={!selected.size || reclaiming.loading} onClick={() => void run()}>
                  {reclaiming.loading ? "Reclaiming…" : "Reclaim licenses"}
                </button>
              </div>
            ) : null}
            <table className="grid">
              <caption className="sr-only">Inactive holders of {sku.displayName}</caption>
              <thead>
                <tr>
                  {access.managesLicenses ? (
                    <th scope="col">
                      <input type="checkbox" aria-label="Select every reclaimable holder on this page" checked={allOnPage} disabled={!reclaimable.length}
                        onChange={(e) => reclaimable.forEach((h) => toggle(h.user.id, e.target.checked))} />
                    </th>
                  ) : null}
                  <th scope="col">User</th>
                  <th scope="col">Last active</th>
                  <th scope="col">How the license is held</th>
                </tr>
              </thead>
              <tbody>
                {list.nodes.map((h) => (
                  <tr key={h.user.id} data-user={h.user.userPrincipalName}>
                    {access.managesLicenses ? (
                      <td>
                        {h.reclaimable ? (
                          <input type="checkbox" aria-label={`Select ${h.user.displayName}`} checked={selected.has(h.user.id)} onChange={(e) => toggle(h.user.id, e.target.checked)} />
                        ) : null}
                      </td>
                    ) : null}
                    <th scope="row">{h.user.displayName}<div className="muted">{h.user.userPrincipalName}</div></th>
                    <td>{day(h.lastActivityAt) ?? "Never"}{h.reclaimWarningAt ? <div className="muted">Warned {day(h.reclaimWarningAt)}</div> : null}</td>
                    <td>
                      {h.reclaimable ? "Assigned directly: can be reclaimed." : null}
                      {!h.reclaimable && h.throughGroups.length ? (
                        <>
                          Through {h.throughGroups.map((g) => g.displayName).join(", ")}: cannot be reclaimed from the user.{" "}
                          Remove them from {h.throughGroups.length === 1 ? "the group" : "those groups"}, or the license from {h.throughGroups.length === 1 ? "the group" : "the groups"}.
                        </>
                      ) : null}
                      {h.reclaimable && h.throughGroups.length ? <div className="muted">Also through {h.throughGroups.map((g) => g.displayName).join(", ")}.</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager label="Inactive holders pages" page={pages.page} pageSize={PAGE} shown={list.nodes.length} total={list.totalCount}
              hasNext={list.pageInfo.hasNextPage} onNext={() => pages.next(list.pageInfo.endCursor)} onPrevious={pages.previous} />
          </>
        )
      ) : null}
    </>
  );
}
