import { usageLocation as usageLocationOf } from "../../domain/countries";
import { User } from "../../data/entities";
import { DirectoryUserFields } from "../../app/users/directory-users";
import { requiredText, userPrincipalName } from "../../domain/validation";
import { TEXT_LIMITS } from "../../domain/text";
import { badRequest } from "./errors";
import { ENTERPRISE_ATTRIBUTE_DEFS, namesOf, subNamesOf, TOLERATED, USER_ATTRIBUTE_DEFS } from "./attributes";
import { isObject, optArrayOfObjects, optString, pick, toBoolean } from "./values";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const USER_SCHEMAS = new Set([USER_SCHEMA, ENTERPRISE_SCHEMA].map((s) => s.toLowerCase()));

// H7: every name below comes from the one table of attributes (attributes.ts) that /Schemas serves.
const SINGLE = new Set(["userName", "active", "externalId"]);
const SIMPLE = USER_ATTRIBUTE_DEFS.filter((d) => !d.multiValued && d.type !== "complex" && !SINGLE.has(d.name)).map((d) => d.name);
/** RFC 7643 §4.1.2 and §8.7.1: the sub-attributes of each multi-valued attribute (H3: any other is refused). */
export const MULTI_SUB_ATTRIBUTES: Record<string, readonly string[]> = Object.fromEntries(
  USER_ATTRIBUTE_DEFS.filter((d) => d.multiValued).map((d) => [d.name, namesOf(d.subAttributes ?? [])]),
);
const MULTI = Object.keys(MULTI_SUB_ATTRIBUTES);
export const NAME_SUB_ATTRIBUTES = subNamesOf(USER_ATTRIBUTE_DEFS, "name");
export const ENTERPRISE_ATTRIBUTES = namesOf(ENTERPRISE_ATTRIBUTE_DEFS);
/** The manager's sub-attributes a request may carry: the table's, and a `$ref`, which is dropped. */
export const MANAGER_SUB_ATTRIBUTES = [...subNamesOf(ENTERPRISE_ATTRIBUTE_DEFS, "manager"), ...TOLERATED.manager];
/** Read-only or not ours: accepted and not stored (roles stay this API's own, D3; a password is never kept). */
const IGNORED = TOLERATED.user;
export const USER_ATTRIBUTES = new Set(["userName", "name", "active", "externalId", ...SIMPLE, ...MULTI, ...IGNORED, ENTERPRISE_SCHEMA].map((a) => a.toLowerCase()));

export function checkSchemas(v: unknown, known: Set<string>): void {
  if (v === undefined) return;
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string")) throw badRequest("invalidValue", "schemas must be a list of URNs.");
  const unknown = v.filter((s) => !known.has(s.toLowerCase()));
  if (unknown.length) throw badRequest("invalidValue", `Unknown schema: ${unknown.join(", ")}.`);
}

function name(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw badRequest("invalidValue", "name must be an object.");
  const out: Record<string, string> = {};
  for (const k of NAME_SUB_ATTRIBUTES) {
    const s = optString(pick(v, k), `name.${k}`, TEXT_LIMITS.name);
    if (s !== undefined) out[k] = s;
  }
  const extra = Object.keys(v).filter((k) => !NAME_SUB_ATTRIBUTES.some((n) => n.toLowerCase() === k.toLowerCase()));
  if (extra.length) throw badRequest("invalidPath", `Unknown attribute name.${extra[0]}.`);
  return out;
}

/** Multi-valued attributes: sub-values are strings, `primary` a boolean (Entra's "True" accepted). */
function multi(v: unknown, attr: string): Record<string, unknown>[] | undefined {
  const list = optArrayOfObjects(v, attr);
  if (!list) return undefined;
  const subs = MULTI_SUB_ATTRIBUTES[attr].map((s) => s.toLowerCase());
  const max = attr === "emails" ? TEXT_LIMITS.email : TEXT_LIMITS.description;
  return list.map((item, i) => {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(item)) {
      if (!subs.includes(k.toLowerCase())) throw badRequest("invalidPath", `Unknown attribute ${attr}[${i}].${k}.`);
      if (x === null || x === undefined) continue;
      if (k.toLowerCase() === "primary") out.primary = toBoolean(x, `${attr}[${i}].primary`);
      else out[k] = optString(x, `${attr}[${i}].${k}`, max);
    }
    return out;
  });
}

function enterprise(v: unknown): Record<string, unknown> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw badRequest("invalidValue", "The enterprise extension must be an object.");
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null || x === undefined) continue;
    if (k.toLowerCase() === "manager") {
      // Entra sends the manager as a bare ID in PATCH, an object elsewhere.
      const value = typeof x === "string" ? optString(x, "manager", TEXT_LIMITS.name) : isObject(x) ? optString(pick(x, "value"), "manager.value", TEXT_LIMITS.name) : undefined;
      if (value === undefined && !isObject(x)) throw badRequest("invalidValue", "manager must be an object with a value.");
      const extra = isObject(x) ? Object.keys(x).filter((s) => !MANAGER_SUB_ATTRIBUTES.some((m) => m.toLowerCase() === s.toLowerCase())) : [];
      if (extra.length) throw badRequest("invalidPath", `Unknown attribute manager.${extra[0]}.`);
      out.manager = { value };
    } else if (ENTERPRISE_ATTRIBUTES.some((a) => a.toLowerCase() === k.toLowerCase())) {
      out[k] = optString(x, k, TEXT_LIMITS.name);
    } else {
      throw badRequest("invalidPath", `Unknown attribute ${ENTERPRISE_SCHEMA}:${k}.`);
    }
  }
  return out;
}

/**
 * A SCIM User (POST, PUT, or the result of a PATCH) checked against RFC 7643's User schema and turned into
 * what the directory service stores. Unknown attributes and schemas, and values of the wrong type, are 400.
 */
export function parseUser(body: unknown): DirectoryUserFields {
  if (!isObject(body)) throw badRequest("invalidSyntax", "The body must be a JSON object.");
  checkSchemas(body.schemas, USER_SCHEMAS);
  const unknown = Object.keys(body).filter((k) => !USER_ATTRIBUTES.has(k.toLowerCase()));
  if (unknown.length) throw badRequest("invalidPath", `Unknown attribute: ${unknown.join(", ")}.`);
  const rawUserName = optString(pick(body, "userName"), "userName");
  if (!rawUserName) throw badRequest("invalidValue", "userName is required.");
  // The rules GraphQL applies to the same fields (U1, H1, L1); their BAD_USER_INPUT is SCIM's 400 invalidValue.
  const userName = userPrincipalName(rawUserName, "userName");
  const attributes: Record<string, unknown> = {};
  const n = name(pick(body, "name"));
  if (n) attributes.name = n;
  for (const a of SIMPLE) {
    const s = optString(pick(body, a), a, a === "profileUrl" ? TEXT_LIMITS.description : TEXT_LIMITS.name);
    if (s !== undefined) attributes[a] = s;
  }
  for (const a of MULTI) {
    const m = multi(pick(body, a), a);
    if (m) attributes[a] = m;
  }
  const ext = enterprise(pick(body, ENTERPRISE_SCHEMA));
  if (ext) attributes[ENTERPRISE_SCHEMA] = ext;
  const activeRaw = pick(body, "active");
  const active = activeRaw === undefined || activeRaw === null ? true : toBoolean(activeRaw, "active");
  const externalId = optString(pick(body, "externalId"), "externalId") ?? null;
  const displayName = requiredText(
    (attributes.displayName as string | undefined)?.trim() ||
    n?.formatted?.trim() ||
    [n?.givenName, n?.familyName].filter(Boolean).join(" ").trim() ||
    userName,
    "displayName",
  );
  const emails = ((attributes.emails as Record<string, unknown>[] | undefined) ?? [])
    .filter((e) => typeof e.value === "string")
    .map((e) => ({ value: e.value as string, type: e.type as string | undefined }));
  // D3: addresses[type eq "work"].country is the usage location (L1); none sent leaves the user's own as it is.
  const work = (attributes.addresses as Record<string, unknown>[] | undefined)?.find((a) => String(a.type ?? "").toLowerCase() === "work");
  const country = work && typeof work.country === "string" && work.country.trim() ? work.country : undefined;
  const usageLocation = country === undefined ? undefined : usageLocationOf(country, 'addresses[type eq "work"].country');
  if (externalId && externalId.length > TEXT_LIMITS.name) throw badRequest("invalidValue", `externalId must be at most ${TEXT_LIMITS.name} characters.`);
  return { userName, displayName, active, externalId, usageLocation, emails, attributes };
}

/** D3: what the client sent, as sent; the columns this API owns (id, userName, displayName, active) from the row. */
export function toScimUser(u: User, base: string, forPatch = false): Record<string, unknown> {
  const stored = (u.scimAttributes ? JSON.parse(u.scimAttributes) : {}) as Record<string, unknown>;
  const schemas = [USER_SCHEMA, ...(stored[ENTERPRISE_SCHEMA] ? [ENTERPRISE_SCHEMA] : [])];
  return {
    schemas,
    id: u.id,
    ...(u.externalId ? { externalId: u.externalId } : {}),
    userName: u.userPrincipalName,
    ...stored,
    // The derived displayName (D3) is shown, but a PATCH starts from what was sent.
    ...(forPatch && stored.displayName === undefined ? {} : { displayName: u.displayName }),
    active: Boolean(u.accountEnabled),
    meta: {
      resourceType: "User",
      created: u.createdAt.toISOString(),
      lastModified: (u.updatedAt ?? u.createdAt).toISOString(),
      location: `${base}/Users/${u.id}`,
    },
  };
}
