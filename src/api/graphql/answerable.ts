import { DocumentNode, GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";

/**
 * I1's answer cache keeps only answers made of what the tenant's state version covers: the caller's own row and
 * licensing, groups and the catalog. Anything else (activity, requests, bots, usage, the throttle's buckets) is
 * read afresh, so a document naming any other field is never kept.
 */
const VERSIONED_FIELDS: Record<string, readonly string[]> = {
  Query: ["me"],
  User: ["id", "userPrincipalName", "displayName", "accountEnabled", "roles", "createdAt", "usageLocation", "source", "externalId", "deletedAt", "effectiveLicenses", "canCreateBots"],
  EffectiveLicense: ["sku", "state", "error", "holdsSeat", "enabledPlans", "sources", "expiresAt"],
  LicenseSource: ["kind", "group", "via"],
  SecurityGroup: ["id", "displayName", "description", "createdAt", "source", "externalId"],
  Sku: ["id", "partNumber", "displayName", "kind", "billedSessionsPerUnit", "isTrial", "trialDays", "unavailableInCountries", "requires", "servicePlans"],
  ServicePlan: ["id", "name", "displayName"],
};
const allowed = new Set(Object.entries(VERSIONED_FIELDS).flatMap(([type, fields]) => fields.map((f) => `${type}.${f}`)));

const judged = new WeakMap<DocumentNode, boolean>();

/** Whether every field of this (parsed, validated) query document is one the answer cache may keep; judged once per document. */
export function answerable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const known = judged.get(document);
  if (known !== undefined) return known;
  let ok = document.definitions.every((d) => d.kind !== "OperationDefinition" || d.operation === "query");
  if (ok) {
    const info = new TypeInfo(schema);
    visit(document, visitWithTypeInfo(info, {
      Field(node) {
        const parent = info.getParentType();
        if (node.name.value !== "__typename" && (!parent || !allowed.has(`${parent.name}.${node.name.value}`))) ok = false;
      },
    }));
  }
  judged.set(document, ok);
  return ok;
}
