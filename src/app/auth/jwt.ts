import { createSecretKey, KeyObject } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, JWTPayload, JWTVerifyGetKey } from "jose";

export interface TokenSettings {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export interface TokenClaims {
  tid?: string;
  oid?: string;
  roles: string[];
  /** Expiry, seconds since the epoch (live connections close then, E1). */
  exp?: number;
}

const VERIFIED_MAX = 10_000;
const VERIFIED_TTL_MS = 600_000;

/** Verifies bearer tokens: HS256 with a shared secret, or RS256/ES256 against a JWKS URL. Algorithms are pinned. */
export class TokenVerifier {
  private readonly key?: KeyObject;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly s: TokenSettings) {
    if (s.jwksUrl) this.jwks = createRemoteJWKSet(new URL(s.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    // One KeyObject for the process: jose would otherwise build one from the raw secret on every request.
    else if (s.secret) this.key = createSecretKey(Buffer.from(s.secret, "utf8"));
    else throw new Error("Set JWT_SECRET or JWT_JWKS_URL");
  }

  /**
   * Tokens already verified, until their `exp` (at most 10 minutes, as long as jose keeps a JWKS key): the same
   * token on every request of a session need not be checked again. Bounded; the oldest entry goes first.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; untilMs: number }>();

  async verify(token: string): Promise<TokenClaims> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.untilMs > now) return known.claims;
    if (known) this.verified.delete(token);
    const { claims, exp } = await this.check(token);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, untilMs: Math.min(exp * 1000, now + VERIFIED_TTL_MS) });
    return claims;
  }

  private async check(token: string): Promise<{ claims: TokenClaims; exp: number }> {
    const opts = {
      issuer: this.s.issuer || undefined,
      audience: this.s.audience || undefined,
      requiredClaims: ["exp"],
    };
    const { payload } = this.jwks
      ? await jwtVerify(token, this.jwks, { ...opts, algorithms: ["RS256", "ES256"] })
      : await jwtVerify(token, this.key!, { ...opts, algorithms: ["HS256"] });
    return { claims: Object.freeze(claimsOf(payload)), exp: payload.exp! };
  }
}

function claimsOf(p: JWTPayload): TokenClaims {
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  const roles = Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === "string") : [];
  return { tid: str(p.tid), oid: str(p.oid), roles, exp: typeof p.exp === "number" ? p.exp : undefined };
}
