import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import type { SubscriptionsQuery as Data } from "../gql/graphql";
import { Link } from "../router";
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
  const [open, setOpen] = useState<{ kind: "quantity" | "cancel"; id: string } | null>(null);
  const [status, setStatus] = useState("");
  const tenant = data?.tenant;
  const sub = tenant?.subscriptions.find((s) => s.id === open?.id);
  const pool = sub ? tenant?.licenses.find((l) => l.sku.id === sub.sku.id) : undefined;
  const done = (message: string) => {
    setOpen(null);
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
                            <button type="button" onClick={() => setOpen({ kind: "quantity", id: s.id })}>Change quantity<span className="sr-only"> of {s.sku.displayName}</span></button>
                            <button type="button" onClick={() => setOpen({ kind: "cancel", id: s.id })}>Cancel subscription<span className="sr-only"> of {s.sku.displayName}</span></button>
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {access.managesBilling ? <p><Link href="/billing/purchase">Purchase services</Link> to add licenses.</p> : null}
          </section>
        </>
      ) : null}
      {open?.kind === "quantity" && sub ? <ChangeQuantity sub={sub} pool={pool} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open?.kind === "cancel" && sub ? <Cancel sub={sub} pool={pool} onClose={() => setOpen(null)} onDone={done} /> : null}
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

/** The smallest quantity this subscription can take without the pool going below the seats in use (P7). */
function minimumFor(sub: Sub, pool: Pool | undefined): number {
  if (!pool || sub.sku.kind !== "USER") return 1;
  const others = pool.prepaidUnits.enabled + pool.prepaidUnits.warning - sub.quantity;
  return Math.max(1, pool.consumedUnits - others);
}

function ChangeQuantity({ sub, pool, onClose, onDone }: { sub: Sub; pool: Pool | undefined; onClose: () => void; onDone: (m: string) => void }) {
  const [text, setText] = useState(String(sub.quantity));
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useMutation(UpdateQuantity, { refetchQueries: "active", awaitRefetchQueries: true });
  const min = minimumFor(sub, pool);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < 1 || n > 1_000_000) return setProblem("Enter a whole number from 1 to 1,000,000.");
    setProblem(null);
    try {
      await save({ variables: { input: { subscriptionId: sub.id, quantity: n } } });
      onDone(`${sub.sku.displayName}: quantity changed from ${sub.quantity.toLocaleString()} to ${n.toLocaleString()}.`);
    } catch {
      // Shown from saving.error; the quantity is unchanged.
    }
  };
  const words = {
    SEATS_IN_USE: `${pool?.consumedUnits.toLocaleString() ?? "Some"} seats of ${sub.sku.displayName} are assigned, so this subscription cannot go below ${min.toLocaleString()}. Remove the license from people or groups who no longer need it first, or choose ${min.toLocaleString()} or more.`,
  };
  return (
    <Flyout
      title={`Change quantity: ${sub.sku.displayName}`}
      onClose={onClose}
      footer={
        <>
          <button type="submit" form="quantity-form" className="primary" disabled={saving.loading}>{saving.loading ? "Saving…" : "Save quantity"}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <form id="quantity-form" onSubmit={submit}>
        <label htmlFor="quantity">Quantity</label>
        <input id="quantity" type="number" min={1} max={1000000} step={1} className="qty" value={text} onChange={(e) => { setText(e.target.value); saving.reset(); }}
          aria-describedby="quantity-help" />
        <p id="quantity-help" className="muted">
          Now {sub.quantity.toLocaleString()}.{pool && sub.sku.kind === "USER" ? ` ${pool.consumedUnits.toLocaleString()} seats of this license are assigned; the lowest quantity this subscription can take is ${min.toLocaleString()}.` : ""}
        </p>
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      </form>
      {saving.error ? <ErrorNotice error={saving.error} title="The quantity was not changed" words={words} /> : null}
    </Flyout>
  );
}

function Cancel({ sub, pool, onClose, onDone }: { sub: Sub; pool: Pool | undefined; onClose: () => void; onDone: (m: string) => void }) {
  const [cancel, cancelling] = useMutation(CancelSubscription, { variables: { id: sub.id }, refetchQueries: "active", awaitRefetchQueries: true });
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
