import type { RequestContext } from "../../app/request/context";
import type { SecurityGroup, Sku, Subscription, Tenant, User } from "../../data/entities";
import type { EffectiveLicenseView } from "../../app/reads/read-model";
import type { AssignedLicense, LicenseAssignmentState, TenantLicense } from "../../app/licensing/types";
import { LicenseError, LicenseKind, LicenseState } from "../../domain/enums";
import { countsAsAssigned } from "../../domain/licensing/effective";
import { guidOf, subscribedSkuId } from "./ids";

/** MG1, MG2: the resources as Graph v1.0 documents them, with IDs as bare GUIDs. */
export type Json = Record<string, unknown>;

export const USER_PROPERTIES = ["id", "userPrincipalName", "displayName", "accountEnabled", "usageLocation", "assignedLicenses", "licenseAssignmentStates"] as const;
export const GROUP_PROPERTIES = ["id", "displayName", "description", "securityEnabled", "mailEnabled", "groupTypes", "assignedLicenses", "licenseProcessingState"] as const;
export const SKU_PROPERTIES = ["id", "accountId", "accountName", "appliesTo", "capabilityStatus", "consumedUnits", "prepaidUnits", "servicePlans", "skuId", "skuPartNumber", "subscriptionIds"] as const;
export const LICENSE_DETAILS_PROPERTIES = ["id", "skuId", "skuPartNumber", "servicePlans"] as const;
/** A collection of directory objects (members, memberOf) holds users and groups: `$select` may name either's. */
export const DIRECTORY_OBJECT_PROPERTIES = [...new Set([...USER_PROPERTIES, ...GROUP_PROPERTIES])];

const appliesTo = (sku: Sku) => (sku.kind === LicenseKind.USER ? "User" : "Company");

/** Only the properties `$select` names (in its order), and the `@odata.type` of a directory object. */
export function project(o: Json, select?: readonly string[]): Json {
  if (!select) return o;
  const out: Json = {};
  if ("@odata.type" in o) out["@odata.type"] = o["@odata.type"];
  for (const p of select) if (p in o) out[p] = o[p];
  return out;
}

/** licenseAssignmentState.state: a held seat with an error (DEPENDENCY_VIOLATION) is ActiveWithError. */
function stateName(state: LicenseState, error: LicenseError): string {
  if (state === LicenseState.ACTIVE) return "Active";
  if (state === LicenseState.DISABLED) return "Disabled";
  return error === LicenseError.DEPENDENCY_VIOLATION ? "ActiveWithError" : "Error";
}

const ERROR_NAMES: Record<LicenseError, string> = {
  [LicenseError.NONE]: "None",
  [LicenseError.COUNT_VIOLATION]: "CountViolation",
  [LicenseError.DEPENDENCY_VIOLATION]: "DependencyViolation",
  [LicenseError.PROHIBITED_IN_USAGE_LOCATION]: "ProhibitedInUsageLocationViolation",
  // Graph has no name for these two; the state (Disabled) says the rest.
  [LicenseError.SUBSCRIPTION_INACTIVE]: "Other",
  [LicenseError.TRIAL_EXPIRED]: "Other",
};

/** What a user's own license reads need, loaded once per page (only what `$select` asks for). */
export interface UserLicenses {
  views?: EffectiveLicenseView[];
  states?: LicenseAssignmentState[];
}

export function toUser(ctx: RequestContext, u: User, lic: UserLicenses): Json {
  const out: Json = {
    id: guidOf(u.id),
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    accountEnabled: u.accountEnabled,
    usageLocation: u.usageLocation ?? null,
  };
  if (lic.views) {
    // S7 from the other side: a plan is disabled when no source enables it.
    out.assignedLicenses = lic.views.filter(countsAsAssigned).map((v) => ({
      disabledPlans: ctx.catalog.planIds(v.skuId).filter((p) => !v.enabledPlanIds.includes(p)).map(guidOf),
      skuId: guidOf(v.skuId),
    }));
  }
  if (lic.states) {
    out.licenseAssignmentStates = lic.states.map((s) => ({
      assignedByGroup: s.assignedByGroup ? guidOf(s.assignedByGroup.id) : null,
      disabledPlans: s.disabledPlans.map((p) => guidOf(p.id)),
      error: ERROR_NAMES[s.error],
      lastUpdatedDateTime: s.lastUpdatedAt.toISOString(),
      skuId: guidOf(s.sku.id),
      state: stateName(s.state, s.error),
    }));
  }
  return out;
}

/** licenseDetails: the licenses that count as assigned, each plan Success when it works for the user. */
export function toLicenseDetails(ctx: RequestContext, u: User, views: EffectiveLicenseView[]): Json[] {
  return views.filter(countsAsAssigned).map((v) => {
    const sku = ctx.catalog.sku(v.skuId)!;
    return {
      id: `${guidOf(u.id)}_${guidOf(sku.id)}`,
      servicePlans: ctx.catalog.plans(sku.id).map((p) => ({
        appliesTo: appliesTo(sku),
        provisioningStatus: v.state === LicenseState.ACTIVE && v.enabledPlanIds.includes(p.id) ? "Success" : "Disabled",
        servicePlanId: guidOf(p.id),
        servicePlanName: p.name,
      })),
      skuId: guidOf(sku.id),
      skuPartNumber: sku.partNumber,
    };
  });
}

export function toGroup(g: SecurityGroup, licenses?: AssignedLicense[]): Json {
  const out: Json = {
    id: guidOf(g.id),
    displayName: g.displayName,
    description: g.description ?? null,
    securityEnabled: true,
    mailEnabled: false,
    groupTypes: [],
  };
  if (licenses) out.assignedLicenses = licenses.map((a) => ({ disabledPlans: a.disabledPlans.map((p) => guidOf(p.id)), skuId: guidOf(a.sku.id) }));
  // This API assigns group licenses in the request's own transaction: there is never anything left to process.
  out.licenseProcessingState = { state: "ProcessingComplete" };
  return out;
}

export const asDirectoryObject = (type: "user" | "group", o: Json): Json => ({ "@odata.type": `#microsoft.graph.${type}`, ...o });

/** capabilityStatus from the pool's subscriptions: the best state any of them is in. */
function capability(l: TenantLicense): string {
  const u = l.prepaidUnits;
  return u.enabled > 0 ? "Enabled" : u.warning > 0 ? "Warning" : u.suspended > 0 ? "Suspended" : "Deleted";
}

export function toSubscribedSku(ctx: RequestContext, tenant: Tenant, l: TenantLicense, subscriptions: Subscription[]): Json {
  const status = capability(l);
  return {
    accountId: guidOf(tenant.id),
    accountName: tenant.displayName,
    appliesTo: appliesTo(l.sku),
    capabilityStatus: status,
    consumedUnits: l.consumedUnits,
    id: subscribedSkuId(tenant.id, l.sku.id),
    prepaidUnits: { enabled: l.prepaidUnits.enabled, suspended: l.prepaidUnits.suspended, warning: l.prepaidUnits.warning, lockedOut: 0 },
    servicePlans: ctx.catalog.plans(l.sku.id).map((p) => ({
      appliesTo: appliesTo(l.sku),
      provisioningStatus: status === "Enabled" || status === "Warning" ? "Success" : "Disabled",
      servicePlanId: guidOf(p.id),
      servicePlanName: p.name,
    })),
    skuId: guidOf(l.sku.id),
    skuPartNumber: l.sku.partNumber,
    subscriptionIds: subscriptions.filter((s) => s.skuId === l.sku.id && !s.isTrial).map((s) => guidOf(s.id)),
  };
}
