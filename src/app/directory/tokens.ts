import { randomBytes } from "node:crypto";
import { secretHash } from "../request/sign-in";
import { IsNull } from "typeorm";
import type { App, RequestContext } from "../request/context";
import { ProvisioningToken } from "../../data/entities";
import { AppError, ErrorCode, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { requireUser } from "../auth/permissions";
import { AdminRole } from "../../domain/enums";
import { DAY_MS } from "../../domain/clock";
import { requiredText, wholeNumber } from "../../domain/validation";
import { recordAudit } from "../audit/audit";

// D1's check of a provisioning token is part of the one admission (src/app/request/sign-in.ts).
export { authenticateProvisioning, LAST_USED_GRANULARITY_MS } from "../request/sign-in";

/** D1: provisioning tokens are for GLOBAL_ADMINs alone. */
function requireGlobalAdmin(ctx: RequestContext) {
  const p = requireUser(ctx.principal);
  if (!p.roles.includes(AdminRole.GLOBAL_ADMIN)) throw new AppError(ErrorCode.FORBIDDEN, "Only a GLOBAL_ADMIN manages provisioning tokens.");
  return p;
}

export function scimBaseUrl(app: App): string {
  return `${(app.config.publicUrl ?? `http://localhost:${app.config.port}`).replace(/\/+$/, "")}/scim/v2`;
}

export interface CreatedToken {
  token: string;
  provisioningToken: ProvisioningToken;
  scimBaseUrl: string;
}

/** The bearer secret is `<token id>.<random>`: the ID finds the row, the random part is compared by hash in constant time. */
export async function createProvisioningToken(ctx: RequestContext, input: { description: string; expiresInDays?: number | null }): Promise<CreatedToken> {
  const p = requireGlobalAdmin(ctx);
  const description = requiredText(input.description, "description");
  const days = input.expiresInDays === null ? null : wholeNumber(input.expiresInDays ?? 365, "expiresInDays", 1, 730);
  const secret = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const row = Object.assign(new ProvisioningToken(), {
    id: newId("provisioningToken"), tenantId: p.tenantId, description, hint: secret.slice(-4),
    secretHash: secretHash(secret).toString("hex"), createdBy: p.userId, createdAt: now,
    expiresAt: days === null ? null : new Date(now.getTime() + days * DAY_MS), lastUsedAt: null, revokedAt: null,
  });
  await ctx.write(async (tx) => {
    await tx.insert(ProvisioningToken, [row]);
    await recordAudit(tx, ctx, "CREATE_PROVISIONING_TOKEN", row.id, { after: { description, hint: row.hint, expiresAt: row.expiresAt } }, description);
  });
  return { token: `${row.id}.${secret}`, provisioningToken: row, scimBaseUrl: scimBaseUrl(ctx.app) };
}

export async function revokeProvisioningToken(ctx: RequestContext, id: string): Promise<string> {
  requireGlobalAdmin(ctx);
  return ctx.write(async (tx) => {
    const row = await tx.findOne(ProvisioningToken, { id, revokedAt: IsNull() });
    if (!row) throw notFound("Provisioning token", id);
    await tx.update(ProvisioningToken, { id }, { revokedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, "REVOKE_PROVISIONING_TOKEN", id, { before: { description: row.description, hint: row.hint } }, row.description);
    return id;
  });
}

/** Tokens not revoked, newest first (revoked ones are gone for good and not listed). */
export async function listProvisioningTokens(ctx: RequestContext): Promise<ProvisioningToken[]> {
  requireGlobalAdmin(ctx);
  return ctx.db.find(ProvisioningToken, { revokedAt: IsNull() }, { id: "DESC" });
}

