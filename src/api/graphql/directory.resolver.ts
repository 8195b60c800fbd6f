import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Bot, ProvisioningToken, Tenant, User } from "../../data/entities";
import { CreateProvisioningTokenInput, CreateProvisioningTokenPayload } from "./directory.inputs";
import { createProvisioningToken, listProvisioningTokens, revokeProvisioningToken } from "../../app/directory/tokens";

@Resolver(() => Tenant)
export class TenantDirectoryResolver {
  @FieldResolver(() => [ProvisioningToken], { description: "SCIM provisioning credentials (GLOBAL_ADMIN only, D1)." })
  provisioningTokens(@Ctx("ctx") ctx: RequestContext) {
    return listProvisioningTokens(ctx);
  }

  @Mutation(() => CreateProvisioningTokenPayload)
  createProvisioningToken(@Arg("input", () => CreateProvisioningTokenInput) input: CreateProvisioningTokenInput, @Ctx("ctx") ctx: RequestContext) {
    return createProvisioningToken(ctx, input);
  }

  @Mutation(() => ID)
  revokeProvisioningToken(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return revokeProvisioningToken(ctx, id);
  }
}

@Resolver(() => User)
export class UserDirectoryResolver {
  @FieldResolver(() => String, { description: "usageLocation, or the tenant's defaultUsageLocation." })
  async effectiveUsageLocation(@Root() u: User, @Ctx("ctx") ctx: RequestContext): Promise<string> {
    return u.usageLocation || (await ctx.loaders.state()).defaultUsageLocation;
  }
}

@Resolver(() => Bot)
export class BotDirectoryResolver {
  @FieldResolver(() => Boolean, { description: "The owner was deleted by the directory; a GLOBAL_ADMIN must reassign the bot (D7)." })
  async needsNewOwner(@Root() bot: Bot, @Ctx("ctx") ctx: RequestContext): Promise<boolean> {
    return Boolean((await ctx.loaders.user.load(bot.ownerId))?.deletedAt);
  }
}
