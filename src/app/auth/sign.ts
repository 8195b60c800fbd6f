import { SignJWT } from "jose";

export interface SignInput {
  tid?: string;
  oid?: string;
  roles?: string[];
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
}

/** Development and test tokens (HS256). Production tokens come from your identity provider. */
export async function signToken(secret: string, input: SignInput): Promise<string> {
  const claims: Record<string, unknown> = {};
  if (input.tid) claims.tid = input.tid;
  if (input.oid) claims.oid = input.oid;
  if (input.roles?.length) claims.roles = input.roles;
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime(Math.floor(Date.now() / 1000) + (input.ttlSeconds ?? 8 * 3600));
  if (input.issuer) jwt = jwt.setIssuer(input.issuer);
  if (input.audience) jwt = jwt.setAudience(input.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
