/** The audit events' actions (A1) in the admin center's words. */
export const ACTION_NAMES: Record<string, string> = {
  PURCHASE: "Licenses purchased",
  PURCHASE_REPLAYED: "Purchase repeated (nothing bought)",
  UPDATE_SUBSCRIPTION_QUANTITY: "Subscription quantity changed",
  CANCEL_SUBSCRIPTION: "Subscription cancelled",
  ASSIGN_USER_LICENSE: "User licenses changed",
  ASSIGN_GROUP_LICENSE: "Group licenses changed",
  CREATE_GROUP: "Group created",
  UPDATE_GROUP: "Group changed",
  DELETE_GROUP: "Group deleted",
  ADD_GROUP_MEMBERS: "Group members added",
  REMOVE_GROUP_MEMBERS: "Group members removed",
  CREATE_USER: "User created",
  UPDATE_USER: "User changed",
  DELETE_USER: "User deleted",
  START_TRIAL: "Trial started",
  EXTEND_TRIAL: "Trial extended",
  CREATE_BOT: "Bot created",
  UPDATE_BOT: "Bot changed",
  DELETE_BOT: "Bot deleted",
  RECORD_BOT_SESSIONS: "Bot sessions recorded",
  CREATE_TENANT: "Organization created",
  UPDATE_TENANT_SETTINGS: "Settings changed",
  CREATE_PROVISIONING_TOKEN: "Provisioning token created",
  REVOKE_PROVISIONING_TOKEN: "Provisioning token revoked",
  REQUEST_LICENSE: "License requested",
  APPROVE_LICENSE_REQUEST: "License request approved",
  DENY_LICENSE_REQUEST: "License request denied",
  CANCEL_LICENSE_REQUEST: "License request cancelled",
  COMPLETE_LICENSE_REQUEST: "License request completed",
  SET_AUTO_CLAIM_POLICY: "Auto-claim policy changed",
  WARN_LICENSE_RECLAIM: "Inactive license warned",
  RECLAIM_LICENSE: "Inactive license reclaimed",
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const text = (v: Json | undefined): string => {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.length ? v.map(text).join(", ") : "none";
  return JSON.stringify(v);
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Before and after side by side, one row per field that either has. */
function BeforeAfter({ before, after }: { before?: Json; after?: Json }) {
  const b = isObj(before) ? before : before === undefined ? {} : { value: before };
  const a = isObj(after) ? after : after === undefined ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return null;
  return (
    <table className="change-table">
      <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}><th scope="row">{k}</th><td>{k in b ? text(b[k]) : "—"}</td><td>{k in a ? text(a[k]) : "—"}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Seat changes by SKU (the seat engine's summary): seats given, taken back, people left waiting. */
function Seats({ changes, skuName }: { changes: Obj; skuName: (p: string) => string }) {
  return (
    <ul aria-label="Seat changes">
      {Object.entries(changes).map(([part, c]) => {
        if (!isObj(c)) return null;
        const count = (k: string) => (isObj(c[k]) && typeof (c[k] as Obj).count === "number" ? ((c[k] as Obj).count as number) : 0);
        const parts = [
          count("granted") ? `${plural(count("granted"), "seat")} given` : null,
          count("revoked") ? `${plural(count("revoked"), "seat")} taken back` : null,
          count("countViolation") ? `${plural(count("countViolation"), "person", "people")} left without a seat (COUNT_VIOLATION)` : null,
        ].filter(Boolean);
        return <li key={part}>Seats of {skuName(part)}: {parts.join(", ") || "no change"}</li>;
      })}
    </ul>
  );
}

/** An audit event's details (JSON text) made readable: before/after, license changes, seat changes, the rest as fields. */
export function Details({ json, skuNames }: { json: string; skuNames: Map<string, string> }) {
  let d: Json;
  try {
    d = JSON.parse(json) as Json;
  } catch {
    return <pre className="raw">{json}</pre>;
  }
  if (!isObj(d)) return <pre className="raw">{json}</pre>;
  const skuName = (p: string) => skuNames.get(p) ?? p;
  const { before, after, seatChanges, changes, items, ...rest } = d;
  return (
    <div className="details-block">
      {Array.isArray(items) ? (
        <p>
          Bought {items.filter(isObj).map((i) => `${text(i.quantity)} × ${skuName(text(i.sku))}`).join(" and ")}
          {typeof rest.channel === "string" ? ` through ${rest.channel}` : ""}.
        </p>
      ) : null}
      {Array.isArray(changes) ? (
        <ul aria-label="License changes">
          {changes.filter(isObj).map((c, i) => {
            const name = skuName(text(c.sku));
            const off = (v: Json | undefined) => (isObj(v) && Array.isArray(v.disabledPlanIds) ? v.disabledPlanIds.length : 0);
            if (c.op === "add") return <li key={i}>Added {name}{off(c.after) ? ` with ${plural(off(c.after), "service plan")} turned off` : ""}</li>;
            if (c.op === "remove") return <li key={i}>Removed {name}</li>;
            return <li key={i}>Service plans of {name} changed: {plural(off(c.before), "plan")} off before, {plural(off(c.after), "plan")} off after</li>;
          })}
        </ul>
      ) : null}
      {before !== undefined || after !== undefined ? <BeforeAfter before={before} after={after} /> : null}
      {isObj(seatChanges) ? <Seats changes={seatChanges} skuName={skuName} /> : null}
      {Object.keys(rest).filter((k) => !(items && (k === "channel" || k === "subscriptionIds"))).length ? (
        <dl className="inline-fields">
          {Object.entries(rest)
            .filter(([k]) => !(items && (k === "channel" || k === "subscriptionIds")))
            .map(([k, v]) => (
              <div key={k}><dt>{k}</dt><dd>{text(v)}</dd></div>
            ))}
        </dl>
      ) : null}
      <details>
        <summary>Raw details</summary>
        <pre className="raw">{JSON.stringify(d, null, 2)}</pre>
      </details>
    </div>
  );
}
