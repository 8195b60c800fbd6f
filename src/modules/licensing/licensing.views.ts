import type { Ctx } from "../../context";
import { GroupLicenseAssignment, SecurityGroup, User, UserLicenseAssignment } from "../../entities";
import { chainsForUser } from "../../licensing/chains";
import { SourceFacts } from "../../licensing/effective";
import { AssignedLicense, EffectiveLicense, LicenseAssignmentState, LicenseSource } from "./licensing.types";

async function groups(ctx: Ctx, ids: string[]): Promise<SecurityGroup[]> {
  const rows = await ctx.loaders.group.loadMany(ids);
  return rows.filter((g): g is SecurityGroup => g instanceof SecurityGroup);
}

function assigned(ctx: Ctx, a: UserLicenseAssignment | GroupLicenseAssignment): AssignedLicense {
  return {
    sku: ctx.catalog.sku(a.skuId)!,
    disabledPlans: a.disabledPlanIds.map((id) => ctx.catalog.plan(id)!).filter(Boolean),
    assignedAt: a.assignedAt,
  };
}

async function source(ctx: Ctx, s: SourceFacts): Promise<LicenseSource> {
  const [group] = s.groupId ? await groups(ctx, [s.groupId]) : [];
  return { kind: s.kind, group: group ?? null, via: await groups(ctx, s.via) };
}

/** GraphQL shapes of a user's memberships and licenses, all read through the request's loaders. */
export const userLicenseViews = {
  async memberOf(ctx: Ctx, u: User): Promise<SecurityGroup[]> {
    const members = await ctx.loaders.membershipsOfUser.load(u.id);
    return groups(ctx, members.map((m) => m.groupId).sort());
  },

  async transitiveMemberOf(ctx: Ctx, u: User): Promise<SecurityGroup[]> {
    const [members, graph] = await Promise.all([ctx.loaders.membershipsOfUser.load(u.id), ctx.loaders.graph()]);
    const reach = chainsForUser(members.map((m) => m.groupId), graph.chainsFrom);
    return groups(ctx, [...reach.keys()].sort());
  },

  async assignedLicenses(ctx: Ctx, u: User): Promise<AssignedLicense[]> {
    return (await ctx.loaders.directAssignmentsOfUser.load(u.id)).map((a) => assigned(ctx, a));
  },

  async effectiveLicenses(ctx: Ctx, u: User): Promise<EffectiveLicense[]> {
    const views = await ctx.loaders.effective.load(u.id);
    return Promise.all(
      views.map(async (v) => ({
        sku: ctx.catalog.sku(v.skuId)!,
        state: v.state,
        error: v.error,
        holdsSeat: v.holdsSeat,
        enabledPlans: v.enabledPlanIds.map((id) => ctx.catalog.plan(id)!),
        sources: await Promise.all(v.sources.map((s) => source(ctx, s))),
        expiresAt: v.expiresAt,
      })),
    );
  },

  /** One row per source, each with the SKU's state, as Graph's licenseAssignmentStates. */
  async licenseAssignmentStates(ctx: Ctx, u: User): Promise<LicenseAssignmentState[]> {
    const views = await ctx.loaders.effective.load(u.id);
    const rows: LicenseAssignmentState[] = [];
    for (const v of views) {
      for (const s of v.sources) {
        const src = await source(ctx, s);
        rows.push({
          sku: ctx.catalog.sku(v.skuId)!,
          assignedByGroup: src.group,
          via: src.via,
          disabledPlans: s.disabledPlanIds.map((id) => ctx.catalog.plan(id)!).filter(Boolean),
          state: v.state,
          error: v.error,
          lastUpdatedAt: new Date(Math.max(v.lastUpdatedAt.getTime(), s.assignedAt.getTime())),
        });
      }
    }
    return rows;
  },

  async groupAssignedLicenses(ctx: Ctx, g: SecurityGroup): Promise<AssignedLicense[]> {
    const graph = await ctx.loaders.graph();
    return graph.assignmentsOf(g.id).map((a) => assigned(ctx, a));
  },
};
