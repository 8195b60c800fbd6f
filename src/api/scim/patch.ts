import { scimPatch, ScimError as PatchLibError, ScimPatchOperation } from "scim-patch";
import { parse } from "scim2-parse-filter";
import type { DirectoryMembers } from "../../app/groups/directory-groups";
import { badRequest } from "./errors";
import { memberIds } from "./groups";
import { ENTERPRISE_ATTRIBUTES, ENTERPRISE_SCHEMA, MANAGER_SUB_ATTRIBUTES, MULTI_SUB_ATTRIBUTES, NAME_SUB_ATTRIBUTES, USER_ATTRIBUTES } from "./users";
import { isObject, pick } from "./values";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export interface Op {
  op: "add" | "remove" | "replace";
  path?: string;
  value?: unknown;
}

/** D6: a PatchOp body; ops matched case-insensitively (Entra sends "Add", "Replace", "Remove"). */
export function parsePatch(body: unknown): Op[] {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The body must be a JSON object.");
  const schemas = body.schemas;
  if (schemas !== undefined && (!Array.isArray(schemas) || !schemas.some((s) => typeof s === "string" && s.toLowerCase() === PATCH_SCHEMA.toLowerCase()))) {
    throw badRequest("invalidValue", `A PATCH body has the schema ${PATCH_SCHEMA}.`);
  }
  const ops = pick(body, "Operations");
  if (!Array.isArray(ops) || ops.length === 0) throw badRequest("invalidSyntax", "Operations must be a non-empty list.");
  return ops.map((o, i) => {
    if (!isObject(o)) throw badRequest("invalidSyntax", `Operations[${i}] must be an object.`);
    const op = typeof pick(o, "op") === "string" ? (pick(o, "op") as string).toLowerCase() : "";
    if (op !== "add" && op !== "remove" && op !== "replace") throw badRequest("invalidSyntax", `Operations[${i}].op must be add, remove or replace.`);
    const path = pick(o, "path");
    if (path !== undefined && path !== null && (typeof path !== "string" || !path.trim())) throw badRequest("invalidPath", `Operations[${i}].path must be a string.`);
    const value = pick(o, "value");
    if (op !== "remove" && value === undefined) throw badRequest("invalidValue", `Operations[${i}] needs a value.`);
    if (op === "remove" && !path) throw badRequest("noTarget", `Operations[${i}]: remove needs a path.`);
    return { op, ...(path ? { path: path as string } : {}), ...(value !== undefined ? { value } : {}) };
  });
}

const ATTR = "[A-Za-z][A-Za-z0-9$_-]*";
const CORE_PATH = new RegExp(`^(${ATTR})(\\[.*\\])?(?:\\.(${ATTR}))?$`, "s");
const has = (names: readonly string[], name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());

/**
 * H3: a user PATCH path names an attribute the server offers, and a sub-attribute that attribute has:
 * `title`, `name.givenName`, `emails[type eq "work"].value`, `urn:…:enterprise:2.0:User:manager.value`.
 * A bare extension URN names no attribute; as a path-less key it carries the extension's object.
 */
function checkUserPath(path: string, pathless: boolean): void {
  const unknown = () => badRequest("invalidPath", `Unknown attribute path ${path}.`);
  if (path.toLowerCase().startsWith(ENTERPRISE_SCHEMA.toLowerCase())) {
    const rest = path.slice(ENTERPRISE_SCHEMA.length);
    if (rest === "" && pathless) return;
    const m = rest.startsWith(":") ? CORE_PATH.exec(rest.slice(1)) : null;
    if (!m || m[2] || !has(ENTERPRISE_ATTRIBUTES, m[1])) throw unknown();
    if (m[3] && !(m[1].toLowerCase() === "manager" && has(MANAGER_SUB_ATTRIBUTES, m[3]))) throw unknown();
    return;
  }
  const m = CORE_PATH.exec(path.replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/i, ""));
  if (!m || !USER_ATTRIBUTES.has(m[1].toLowerCase())) throw unknown();
  const multi = Object.keys(MULTI_SUB_ATTRIBUTES).find((a) => a.toLowerCase() === m[1].toLowerCase());
  if (m[2] && !multi) throw unknown();
  if (!m[3]) return;
  const subs = multi ? MULTI_SUB_ATTRIBUTES[multi] : m[1].toLowerCase() === "name" ? NAME_SUB_ATTRIBUTES : [];
  if (!has(subs, m[3])) throw unknown();
}

/**
 * Users (D6) through scim-patch, which handles path-less replace with dotted and URN keys, value-path
 * filters and case-insensitive ops once normalised; what comes out is checked as a whole User again.
 */
export function patchUser(resource: Record<string, unknown>, ops: Op[]): Record<string, unknown> {
  for (const o of ops) {
    if (o.path) checkUserPath(o.path, false);
    else {
      if (!isObject(o.value)) throw badRequest("invalidValue", "A path-less operation carries an object of attributes.");
      for (const k of Object.keys(o.value)) checkUserPath(k, true);
    }
  }
  try {
    return scimPatch(resource as never, ops as ScimPatchOperation[], { mutateDocument: false, treatMissingAsAdd: true }) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof PatchLibError) {
      const t = (e as { scimCode?: string }).scimCode;
      throw badRequest(t === "noTarget" || t === "invalidPath" || t === "invalidValue" ? t : "invalidValue", e.message);
    }
    throw e;
  }
}

/** `members[value eq "a" or value eq "b"]` → [a, b]. */
function filteredMembers(path: string): string[] {
  const m = /^members\[(.*)\]$/is.exec(path.trim());
  if (!m) throw badRequest("invalidPath", `Unsupported path ${path}.`);
  let ast;
  try {
    ast = parse(m[1]);
  } catch (e) {
    throw badRequest("invalidFilter", `The member filter is not valid: ${(e as Error).message}`);
  }
  const ids: string[] = [];
  const walk = (x: typeof ast): void => {
    if (x.op === "or") return x.filters.forEach(walk);
    if (x.op === "eq" && x.attrPath.toLowerCase() === "value" && typeof x.compValue === "string") return void ids.push(x.compValue);
    throw badRequest("invalidFilter", `Only members[value eq "…"] (joined with or) is supported, not ${path}.`);
  };
  walk(ast);
  return ids;
}

export interface GroupPatch {
  displayName?: string;
  externalId?: string | null;
  members: DirectoryMembers;
}

/**
 * D6: the member operations of one PATCH, in request order, netted into what the group gains and loses, or, from a
 * replace or a remove-all on, its complete new list. So `add members` names its IDs and reads nothing else.
 */
function memberOps() {
  const add = new Set<string>();
  const remove = new Set<string>();
  let list: Set<string> | null = null;
  return {
    add(ids: string[]) {
      for (const i of ids) list ? list.add(i) : (remove.delete(i), add.add(i));
    },
    remove(ids: string[]) {
      for (const i of ids) list ? list.delete(i) : (add.delete(i), remove.add(i));
    },
    replace(ids: string[]) {
      list = new Set(ids);
    },
    result(): DirectoryMembers {
      return list ? { replace: [...list] } : { add: [...add], remove: [...remove] };
    },
  };
}

/**
 * Groups (D6) by hand, shape by shape: scim-patch would need the whole member list in memory, while
 * membership changes here are set operations on the membership table. Shapes: add/remove/replace on
 * `members` with a list, remove on `members[value eq "…"]`, remove on `members` (all), add/replace on
 * displayName or externalId, and path-less add/replace with an object (Okta resends {id, displayName}).
 */
export function patchGroup(groupId: string, ops: Op[]): GroupPatch {
  const out: Omit<GroupPatch, "members"> = {};
  const members = memberOps();
  const setAttr = (key: string, value: unknown, op: Op["op"]) => {
    const k = key.replace(/^urn:ietf:params:scim:schemas:core:2\.0:group:/i, "").toLowerCase();
    if (k === "displayname") {
      if (op === "remove" || typeof value !== "string" || !value.trim()) throw badRequest("invalidValue", "displayName is a required string.");
      out.displayName = value.trim();
    } else if (k === "externalid") {
      if (op === "remove" || value === null) out.externalId = null;
      else if (typeof value !== "string") throw badRequest("invalidValue", "externalId must be a string.");
      else out.externalId = value;
    } else if (k === "id") {
      if (value !== groupId) throw badRequest("mutability", "id cannot change.");
    } else if (k === "members") {
      if (op === "remove") value === undefined ? members.replace([]) : members.remove(memberIds(value));
      else if (op === "add") members.add(memberIds(value));
      else members.replace(memberIds(value));
    } else if (k.startsWith("members[")) {
      if (op !== "remove") throw badRequest("invalidPath", `${key}: only remove takes a member filter.`);
      members.remove(filteredMembers(key));
    } else {
      throw badRequest("invalidPath", `Unknown attribute path ${key}.`);
    }
  };
  for (const o of ops) {
    if (o.path) setAttr(o.path, o.value, o.op);
    else {
      if (!isObject(o.value)) throw badRequest("invalidValue", "A path-less operation carries an object of attributes.");
      for (const [k, v] of Object.entries(o.value)) setAttr(k, v, o.op);
    }
  }
  return { ...out, members: members.result() };
}
