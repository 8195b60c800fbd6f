import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Ctx } from "../../context";
import { Bot, SecurityGroup, Subscription, Tenant, User } from "../../entities";
import { Connection } from "../../graphql/pagination";
import { listBots, capacity } from "../bot/bot.service";
import { CapacityReport } from "../bot/bot.types";
import { listGroups } from "../group/group.service";
import { TenantLicense } from "../licensing/licensing.types";
import { listSubscriptions, tenantLicenses } from "../subscription/subscription.service";
import { UserFilter } from "../user/user.inputs";
import { listUsers } from "../user/user.service";
import { CreateTenantInput, CreateTenantPayload, TenantSettingsInput } from "./tenant.inputs";
import { createTenant, currentTenant, updateTenantSettings } from "./tenant.service";

export const UserConnection = Connection(User, "User");
export const SecurityGroupConnection = Connection(SecurityGroup, "SecurityGroup");
export const BotConnection = Connection(Bot, "Bot");

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { nullable: true, description: "The signed-in user's tenant." })
  tenant(@GqlCtx() ctx: Ctx): Promise<Tenant> {
    return currentTenant(ctx);
  }

  @Mutation(() => CreateTenantPayload, { description: "Platform operators only: a new tenant with its first GLOBAL_ADMIN." })
  createTenant(@Arg("input", () => CreateTenantInput) input: CreateTenantInput, @GqlCtx() ctx: Ctx) {
    return createTenant(ctx, input);
  }

  @Mutation(() => Tenant)
  updateTenantSettings(@Arg("input", () => TenantSettingsInput) input: TenantSettingsInput, @GqlCtx() ctx: Ctx) {
    return updateTenantSettings(ctx, input);
  }

  @FieldResolver(() => Boolean)
  async hasActiveTenantLicense(@GqlCtx() ctx: Ctx): Promise<boolean> {
    return (await ctx.loaders.licensing()).hasActiveTenantLicense();
  }

  @FieldResolver(() => [Subscription])
  subscriptions(@Arg("includeInactive", () => Boolean, { nullable: true, defaultValue: false }) includeInactive: boolean, @GqlCtx() ctx: Ctx) {
    return listSubscriptions(ctx, includeInactive ?? false);
  }

  @FieldResolver(() => [TenantLicense])
  licenses(@GqlCtx() ctx: Ctx) {
    return tenantLicenses(ctx);
  }

  @FieldResolver(() => UserConnection)
  users(
    @GqlCtx() ctx: Ctx,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => UserFilter, { nullable: true }) filter?: UserFilter,
  ) {
    return listUsers(ctx, { first, after, filter });
  }

  @FieldResolver(() => SecurityGroupConnection)
  securityGroups(
    @GqlCtx() ctx: Ctx,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("search", () => String, { nullable: true }) search?: string,
  ) {
    return listGroups(ctx, { first, after, search });
  }

  @FieldResolver(() => BotConnection)
  bots(
    @GqlCtx() ctx: Ctx,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listBots(ctx, { first, after });
  }

  @FieldResolver(() => CapacityReport)
  capacity(@GqlCtx() ctx: Ctx, @Arg("period", () => String, { nullable: true }) period?: string) {
    return capacity(ctx, period);
  }

}
