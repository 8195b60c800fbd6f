import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Subscription, Tenant } from "../../data/entities";
import { BotConnection, SecurityGroupConnection, UserConnection } from "./connections";
import { listBots, capacity } from "../../app/bots/bots";
import { CapacityReport } from "./bot.types";
import { listGroups } from "../../app/groups/groups";
import { TenantLicense } from "./licensing.types";
import { listSubscriptions, tenantLicenses } from "../../app/subscriptions/subscriptions";
import { UserFilter } from "./user.inputs";
import { listUsers } from "../../app/users/users";
import { CreateTenantInput, CreateTenantPayload, TenantSettingsInput } from "./tenant.inputs";
import { createTenant, currentTenant, updateTenantSettings } from "../../app/tenants/tenants";


@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { nullable: true, description: "The signed-in user's tenant." })
  tenant(@Ctx("ctx") ctx: RequestContext): Promise<Tenant> {
    return currentTenant(ctx);
  }

  @Mutation(() => CreateTenantPayload, { description: "Platform operators only: a new tenant with its first GLOBAL_ADMIN." })
  createTenant(@Arg("input", () => CreateTenantInput) input: CreateTenantInput, @Ctx("ctx") ctx: RequestContext) {
    return createTenant(ctx, input);
  }

  @Mutation(() => Tenant)
  updateTenantSettings(@Arg("input", () => TenantSettingsInput) input: TenantSettingsInput, @Ctx("ctx") ctx: RequestContext) {
    return updateTenantSettings(ctx, input);
  }

  @FieldResolver(() => Boolean)
  async hasActiveTenantLicense(@Ctx("ctx") ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.licensing()).hasActiveTenantLicense();
  }

  @FieldResolver(() => [Subscription])
  subscriptions(@Arg("includeInactive", () => Boolean, { nullable: true, defaultValue: false }) includeInactive: boolean, @Ctx("ctx") ctx: RequestContext) {
    return listSubscriptions(ctx, includeInactive ?? false);
  }

  @FieldResolver(() => [TenantLicense])
  licenses(@Ctx("ctx") ctx: RequestContext) {
    return tenantLicenses(ctx);
  }

  @FieldResolver(() => UserConnection)
  users(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => UserFilter, { nullable: true }) filter?: UserFilter,
  ) {
    return listUsers(ctx, { first, after, filter });
  }

  @FieldResolver(() => SecurityGroupConnection)
  securityGroups(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("search", () => String, { nullable: true }) search?: string,
  ) {
    return listGroups(ctx, { first, after, search });
  }

  @FieldResolver(() => BotConnection)
  bots(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listBots(ctx, { first, after });
  }

  @FieldResolver(() => CapacityReport)
  capacity(@Ctx("ctx") ctx: RequestContext, @Arg("period", () => String, { nullable: true }) period?: string) {
    return capacity(ctx, period);
  }

}
