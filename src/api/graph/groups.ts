import type { RequestContext } from "../../app/request/context";
import { SecurityGroup, User } from "../../data/entities";
import { getGroup, listGroups, usersInGroups } from "../../app/groups/groups";
import { addMemberRef, removeMemberRef, resolveGroup } from "./member-refs";
import { assignGroupLicenses, membersWithLicenseErrors } from "../../app/licensing/licensing";
import { Permission, requirePermission } from "../../app/auth/permissions";
import { kindOfId } from "../../domain/ids";
import { decodeCursor, encodeCursor, Page, PageArgs } from "../../domain/paging";
import { Call, entityReply, listReply, only, Reply } from "./call";
import { badRequest } from "./errors";
import { combine } from "./filter";
import { parseQuery, QueryOptions } from "./query";
import { asDirectoryObject, DIRECTORY_OBJECT_PROPERTIES, GROUP_PROPERTIES, Json, USER_PROPERTIES } from "./shapes";
import { parseAssignLicense, shapeGroups, shapeUsers } from "./users";

/**
 * Members as Graph lists them, groups and users in one collection: the nested groups first (in ID order, from
 * memory), then the users page by page. The cursor names the last item, so its ID's kind says where to go on.
 */
async function mixedPage(ctx: RequestContext, groups: SecurityGroup[], users: (args: PageArgs) => Promise<Page<User>>, q: QueryOptions) {
  const sorted = [...groups].sort((a, b) => (a.id < b.id ? -1 : 1));
  const after = q.skipToken ? decodeCursor(q.skipToken) : undefined;
  const inUsers = after !== undefined && kindOfId(after) === "user";
  const restGroups = inUsers ? [] : sorted.filter((g) => after === undefined || g.id > after);
  const pageGroups = restGroups.slice(0, q.top);
  let pageUsers: User[] = [];
  let next: string | undefined;
  if (restGroups.length > pageGroups.length) next = encodeCursor(pageGroups.at(-1)!.id);
  else if (pageGroups.length < q.top) {
    const p = await users({ first: q.top - pageGroups.length, after: inUsers ? q.skipToken : undefined });
    pageUsers = p.nodes;
    if (p.pageInfo.hasNextPage) next = p.pageInfo.endCursor ?? undefined;
  } else if ((await users({ first: 1 })).nodes.length) next = encodeCursor(pageGroups.at(-1)!.id);
  const select = q.select;
  const value: Json[] = [
    ...(await shapeGroups(ctx, pageGroups, select?.filter((p) => (GROUP_PROPERTIES as readonly string[]).includes(p)))).map((g) => asDirectoryObject("group", g)),
    ...(await shapeUsers(ctx, pageUsers, select?.filter((p) => (USER_PROPERTIES as readonly string[]).includes(p)))).map((u) => asDirectoryObject("user", u)),
  ];
  const count = q.count ? sorted.length + (await (await users({ first: 0 })).totalCount) : undefined;
  return { value, next, count };
}

async function list(call: Call): Promise<Reply> {
  only(call, "GET");
  const q = parseQuery(call.query, { select: GROUP_PROPERTIES, page: true, count: true, search: true, filter: ["displayNameStartsWith"] }, call.headers);
  const spec = combine(q.filter);
  if (spec.none) return listReply(call, "groups", q, [], { count: q.count ? 0 : undefined });
  const page = await listGroups(call.ctx, { first: q.top, after: q.skipToken, displayNameStartsWith: spec.displayNameStartsWith, displayNameWordStartsWith: q.search });
  const value = await shapeGroups(call.ctx, page.nodes, q.select);
  return listReply(call, "groups", q, value, { next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null, count: q.count ? await page.totalCount : undefined });
}

/** MG2: /groups, /groups/{id}, members (and $ref), transitiveMembers, membersWithLicenseErrors, assignLicense. */
export async function groups(call: Call, rest: string[]): Promise<Reply> {
  if (!rest.length) return list(call);
  const [segment, nav, ...more] = rest;
  const ctx = call.ctx;
  const name = nav?.toLowerCase();
  if (name === undefined) {
    only(call, "GET");
    const q = parseQuery(call.query, { select: GROUP_PROPERTIES }, call.headers);
    const g = await resolveGroup(ctx, segment);
    return entityReply(call, "groups", q, (await shapeGroups(ctx, [g], q.select))[0]);
  }
  if (name === "members" && more.length === 1 && more[0].toLowerCase() === "$ref") {
    only(call, "POST");
    parseQuery(call.query, { select: [] }, call.headers);
    await addMemberRef(ctx, await resolveGroup(ctx, segment), call.body);
    return { status: 204 };
  }
  if (name === "members" && more.length === 2 && more[1].toLowerCase() === "$ref") {
    only(call, "DELETE");
    parseQuery(call.query, { select: [] }, call.headers);
    await removeMemberRef(ctx, await resolveGroup(ctx, segment), more[0]);
    return { status: 204 };
  }
  if (more.length) throw badRequest(`Resource not found for the segment '${more[0]}'.`);
  switch (name) {
    case "members":
    case "transitivemembers": {
      only(call, "GET");
      const q = parseQuery(call.query, { select: DIRECTORY_OBJECT_PROPERTIES, page: true, count: true }, call.headers);
      const g = await resolveGroup(ctx, segment);
      requirePermission(ctx.principal, Permission.READ_TENANT);
      const graph = await ctx.loaders.graph();
      const groupIds = name === "members" ? [...graph.childrenOf(g.id)] : [...graph.descendants(g.id)].filter((id) => id !== g.id);
      const nested = (await ctx.loaders.group.loadMany(groupIds)).filter((x): x is SecurityGroup => x instanceof SecurityGroup);
      const reach = name === "members" ? [g.id] : [...graph.descendants(g.id)];
      const page = await mixedPage(ctx, nested, (args) => usersInGroups(ctx, reach, args), q);
      return listReply(call, "directoryObjects", q, page.value, page);
    }
    case "memberswithlicenseerrors": {
      only(call, "GET");
      const q = parseQuery(call.query, { select: USER_PROPERTIES, page: true, count: true }, call.headers);
      const g = await resolveGroup(ctx, segment);
      const page = await membersWithLicenseErrors(ctx, g, { first: q.top, after: q.skipToken });
      const value = (await shapeUsers(ctx, page.nodes, q.select)).map((u) => asDirectoryObject("user", u));
      return listReply(call, "directoryObjects", q, value, { next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null, count: q.count ? await page.totalCount : undefined });
    }
    case "assignlicense": {
      only(call, "POST");
      parseQuery(call.query, { select: [] }, call.headers);
      const input = parseAssignLicense(call);
      const g = await resolveGroup(ctx, segment);
      const after = await assignGroupLicenses(ctx, { groupId: g.id, addLicenses: input.addLicenses, removeSkuIds: input.removeSkuIds });
      // Graph answers 202: its processing goes on afterwards. Here it is done, so the group already shows the result.
      return entityReply(call, "groups", {}, (await shapeGroups(ctx, [after]))[0], 202);
    }
  }
  throw badRequest(`Resource not found for the segment '${nav}'.`);
}
