import { engines, TestApi } from "../helpers/harness";
import { newTenant, TenantFx } from "../helpers/fixtures";
import { graphql } from "../gql";

export { engines };

export interface ScimReply {
  status: number;
  type: string;
  body: any;
}

export const CREATE_TOKEN = graphql(`mutation ScimClientDoc1($input: CreateProvisioningTokenInput!) {
  createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id description hint createdAt expiresAt lastUsedAt } } }`);

/** A tenant with a provisioning token, and a SCIM client over real HTTP. */
export interface ScimWorld {
  api: TestApi;
  http: string;
  t: TenantFx;
  token: string;
  tokenId: string;
  scim(method: string, path: string, body?: unknown, opts?: { token?: string | null; contentType?: string; raw?: string }): Promise<ScimReply>;
}

export async function scimWorld(api: TestApi, http: string, name = "Contoso"): Promise<ScimWorld> {
  const t = await newTenant(api, name);
  const r = await api.ok(t.admin, CREATE_TOKEN, { input: { description: `${name} directory` } });
  const token = r.createProvisioningToken.token as string;
  const w: ScimWorld = {
    api, http, t, token, tokenId: r.createProvisioningToken.provisioningToken.id,
    async scim(method, path, body, opts = {}) {
      const headers: Record<string, string> = {};
      const bearer = opts.token === undefined ? token : opts.token;
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
      let payload: string | undefined = opts.raw;
      if (body !== undefined) payload = JSON.stringify(body);
      if (payload !== undefined) headers["content-type"] = opts.contentType ?? "application/scim+json";
      const res = await fetch(`${http}/scim/v2${path}`, { method, headers, body: payload });
      const text = await res.text();
      return { status: res.status, type: res.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : undefined };
    },
  };
  return w;
}

export async function startScim(url: string): Promise<{ api: TestApi; http: string }> {
  const api = await TestApi.start(url);
  return { api, http: await api.listen() };
}
