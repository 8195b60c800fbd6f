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

const measured = new WeakMap<object, Map<string, number>>();

/**
 * A figure of an operation computed once per document and variables: Apollo reuses the parsed document of a
 * repeated query, so a warm request finds its figures here. `what` names the figure (cost, price).
 */
export function perDocument(what: string, document: object, variables: Record<string, unknown> | undefined, operationName: string | null | undefined, compute: () => number): number {
  let perDoc = measured.get(document);
  if (!perDoc) measured.set(document, (perDoc = new Map()));
  const key = `${what}|${operationName ?? ""}|${JSON.stringify(variables ?? {})}`;
  const known = perDoc.get(key);
  if (known !== undefined) return known;
  const figure = compute();
  if (perDoc.size < 200 && key.length < 2000) perDoc.set(key, figure);
  return figure;
}

/** §6's cost of an operation: the limit that refuses oversized queries (MAX_QUERY_COST), not its throttling price (T1). */
export function queryCost(schema: GraphQLSchema, document: Parameters<typeof getComplexity>[0]["query"], variables: Record<string, unknown> | undefined, operationName?: string | null): number {
  return perDocument("cost", document, variables, operationName, () =>
    getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
    }),
  );
}
