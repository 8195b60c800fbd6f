import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, GraphQLSchema, ValidationRule } from "graphql";
import { ComplexityEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import type { QueryLimits } from "../../config";
import { MAX_PAGE } from "../../domain/paging";
import { ErrorCode } from "../../domain/errors";

export function validationFailed(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
}

/** Depth, aliases and directives through GraphQL Armor; they run as validation, before any resolver. */
export function armor(limits: QueryLimits, production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const a = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are counted by graphql's own parser (parseOptions.maxTokens): a parse error answers 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const p = a.protect();
  return { plugins: p.plugins, validationRules: p.validationRules };
}

/** A field costs 1 plus its selection; `first` multiplies the selection (capped at the page limit). */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args?.first === "number" ? Math.min(Math.max(args.first, 0), MAX_PAGE) : 1;
  return 1 + childComplexity * Math.max(first, 1);
};

const costs = new WeakMap<object, Map<string, number>>();

/** The cost of an operation; Apollo reuses the parsed document of a repeated query, so the figure is kept per document and variables. */
export function queryCost(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]["query"], variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  let perDoc = costs.get(document);
  if (!perDoc) costs.set(document, (perDoc = new Map()));
  const key = `${operationName ?? ""}|${JSON.stringify(variables ?? {})}`;
  const known = perDoc.get(key);
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema,
    query: document,
    variables,
    operationName: operationName ?? undefined,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (perDoc.size < 100 && key.length < 2000) perDoc.set(key, cost);
  return cost;
}
