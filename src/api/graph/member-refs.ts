import type { RequestContext } from "../../app/request/context";
import type { SecurityGroup } from "../../data/entities";
import { addMembers, getGroup, removeMembers } from "../../app/groups/groups";
import { getUser } from "../../app/users/users";
import { Permission, requirePermission } from "../../app/auth/permissions";
import { ErrorCode } from "../../domain/errors";
import { kindOfId } from "../../domain/ids";
import { badRequest, GraphError, notFound } from "./errors";
import { apiId, isGuid } from "./ids";

type Member = { kind: "user" | "group"; id: string };

const missing = (segment: string) => notFound(`Resource '${segment}' does not exist or one of its queried reference-property objects are not present.`);

export async function resolveGroup(ctx: RequestContext, segment: string): Promise<SecurityGroup> {
  const g = await getGroup(ctx, apiId("group", segment));
  if (!g) throw missing(segment);
  return g;
}

/**
 * A directory object named by ID (a member to add or remove): this API's ID says its kind; a bare GUID is looked
 * for as `kind` when the URL says it (`…/users/{id}`), else as a user and then as a group (`…/directoryObjects/{id}`).
 */
async function resolveMember(ctx: RequestContext, id: string, kind?: "user" | "group"): Promise<Member> {
  const k = isGuid(id) ? kind : kindOfId(id);
  if (k !== "user" && k !== undefined && k !== "group") throw missing(id);
  if (k !== "group") {
    const u = await getUser(ctx, apiId("user", id));
    if (u && !u.deletedAt) return { kind: "user", id: u.id };
    if (k === "user") throw missing(id);
  }
  const g = await getGroup(ctx, apiId("group", id));
  if (!g) throw missing(id);
  return { kind: "group", id: g.id };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw badRequest("@odata.id has a malformed percent-encoding.");
  }
}

/** `{ "@odata.id": "https://…/v1.0/directoryObjects/{id}" }` (or …/users/{id}, …/groups/{id}). */
async function memberOfRef(ctx: RequestContext, body: unknown): Promise<Member> {
  const ref = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!ref || typeof ref["@odata.id"] !== "string" || Object.keys(ref).length !== 1) {
    throw badRequest("The body is { \"@odata.id\": \"https://…/v1.0/directoryObjects/{id}\" }.");
  }
  const m = /(?:^|\/)(directoryObjects|users|groups)\/([^/?#]+)$/i.exec(ref["@odata.id"].split(/[?#]/)[0]);
  if (!m) throw badRequest("@odata.id names a directory object: …/directoryObjects/{id}, …/users/{id} or …/groups/{id}.");
  const set = m[1].toLowerCase();
  return resolveMember(ctx, decodeSafe(m[2]), set === "users" ? "user" : set === "groups" ? "group" : undefined);
}

/** Whether `member` is a direct member of `group`, read as the request sees it (its loaders). */
async function isDirectMember(ctx: RequestContext, group: SecurityGroup, member: Member): Promise<boolean> {
  // The role matrix first, as the service would say it: a reader learns 403, not whether someone is a member.
  requirePermission(ctx.principal, Permission.MANAGE_GROUPS);
  if (member.kind === "group") return (await ctx.loaders.graph()).childrenOf(group.id).includes(member.id);
  return (await ctx.loaders.reach.load(member.id)).directGroupIds.includes(group.id);
}

const asInput = (group: SecurityGroup, m: Member) => ({ groupId: group.id, ...(m.kind === "user" ? { userIds: [m.id] } : { groupIds: [m.id] }) });

/**
 * `POST /groups/{id}/members/$ref`: one member through addMembers (G1: GROUP_CYCLE, DIRECTORY_MANAGED, the role
 * matrix). Graph refuses a member that is there already with 400; addMembers would take it as a no-op.
 */
export async function addMemberRef(ctx: RequestContext, group: SecurityGroup, body: unknown): Promise<void> {
  const member = await memberOfRef(ctx, body);
  if (await isDirectMember(ctx, group, member)) {
    throw new GraphError(400, "Request_BadRequest", "One or more added object references already exist for the following modified properties: 'members'.", ErrorCode.CONFLICT);
  }
  await addMembers(ctx, asInput(group, member));
}

/** `DELETE /groups/{id}/members/{memberId}/$ref`: Graph answers 404 for one that is not a member. */
export async function removeMemberRef(ctx: RequestContext, group: SecurityGroup, segment: string): Promise<void> {
  const member = await resolveMember(ctx, segment);
  if (!(await isDirectMember(ctx, group, member))) throw missing(segment);
  await removeMembers(ctx, asInput(group, member));
}
