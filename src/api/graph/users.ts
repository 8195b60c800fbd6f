import type { RequestContext } from "../../app/request/context";
import { SecurityGroup, User } from "../../data/entities";
import { assertCanSeeUser, getUser, getUserByPrincipalName, listUsers, me } from "../../app/users/users";
import { assignUserLicenses } from "../../app/licensing/licensing";
import { userLicenseViews } from "../../app/licensing/views";
import { ErrorCode } from "../../domain/errors";
import { Call, entityReply, listReply, only, pageInMemory, Reply } from "./call";
import { badRequest, GraphError, notFound } from "./errors";
import { combine } from "./filter";
import { apiId, apiIds, guidOf } from "./ids";
import { parseQuery } from "./query";
import { asDirectoryObject, GROUP_PROPERTIES, Json, LICENSE_DETAILS_PROPERTIES, project, toGroup, toLicenseDetails, toUser, USER_PROPERTIES } from "./shapes";

const wants = (select: readonly string[] | undefined, p: string) => !select || select.includes(p);

/** Users in Graph's shape, their license reads batched through the request's loaders (one page, a few statements). */
export async function shapeUsers(ctx: RequestContext, users: User[], select?: readonly string[]): Promise<Json[]> {
  for (const u of users) assertCanSeeUser(ctx, u);
  const [views, states] = await Promise.all([
    wants(select, "assignedLicenses") ? Promise.all(users.map((u) => ctx.loaders.effective.load(u.id))) : undefined,
    wants(select, "licenseAssignmentStates") ? Promise.all(users.map((u) => userLicenseViews.licenseAssignmentStates(ctx, u))) : undefined,
  ]);
  return users.map((u, i) => project(toUser(ctx, u, { views: views?.[i], states: states?.[i] }), select));
}

export async function shapeGroups(ctx: RequestContext, groups: SecurityGroup[], select?: readonly string[]): Promise<Json[]> {
  const licenses = wants(select, "assignedLicenses") ? await Promise.all(groups.map((g) => userLicenseViews.groupAssignedLicenses(ctx, g))) : undefined;
  return groups.map((g, i) => project(toGroup(g, licenses?.[i]), select));
}

/** MG1: `/users/{id}` takes a GUID, this API's ID or a userPrincipalName; null is `/me`. Deleted users are gone. */
export async function resolveUser(ctx: RequestContext, segment: string | null): Promise<User> {
  const user = segment === null ? await me(ctx) : segment.includes("@") ? await getUserByPrincipalName(ctx, segment) : await getUser(ctx, apiId("user", segment));
  if (!user || user.deletedAt) throw notFound(`Resource '${segment ?? "me"}' does not exist or one of its queried reference-property objects are not present.`);
  return user;
}

const USER_FILTERS = ["assignedSku", "userPrincipalName", "accountEnabled", "displayNameStartsWith"] as const;

async function list(call: Call): Promise<Reply> {
  only(call, "GET");
  const q = parseQuery(call.query, { select: USER_PROPERTIES, page: true, count: true, search: true, filter: USER_FILTERS }, call.headers);
  const spec = combine(q.filter);
  if (spec.none) return listReply(call, "users", q, [], { count: q.count ? 0 : undefined });
  const page = await listUsers(call.ctx, {
    first: q.top,
    after: q.skipToken,
    filter: {
      userPrincipalName: spec.userPrincipalName,
      accountEnabled: spec.accountEnabled,
      displayNameStartsWith: spec.displayNameStartsWith,
      displayNameWordStartsWith: q.search,
      assignedSkuIds: spec.assignedSkuGuids.map((g) => apiId("sku", g)),
    },
  });
  const value = await shapeUsers(call.ctx, page.nodes, q.select);
  return listReply(call, "users", q, value, { next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null, count: q.count ? await page.totalCount : undefined });
}

const ODATA_KEY = /^@odata\./;

function refuseUnknownKeys(o: Record<string, unknown>, known: string[], where: string): void {
  const unknown = Object.keys(o).find((k) => !known.includes(k) && !ODATA_KEY.test(k));
  if (unknown !== undefined) throw badRequest(`Property '${unknown}' does not exist on ${where}.`);
}

/** The body of assignLicense (users and groups): `{ addLicenses: [{ skuId, disabledPlans }], removeLicenses: [skuId] }`. */
export function parseAssignLicense(call: Call): { addLicenses: { skuId: string; disabledPlanIds: string[] }[]; removeSkuIds: string[] } {
  const body = call.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("The body is a JSON object with addLicenses and removeLicenses.");
  const b = body as Record<string, unknown>;
  refuseUnknownKeys(b, ["addLicenses", "removeLicenses"], "the assignLicense action");
  if (!Array.isArray(b.addLicenses) || !Array.isArray(b.removeLicenses)) throw badRequest("addLicenses and removeLicenses are both required (either may be an empty array).");
  const known = (skuId: string) => {
    // A SKU that does not exist is the body's fault, not a missing resource at the URL.
    if (!call.ctx.catalog.sku(skuId)) throw new GraphError(400, "Request_BadRequest", `License ${guidOf(skuId)} does not correspond to a valid company license.`, ErrorCode.NOT_FOUND);
    return skuId;
  };
  const addLicenses = b.addLicenses.map((a, i) => {
    if (!a || typeof a !== "object" || Array.isArray(a)) throw badRequest(`addLicenses[${i}] is an object with skuId and disabledPlans.`);
    const item = a as Record<string, unknown>;
    refuseUnknownKeys(item, ["skuId", "disabledPlans"], "assignedLicense");
    if (typeof item.skuId !== "string") throw badRequest(`addLicenses[${i}].skuId is required.`);
    return { skuId: known(apiId("sku", item.skuId)), disabledPlanIds: item.disabledPlans == null ? [] : apiIds("plan", item.disabledPlans, `addLicenses[${i}].disabledPlans`) };
  });
  return { addLicenses, removeSkuIds: apiIds("sku", b.removeLicenses, "removeLicenses").map(known) };
}

/** MG2: /users, /users/{id} and what hangs below them; `self` for /me (rest then starts below it). */
export async function users(call: Call, rest: string[], self = false): Promise<Reply> {
  if (!rest.length && !self) return list(call);
  const segment = self ? null : rest[0];
  const [nav, ...more] = self ? rest : rest.slice(1);
  const ctx = call.ctx;
  if (nav === undefined) {
    only(call, "GET");
    const q = parseQuery(call.query, { select: USER_PROPERTIES }, call.headers);
    const user = await resolveUser(ctx, segment);
    return entityReply(call, "users", q, (await shapeUsers(ctx, [user], q.select))[0]);
  }
  const name = nav.toLowerCase();
  if (more.length) throw badRequest(`Resource not found for the segment '${more[0]}'.`);
  switch (name) {
    case "licensedetails": {
      only(call, "GET");
      const q = parseQuery(call.query, { select: LICENSE_DETAILS_PROPERTIES, page: true }, call.headers);
      const user = await resolveUser(ctx, segment);
      assertCanSeeUser(ctx, user);
      const page = pageInMemory(toLicenseDetails(ctx, user, await ctx.loaders.effective.load(user.id)) as ({ id: string } & Json)[], q);
      return listReply(call, `users('${guidOf(user.id)}')/licenseDetails`, q, page.items.map((d) => project(d, q.select)), { next: page.next });
    }
    case "assignlicense": {
      only(call, "POST");
      parseQuery(call.query, { select: [] }, call.headers);
      const input = parseAssignLicense(call);
      const user = await resolveUser(ctx, segment);
      const after = await assignUserLicenses(ctx, { userId: user.id, addLicenses: input.addLicenses, removeSkuIds: input.removeSkuIds });
      return entityReply(call, "users", {}, (await shapeUsers(ctx, [after]))[0]);
    }
    case "memberof":
    case "transitivememberof": {
      only(call, "GET");
      const q = parseQuery(call.query, { select: GROUP_PROPERTIES, page: true, count: true }, call.headers);
      const user = await resolveUser(ctx, segment);
      assertCanSeeUser(ctx, user);
      const groups = name === "memberof" ? await userLicenseViews.memberOf(ctx, user) : await userLicenseViews.transitiveMemberOf(ctx, user);
      const page = pageInMemory(groups, q);
      const value = (await shapeGroups(ctx, page.items, q.select)).map((g) => asDirectoryObject("group", g));
      return listReply(call, "directoryObjects", q, value, { next: page.next, count: q.count ? groups.length : undefined });
    }
  }
  throw badRequest(`Resource not found for the segment '${nav}'.`);
}
