import { useApolloClient, useQuery, useSubscription } from "@apollo/client/react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { refreshLater } from "../ui/commit";
import { Link } from "../router";

// One selection for the query and the subscription: a delivery then updates every field the pages read from the cache.
graphql(`
  fragment PoolFigures on TenantLicense {
    sku { id displayName kind }
    prepaidUnits { enabled warning suspended }
    consumedUnits
    availableUnits
    unassignedDemand
    lowOnSeats
  }
`);

export const LivePoolsQuery = graphql(`
  query LivePools {
    tenant {
      id
      seatAlertThreshold
      licenses { ...PoolFigures }
    }
  }
`);

const PoolsChanged = graphql(`
  subscription PoolsChanged {
    tenantLicensesChanged { ...PoolFigures }
  }
`);

/** Pages whose figures follow the pools: who holds a seat, who is in error. */
const FOLLOWERS = ["ActiveUsers", "Groups", "Group", "GroupMembers", "GroupLicenseErrors", "Subscriptions", "Capacity"];

/**
 * §11 in the console: one tenantLicensesChanged subscription for the signed-in reader. Each delivery updates the
 * pools in the normalized cache (a pool is keyed by its SKU), so every page showing them changes at once; the pages
 * listing users' license states fetch again; and a pool that runs low (E5) raises a banner on every page.
 */
export function LivePools() {
  const access = useAccess();
  const client = useApolloClient();
  const pools = useQuery(LivePoolsQuery, { fetchPolicy: "cache-and-network" });
  useSubscription(PoolsChanged, {
    onData: ({ data }) => {
      const changed = data.data?.tenantLicensesChanged ?? [];
      const known = new Set(pools.data?.tenant?.licenses.map((l) => l.sku.id));
      // A pool seen for the first time (a first purchase) is not in any list yet: the list is fetched again.
      if (changed.some((l) => !known.has(l.sku.id))) void pools.refetch();
      // Best-effort (K8): a refresh that fails leaves the pages as they are.
      refreshLater(client, FOLLOWERS);
    },
  });
  const low = (pools.data?.tenant?.licenses ?? []).filter((l) => l.lowOnSeats && l.sku.kind === "USER");
  if (!low.length) return null;
  return (
    <div className="notice warn low-seats" role="status" aria-live="polite">
      {low.map((l) => (
        <p key={l.sku.id}>
          <strong>{l.sku.displayName} is running low:</strong> {l.availableUnits.toLocaleString()} of{" "}
          {(l.prepaidUnits.enabled + l.prepaidUnits.warning).toLocaleString()} seats available
          {l.unassignedDemand ? `, ${l.unassignedDemand.toLocaleString()} ${l.unassignedDemand === 1 ? "person" : "people"} waiting for one` : ""}.{" "}
          {access.managesBilling ? <Link href="/billing/purchase">Buy more seats</Link> : "Ask a Billing admin to buy more seats."}
        </p>
      ))}
    </div>
  );
}
