import { Arg, Ctx as GqlCtx, FieldResolver, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Ctx } from "../../app/context";
import { Bot, SecurityGroup, Subscription, Tenant, User } from "../../data/entities";
import { BotConnection, SecurityGroupConnection, UserConnection } from "./connections";
import { listBots, capacity } from "../../app/bot.service";
import { CapacityReport } from "./bot.types";
import { listGroups } from "../../app/group.service";
import { TenantLicense } from "./licensing.types";
import { listSubscriptions, tenantLicenses } from "../../app/subscription.service";
import { UserFilter } from "./user.inputs";
import { listUsers } from "../../app/user.service";
import { CreateTenantInput, CreateTenantPayload, TenantSettingsInput } from "./tenant.inputs";
import { createTenant, currentTenant, updateTenantSettings } from "../../app/tenant.service";


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
