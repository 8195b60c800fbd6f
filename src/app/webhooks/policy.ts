import { randomBytes } from "node:crypto";
import type { Config } from "../../config";
import { postTo, WebhookPolicy } from "../../infra/webhook-post";
import { badInput } from "../../domain/errors";

/** Graph's limit for the validation handshake. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;

/** The private-address guard is on in production unless WEBHOOK_ALLOW_PRIVATE=true (README "Change notifications"). */
export function webhookPolicy(config: Pick<Config, "production" | "webhooks">): WebhookPolicy {
  return { guard: config.production && !config.webhooks.allowPrivate, allowNetworks: config.webhooks.allowNetworks, timeoutMs: config.webhooks.timeoutMs };
}

/**
 * MG6, as Graph validates a notification URL: a POST to `url?validationToken=…` (text/plain, no body) that must be
 * answered 200 within 10 s with the token itself as text/plain; anything else refuses the subscription (400).
 */
export async function validateEndpoint(url: string, field: string, policy: WebhookPolicy): Promise<void> {
  const token = `Validation: ${randomBytes(18).toString("base64url")}`;
  const u = new URL(url);
  u.searchParams.set("validationToken", token);
  const r = await postTo(u.toString(), "", "text/plain; charset=utf-8", policy, HANDSHAKE_TIMEOUT_MS);
  const why =
    r.status === 0 ? r.error ?? "no answer"
    : r.status !== 200 ? `it answered ${r.status}`
    : !/^text\/plain\b/i.test(r.contentType) ? "the answer is not text/plain"
    : r.body !== token ? "the answer is not the validation token"
    : null;
  if (why) throw badInput(`Subscription validation request failed: ${field} must answer the validation request with 200 OK and the validationToken as text/plain within 10 s (${why}).`, field);
}
