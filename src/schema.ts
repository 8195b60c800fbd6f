import "reflect-metadata";
import { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import "./graphql/enums";
import { DateTimeScalar } from "./graphql/scalars";
import { AuditResolver } from "./modules/audit/audit.resolver";
import { BotResolver } from "./modules/bot/bot.resolver";
import { CatalogResolver } from "./modules/catalog/catalog.resolver";
import { GroupResolver } from "./modules/group/group.resolver";
import { LicensingResolver } from "./modules/licensing/licensing.resolver";
import { SubscriptionResolver } from "./modules/subscription/subscription.resolver";
import { NodeResolver } from "./modules/tenant/node.resolver";
import { TenantResolver } from "./modules/tenant/tenant.resolver";
import { UserResolver } from "./modules/user/user.resolver";
import { BotDirectoryResolver, TenantDirectoryResolver, UserDirectoryResolver } from "./modules/directory/directory.resolver";

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every server in a process; built once. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return (cached ??= buildSchema({
    resolvers: [
      NodeResolver, TenantResolver, CatalogResolver, SubscriptionResolver, UserResolver, GroupResolver,
      LicensingResolver, BotResolver, AuditResolver, TenantDirectoryResolver, UserDirectoryResolver, BotDirectoryResolver,
    ],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  }));
}
