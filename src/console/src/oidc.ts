/**
 * K1 with OIDC_ISSUER and OIDC_CLIENT_ID set: OpenID Connect authorization code + PKCE through oidc-client-ts,
 * loaded only when the server names an issuer (it is not in the main bundle otherwise). The access token it gets
 * is the bearer token of every request, as with the development sign-in; the API verifies it (JWT_JWKS_URL).
 * oidc-client-ts keeps its user in session storage, like the development token: gone with the tab.
 */
import type { UserManager } from "oidc-client-ts";
import { navigate } from "./router";
import { session, signIn, signOut } from "./session";
import { settings } from "./settings";

export const CALLBACK_PATH = "/auth/callback";
let manager: Promise<UserManager> | null = null;

function userManager(): Promise<UserManager> {
  const oidc = settings().oidc;
  if (!oidc) throw new Error("OpenID Connect is not configured");
  manager ??= import("oidc-client-ts").then(
    ({ UserManager }) =>
      new UserManager({
        authority: oidc.issuer,
        client_id: oidc.clientId,
        redirect_uri: `${location.origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${location.origin}/`,
        response_type: "code",
        scope: oidc.scope,
        // The page warns before expiry and offers a new sign-in instead (see session.ts): no hidden iframe, which
        // the console's frame policy and third-party cookie rules would break.
        automaticSilentRenew: false,
        loadUserInfo: false,
      }),
  );
  return manager;
}

export const oidcEnabled = () => Boolean(settings().oidc);

/** To the issuer's sign-in page; back at /auth/callback, then at `returnTo`. */
export async function startOidcSignIn(returnTo = location.pathname + location.search): Promise<void> {
  const um = await userManager();
  await um.signinRedirect({ state: { returnTo: returnTo.startsWith(CALLBACK_PATH) ? "/users" : returnTo } });
}

/**
 * At start-up: completes a sign-in that comes back to /auth/callback, or takes up the user kept in session storage.
 * Returns a message for the sign-in page when it fails.
 */
export async function restoreOidc(): Promise<string | null> {
  if (!oidcEnabled()) return null;
  const um = await userManager();
  if (location.pathname === CALLBACK_PATH) {
    try {
      const user = await um.signinRedirectCallback();
      const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? "/users";
      history.replaceState(null, "", returnTo);
      signIn(user.access_token, "oidc");
      navigate(returnTo, true);
      return null;
    } catch (e) {
      history.replaceState(null, "", "/");
      return `The sign-in with your organization did not complete (${(e as Error).message}). Try again.`;
    }
  }
  const user = await um.getUser();
  if (user && !user.expired) signIn(user.access_token, "oidc");
  else if (user) await um.removeUser();
  return null;
}

/** Signs out here and at the issuer (RP-initiated logout), which sends the browser back to the console. */
export async function oidcSignOut(): Promise<void> {
  const um = await userManager();
  const user = await um.getUser();
  signOut("You have signed out.");
  await um.removeUser();
  if (user) await um.signoutRedirect({ id_token_hint: user.id_token });
}

/** Sign-out: at the issuer too when signed in there (K1). */
export async function endSession(): Promise<void> {
  if (session()?.via === "oidc") await oidcSignOut();
  else signOut("You have signed out.");
}
