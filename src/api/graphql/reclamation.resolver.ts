import { Arg, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../../app/request/context";
import { SecurityGroup, Tenant, User } from "../../data/entities";
import { Connection } from "./connections";
import { TenantLicense } from "./licensing.types";
import { assertCanSeeUser } from "../../app/users/users";
import { tenantLicenses } from "../../app/subscriptions/subscriptions";
import { inactiveLicenseHolders, InactiveLicenseHolderView, reclaimLicenses } from "../../app/licensing/reclamation";

@ObjectType({ description: "A seat holder who has not been active for the tenant's inactiveAfterDays (V4)." })
export class InactiveLicenseHolder implements Omit<InactiveLicenseHolderView, "id" | "throughGroupIds"> {
  @Field(() => User)
  user: User;

  @Field(() => Date, { nullable: true })
  lastActivityAt: Date | null;

  @Field(() => Boolean, { description: "True when a direct source holds the seat: reclaimLicenses can take it back." })
  reclaimable: boolean;

  @Field(() => Date, { nullable: true, description: "Set when the automatic pass has warned the user (V4)." })
  reclaimWarningAt: Date | null;

  /** Not a field: the groups' IDs, resolved to groups by throughGroups. */
  throughGroupIds: string[];
  id: string;
}

export const InactiveLicenseHolderConnection = Connection(InactiveLicenseHolder, "InactiveLicenseHolder");

@InputType()
export class ReclaimLicensesInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => [ID], { description: "At most 5,000." })
  userIds: string[];
}

@ObjectType()
export class ReclaimLicensesPayload {
  @Field(() => [User], { description: "Users whose direct source was removed." })
  reclaimed: User[];

  @Field(() => [User], { description: "Users who keep the SKU through a group, or were active again, and so were left as they were." })
  skipped: User[];

  @Field(() => TenantLicense)
  tenantLicense: TenantLicense;
}

@Resolver(() => InactiveLicenseHolder)
export class InactiveLicenseHolderResolver {
  @FieldResolver(() => [SecurityGroup], { description: "The groups whose assignment also grants this SKU to the user (reclamation cannot remove those)." })
  async throughGroups(@Root() h: InactiveLicenseHolder, @Ctx("ctx") ctx: RequestContext): Promise<SecurityGroup[]> {
    const groups = await ctx.loaders.group.loadMany(h.throughGroupIds);
    return groups.filter((g): g is SecurityGroup => g instanceof SecurityGroup);
  }
}

/** Whether the selection names totalCount (a fragment might: then assume it does). */
function asksTotalCount(info: GraphQLResolveInfo | undefined): boolean {
  const sel = info?.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []) ?? [];
  return sel.some((s) => s.kind !== "Field" || s.name.value === "totalCount");
}

@Resolver(() => Tenant)
export class TenantReclamationResolver {
  @FieldResolver(() => InactiveLicenseHolderConnection)
  inactiveLicenseHolders(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("skuId", () => ID) skuId: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return inactiveLicenseHolders(ctx, skuId, { first, after }, { countNow: asksTotalCount(info) });
  }

  @Mutation(() => ReclaimLicensesPayload)
  async reclaimLicenses(@Arg("input", () => ReclaimLicensesInput) input: ReclaimLicensesInput, @Ctx("ctx") ctx: RequestContext): Promise<ReclaimLicensesPayload> {
    const done = await reclaimLicenses(ctx, input);
    // The SKU's pool after the reclamation (a seat holder's SKU always has a pool; a zero one otherwise).
    const sku = ctx.catalog.sku(input.skuId)!;
    const tenantLicense = (await tenantLicenses(ctx)).find((l) => l.sku.id === sku.id) ?? {
      sku, prepaidUnits: { enabled: 0, warning: 0, suspended: 0 }, consumedUnits: 0, availableUnits: 0, unassignedDemand: 0, lowOnSeats: false,
    };
    return { ...done, tenantLicense: tenantLicense as TenantLicense };
  }
}

@Resolver(() => User)
export class UserActivityResolver {
  @FieldResolver(() => Date, { nullable: true })
  lastActivityAt(@Root() u: User, @Ctx("ctx") ctx: RequestContext): Date | null {
    assertCanSeeUser(ctx, u);
    // V3: what this instance has gathered and not written yet is newer than the row.
    const unwritten = ctx.app.activity.unwritten(u.tenantId, u.id);
    const stored = u.lastActivityAt ?? null;
    return unwritten && (!stored || unwritten > stored) ? unwritten : stored;
  }

  @FieldResolver(() => Date, { nullable: true })
  reclaimWarningAt(@Root() u: User, @Ctx("ctx") ctx: RequestContext): Date | null {
    assertCanSeeUser(ctx, u);
    return u.reclaimWarningAt ?? null;
  }
}
