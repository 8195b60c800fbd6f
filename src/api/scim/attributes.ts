/**
 * H7: the one description of the SCIM attributes this server holds, in RFC 7643 §7's terms. `/Schemas` is this
 * table as JSON, and the parsers (users.ts, groups.ts) and the PATCH path checks (patch.ts) take their names from
 * it, so what is advertised, what is accepted and what a PATCH may name cannot drift apart.
 *
 * What is listed is what the server stores and returns (a user's attributes are kept as the directory sent them,
 * D3), with RFC 7643 §8.7.1's characteristics. Left out: what no request can change and no response carries —
 * a group member's `display` (not in §8.7.1; members are returned as value, $ref and type) and the manager's
 * `$ref` (only its `value` is kept). Clients send some of these anyway (Okta sends `members[].display`), so the
 * parsers accept the names in TOLERATED and drop them, as RFC 7644 §3.5.1 has a server ignore read-only input.
 */

export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";
export type Returned = "always" | "never" | "default" | "request";

export interface AttributeDef {
  name: string;
  type: "string" | "boolean" | "complex" | "reference" | "binary";
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: "none" | "server" | "global";
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
}

type Extra = Partial<Omit<AttributeDef, "name" | "description">>;

const attr = (name: string, description: string, extra: Extra = {}): AttributeDef => ({
  name, type: "string", multiValued: false, description, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...extra,
});
// Every characteristic on every attribute, complex ones too (as §8.7.1 gives `name` and `emails`): clients that read
// the definitions into fixed shapes find each field where they look.
const complex = (name: string, description: string, subAttributes: AttributeDef[], extra: Extra = {}): AttributeDef =>
  attr(name, description, { type: "complex", multiValued: true, subAttributes, ...extra });

/** RFC 7643 §2.4: the sub-attributes every plain multi-valued attribute has; `value` may be typed otherwise. */
const plainMulti = (name: string, what: string, types: string[], value: Extra = {}) =>
  complex(name, what, [
    attr("value", `The ${what.toLowerCase()} itself.`, value),
    attr("display", "A human-readable name, primarily used for display purposes."),
    attr("type", "A label indicating the attribute's function.", types.length ? { canonicalValues: types } : {}),
    attr("primary", "Whether this is the preferred value.", { type: "boolean" }),
  ]);

export const USER_ATTRIBUTE_DEFS: AttributeDef[] = [
  attr("userName", "Unique identifier for the User (here its userPrincipalName, U1).", { required: true, uniqueness: "server" }),
  complex("name", "The components of the user's real name.", [
    attr("formatted", "The full name, formatted for display."),
    attr("familyName", "The family name."),
    attr("givenName", "The given name."),
    attr("middleName", "The middle name(s)."),
    attr("honorificPrefix", "The honorific prefix(es)."),
    attr("honorificSuffix", "The honorific suffix(es)."),
  ], { multiValued: false }),
  attr("displayName", "The name of the User, suitable for display to end-users."),
  attr("nickName", "The casual way to address the user."),
  attr("profileUrl", "A fully qualified URL pointing to the user's online profile.", { type: "reference", referenceTypes: ["external"] }),
  attr("title", "The user's title, such as \"Vice President\"."),
  attr("userType", "The relationship between the organization and the user."),
  attr("preferredLanguage", "The user's preferred written or spoken language."),
  attr("locale", "The user's default location for localizing items."),
  attr("timezone", "The User's time zone in the IANA Time Zone database format."),
  attr("active", "The User's administrative status (false disables sign-in).", { type: "boolean" }),
  plainMulti("emails", "Email addresses", ["work", "home", "other"]),
  plainMulti("phoneNumbers", "Phone numbers", ["work", "home", "mobile", "fax", "pager", "other"]),
  plainMulti("ims", "Instant messaging addresses", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
  plainMulti("photos", "URLs of photos of the User", ["photo", "thumbnail"], { type: "reference", referenceTypes: ["external"] }),
  complex("addresses", "Physical mailing addresses (the work address's country is the usage location, L1).", [
    attr("formatted", "The full mailing address, formatted for display."),
    attr("streetAddress", "The full street address."),
    attr("locality", "The city or locality."),
    attr("region", "The state or region."),
    attr("postalCode", "The zip code or postal code."),
    attr("country", "The country name component (ISO 3166-1 alpha-2)."),
    attr("type", "A label indicating the attribute's function.", { canonicalValues: ["work", "home", "other"] }),
    attr("primary", "Whether this is the preferred mailing address.", { type: "boolean" }),
  ]),
  plainMulti("entitlements", "Entitlements of the User", []),
  plainMulti("x509Certificates", "X.509 certificates issued to the User", [], { type: "binary" }),
  attr("externalId", "The directory's own identifier of the User.", { caseExact: true }),
];

export const ENTERPRISE_ATTRIBUTE_DEFS: AttributeDef[] = [
  attr("employeeNumber", "A string identifier of the user, typically numeric or alphanumeric."),
  attr("costCenter", "Identifies the name of a cost center."),
  attr("organization", "Identifies the name of an organization."),
  attr("division", "Identifies the name of a division."),
  attr("department", "Identifies the name of a department."),
  complex("manager", "The User's manager.", [
    attr("value", "The id of the SCIM resource representing the User's manager."),
    // RFC 7643 §8.7.1: set by the server; this one never resolves it, so it is never returned.
    attr("displayName", "The displayName of the User's manager.", { mutability: "readOnly" }),
  ], { multiValued: false }),
];

export const GROUP_ATTRIBUTE_DEFS: AttributeDef[] = [
  attr("displayName", "A human-readable name for the Group.", { required: true }),
  complex("members", "A list of members of the Group: users, and groups (groups nest).", [
    attr("value", "Identifier of the member of this Group.", { mutability: "immutable" }),
    attr("$ref", "The URI corresponding to a SCIM resource that is a member of this Group.", { type: "reference", referenceTypes: ["User", "Group"], mutability: "immutable" }),
    attr("type", "A label indicating the type of resource, e.g., 'User' or 'Group'.", { canonicalValues: ["User", "Group"], mutability: "immutable" }),
  ]),
  attr("externalId", "The directory's own identifier of the Group.", { caseExact: true }),
];

/** Accepted on input and dropped, never stored nor returned, so not in `/Schemas` (see the top of this file). */
export const TOLERATED = {
  /** RFC 7643 §3.1's common attributes, the server's own; and what is not ours to keep (D3: roles stay this API's own, a password is never kept). */
  user: ["id", "meta", "schemas", "password", "groups", "roles"],
  group: ["id", "meta", "schemas"],
  manager: ["$ref"],
  members: ["display"],
} as const;

/** The names of a table's attributes, or of one attribute's sub-attributes. */
export const namesOf = (defs: readonly AttributeDef[]): string[] => defs.map((d) => d.name);

export function subNamesOf(defs: readonly AttributeDef[], name: string): string[] {
  const def = defs.find((d) => d.name === name);
  if (!def?.subAttributes) throw new Error(`${name} has no sub-attributes in the table`);
  return namesOf(def.subAttributes);
}
