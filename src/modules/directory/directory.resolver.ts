import { Arg, Ctx as GqlCtx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Ctx } from "../../context";
import { Bot, ProvisioningToken, Tenant, User } from "../../entities";
import { CreateProvisioningTokenInput, CreateProvisioningTokenPayload } from "./directory.inputs";
import { createProvisioningToken, listProvisioningTokens, revokeProvisioningToken } from "./provisioning.service";

@Resolver(() => Tenant)
export class TenantDirectoryResolver {
  @FieldResolver(() => [ProvisioningToken], { description: "SCIM provisioning credentials (GLOBAL_ADMIN only, D1)." })
  provisioningTokens(@GqlCtx() ctx: Ctx) {
    return listProvisioningTokens(ctx);
  }

  @Mutation(() => CreateProvisioningTokenPayload)
  createProvisioningToken(@Arg("input", () => CreateProvisioningTokenInput) input: CreateProvisioningTokenInput, @GqlCtx() ctx: Ctx) {
    return createProvisioningToken(ctx, input);
  }

  @Mutation(() => ID)
  revokeProvisioningToken(@Arg("id", () => ID) id: string, @GqlCtx() ctx: Ctx) {
    return revokeProvisioningToken(ctx, id);
  }
}

@Resolver(() => User)
export class UserDirectoryResolver {
  @FieldResolver(() => String, { description: "usageLocation, or the tenant's defaultUsageLocation." })
  async effectiveUsageLocation(@Root() u: User, @GqlCtx() ctx: Ctx): Promise<string> {
    return u.usageLocation || (await ctx.loaders.state()).defaultUsageLocation;
  }
}

@Resolver(() => Bot)
export class BotDirectoryResolver {
  @FieldResolver(() => Boolean, { description: "The owner was deleted by the directory; a GLOBAL_ADMIN must reassign the bot (D7)." })
  async needsNewOwner(@Root() bot: Bot, @GqlCtx() ctx: Ctx): Promise<boolean> {
    return Boolean((await ctx.loaders.user.load(bot.ownerId))?.deletedAt);
  }
}
