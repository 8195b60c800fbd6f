import { SecurityGroup } from "../../data/entities";
import { DirectoryGroupFields, Members } from "../../app/groups/directory-groups";
import { TEXT_LIMITS } from "../../domain/text";
import { badRequest } from "./errors";
import { GROUP_ATTRIBUTE_DEFS, namesOf, subNamesOf, TOLERATED } from "./attributes";
import { checkSchemas } from "./users";
import { isObject, optArrayOfObjects, optString, pick } from "./values";

export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
/** Entra adds this one to the groups it creates (Microsoft's tutorial, "Create Group"). */
const ENTRA_GROUP_SCHEMA = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
export const GROUP_SCHEMAS = new Set([GROUP_SCHEMA, ENTRA_GROUP_SCHEMA].map((s) => s.toLowerCase()));
// H7: the names come from the table /Schemas serves (attributes.ts).
const GROUP_ATTRIBUTES = new Set([...namesOf(GROUP_ATTRIBUTE_DEFS), ...TOLERATED.group].map((a) => a.toLowerCase()));
const MEMBER_SUB_ATTRIBUTES = new Set([...subNamesOf(GROUP_ATTRIBUTE_DEFS, "members"), ...TOLERATED.members].map((a) => a.toLowerCase()));

/** `members` values: the IDs of users or groups ($ref, type and display may come along; the ID is what counts). */
export function memberIds(v: unknown, where = "members"): string[] {
  const list = optArrayOfObjects(v, where) ?? [];
  return list.map((m, i) => {
    // H3: a sub-attribute members do not have is refused, as a user's are.
    const unknown = Object.keys(m).find((k) => !MEMBER_SUB_ATTRIBUTES.has(k.toLowerCase()));
    if (unknown !== undefined) throw badRequest("invalidPath", `Unknown attribute ${where}[${i}].${unknown}.`);
    const id = optString(pick(m, "value"), `${where}[${i}].value`);
    if (!id) throw badRequest("invalidValue", `${where}[${i}].value is required.`);
    return id;
  });
}

export function groupFields(body: Record<string, unknown>): DirectoryGroupFields {
  const displayName = optString(pick(body, "displayName"), "displayName")?.trim();
  if (!displayName) throw badRequest("invalidValue", "displayName is required.");
  if (displayName.length > TEXT_LIMITS.name) throw badRequest("invalidValue", `displayName must be at most ${TEXT_LIMITS.name} characters.`);
  const externalId = optString(pick(body, "externalId"), "externalId") ?? null;
  if (externalId && externalId.length > TEXT_LIMITS.name) throw badRequest("invalidValue", `externalId must be at most ${TEXT_LIMITS.name} characters.`);
  return { displayName, externalId, attributes: { displayName, ...(externalId ? { externalId } : {}) } };
}

/** A Group for POST or PUT: its attributes and the complete member list. */
export function parseGroup(body: unknown): { fields: DirectoryGroupFields; members: string[] } {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The body must be a JSON object.");
  checkSchemas(body.schemas, GROUP_SCHEMAS);
  const unknown = Object.keys(body).filter((k) => !GROUP_ATTRIBUTES.has(k.toLowerCase()));
  if (unknown.length) throw badRequest("invalidPath", `Unknown attribute: ${unknown.join(", ")}.`);
  return { fields: groupFields(body), members: [...new Set(memberIds(pick(body, "members")))] };
}

export function toScimGroup(g: SecurityGroup, base: string, members: Members | null): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA],
    id: g.id,
    ...(g.externalId ? { externalId: g.externalId } : {}),
    displayName: g.displayName,
    ...(members
      ? {
          members: [
            ...members.userIds.map((value) => ({ value, type: "User", $ref: `${base}/Users/${value}` })),
            ...members.groupIds.map((value) => ({ value, type: "Group", $ref: `${base}/Groups/${value}` })),
          ],
        }
      : {}),
    meta: { resourceType: "Group", created: g.createdAt.toISOString(), lastModified: (g.updatedAt ?? g.createdAt).toISOString(), location: `${base}/Groups/${g.id}` },
  };
}
