import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { SecurityGroup, User } from "../../data/entities";
import { AssignGroupLicensesInput, AssignLicensesToUsersInput, AssignUserLicensesInput, StartTrialInput } from "./licensing.inputs";
import { assignGroupLicenses, assignUserLicenses, previewGroupLicenseAssignment } from "../../app/licensing/licensing";
import { EffectiveLicense, GroupLicenseImpact, GroupLicenseRemovalImpact } from "./licensing.types";
import { assignLicensesToUsers } from "../../app/licensing/bulk-assign";
import { previewGroupLicenseRemoval } from "../../app/licensing/removal-preview";
import { startTrial } from "../../app/licensing/trials";

@Resolver()
export class LicensingResolver {
  @Mutation(() => User)
  assignUserLicenses(@Arg("input", () => AssignUserLicensesInput) input: AssignUserLicensesInput, @Ctx("ctx") ctx: RequestContext) {
    return assignUserLicenses(ctx, input);
  }

  @Mutation(() => [User], { description: "The Manage product licenses flyout for several selected users at once (K8)." })
  assignLicensesToUsers(@Arg("input", () => AssignLicensesToUsersInput) input: AssignLicensesToUsersInput, @Ctx("ctx") ctx: RequestContext) {
    return assignLicensesToUsers(ctx, input);
  }

  @Mutation(() => SecurityGroup)
  assignGroupLicenses(@Arg("input", () => AssignGroupLicensesInput) input: AssignGroupLicensesInput, @Ctx("ctx") ctx: RequestContext) {
    return assignGroupLicenses(ctx, input);
  }

  @Query(() => GroupLicenseImpact)
  previewGroupLicenseAssignment(@Arg("groupId", () => ID) groupId: string, @Arg("skuId", () => ID) skuId: string, @Ctx("ctx") ctx: RequestContext) {
    return previewGroupLicenseAssignment(ctx, groupId, skuId);
  }

  @Query(() => GroupLicenseRemovalImpact)
  previewGroupLicenseRemoval(@Arg("groupId", () => ID) groupId: string, @Arg("skuId", () => ID) skuId: string, @Ctx("ctx") ctx: RequestContext) {
    return previewGroupLicenseRemoval(ctx, groupId, skuId);
  }

  @Mutation(() => EffectiveLicense)
  startTrial(@Arg("input", () => StartTrialInput) input: StartTrialInput, @Ctx("ctx") ctx: RequestContext) {
    return startTrial(ctx, input);
  }
}
