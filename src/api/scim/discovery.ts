import { MAX_MEMBERS_PER_CALL } from "../../domain/limits";
import { AttributeDef, ENTERPRISE_ATTRIBUTE_DEFS, GROUP_ATTRIBUTE_DEFS, USER_ATTRIBUTE_DEFS } from "./attributes";
import { GROUP_SCHEMA } from "./groups";
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from "./users";

const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const MAX_COUNT = 1000;

export const list = (resources: unknown[], total: number, startIndex: number) => ({
  schemas: [LIST], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources,
});

/**
 * H7: this server's own figures, which RFC 7643 §5 has no attribute for. A schema of the project's (not under
 * urn:ietf:params:scim, which is IANA's), listed in `schemas` as RFC 7643 §3.3 has extensions listed.
 */
export const PROVIDER_EXTENSION = "urn:licensegraph:params:scim:schemas:extension:2.0:ServiceProviderConfig";

/** RFC 7643 §5: what this service provider supports; only §5's attributes at the top level. */
export function serviceProviderConfig(base: string, maxBytes: number) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", PROVIDER_EXTENSION],
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
    [PROVIDER_EXTENSION]: { maxMembersPerRequest: MAX_MEMBERS_PER_CALL },
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

const SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/**
 * RFC 7643 §7 and §8.7.1: the schemas of the resources this provider serves, each a resource of its own (with
 * `schemas` and `meta`), its attributes the table the parsers read (attributes.ts); Entra's schema discovery reads these.
 */
export function schemas(base: string) {
  const schema = (id: string, name: string, description: string, attributes: AttributeDef[]) => ({
    schemas: [SCHEMA], id, name, description, attributes, meta: { resourceType: "Schema", location: `${base}/Schemas/${id}` },
  });
  return [
    schema(USER_SCHEMA, "User", "User Account", USER_ATTRIBUTE_DEFS),
    schema(ENTERPRISE_SCHEMA, "EnterpriseUser", "Enterprise User", ENTERPRISE_ATTRIBUTE_DEFS),
    schema(GROUP_SCHEMA, "Group", "Group", GROUP_ATTRIBUTE_DEFS),
  ];
}
