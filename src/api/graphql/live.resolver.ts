import { Resolver, Root, Subscription } from "type-graphql";
import type { GraphQLContext } from "./operation";
import { Delivery, liveHub, LiveKind } from "../../app/live/hub";
import { AuditEvent, User } from "../../data/entities";
import { TenantLicense } from "./licensing.types";
import { badInput } from "../../domain/errors";

/** Over HTTP a subscription has no event to resolve: a clear error instead of a failure. */
function value<T>(d: Delivery<T> | undefined): T {
  if (!d || !("ctx" in d)) throw badInput("Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.");
  return d.value;
}

/** Each subscription registers with the app's live hub, which publishes to it through type-graphql's PubSub (createPubSub). */
const subscribe = (kind: LiveKind) => ({ context }: { context: GraphQLContext }) => liveHub(context.ctx.app).subscribe(context.ctx, kind);

@Resolver()
export class LiveResolver {
  @Subscription(() => User, {
    description: "The signed-in user, after each committed write that changed their effective licenses, canCreateBots, roles or account.",
    subscribe: subscribe("myLicenseChanged"),
  })
  myLicenseChanged(@Root() d: Delivery<User>): User {
    return value(d);
  }

  @Subscription(() => [TenantLicense], {
    description: "The tenant's pools, after each committed write that changed consumed, available or demand figures (tenant readers).",
    subscribe: subscribe("tenantLicensesChanged"),
  })
  tenantLicensesChanged(@Root() d: Delivery<TenantLicense[]>): TenantLicense[] {
    return value(d);
  }

  @Subscription(() => AuditEvent, { description: "Each audit event, as its write commits (tenant readers).", subscribe: subscribe("auditEventAdded") })
  auditEventAdded(@Root() d: Delivery<AuditEvent>): AuditEvent {
    return value(d);
  }
}
