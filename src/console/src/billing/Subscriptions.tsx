import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import type { SubscriptionsQuery as Data } from "../gql/graphql";
import { Link, useQueryParam } from "../router";
import { UsageHistory } from "./UsageHistory";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";
import { CHANNEL_NAMES, STATUS_WORDS } from "./words";

export const SubscriptionsQuery = graphql(`
  query Subscriptions {
    tenant {
      id
      licenses {
        sku { id displayName kind }
        prepaidUnits { enabled warning suspended }
        consumedUnits
        availableUnits
        unassignedDemand
      }
      subscriptions(includeInactive: true) {
        id quantity channel isTrial orderId startsAt endsAt createdAt status
        sku { id displayName kind }
      }
    }
  }
`);

const UpdateQuantity = graphql(`
  mutation UpdateSubscriptionQuantity($input: UpdateSubscriptionQuantityInput!) {
    updateSubscriptionQuantity(input: $input) { id quantity status }
  }
`);

const CancelSubscription = graphql(`
  mutation CancelSubscription($id: ID!) {
    cancelSubscription(id: $id) { id status endsAt }
  }
`);

type Tenant = NonNullable<Data["tenant"]>;
type Sub = Tenant["subscriptions"][number];
type Pool = Tenant["licenses"][number];

const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" }) : null);

/** K2 Billing > Subscriptions: each license's pool as the admin center lists it, and each subscription with its status. */
export function Subscriptions() {
  const access = useAccess();
  const { data, error, loading } = useQuery(SubscriptionsQuery);
  const [open, setOpen] = useState<{ kind: "buy" | "remove" | "cancel"; id: string } | null>(null);
  // Purchase services links here (?buy=<subscription>) for a product the organization already has (K8).
  const [buyParam, setBuyParam] = useQueryParam("buy");
  const [status, setStatus] = useState("");
  const tenant = data?.tenant;
  const opened = open ?? (buyParam ? { kind: "buy" as const, id: buyParam } : null);
  const sub = tenant?.subscriptions.find((s) => s.id === opened?.id);
  const pool = sub ? tenant?.licenses.find((l) => l.sku.id === sub.sku.id) : undefined;
  const close = () => {
    setOpen(null);
    if (buyParam) setBuyParam(null);
  };
  const done = (message: string) => {
    close();
    setStatus(message);
  };
  return (
    <>
      <h1>Subscriptions</h1>
      <p role="status" className={status ? "notice ok" : "sr-only"}>{status}</p>
      {error ? <ErrorNotice error={error} title="The subscriptions could not be loaded" /> : null}
      {loading && !tenant ? <p role="status">Loading subscriptions…</p> : null}
      {tenant ? (
        <>
          <section aria-labelledby="pools-title">
            <h2 id="pools-title">Licenses</h2>
            {tenant.licenses.length ? <Pools pools={tenant.licenses} /> : <p>The organization has no licenses yet. <Link href="/billing/purchase">Purchase services</Link>.</p>}
          </section>
          <section aria-labelledby="subs-title">
            <h2 id="subs-title">Subscriptions</h2>
            <table className="grid">
              <caption className="sr-only">Every subscription of the organization, inactive ones included</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Status</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Term</th>
                  {access.managesBilling ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {tenant.subscriptions.map((s) => (
                  <tr key={s.id} data-subscription={s.id} data-sku={s.sku.displayName}>
                    <th scope="row">{s.sku.displayName}{s.isTrial ? <div className="muted">Trial</div> : null}</th>
                    <td>
                      <span className={`badge ${STATUS_WORDS[s.status].badge}`}>{STATUS_WORDS[s.status].label}</span>
                      <div className="muted">{STATUS_WORDS[s.status].means}</div>
                    </td>
                    <td>{s.quantity.toLocaleString()}</td>
                    <td>{CHANNEL_NAMES[s.channel]}</td>
                    <td>
                      From {day(s.startsAt)}{s.endsAt ? `, ends ${day(s.endsAt)}` : ", renews automatically"}
                      <div className="muted">Order <code>{s.orderId}</code></div>
                    </td>
                    {access.managesBilling ? (
                      <td className="actions">
                        {s.status === "ACTIVE" || s.status === "WARNING" ? (
                          <div>
                            <button type="button" onClick={() => setOpen({ kind: "buy", id: s.id })}>Buy licenses<span className="sr-only"> for {s.sku.displayName}</span></button>
                            {s.quantity > 1 ? (
                              <button type="button" onClick={() => setOpen({ kind: "remove", id: s.id })}>Remove licenses<span className="sr-only"> from {s.sku.displayName}</span></button>
                            ) : null}
                            <button type="button" onClick={() => setOpen({ kind: "cancel", id: s.id })}>Cancel subscription<span className="sr-only"> of {s.sku.displayName}</span></button>
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {access.managesBilling ? <p><em>Buy licenses</em> adds licenses to a subscription; <Link href="/billing/purchase">Purchase services</Link> for a product the organization does not have yet.</p> : null}
          </section>
          <UsageHistory pools={tenant.licenses} />
        </>
      ) : null}
      {opened?.kind === "buy" && sub && grantsNow(sub) ? <BuyLicenses sub={sub} pool={pool} onClose={close} onDone={done} /> : null}
      {opened?.kind === "remove" && sub ? <RemoveLicenses sub={sub} pool={pool} subs={tenant?.subscriptions ?? []} onClose={close} onDone={done} /> : null}
      {opened?.kind === "cancel" && sub ? <Cancel sub={sub} pool={pool} onClose={close} onDone={done} /> : null}
    </>
  );
}

function Pools({ pools }: { pools: readonly Pool[] }) {
  return (
    <table className="grid">
      <caption className="sr-only">Seats of each license, summed over its subscriptions</caption>
      <thead>
        <tr>
          <th scope="col">License</th>
          <th scope="col">Enabled</th>
          <th scope="col">Warning</th>
          <th scope="col">Suspended</th>
          <th scope="col">Assigned</th>
          <th scope="col">Available</th>
          <th scope="col">Waiting for a seat</th>
        </tr>
      </thead>
      <tbody>
        {pools.map((p) => (
          <tr key={p.sku.id} data-pool={p.sku.displayName}>
            <th scope="row">{p.sku.displayName}{p.sku.kind === "TENANT" ? <div className="muted">Tenant license (not assigned to people)</div> : null}</th>
            <td>{p.prepaidUnits.enabled.toLocaleString()}</td>
            <td>{p.prepaidUnits.warning.toLocaleString()}</td>
            <td>{p.prepaidUnits.suspended.toLocaleString()}</td>
            <td>{p.consumedUnits.toLocaleString()}</td>
            <td>{p.availableUnits.toLocaleString()}</td>
            <td>{p.unassignedDemand ? <span className="badge error">{p.unassignedDemand.toLocaleString()} waiting</span> : "0"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const grantsNow = (s: Sub) => s.status === "ACTIVE" || s.status === "WARNING";

/**
 * The smallest quantity this subscription can take (P7): the seats in use, less what the SKU's other granting
 * subscriptions give, and never below 1 (cancel a subscription to end it).
 */
export function minimumFor(sub: Sub, pool: Pool | undefined, subs: readonly Sub[]): number {
  if (!pool || sub.sku.kind !== "USER") return 1;
  // The other subscriptions from the list (which the mutations' answers keep current), not the pool's sum.
  const others = subs.filter((s) => s.id !== sub.id && s.sku.id === sub.sku.id && !s.isTrial && grantsNow(s)).reduce((n, s) => n + s.quantity, 0);
  return Math.max(1, pool.consumedUnits - others);
}

const MAX = 1_000_000;
const units = (n: number) => `${n.toLocaleString()} ${n === 1 ? "license" : "licenses"}`;

/**
 * Both flyouts save with updateSubscriptionQuantity and take the result from its answer (K8): the row is updated in
 * the cache from it, and the list is fetched again afterwards without waiting, so a failed refresh is no failed save.
 */
function useQuantitySave() {
  return useMutation(UpdateQuantity, { refetchQueries: ["Subscriptions"] });
}

/** K8 *Buy licenses*: more licenses on this subscription; the quantity goes up, no second subscription is made. */
function BuyLicenses({ sub, pool, onClose, onDone }: { sub: Sub; pool: Pool | undefined; onClose: () => void; onDone: (m: string) => void }) {
  const [text, setText] = useState("1");
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useQuantitySave();
  const room = MAX - sub.quantity;
  const n = Number(text);
  const valid = /^\d+$/.test(text.trim()) && n >= 1 && n <= room;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return setProblem(`Enter a whole number from 1 to ${room.toLocaleString()}.`);
    setProblem(null);
    try {
      const r = await save({ variables: { input: { subscriptionId: sub.id, quantity: sub.quantity + n } } });
      const after = r.data!.updateSubscriptionQuantity.quantity;
      onDone(`${sub.sku.displayName}: ${units(n)} bought. The subscription now has ${after.toLocaleString()}.`);
    } catch {
      // Shown from saving.error; the quantity is unchanged.
    }
  };
  return (
    <Flyout
      title={`Buy licenses: ${sub.sku.displayName}`}
      onClose={onClose}
      footer={
        <>
          <button type="submit" form="buy-form" className="primary" disabled={saving.loading}>{saving.loading ? "Buying…" : "Buy"}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <form id="buy-form" onSubmit={submit} noValidate>
        <p>
          This subscription has {units(sub.quantity)}{pool && sub.sku.kind === "USER" ? `; ${pool.consumedUnits.toLocaleString()} seats of this license are assigned` : ""}.
          The licenses bought are added to it, on the same terms.
        </p>
        <label htmlFor="buy-quantity">Licenses to add</label>
        <input id="buy-quantity" type="number" min={1} max={room} step={1} className="qty" value={text}
          onChange={(e) => { setText(e.target.value); setProblem(null); saving.reset(); }} aria-describedby="buy-help" />
        <p id="buy-help" className="muted">
          From 1 to {room.toLocaleString()}.{valid ? ` New total: ${(sub.quantity + n).toLocaleString()}.` : ""}
        </p>
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      </form>
      {saving.error ? <ErrorNotice error={saving.error} title="No licenses were bought" /> : null}
    </Flyout>
  );
}

/** K8 *Remove licenses*: a lower quantity, never below the seats in use allow (P7). */
function RemoveLicenses({ sub, pool, subs, onClose, onDone }: { sub: Sub; pool: Pool | undefined; subs: readonly Sub[]; onClose: () => void; onDone: (m: string) => void }) {
  const min = minimumFor(sub, pool, subs);
  const highest = sub.quantity - 1;
  const [text, setText] = useState(String(Math.max(min, Math.min(highest, sub.quantity - 1))));
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useQuantitySave();
  const possible = min <= highest;
  const why = pool && sub.sku.kind === "USER"
    ? `${pool.consumedUnits.toLocaleString()} seats of ${sub.sku.displayName} are assigned, so this subscription cannot go below ${min.toLocaleString()}.`
    : "A subscription keeps at least 1 license; cancel it to end it.";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > highest) return setProblem(`Enter a whole number from ${min.toLocaleString()} to ${highest.toLocaleString()}.`);
    setProblem(null);
    try {
      const r = await save({ variables: { input: { subscriptionId: sub.id, quantity: n } } });
      const after = r.data!.updateSubscriptionQuantity.quantity;
      onDone(`${sub.sku.displayName}: ${units(sub.quantity - after)} removed. The subscription now has ${after.toLocaleString()}.`);
    } catch {
      // Shown from saving.error; the quantity is unchanged.
    }
  };
  const words = {
    SEATS_IN_USE: `More seats of ${sub.sku.displayName} are assigned than that quantity allows (someone was given one meanwhile). Remove the license from people or groups who no longer need it first, or choose a larger quantity.`,
  };
  return (
    <Flyout
      title={`Remove licenses: ${sub.sku.displayName}`}
      onClose={onClose}
      footer={
        <>
          {possible ? <button type="submit" form="remove-form" className="danger" disabled={saving.loading}>{saving.loading ? "Removing…" : "Remove licenses"}</button> : null}
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <p>This subscription has {units(sub.quantity)}. {why}</p>
      {possible ? (
        <form id="remove-form" onSubmit={submit} noValidate>
          <label htmlFor="remove-quantity">New total</label>
          <input id="remove-quantity" type="number" min={min} max={highest} step={1} className="qty" value={text}
            onChange={(e) => { setText(e.target.value); setProblem(null); saving.reset(); }} aria-describedby="remove-help" />
          <p id="remove-help" className="muted">From {min.toLocaleString()} to {highest.toLocaleString()}: the lowest total this subscription can take is {min.toLocaleString()}.</p>
          {problem ? <p className="field-error" role="alert">{problem}</p> : null}
        </form>
      ) : (
        <p className="notice warn">No license can be removed now: every one is needed. Remove the license from people or groups who no longer need it first.</p>
      )}
      {saving.error ? <ErrorNotice error={saving.error} title="No licenses were removed" words={words} /> : null}
    </Flyout>
  );
}

function Cancel({ sub, pool, onClose, onDone }: { sub: Sub; pool: Pool | undefined; onClose: () => void; onDone: (m: string) => void }) {
  // The answer updates the row; the pools are fetched again afterwards, without waiting (K8).
  const [cancel, cancelling] = useMutation(CancelSubscription, { variables: { id: sub.id }, refetchQueries: ["Subscriptions"] });
  const go = async () => {
    try {
      await cancel();
      onDone(`${sub.sku.displayName}: subscription cancelled. It is suspended and will be deleted in 90 days.`);
    } catch {
      // Shown from cancelling.error.
    }
  };
  return (
    <Flyout
      title={`Cancel ${sub.sku.displayName}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="danger" onClick={go} disabled={cancelling.loading}>{cancelling.loading ? "Cancelling…" : "Yes, cancel the subscription"}</button>
          <button type="button" onClick={onClose}>Keep the subscription</button>
        </>
      }
    >
      <p>
        The subscription of {sub.quantity.toLocaleString()} {sub.quantity === 1 ? "unit" : "units"} is suspended at once and stops granting
        licenses; it is deleted 90 days later. This cannot be undone here: buy again to get the licenses back.
      </p>
      {sub.sku.kind === "TENANT" ? (
        <p className="notice warn">Without an active tenant license, every user license stops working (DEPENDENCY_VIOLATION): nobody can build bots.</p>
      ) : pool && pool.consumedUnits > pool.prepaidUnits.enabled + pool.prepaidUnits.warning - sub.quantity ? (
        <p className="notice warn">
          {pool.consumedUnits.toLocaleString()} seats are assigned and {Math.max(0, pool.prepaidUnits.enabled + pool.prepaidUnits.warning - sub.quantity).toLocaleString()} would
          remain: the people who got their seat most recently lose it and show a license error (COUNT_VIOLATION).
        </p>
      ) : null}
      {cancelling.error ? <ErrorNotice error={cancelling.error} title="The subscription was not cancelled" /> : null}
    </Flyout>
  );
}
