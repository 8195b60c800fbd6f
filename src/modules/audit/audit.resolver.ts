import { Arg, Ctx as GqlCtx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Ctx } from "../../context";
import { AuditEvent, User } from "../../entities";
import { Connection } from "../../graphql/pagination";
import { listAuditEvents } from "./audit.service";

export const AuditEventConnection = Connection(AuditEvent, "AuditEvent");

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection)
  auditEvents(
    @GqlCtx() ctx: Ctx,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("action", () => String, { nullable: true }) action?: string,
    @Arg("targetId", () => ID, { nullable: true }) targetId?: string,
  ) {
    return listAuditEvents(ctx, { first, after, action, targetId });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() e: AuditEvent, @GqlCtx() ctx: Ctx) {
    return e.actorId ? ctx.loaders.user.load(e.actorId) : null;
  }
}
