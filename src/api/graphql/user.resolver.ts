import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Bot, SecurityGroup, User } from "../../data/entities";
import { botsOf } from "../../app/bots/bots";
import { AssignedLicense, EffectiveLicense, LicenseAssignmentState } from "./licensing.types";
import { canCreateBots } from "../../app/licensing/licensing";
import { userLicenseViews } from "../../app/licensing/views";
import { CreateUserInput, UpdateUserInput } from "./user.inputs";
import { assertCanSeeUser, createUser, deleteUser, getUser, me, updateUser } from "../../app/users/users";

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user." })
  me(@Ctx("ctx") ctx: RequestContext) {
    return me(ctx);
  }

  @Query(() => User, { nullable: true })
  user(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return getUser(ctx, id);
  }

  @Mutation(() => User)
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx("ctx") ctx: RequestContext) {
    return createUser(ctx, input);
  }

  @Mutation(() => User)
  updateUser(@Arg("input", () => UpdateUserInput) input: UpdateUserInput, @Ctx("ctx") ctx: RequestContext) {
    return updateUser(ctx, input);
  }

  @Mutation(() => ID)
  deleteUser(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return deleteUser(ctx, id);
  }

  @FieldResolver(() => [SecurityGroup])
  memberOf(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return userLicenseViews.memberOf(ctx, u);
  }

  @FieldResolver(() => [SecurityGroup])
  transitiveMemberOf(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return userLicenseViews.transitiveMemberOf(ctx, u);
  }

  @FieldResolver(() => [AssignedLicense])
  assignedLicenses(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return userLicenseViews.assignedLicenses(ctx, u);
  }

  @FieldResolver(() => [LicenseAssignmentState])
  licenseAssignmentStates(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return userLicenseViews.licenseAssignmentStates(ctx, u);
  }

  @FieldResolver(() => [EffectiveLicense])
  effectiveLicenses(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return userLicenseViews.effectiveLicenses(ctx, u);
  }

  @FieldResolver(() => Boolean, {
    description: "Account enabled, and an ACTIVE user license with BOT_AUTHORING plus an active tenant license, or an ACTIVE trial.",
  })
  canCreateBots(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return canCreateBots(ctx, u);
  }

  @FieldResolver(() => [Bot])
  bots(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    return botsOf(ctx, u);
  }
}
