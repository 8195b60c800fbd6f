import { MAX_MEMBERS_PER_CALL } from "../../domain/limits";
import { GROUP_SCHEMA } from "./groups";
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from "./users";

const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const MAX_COUNT = 1000;

export const list = (resources: unknown[], total: number, startIndex: number) => ({
  schemas: [LIST], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources,
});

/** RFC 7644 §5: what this service provider supports. */
export function serviceProviderConfig(base: string, maxBytes: number) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: maxBytes },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: "oauthbearertoken", name: "Provisioning token", description: "Authorization: Bearer <token from createProvisioningToken>", primary: true },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
    maxMembersPerRequest: MAX_MEMBERS_PER_CALL,
  };
}

export function resourceTypes(base: string) {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], id: "User", name: "User", endpoint: "/Users", schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }], meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"], id: "Group", name: "Group", endpoint: "/Groups", schema: GROUP_SCHEMA,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

const attr = (name: string, type = "string", extra: Record<string, unknown> = {}) => ({
  name, type, multiValued: false, required: false, caseExact: false, mutability: "readWrite", returned: "default", uniqueness: "none", ...extra,
});
const complex = (name: string, sub: string[], multiValued = true) => ({
  ...attr(name, "complex"), multiValued, subAttributes: sub.map((s) => (s === "primary" ? attr(s, "boolean") : attr(s))),
});

/** The attributes this provider understands (RFC 7643 §7); Entra's schema discovery reads these. */
export function schemas(base: string) {
  return [
    {
      id: USER_SCHEMA, name: "User", description: "User Account",
      attributes: [
        attr("userName", "string", { required: true, uniqueness: "server" }),
        complex("name", ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"], false),
        ...["displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage", "locale", "timezone"].map((a) => attr(a)),
        attr("active", "boolean"),
        complex("emails", ["value", "display", "type", "primary"]),
        complex("phoneNumbers", ["value", "display", "type", "primary"]),
        complex("addresses", ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary"]),
        attr("externalId", "string", { caseExact: true }),
      ],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${USER_SCHEMA}` },
    },
    {
      id: ENTERPRISE_SCHEMA, name: "EnterpriseUser", description: "Enterprise User",
      attributes: [...["employeeNumber", "costCenter", "organization", "division", "department"].map((a) => attr(a)), complex("manager", ["value", "$ref", "displayName"], false)],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${ENTERPRISE_SCHEMA}` },
    },
    {
      id: GROUP_SCHEMA, name: "Group", description: "Group",
      attributes: [attr("displayName", "string", { required: true }), complex("members", ["value", "$ref", "type", "display"]), attr("externalId", "string", { caseExact: true })],
      meta: { resourceType: "Schema", location: `${base}/Schemas/${GROUP_SCHEMA}` },
    },
  ];
}
