import { Call, only, Reply } from "./call";
import { badRequest } from "./errors";
import { groups } from "./groups";
import { parseQuery } from "./query";
import { subscribedSkus } from "./skus";
import { subscriptions } from "./subscriptions";
import { users } from "./users";

/** OData's service document: what this server offers at the root. */
function serviceDocument(call: Call): Reply {
  only(call, "GET");
  parseQuery(call.query, { select: [] }, call.headers);
  const sets = ["groups", "subscribedSkus", "subscriptions", "users"].map((name) => ({ name, kind: "EntitySet", url: name }));
  return { status: 200, body: { "@odata.context": `${call.base}/$metadata`, value: [...sets, { name: "me", kind: "Singleton", url: "me" }] } };
}

/** MG2: one request's resource, by its first path segment (in any letter case, as Graph takes them). */
export function route(call: Call): Promise<Reply> | Reply {
  const [first, ...rest] = call.path;
  switch ((first ?? "").toLowerCase()) {
    case "":
      return serviceDocument(call);
    case "subscribedskus":
      return subscribedSkus(call, rest);
    case "users":
      return users(call, rest);
    case "me":
      return users(call, rest, true);
    case "groups":
      return groups(call, rest);
    case "subscriptions":
      return subscriptions(call, rest);
  }
  throw badRequest(`Resource not found for the segment '${first}'.`);
}
