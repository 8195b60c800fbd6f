import DataLoader from "dataloader";
import { CHUNK as LOADER_BATCH } from "../../data/tenant-db";
import { Bot, SecurityGroup, Tenant, User } from "../../data/entities";
import type { TenantDb } from "../../data/tenant-db";
import type { Catalog } from "../../data/catalog";
import type { Clock } from "../../domain/clock";
import { chainsForUser } from "../../domain/licensing/chains";
import { TenantGraph } from "../../data/licensing/graph";
import { EffectiveLicenseView, effectiveLicenses, TenantLicensing } from "./read-model";
import { loadTenantState, MAX_CACHED_GROUPS, MAX_CACHED_USER_FACTS, TenantState, TenantStateCache } from "../../data/licensing/tenant-state";
import { loadUserFacts, UserFacts } from "../../data/licensing/user-facts";
import { groupBy } from "../../domain/collections";
import { poolsMoved } from "../../domain/licensing/allocation";

export interface UserReach {
  directGroupIds: string[];
  chains: Map<string, string[]>;
  groups: Map<string, SecurityGroup>;
}

export interface Loaders {
  user: DataLoader<string, User | null, string>;
  group: DataLoader<string, SecurityGroup | null, string>;
  bot: DataLoader<string, Bot | null, string>;
  botsOfOwner: DataLoader<string, Bot[], string>;
  /** Memberships, direct assignments, wants and trials of users: one statement per batch. */
  facts: DataLoader<string, UserFacts, string>;
  /** A user's groups: direct ones, every group reached through nesting with its S13 chain, and the group rows. */
  reach: DataLoader<string, UserReach, string>;
  effective: DataLoader<string, EffectiveLicenseView[], string>;
  /** The tenant's subscriptions, seat pools and group graph: cached per instance until the tenant's next write. */
  state(): Promise<TenantState>;
  graph(): Promise<TenantGraph>;
  /** Subscriptions as of now (P6). Reads only: reallocation is the app's explicit step (reallocateIfStale). */
  licensing(): Promise<TenantLicensing>;
  seatsStale(): Promise<boolean>;
}

/** What a request's loaders read from: its tenant's reader, and what the request already knows. */
export interface LoaderSource {
  db: TenantDb;
  catalog: Catalog;
  clock: Clock;
  tenantStates: TenantStateCache;
  /** The signed-in user's row (read with the sign-in): primed, never read again. */
  signedInUser?: User;
  /** The tenant's row as signed in, until the request writes (its state version keys the cache). */
  signedInTenant: () => Tenant | undefined;
}

/**
 * Per-request batching: a page of N users costs the same statements whatever N
 * is. Loaders are built per request from the tenant-scoped reader, and every
 * cache key carries the tenant ID.
 */
export function createLoaders(src: LoaderSource): Loaders {
  const db = src.db;
  const tid = db.tenantId;
  const opts = <K extends string>() => ({ cacheKeyFn: (k: K) => `${tid}:${k}`, maxBatchSize: LOADER_BATCH });

  const byId = <T extends { id: string; tenantId: string }>(entity: new () => T) =>
    new DataLoader<string, T | null, string>(async (ids) => {
      const rows = await db.findIn(entity, "id" as keyof T & string, [...ids]);
      const m = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => m.get(id) ?? null);
    }, opts());

  let state: Promise<TenantState> | undefined;
  let licensing: Promise<TenantLicensing> | undefined;

  const loaders: Loaders = {
    user: byId(User),
    group: new DataLoader<string, SecurityGroup | null, string>(async (ids) => {
      // Group rows change only with a write, which bumps the tenant's version: they are kept with its state.
      const rows = await throughCache((await loaders.state()).groups, MAX_CACHED_GROUPS, ids, true, async (missing) =>
        new Map((await db.findIn(SecurityGroup, "id", missing)).map((g) => [g.id, g])),
      );
      return ids.map((id) => rows.get(id) ?? null);
    }, opts()),
    bot: byId(Bot),
    botsOfOwner: new DataLoader<string, Bot[], string>(async (owners) => {
      const m = groupBy(await db.findIn(Bot, "ownerId", [...owners]), (b) => b.ownerId);
      return owners.map((o) => m.get(o) ?? []);
    }, opts()),
    facts: new DataLoader<string, UserFacts, string>(async (userIds) => {
      // Facts change only with a write, and every write bumps the tenant's version: a single user's (the hot
      // `me` check) are kept with its state; pages read theirs and leave the cache alone.
      const facts = await throughCache((await loaders.state()).userFacts, MAX_CACHED_USER_FACTS, userIds, userIds.length === 1, (missing) =>
        loadUserFacts(db, missing),
      );
      return userIds.map((u) => facts.get(u)!);
    }, opts()),
    state: () => (state ??= tenantState(src)),
    graph: async () => (await loaders.state()).graph,
    reach: new DataLoader<string, UserReach, string>(async (userIds) => {
      const [facts, g] = await Promise.all([loaders.facts.loadMany([...userIds]), loaders.graph()]);
      const reach = userIds.map((_, i) => {
        const directGroupIds = (facts[i] as UserFacts).groupIds;
        return { directGroupIds, chains: chainsForUser(directGroupIds, g.chainsFrom) };
      });
      const ids = [...new Set(reach.flatMap((r) => [...r.chains.keys()]))];
      const rows = (await loaders.group.loadMany(ids)).filter((x): x is SecurityGroup => x instanceof SecurityGroup);
      const groups = new Map(rows.map((r) => [r.id, r]));
      return reach.map((r) => ({ ...r, groups }));
    }, opts()),
    licensing: () => (licensing ??= loadLicensing(src, loaders)),
    seatsStale: () => seatsStale(src, loaders),
    effective: new DataLoader<string, EffectiveLicenseView[], string>(async (userIds) => {
      const [lic, state, facts] = await Promise.all([loaders.licensing(), loaders.state(), loaders.facts.loadMany([...userIds])]);
      // L3: a location matters only to a user who wants a SKU without holding its seat (every source has a want row);
      // seat holders (the hot check) read nothing more.
      const unseated = userIds.filter((_, i) => (facts[i] as UserFacts).wants.some((w) => !w.holdsSeat));
      const users = unseated.length ? await loaders.user.loadMany(unseated) : [];
      const location = new Map(unseated.map((u, i) => [u, (users[i] instanceof User && (users[i] as User).usageLocation) || state.defaultUsageLocation]));
      return userIds.map((u, i) => {
        const f = facts[i] as UserFacts;
        return effectiveLicenses(lic, state.graph, { directGroupIds: f.groupIds, direct: f.direct, wants: f.wants, trials: f.trials, usageLocation: location.get(u) });
      });
    }, opts()),
  };
  if (src.signedInUser) loaders.user.prime(src.signedInUser.id, src.signedInUser);
  return loaders;
}

/**
 * What a tenant state's cache (`known`, kept until the tenant's next write) holds for `ids`, the rest read with
 * `load`; what was read joins the cache when `keep`, while it has room for `max` entries.
 */
async function throughCache<V>(
  known: Map<string, V>, max: number, ids: readonly string[], keep: boolean, load: (missing: string[]) => Promise<Map<string, V>>,
): Promise<Map<string, V>> {
  const missing = ids.filter((id) => !known.has(id));
  const fresh = missing.length ? await load(missing) : new Map<string, V>();
  if (keep) for (const [id, v] of fresh) if (known.size < max) known.set(id, v);
  const out = new Map(fresh);
  for (const id of ids) if (known.has(id)) out.set(id, known.get(id)!);
  return out;
}

async function tenantState(src: LoaderSource): Promise<TenantState> {
  const db = src.db;
  const version = src.signedInTenant()?.stateVersion ?? (await db.stateVersion());
  const cached = src.tenantStates.get(db.tenantId, version);
  if (cached) return cached;
  const fresh = await loadTenantState(db, version);
  src.tenantStates.set(db.tenantId, fresh);
  return fresh;
}

async function loadLicensing(src: LoaderSource, loaders: Loaders): Promise<TenantLicensing> {
  const state = await loaders.state();
  return new TenantLicensing(src.catalog, state.subscriptions, src.clock.now());
}

/** Whether time has moved a pool (P6) since the seats were last allocated: then seats are stale until reallocated (S5). */
async function seatsStale(src: LoaderSource, loaders: Loaders): Promise<boolean> {
  const [state, lic] = await Promise.all([loaders.state(), loaders.licensing()]);
  return poolsMoved(src.catalog.assignable().map((s) => s.id), state.seatPools, (skuId) => lic.pools.get(skuId) ?? 0).length > 0;
}
