import type { TenantDb } from "../../data/tenant-db";
import type { BeforeCommitHook, WriteReport } from "../request/context";

/** What live updates need to know of one committed write (E3). */
export interface LiveEvent {
  tenantId: string;
  userIds: string[];
  groupIds: string[];
  skuIds: string[];
  auditEventIds: string[];
  /** V1: license requests opened or decided by the write (licenseRequestChanged; the requester's myLicenseChanged). */
  requestIds?: string[];
  /** Anything of the tenant may have changed: re-read every subscriber (a reference payload, or a refresh). */
  everything?: boolean;
  /** After a lost LISTEN connection: every subscriber gets its current state once, changed or not. */
  refresh?: boolean;
}

export function eventOf(r: WriteReport): LiveEvent {
  const e: LiveEvent = { tenantId: r.tenantId, userIds: [...r.userIds], groupIds: [...r.groupIds], skuIds: [...r.skuIds], auditEventIds: [...r.auditEventIds] };
  if (r.requestIds.size) e.requestIds = [...r.requestIds];
  return e;
}

/** PostgreSQL refuses NOTIFY payloads from 8,000 bytes; past this the payload becomes a reference. */
export const NOTIFY_LIMIT = 7900;

interface Wire {
  t: string;
  u?: string[];
  g?: string[];
  s?: string[];
  a?: string[];
  /** License request IDs (V1), only when the write changed some. */
  r?: string[];
  /** A reference: the IDs did not fit; the receiver re-reads the tenant's subscribers. */
  x?: 1;
}

/**
 * The NOTIFY payloads of one write, in order: the event itself while it fits, else a reference
 * (tenant and audit event IDs, in as many parts as they need) that makes receivers re-read.
 */
export function encodeEvent(e: LiveEvent): string[] {
  const requests = e.requestIds?.length ? e.requestIds : undefined;
  const full = JSON.stringify({ t: e.tenantId, u: e.userIds, g: e.groupIds, s: e.skuIds, a: e.auditEventIds, r: requests } satisfies Wire);
  if (Buffer.byteLength(full) <= NOTIFY_LIMIT) return [full];
  // The request IDs travel in the parts too, after the audit IDs: a receiver cannot re-read which requests changed.
  const out: string[] = [];
  let part: Wire = { t: e.tenantId, a: [] };
  const size = (w: Wire) => Buffer.byteLength(JSON.stringify({ ...w, x: 1 }));
  const flush = () => {
    out.push(JSON.stringify({ ...part, ...(out.length ? {} : { x: 1 as const }) } satisfies Wire));
    part = { t: e.tenantId, a: [] };
  };
  for (const id of e.auditEventIds) {
    if (size({ ...part, a: [...part.a!, id] }) > NOTIFY_LIMIT) flush();
    part.a!.push(id);
  }
  for (const id of requests ?? []) {
    if (size({ ...part, r: [...(part.r ?? []), id] }) > NOTIFY_LIMIT) flush();
    (part.r ??= []).push(id);
  }
  flush();
  return out;
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A payload from the channel; anything that is not one of ours is ignored. */
export function decodeEvent(payload: string): LiveEvent | null {
  let w: Wire;
  try {
    w = JSON.parse(payload) as Wire;
  } catch {
    return null;
  }
  if (!w || typeof w.t !== "string") return null;
  const e: LiveEvent = { tenantId: w.t, userIds: ids(w.u), groupIds: ids(w.g), skuIds: ids(w.s), auditEventIds: ids(w.a), everything: w.x === 1 };
  if (w.r) e.requestIds = ids(w.r);
  return e;
}

/** The write's NOTIFY, last in its transaction: PostgreSQL delivers it at commit, in commit order, and drops it on rollback. */
export function notifyBeforeCommit(channel: string): BeforeCommitHook {
  return async (report: WriteReport, tx: TenantDb) => {
    for (const p of encodeEvent(eventOf(report))) await tx.notify(channel, p);
  };
}
