import { randomUUID } from "node:crypto";
import { DocumentNode, FieldNode, OperationDefinitionNode, parse } from "graphql";
import { GqlResult, AnyDoc } from "./harness";

/** Reading GraphQL results and documents in tests that compare many calls at once. */

export function topLevel(query: AnyDoc | string): { operation: string; fields: string[] } {
  const op = (typeof query === "string" ? parse(query) : (query as DocumentNode)).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  const fields = op.selectionSet.selections.filter((s): s is FieldNode => s.kind === "Field").map((f) => f.name.value);
  return { operation: op.operation, fields };
}

export const codes = (r: GqlResult) => (r.errors ?? []).map((e) => String(e.extensions?.code));
export const short = (r: GqlResult) => JSON.stringify(r.errors?.length ? codes(r).map((c, i) => `${c}: ${r.errors![i].message}`) : r.data).slice(0, 300);

/** An error as a client sees it, with the given IDs replaced, to compare "another tenant's ID" with "no such ID". */
export function normalized(r: GqlResult, ids: string[]): string {
  let s = JSON.stringify({
    data: r.data ?? null,
    errors: (r.errors ?? []).map((e) => {
      const { stacktrace: _drop, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
      return { message: e.message, path: e.path, extensions };
    }),
  });
  for (const id of ids) s = s.split(id).join("<ID>");
  return s;
}

export const randomId = (prefix: string) => `${prefix}_${randomUUID()}`;
