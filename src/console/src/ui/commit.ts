import type { ApolloClient, OperationVariables, RefetchQueriesInclude, TypedDocumentNode } from "@apollo/client";
import { useApolloClient, useMutation } from "@apollo/client/react";

/** The queries refreshed after a change: the ones on screen ("active"), or the ones named (documents or operation names). */
export type Refresh = RefetchQueriesInclude;

/**
 * K8: refreshes queries after a committed change, best-effort. Each is fetched again and written to the cache (the
 * page updates); a refresh that fails (a 429 past its retries, the network) leaves what is shown as it is and is
 * never reported: the change was already confirmed by the mutation's own answer.
 */
export function refreshLater(client: ApolloClient, include: Refresh = "active"): void {
  for (const q of client.getObservableQueries(include)) {
    void client.query({ query: q.query, variables: q.variables, fetchPolicy: "network-only" }).catch(() => undefined);
  }
}

type Options<TData, TVariables extends OperationVariables> = useMutation.Options<TData, TVariables> & { refresh?: Refresh | false };

/**
 * K8's honest save, for every form of the console: `commit(...)` resolves with the mutation's answer (which Apollo
 * writes into the normalized cache, and `update` may add to), or rejects with the mutation's own error. Queries are
 * refreshed afterwards without being awaited (refreshLater), so a refresh that fails never turns a saved change
 * into a reported failure — use this instead of `refetchQueries` + `awaitRefetchQueries`.
 */
export function useCommit<TData, TVariables extends OperationVariables>(
  mutation: TypedDocumentNode<TData, TVariables>,
  { refresh = "active", ...options }: Options<TData, TVariables> = {},
) {
  const client = useApolloClient();
  // Apollo's overloads do not resolve for a generic document; the options are Apollo's own, passed through.
  const [mutate, state] = useMutation(mutation, options as never);
  const commit = async (opts?: useMutation.MutationFunctionOptions<TData, TVariables>): Promise<TData> => {
    const r = await (mutate as (o?: unknown) => ReturnType<typeof mutate>)(opts);
    if (r.error) throw r.error;
    if (refresh) refreshLater(client, refresh);
    return r.data as TData;
  };
  return [commit, state] as const;
}
