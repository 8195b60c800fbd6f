import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient as createWsClient, type Client } from "graphql-ws";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { describeError } from "./errors";
import { session, signOut } from "./session";
import { RetryAfterLink } from "./throttle";

/**
 * Live updates (§11) over graphql-ws at the same /graphql, signed in with the session's token (E1). The socket opens
 * on the first subscription and is closed at sign-out; a new session opens a new one with its own token.
 */
let ws: Client | null = null;
export function liveClient(): Client {
  ws ??= createWsClient({
    url: `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`,
    connectionParams: () => {
      const s = session();
      return s ? { authorization: `Bearer ${s.token}` } : {};
    },
    lazy: true,
    // The server closes at the token's exp (4403); the session ends then anyway, so no endless retries.
    shouldRetry: () => Boolean(session()),
    retryAttempts: 5,
  });
  return ws;
}

export function closeLive(): void {
  void ws?.dispose();
  ws = null;
}

/** The client for /graphql on the same origin, with a normalized cache (every entity has an `id`). */
export function createClient(): ApolloClient {
  const auth = new SetContextLink((prev) => {
    const s = session();
    return s ? { headers: { ...prev.headers, authorization: `Bearer ${s.token}` } } : {};
  });
  // A refused token anywhere ends the session: the sign-in page comes back with the reason (K1).
  const expired = new ErrorLink(({ error }) => {
    if (describeError(error).code === "UNAUTHENTICATED" && session()) {
      signOut("Your session has expired or your token is no longer accepted. Sign in again to continue.");
    }
  });
  return new ApolloClient({
    link: ApolloLink.split(
      ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
      // The link only subscribes; each subscription goes to the socket of the current session (see liveClient).
      new GraphQLWsLink({ subscribe: (payload, sink) => liveClient().subscribe(payload, sink) } as Client),
      // K8: a 429 waits its Retry-After and is sent again (with the token of that moment) before anyone sees an error.
      ApolloLink.from([expired, new RetryAfterLink(), auth, new HttpLink({ uri: "/graphql" })]),
    ),
    cache: new InMemoryCache({
      typePolicies: {
        // A pool has no ID of its own: it is the tenant's figure for one SKU.
        TenantLicense: { keyFields: ["sku", ["id"]] },
        Tenant: { fields: { licenses: { merge: false } } },
        User: { fields: { effectiveLicenses: { merge: false }, assignedLicenses: { merge: false }, licenseAssignmentStates: { merge: false }, licenseRequests: { merge: false } } },
        SecurityGroup: { fields: { assignedLicenses: { merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
