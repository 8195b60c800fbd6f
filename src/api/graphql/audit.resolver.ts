import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { AuditEvent, User } from "../../data/entities";
import { AuditEventConnection } from "./connections";
import { listAuditEvents } from "../../app/audit/audit";


@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection)
  auditEvents(
    @Ctx("ctx") ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("action", () => String, { nullable: true }) action?: string,
    @Arg("targetId", () => ID, { nullable: true }) targetId?: string,
    @Arg("from", () => Date, { nullable: true, description: "Events at or after this instant (K8)." }) from?: Date | null,
    @Arg("to", () => Date, { nullable: true, description: "Events before this instant (K8): from and to make a half-open range." }) to?: Date | null,
  ) {
    return listAuditEvents(ctx, { first, after, action, targetId, from, to });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() e: AuditEvent, @Ctx("ctx") ctx: RequestContext) {
    return e.actorId ? ctx.loaders.user.load(e.actorId) : null;
  }
}
