import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { describeError } from "./errors";
import { session, signOut } from "./session";

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
    link: ApolloLink.from([expired, auth, new HttpLink({ uri: "/graphql" })]),
    cache: new InMemoryCache({
      typePolicies: {
        // A pool has no ID of its own: it is the tenant's figure for one SKU.
        TenantLicense: { keyFields: ["sku", ["id"]] },
        Tenant: { fields: { licenses: { merge: false } } },
        User: { fields: { effectiveLicenses: { merge: false }, assignedLicenses: { merge: false }, licenseAssignmentStates: { merge: false } } },
        SecurityGroup: { fields: { assignedLicenses: { merge: false } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: "cache-and-network" } },
  });
}
