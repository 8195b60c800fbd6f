import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { AuditEvent, Subscription } from "../../data/entities";
import { Node } from "../../data/entities/node";
import { kindOfId } from "../../domain/ids";
import { Permission, requirePermission, requireUser } from "../../app/auth/permissions";
import { getBot } from "../../app/bots/bots";
import { getGroup } from "../../app/groups/groups";
import { getUser } from "../../app/users/users";
import { currentTenant } from "../../app/tenants/tenants";
import { getLicenseRequest } from "../../app/requests/requests";

/** Relay's node(id:): the ID's prefix names the type; each type keeps the access rules of its own query. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  async node(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext): Promise<Node | null> {
    const p = requireUser(ctx.principal);
    switch (kindOfId(id)) {
      case "user":
        return getUser(ctx, id);
      case "group":
        return getGroup(ctx, id);
      case "bot":
        return getBot(ctx, id);
      case "sku":
        return ctx.catalog.sku(id) ?? null;
      case "tenant": {
        const t = await currentTenant(ctx);
        return t.id === id ? t : null;
      }
      case "subscription":
        requirePermission(p, Permission.READ_TENANT);
        return ctx.db.findOne(Subscription, { id });
      case "audit":
        requirePermission(p, Permission.READ_TENANT);
        return ctx.db.findOne(AuditEvent, { id });
      case "licenseRequest":
        return getLicenseRequest(ctx, id);
      default:
        return null;
    }
  }
}
