import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import type { GraphQLContext } from "./operation";
import { AutoClaimPolicy, LicenseRequest, SecurityGroup, Sku, Tenant, User } from "../../data/entities";
import { LicenseRequestStatus } from "../../domain/enums";
import { assertCanSeeUser } from "../../app/users/users";
import {
  approveLicenseRequest, cancelLicenseRequest, denyLicenseRequest, listLicenseRequests, requestLicense, requestsOfUser,
} from "../../app/requests/requests";
import { claimLicense, listAutoClaimPolicies, scopeGroupOf, setAutoClaimPolicy } from "../../app/requests/auto-claim";
import { liveHub, Delivery } from "../../app/live/hub";
import { badInput } from "../../domain/errors";
import {
  ApproveLicenseRequestInput, ClaimLicensePayload, DenyLicenseRequestInput, LicenseRequestConnection, RequestLicenseInput, SetAutoClaimPolicyInput,
} from "./license-request.inputs";

@Resolver(() => LicenseRequest)
export class LicenseRequestResolver {
  @FieldResolver(() => Sku)
  sku(@Root() r: LicenseRequest, @Ctx("ctx") ctx: RequestContext): Sku {
    return ctx.catalog.sku(r.skuId)!;
  }

  @FieldResolver(() => User)
  async requester(@Root() r: LicenseRequest, @Ctx("ctx") ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(r.requesterId))!;
  }

  @FieldResolver(() => User, { nullable: true })
  decidedBy(@Root() r: LicenseRequest, @Ctx("ctx") ctx: RequestContext): Promise<User | null> | null {
    return r.decidedById ? ctx.loaders.user.load(r.decidedById) : null;
  }

  @FieldResolver(() => SecurityGroup, { nullable: true, description: "For APPROVED: the group the requester was added to, or null for a direct assignment." })
  grantedThroughGroup(@Root() r: LicenseRequest, @Ctx("ctx") ctx: RequestContext): Promise<SecurityGroup | null> | null {
    return r.grantedThroughGroupId ? ctx.loaders.group.load(r.grantedThroughGroupId) : null;
  }

  @Mutation(() => LicenseRequest)
  requestLicense(@Arg("input", () => RequestLicenseInput) input: RequestLicenseInput, @Ctx("ctx") ctx: RequestContext) {
    return requestLicense(ctx, input);
  }

  @Mutation(() => LicenseRequest)
  cancelLicenseRequest(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return cancelLicenseRequest(ctx, id);
  }

  @Mutation(() => LicenseRequest)
  approveLicenseRequest(@Arg("input", () => ApproveLicenseRequestInput) input: ApproveLicenseRequestInput, @Ctx("ctx") ctx: RequestContext) {
    return approveLicenseRequest(ctx, input);
  }

  @Mutation(() => LicenseRequest)
  denyLicenseRequest(@Arg("input", () => DenyLicenseRequestInput) input: DenyLicenseRequestInput, @Ctx("ctx") ctx: RequestContext) {
    return denyLicenseRequest(ctx, input);
  }

  @Mutation(() => AutoClaimPolicy)
  setAutoClaimPolicy(@Arg("input", () => SetAutoClaimPolicyInput) input: SetAutoClaimPolicyInput, @Ctx("ctx") ctx: RequestContext) {
    return setAutoClaimPolicy(ctx, input);
  }

  @Mutation(() => ClaimLicensePayload)
  claimLicense(@Arg("skuId", () => ID) skuId: string, @Ctx("ctx") ctx: RequestContext) {
    return claimLicense(ctx, skuId);
  }

  @Subscription(() => LicenseRequest, {
    description: "Requests as they are opened or decided (LICENSE_ADMIN, GLOBAL_ADMIN and tenant readers).",
    subscribe: ({ context }: { context: GraphQLContext }) => liveHub(context.ctx.app).subscribe(context.ctx, "licenseRequestChanged"),
  })
  licenseRequestChanged(@Root() d: Delivery<LicenseRequest>): LicenseRequest {
    if (!d || !("ctx" in d)) throw badInput("Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.");
    return d.value;
  }
}

@Resolver(() => AutoClaimPolicy)
export class AutoClaimPolicyResolver {
  @FieldResolver(() => Sku)
  sku(@Root() p: AutoClaimPolicy, @Ctx("ctx") ctx: RequestContext): Sku {
    return ctx.catalog.sku(p.skuId)!;
  }

  @FieldResolver(() => SecurityGroup, { nullable: true, description: "Only members (direct or nested) of this group may claim; null = every user of the tenant." })
  scopeGroup(@Root() p: AutoClaimPolicy, @Ctx("ctx") ctx: RequestContext) {
    return scopeGroupOf(ctx, p);
  }
}

@Resolver(() => Tenant)
export class TenantRequestsResolver {
  @FieldResolver(() => [AutoClaimPolicy])
  autoClaimPolicies(@Ctx("ctx") ctx: RequestContext) {
    return listAutoClaimPolicies(ctx);
  }

  @FieldResolver(() => LicenseRequestConnection)
  licenseRequests(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("status", () => LicenseRequestStatus, { nullable: true }) status?: LicenseRequestStatus,
    @Arg("skuId", () => ID, { nullable: true }) skuId?: string,
  ) {
    return listLicenseRequests(ctx, { first, after, status, skuId });
  }
}

@Resolver(() => User)
export class UserRequestsResolver {
  @FieldResolver(() => [LicenseRequest], { description: "The user's own requests, newest first (the user and tenant readers)." })
  licenseRequests(@Root() u: User, @Ctx("ctx") ctx: RequestContext) {
    assertCanSeeUser(ctx, u);
    return requestsOfUser(ctx, u);
  }
}
