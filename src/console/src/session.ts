/**
 * The signed-in token (K1, development sign-in): taken from the URL fragment (#token=…) or pasted,
 * kept in session storage (gone with the tab), never in the address bar or the browser history.
 */
const KEY = "license-graph.token";

export interface Session {
  token: string;
  /** Expiry from the token's `exp` claim, in ms since the epoch; null when it has none. */
  expiresAt: number | null;
  /** "token": the printed link or a pasted token; "oidc": signed in at the OpenID Connect issuer (K1). */
  via: "token" | "oidc";
  /** Set 5 minutes before expiry: the page offers a new sign-in before the session ends (K1). */
  endingSoon: boolean;
}

/** How long before a token's expiry the page warns and offers to sign in again. */
export const WARN_BEFORE_MS = 5 * 60_000;

type Listener = (s: Session | null, message: string | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = null;
let expiryTimer: ReturnType<typeof setTimeout> | undefined;
let warnTimer: ReturnType<typeof setTimeout> | undefined;

/** The claims part of a JWT, without verifying it (the API does that); null when it is not a JWT. */
export function decodeClaims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const b64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Why a token cannot be used, in words; null when it looks usable. */
export function tokenProblem(token: string, now = Date.now()): string | null {
  const claims = decodeClaims(token);
  if (!claims) return "That is not an access token: a token has three parts separated by dots (header.claims.signature).";
  if (typeof claims.exp === "number" && claims.exp * 1000 <= now) {
    return `That token expired on ${new Date(claims.exp * 1000).toLocaleString()}. Get a new one (npm run token) and sign in again.`;
  }
  return null;
}

function emit(message: string | null): void {
  for (const l of listeners) l(current, message);
}

function scheduleWarning(): void {
  clearTimeout(warnTimer);
  if (!current?.expiresAt || current.endingSoon) return;
  const wait = Math.min(current.expiresAt - WARN_BEFORE_MS - Date.now(), 2 ** 31 - 1);
  warnTimer = setTimeout(() => {
    if (!current?.expiresAt) return;
    if (current.expiresAt - WARN_BEFORE_MS <= Date.now()) {
      current = { ...current, endingSoon: true };
      emit(null);
    } else scheduleWarning();
  }, Math.max(wait, 0));
}

function scheduleExpiry(): void {
  clearTimeout(expiryTimer);
  scheduleWarning();
  if (!current?.expiresAt) return;
  // setTimeout holds at most about 24.8 days; a longer token is checked again when that timer fires.
  const wait = Math.min(current.expiresAt - Date.now(), 2 ** 31 - 1);
  expiryTimer = setTimeout(() => {
    if (current?.expiresAt && current.expiresAt <= Date.now()) signOut("Your session has expired. Sign in again to continue.");
    else scheduleExpiry();
  }, Math.max(wait, 0));
}

export function signIn(token: string, via: Session["via"] = "token"): void {
  const claims = decodeClaims(token);
  current = { token, expiresAt: typeof claims?.exp === "number" ? claims.exp * 1000 : null, via, endingSoon: false };
  sessionStorage.setItem(KEY, token);
  scheduleExpiry();
  emit(null);
}

/** Ends the session; `message` is shown on the sign-in page (an expired token, a refused one, a sign-out). */
export function signOut(message: string | null = null): void {
  clearTimeout(expiryTimer);
  clearTimeout(warnTimer);
  current = null;
  sessionStorage.removeItem(KEY);
  emit(message);
}

export function session(): Session | null {
  return current;
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/**
 * At start-up: a token in the fragment wins (the printed sign-in link), and is removed from the address bar at once;
 * otherwise the one kept in session storage. Returns a message when the token found cannot be used.
 */
export function restoreSession(): string | null {
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromLink = hash.get("token");
  if (fromLink !== null) {
    hash.delete("token");
    const rest = hash.toString();
    history.replaceState(history.state, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  }
  const token = fromLink ?? sessionStorage.getItem(KEY);
  if (!token) return null;
  const problem = tokenProblem(token);
  if (problem) {
    sessionStorage.removeItem(KEY);
    return fromLink !== null ? `The sign-in link cannot be used. ${problem}` : "Your session has expired. Sign in again to continue.";
  }
  signIn(token);
  return null;
}
