import type { RequestContext } from "../request/context";
import { GroupLicenseAssignment, SecurityGroup, User, UserLicenseAssignment } from "../../data/entities";
import { SourceFacts } from "../../domain/licensing/effective";
import { AssignedLicense, EffectiveLicense, LicenseAssignmentState, LicenseSource } from "./types";

function assigned(ctx: RequestContext, a: UserLicenseAssignment | GroupLicenseAssignment): AssignedLicense {
  return {
    sku: ctx.catalog.sku(a.skuId)!,
    disabledPlans: a.disabledPlanIds.map((id) => ctx.catalog.plan(id)!).filter(Boolean),
    assignedAt: a.assignedAt,
  };
}

function source(s: SourceFacts, known: Map<string, SecurityGroup>): LicenseSource {
  return {
    kind: s.kind,
    group: (s.groupId && known.get(s.groupId)) || null,
    via: s.via.map((id) => known.get(id)).filter((g): g is SecurityGroup => Boolean(g)),
  };
}

const pick = (known: Map<string, SecurityGroup>, ids: string[]) =>
  ids.map((id) => known.get(id)).filter((g): g is SecurityGroup => Boolean(g));

/** GraphQL shapes of a user's memberships and licenses, all read through the request's loaders. */
export const userLicenseViews = {
  async memberOf(ctx: RequestContext, u: User): Promise<SecurityGroup[]> {
    const r = await ctx.loaders.reach.load(u.id);
    return pick(r.groups, r.directGroupIds);
  },

  async transitiveMemberOf(ctx: RequestContext, u: User): Promise<SecurityGroup[]> {
    const r = await ctx.loaders.reach.load(u.id);
    return pick(r.groups, [...r.chains.keys()].sort());
  },

  async assignedLicenses(ctx: RequestContext, u: User): Promise<AssignedLicense[]> {
    return (await ctx.loaders.facts.load(u.id)).direct.map((a) => assigned(ctx, a));
  },

  async effectiveLicenses(ctx: RequestContext, u: User): Promise<EffectiveLicense[]> {
    const views = await ctx.loaders.effective.load(u.id);
    return views.map((v) => ({
        sku: ctx.catalog.sku(v.skuId)!,
        state: v.state,
        error: v.error,
        holdsSeat: v.holdsSeat,
        enabledPlans: v.enabledPlanIds.map((id) => ctx.catalog.plan(id)!),
        // The group rows are read only when a client asks for the sources (a getter: the hot check does not).
        get sources() {
          return ctx.loaders.reach.load(u.id).then((r) => v.sources.map((s) => source(s, r.groups)));
        },
        expiresAt: v.expiresAt,
      })) as EffectiveLicense[];
  },

  /** One row per source, each with the SKU's state, as Graph's licenseAssignmentStates. */
  async licenseAssignmentStates(ctx: RequestContext, u: User): Promise<LicenseAssignmentState[]> {
    const [views, r] = await Promise.all([ctx.loaders.effective.load(u.id), ctx.loaders.reach.load(u.id)]);
    const rows: LicenseAssignmentState[] = [];
    for (const v of views) {
      for (const s of v.sources) {
        const src = source(s, r.groups);
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

  async groupAssignedLicenses(ctx: RequestContext, g: SecurityGroup): Promise<AssignedLicense[]> {
    const graph = await ctx.loaders.graph();
    return graph.assignmentsOf(g.id).map((a) => assigned(ctx, a));
  },
};
