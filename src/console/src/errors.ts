import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";

/** An API error as a person can act on it (K6): what happened and what to do, plus the code for support. */
export interface Problem {
  message: string;
  code: string;
  requestId?: string;
}

/** The words for each error code of DESIGN §7; the API's own message is added where it names the detail. */
const WORDS: Record<string, string> = {
  UNAUTHENTICATED: "Your session has ended or the token was not accepted. Sign in again.",
  FORBIDDEN: "Your admin role does not allow this. Ask a Global admin (or a License admin for licenses) to do it or to give you the role.",
  NOT_FOUND: "It no longer exists; someone may have deleted it. Go back to the list and refresh.",
  BAD_USER_INPUT: "The server did not accept what was entered. Correct it and try again.",
  CONFLICT: "This clashes with something that already exists or with a change made meanwhile. Refresh and try again.",
  SEATS_EXHAUSTED: "No licenses left: every seat of this license is taken. Buy more seats or remove the license from someone who no longer needs it, then try again.",
  SEATS_IN_USE: "More seats are in use than that quantity allows. Free seats first, or choose a larger quantity.",
  TENANT_LICENSE_REQUIRED: "The organization needs the tenant license (Power Virtual Agent) first. Buy it, then try again.",
  CHANNEL_MISMATCH: "User licenses bought through this channel need a tenant license from the same channel. Buy them through the same channel.",
  LICENSE_NOT_ASSIGNABLE: "This license cannot be given to people or groups: the tenant license belongs to the organization and trials are started by the users themselves.",
  LICENSE_REQUIRED: "A user license is needed for this. Assign one in Manage product licenses.",
  GROUP_CYCLE: "That nesting would put the group inside itself. Choose another group.",
  GROUP_HAS_LICENSES: "The group still has licenses assigned. Remove its licenses first, then delete it.",
  USER_OWNS_BOTS: "The user still owns bots. Give the bots a new owner or delete them first.",
  LAST_GLOBAL_ADMIN: "This is the last enabled Global admin. Make someone else a Global admin first.",
  TRIALS_DISABLED: "Self-service trials are turned off for the organization.",
  TRIAL_EXHAUSTED: "The trial was already extended once and cannot be extended again. Assign a paid license instead.",
  USAGE_LOCATION_PROHIBITED: "This license is not offered in the user's usage location. Change the user's usage location (or the organization's default) first.",
  DIRECTORY_MANAGED: "This comes from your directory (Entra ID or Okta). Change it there; it syncs here.",
  RATE_LIMITED: "Too many requests right now. Wait a moment and try again.",
  SERVICE_UNAVAILABLE: "The server cannot reach its database right now. Wait a moment and try again; if a change was being saved, check whether it was before repeating it.",
  GRAPHQL_VALIDATION_FAILED: "The server refused the console's request. Reload the page; if it happens again, report the code below.",
  INTERNAL_SERVER_ERROR: "Something went wrong on the server. Try again; if it happens again, give support the code and request ID below.",
  NETWORK: "The server cannot be reached. Check that it is running and your connection, then try again.",
};

interface RawError {
  message?: string;
  extensions?: Record<string, unknown>;
}

function fromRaw(e: RawError | undefined): Problem {
  const code = typeof e?.extensions?.code === "string" ? e.extensions.code : "INTERNAL_SERVER_ERROR";
  const requestId = typeof e?.extensions?.requestId === "string" ? e.extensions.requestId : undefined;
  let message = WORDS[code] ?? `The request failed. ${e?.message ?? ""}`.trim();
  if (code === "BAD_USER_INPUT" && e?.message) message = `${e.message} Correct it and try again.`;
  const retry = e?.extensions?.retryAfterSeconds;
  if (code === "RATE_LIMITED" && typeof retry === "number") message = `Too many requests right now. Try again in ${retry} s.`;
  return { message, code, requestId };
}

/** Any error the client can raise, as a Problem. */
export function describeError(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) return fromRaw(error.errors[0] as RawError);
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawError[] };
      if (body.errors?.length) return fromRaw(body.errors[0]);
    } catch {
      // Not JSON: a proxy or the network in between answered.
    }
    return { message: WORDS.INTERNAL_SERVER_ERROR, code: `HTTP_${error.statusCode}` };
  }
  if (error instanceof TypeError) return { message: WORDS.NETWORK, code: "NETWORK_ERROR" };
  return { message: WORDS.INTERNAL_SERVER_ERROR, code: "CLIENT_ERROR" };
}

export function isUnauthenticated(error: unknown): boolean {
  return describeError(error).code === "UNAUTHENTICATED";
}
