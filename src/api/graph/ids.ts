import { ID_PREFIX, IdKind, kindOfId } from "../../domain/ids";
import { badRequest } from "./errors";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (s: string) => GUID.test(s);

/** MG1: toward Graph an ID is the bare GUID of this API's `<prefix>_<uuid>`. */
export const guidOf = (id: string) => id.slice(id.indexOf("_") + 1);

/**
 * MG1: an ID from a path or a body, as this API's ID of `kind`: a bare GUID gets the kind's prefix, this API's
 * own form passes as it is. An ID of another kind is returned as it is, so the lookup answers 404 for it; what
 * is neither form is Graph's 400 "Invalid object identifier".
 */
export function apiId(kind: IdKind, value: string): string {
  if (GUID.test(value)) return `${ID_PREFIX[kind]}_${value.toLowerCase()}`;
  const prefix = value.slice(0, value.indexOf("_"));
  if (kindOfId(value) && GUID.test(value.slice(prefix.length + 1))) return value;
  throw badRequest(`Invalid object identifier '${value}'.`);
}

/** Like apiId for a body's list of IDs (skuId, disabledPlans, removeLicenses), with the field named in the error. */
export function apiIds(kind: IdKind, values: unknown, field: string): string[] {
  if (!Array.isArray(values)) throw badRequest(`${field} must be an array of GUIDs.`);
  return values.map((v, i) => {
    if (typeof v !== "string") throw badRequest(`${field}[${i}] must be a GUID.`);
    return apiId(kind, v);
  });
}

/** MG1: a subscribedSku's id is `{tenantGuid}_{skuGuid}`; either half may be given in this API's own form. */
export function subscribedSkuId(tenantId: string, skuId: string): string {
  return `${guidOf(tenantId)}_${guidOf(skuId)}`;
}

/** The SKU a subscribedSku id names, when its tenant half is `tenantId`; else null (another tenant's is not found). */
export function skuOfSubscribedSkuId(id: string, tenantId: string): string | null {
  const m = /^(?:tnt_)?([0-9a-f-]{36})_(?:sku_)?([0-9a-f-]{36})$/i.exec(id);
  if (!m || !GUID.test(m[1]) || !GUID.test(m[2])) throw badRequest(`Invalid subscribedSku identifier '${id}'; it is {tenantId}_{skuId}.`);
  return m[1].toLowerCase() === guidOf(tenantId) ? `${ID_PREFIX.sku}_${m[2].toLowerCase()}` : null;
}
