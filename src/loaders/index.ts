import DataLoader from "dataloader";
import { Bot, GroupUserMember, LicenseWant, SeatPool, SecurityGroup, Subscription, User, UserLicenseAssignment, UserTrial } from "../entities";
import type { Ctx } from "../context";
import { chainsForUser } from "../licensing/chains";
import { TenantGraph } from "../licensing/graph";
import { EffectiveLicenseView, effectiveLicenses, TenantLicensing } from "../licensing/read-model";
import { SeatEngine } from "../licensing/seat-engine";
import { groupBy } from "../util";

/**
 * Per-request batching: a page of N users costs the same number of statements
 * whatever N is. Loaders are built per request from the tenant-scoped reader,
 * and every cache key carries the tenant ID.
 */
export interface Loaders {
  user: DataLoader<string, User | null, string>;
  group: DataLoader<string, SecurityGroup | null, string>;
  bot: DataLoader<string, Bot | null, string>;
  membershipsOfUser: DataLoader<string, GroupUserMember[], string>;
  directAssignmentsOfUser: DataLoader<string, UserLicenseAssignment[], string>;
  wantsOfUser: DataLoader<string, LicenseWant[], string>;
  trialsOfUser: DataLoader<string, UserTrial[], string>;
  botsOfOwner: DataLoader<string, Bot[], string>;
  /** A user's groups: direct ones, every group reached through nesting with its S13 chain, and the group rows. */
  reach: DataLoader<string, UserReach, string>;
  graph(): Promise<TenantGraph>;
  /** Subscriptions as of now; first brings the seat allocation up to date if time moved the pool (P6, S5). */
  licensing(): Promise<TenantLicensing>;
  effective: DataLoader<string, EffectiveLicenseView[], string>;
}

export interface UserReach {
  directGroupIds: string[];
  chains: Map<string, string[]>;
  groups: Map<string, SecurityGroup>;
}

export function createLoaders(ctx: Ctx): Loaders {
  const db = ctx.db;
  const tid = db.tenantId;
  const opts = <K extends string>() => ({ cacheKeyFn: (k: K) => `${tid}:${k}`, maxBatchSize: 5000 });

  const byId = <T extends { id: string; tenantId: string }>(entity: new () => T) =>
    new DataLoader<string, T | null, string>(async (ids) => {
      const rows = await db.findIn(entity, "id" as keyof T & string, [...ids]);
      const m = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => m.get(id) ?? null);
    }, opts());

  const listBy = <T extends { tenantId: string }>(entity: new () => T, key: keyof T & string) =>
    new DataLoader<string, T[], string>(async (keys) => {
      const m = groupBy(await db.findIn(entity, key, [...keys]), (r) => r[key] as unknown as string);
      return keys.map((k) => m.get(k) ?? []);
    }, opts());

  let graph: Promise<TenantGraph> | undefined;
  let licensing: Promise<TenantLicensing> | undefined;

  const loaders: Loaders = {
    user: byId(User),
    group: byId(SecurityGroup),
    bot: byId(Bot),
    membershipsOfUser: listBy(GroupUserMember, "userId"),
    directAssignmentsOfUser: listBy(UserLicenseAssignment, "userId"),
    wantsOfUser: listBy(LicenseWant, "userId"),
    trialsOfUser: listBy(UserTrial, "userId"),
    botsOfOwner: listBy(Bot, "ownerId"),
    graph: () => (graph ??= TenantGraph.load(db)),
    // One batch for every view of a user's groups, so a page costs the same statements whatever its size.
    reach: new DataLoader<string, UserReach, string>(async (userIds) => {
      const [members, g] = await Promise.all([loaders.membershipsOfUser.loadMany([...userIds]), loaders.graph()]);
      const reach = userIds.map((_, i) => {
        const directGroupIds = (members[i] as GroupUserMember[]).map((m) => m.groupId).sort();
        return { directGroupIds, chains: chainsForUser(directGroupIds, g.chainsFrom) };
      });
      const ids = [...new Set(reach.flatMap((r) => [...r.chains.keys()]))];
      const rows = (await loaders.group.loadMany(ids)).filter((x): x is SecurityGroup => x instanceof SecurityGroup);
      const groups = new Map(rows.map((r) => [r.id, r]));
      return reach.map((r) => ({ ...r, groups }));
    }, opts()),
    licensing: () => (licensing ??= loadLicensing(ctx)),
    effective: new DataLoader<string, EffectiveLicenseView[], string>(async (userIds) => {
      const [lic, g] = await Promise.all([loaders.licensing(), loaders.graph()]);
      const [reach, direct, wants, trials] = await Promise.all([
        loaders.reach.loadMany([...userIds]),
        loaders.directAssignmentsOfUser.loadMany([...userIds]),
        loaders.wantsOfUser.loadMany([...userIds]),
        loaders.trialsOfUser.loadMany([...userIds]),
      ]);
      return userIds.map((_, i) =>
        effectiveLicenses(lic, g, {
          directGroupIds: (reach[i] as UserReach).directGroupIds,
          direct: direct[i] as UserLicenseAssignment[],
          wants: wants[i] as LicenseWant[],
          trials: trials[i] as UserTrial[],
        }),
      );
    }, opts()),
  };
  return loaders;
}


async function loadLicensing(ctx: Ctx): Promise<TenantLicensing> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const subs = await db.find(Subscription, {}, { createdAt: "ASC" });
  const lic = new TenantLicensing(ctx.catalog, subs, now);
  const allocated = new Map((await db.find(SeatPool)).map((p) => [p.skuId, p.allocatedPool]));
  const stale = ctx.catalog.assignable().some((s) => (allocated.get(s.id) ?? 0) !== (lic.pools.get(s.id) ?? 0));
  if (stale) await ctx.write((tx) => new SeatEngine(tx, ctx.catalog, ctx.clock).rebalance());
  return lic;
}
