import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { SecurityGroup } from "../../data/entities";
import { Permission, requirePermission } from "../../app/auth/permissions";
import { AssignedLicense } from "./licensing.types";
import { hasMembersWithLicenseErrors, membersWithLicenseErrors } from "../../app/licensing/licensing";
import { userLicenseViews } from "../../app/licensing/views";
import { UserConnection } from "./connections";
import { CreateSecurityGroupInput, GroupMembersInput, UpdateSecurityGroupInput } from "./group.inputs";
import { addMembers, createGroup, deleteGroup, getGroup, removeMembers, updateGroup, usersInGroups } from "../../app/groups/groups";

const pageArgs = (first: number, after?: string) => ({ first, after });

@Resolver(() => SecurityGroup)
export class GroupResolver {
  @Query(() => SecurityGroup, { nullable: true })
  securityGroup(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return getGroup(ctx, id);
  }

  @Mutation(() => SecurityGroup)
  createSecurityGroup(@Arg("input", () => CreateSecurityGroupInput) input: CreateSecurityGroupInput, @Ctx("ctx") ctx: RequestContext) {
    return createGroup(ctx, input);
  }

  @Mutation(() => SecurityGroup)
  updateSecurityGroup(@Arg("input", () => UpdateSecurityGroupInput) input: UpdateSecurityGroupInput, @Ctx("ctx") ctx: RequestContext) {
    return updateGroup(ctx, input);
  }

  @Mutation(() => ID)
  deleteSecurityGroup(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return deleteGroup(ctx, id);
  }

  @Mutation(() => SecurityGroup)
  addGroupMembers(@Arg("input", () => GroupMembersInput) input: GroupMembersInput, @Ctx("ctx") ctx: RequestContext) {
    return addMembers(ctx, input);
  }

  @Mutation(() => SecurityGroup)
  removeGroupMembers(@Arg("input", () => GroupMembersInput) input: GroupMembersInput, @Ctx("ctx") ctx: RequestContext) {
    return removeMembers(ctx, input);
  }

  @FieldResolver(() => UserConnection, { description: "Direct user members." })
  members(
    @Root() g: SecurityGroup,
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    requirePermission(ctx.principal, Permission.READ_TENANT);
    return usersInGroups(ctx, [g.id], pageArgs(first, after));
  }

  @FieldResolver(() => UserConnection, { description: "Every user member, directly or through nested groups." })
  async transitiveMembers(
    @Root() g: SecurityGroup,
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    requirePermission(ctx.principal, Permission.READ_TENANT);
    const graph = await ctx.loaders.graph();
    return usersInGroups(ctx, [...graph.descendants(g.id)], pageArgs(first, after));
  }

  @FieldResolver(() => [SecurityGroup], { description: "Groups nested directly inside this one." })
  async memberGroups(@Root() g: SecurityGroup, @Ctx("ctx") ctx: RequestContext) {
    requirePermission(ctx.principal, Permission.READ_TENANT);
    const graph = await ctx.loaders.graph();
    return (await ctx.loaders.group.loadMany([...graph.childrenOf(g.id)].sort())).filter((x) => x instanceof SecurityGroup);
  }

  @FieldResolver(() => [SecurityGroup], { description: "Groups this group is nested in, directly." })
  async memberOf(@Root() g: SecurityGroup, @Ctx("ctx") ctx: RequestContext) {
    requirePermission(ctx.principal, Permission.READ_TENANT);
    const graph = await ctx.loaders.graph();
    return (await ctx.loaders.group.loadMany([...graph.parentsOf(g.id)].sort())).filter((x) => x instanceof SecurityGroup);
  }

  @FieldResolver(() => [AssignedLicense])
  assignedLicenses(@Root() g: SecurityGroup, @Ctx("ctx") ctx: RequestContext) {
    return userLicenseViews.groupAssignedLicenses(ctx, g);
  }

  @FieldResolver(() => Boolean)
  hasMembersWithLicenseErrors(@Root() g: SecurityGroup, @Ctx("ctx") ctx: RequestContext) {
    requirePermission(ctx.principal, Permission.READ_TENANT);
    return hasMembersWithLicenseErrors(ctx, g);
  }

  @FieldResolver(() => UserConnection)
  membersWithLicenseErrors(
    @Root() g: SecurityGroup,
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return membersWithLicenseErrors(ctx, g, pageArgs(first, after));
  }
}
