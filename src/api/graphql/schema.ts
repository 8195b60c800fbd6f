import "reflect-metadata";
import { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import "./enums";
import { DateTimeScalar } from "./scalars";
import { AuditResolver } from "./audit.resolver";
import { BotResolver } from "./bot.resolver";
import { CatalogResolver } from "./catalog.resolver";
import { GroupResolver } from "./group.resolver";
import { LicensingResolver } from "./licensing.resolver";
import { SubscriptionResolver } from "./subscription.resolver";
import { NodeResolver } from "./node.resolver";
import { TenantResolver } from "./tenant.resolver";
import { UserResolver } from "./user.resolver";
import { BotDirectoryResolver, TenantDirectoryResolver, UserDirectoryResolver } from "./directory.resolver";
import { LiveResolver } from "./live.resolver";
import { livePubSub } from "../../app/live/hub";
import { RateLimitResolver } from "./rate-limit.resolver";
import { InactiveLicenseHolderResolver, TenantReclamationResolver, UserActivityResolver } from "./reclamation.resolver";
import { AutoClaimPolicyResolver, LicenseRequestResolver, TenantRequestsResolver, UserRequestsResolver } from "./license-request.resolver";
import { TenantUsageResolver } from "./usage.resolver";

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process; built once. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return (cached ??= buildSchema({
    resolvers: [
      NodeResolver, TenantResolver, CatalogResolver, SubscriptionResolver, UserResolver, GroupResolver,
      LicensingResolver, BotResolver, AuditResolver, TenantDirectoryResolver, UserDirectoryResolver, BotDirectoryResolver, LiveResolver, RateLimitResolver,
      TenantReclamationResolver, InactiveLicenseHolderResolver, UserActivityResolver, LicenseRequestResolver, AutoClaimPolicyResolver, TenantRequestsResolver, UserRequestsResolver, TenantUsageResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: livePubSub,
    validate: false,
  }));
}
