/**
 * A real, certified OpenID Provider (the `oidc-provider` package, 8.x: the line that supports Node 20) on 127.0.0.1, as the issuer of the console's
 * end-to-end sign-in (K1). Run as a child process because oidc-provider is an ES module only.
 *
 *   node test/helpers/oidc-issuer.mjs '{"port":…,"consoleOrigin":"http://127.0.0.1:…","audience":"…","accounts":{"ada":{"tid":"…","oid":"…"}}}'
 *
 * Public client "console" (no secret; authorization code + PKCE, which oidc-provider requires of public clients).
 * Access tokens are JWTs for `audience`, signed RS256, carrying the account's Entra-style tid and oid claims.
 * Sign-in uses oidc-provider's development login page: any password, the login names the account.
 * Prints "ready <issuer>" once it listens.
 */
import { randomBytes } from "node:crypto";
import Provider from "oidc-provider";

const { port, consoleOrigin, audience, accounts, accessTokenTTL = 3600 } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "console",
      application_type: "web",
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code"],
      response_types: ["code"],
      redirect_uris: [`${consoleOrigin}/auth/callback`],
      post_logout_redirect_uris: [`${consoleOrigin}/`],
    },
  ],
  async findAccount(_ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, async claims() { return { sub: id, name: id }; } };
  },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: "", audience, accessTokenTTL, accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
    },
    rpInitiatedLogout: { enabled: true },
  },
  async extraTokenClaims(_ctx, token) {
    const a = accounts[token.accountId];
    return a ? { tid: a.tid, oid: a.oid } : undefined;
  },
  clientBasedCORS: (_ctx, origin) => origin === consoleOrigin,
  cookies: { keys: [randomBytes(32).toString("hex")] },
  ttl: { AccessToken: accessTokenTTL, IdToken: accessTokenTTL, Session: 86400, Interaction: 600, Grant: 86400 },
});

const server = provider.listen(port, "127.0.0.1", () => console.log(`ready ${issuer}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
