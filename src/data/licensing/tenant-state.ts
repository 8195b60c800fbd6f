import { SeatPool, SecurityGroup, Subscription } from "../entities";
import { TenantDb } from "../tenant-db";
import { TenantGraph } from "./graph";
import type { UserFacts } from "./user-facts";
import { DEFAULT_USAGE_LOCATION } from "../../domain/limits";

/** What every license read of a tenant needs besides the users themselves: small, and the same until the tenant's next write. */
export interface TenantState {
  version: number;
  subscriptions: Subscription[];
  seatPools: SeatPool[];
  graph: TenantGraph;
  /** L1: the usage location of users without their own. */
  defaultUsageLocation: string;
  /** Users' facts read at this version (bounded): the hot `me` check then costs only the sign-in statement. */
  userFacts: Map<string, UserFacts>;
  /** Group rows read at this version (bounded): a page's chains name the same groups page after page. Read-only. */
  groups: Map<string, SecurityGroup>;
}

export const MAX_CACHED_USER_FACTS = 10_000;
export const MAX_CACHED_GROUPS = 10_000;

export async function loadTenantState(db: TenantDb, version: number): Promise<TenantState> {
  const [subscriptions, seatPools, graph, tenant] = await Promise.all([
    db.find(Subscription, {}, { createdAt: "ASC", id: "ASC" }),
    db.find(SeatPool),
    TenantGraph.load(db),
    db.tenant(),
  ]);
  return { version, subscriptions, seatPools, graph, defaultUsageLocation: tenant?.defaultUsageLocation ?? DEFAULT_USAGE_LOCATION, userFacts: new Map(), groups: new Map() };
}

/**
 * Per-instance cache of tenant states, keyed by the tenant's state_version:
 * any instance's write bumps the version, so a stale entry is never used.
 * Least recently used tenants leave first.
 */
export class TenantStateCache {
  private readonly entries = new Map<string, TenantState>();

  constructor(private readonly maxTenants = 500) {}

  get(tenantId: string, version: number): TenantState | undefined {
    const e = this.entries.get(tenantId);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(tenantId);
    this.entries.set(tenantId, e);
    return e;
  }

  set(tenantId: string, state: TenantState): void {
    this.entries.delete(tenantId);
    this.entries.set(tenantId, state);
    if (this.entries.size > this.maxTenants) this.entries.delete(this.entries.keys().next().value!);
  }
}
