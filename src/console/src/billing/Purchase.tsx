import { useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import type { PurchaseChannel } from "../gql/graphql";
import { Link } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { CHANNEL_NAMES } from "./words";

export const CatalogQuery = graphql(`
  query Catalog {
    skus { id partNumber displayName kind isTrial billedSessionsPerUnit requires { id displayName } servicePlans { id displayName } }
    tenant {
      id
      hasActiveTenantLicense
      subscriptions { id channel status quantity isTrial endsAt sku { id kind } }
    }
  }
`);

const PurchaseLicenses = graphql(`
  mutation PurchaseLicenses($input: PurchaseLicensesInput!) {
    purchaseLicenses(input: $input) {
      orderId
      subscriptions { id quantity channel status orderId sku { id displayName } }
    }
  }
`);

const CHANNELS: PurchaseChannel[] = ["ADMIN_CENTER", "VOLUME_LICENSING", "PARTNER"];

/** A fresh key names one submitted form: a retry of the same order (a double click, a lost answer) buys once (P5). */
const newKey = () => crypto.randomUUID();

/**
 * K2 Billing > Purchase services: the catalog, and one order that may hold the tenant license and user licenses
 * together (P1). P2/P3 refusals are explained in the words of this form.
 */
export function Purchase() {
  const access = useAccess();
  const catalog = useQuery(CatalogQuery);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [channel, setChannel] = useState<PurchaseChannel>("ADMIN_CENTER");
  const [key, setKey] = useState(newKey);
  const [placed, setPlaced] = useState<{ orderId: string; lines: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The order's answer says what was bought (K8); the catalog and the lists are fetched again afterwards, without waiting.
  const [buy, buying] = useMutation(PurchaseLicenses, { refetchQueries: ["Catalog", "Subscriptions"] });
  // A second click before React has re-rendered the disabled button sends nothing; the key covers what gets through.
  const sending = useRef(false);

  const skus = (catalog.data?.skus ?? []).filter((s) => !s.isTrial);
  const tenantSku = skus.find((s) => s.kind === "TENANT");
  // Any change to the order makes it another order, with its own key.
  const edit = (change: () => void) => {
    change();
    setKey(newKey());
    setProblem(null);
    buying.reset();
  };

  // K8: a product the organization already has through this channel is bought on its subscription (Buy licenses),
  // which raises that subscription's quantity, instead of a second, identical subscription.
  const owned = (skuId: string) =>
    (catalog.data?.tenant?.subscriptions ?? []).find((s) => s.sku.id === skuId && s.channel === channel && s.status === "ACTIVE" && !s.isTrial && !s.endsAt);
  const items = skus
    .filter((s) => !owned(s.id))
    .map((s) => ({ sku: s, text: (quantities[s.id] ?? "").trim() }))
    .filter((i) => i.text !== "" && i.text !== "0");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending.current) return;
    const bad = items.find((i) => !/^\d+$/.test(i.text) || Number(i.text) < 1 || Number(i.text) > 1_000_000);
    if (!items.length) return setProblem("Enter a quantity for at least one product.");
    if (bad) return setProblem(`The quantity of ${bad.sku.displayName} must be a whole number from 1 to 1,000,000.`);
    setProblem(null);
    sending.current = true;
    try {
      const r = await buy({
        variables: { input: { channel, idempotencyKey: key, items: items.map((i) => ({ skuId: i.sku.id, quantity: Number(i.text) })) } },
      });
      const order = r.data!.purchaseLicenses;
      setPlaced({ orderId: order.orderId, lines: order.subscriptions.map((s) => `${s.quantity.toLocaleString()} × ${s.sku.displayName}`) });
      setQuantities({});
      setKey(newKey());
    } catch {
      // Shown from buying.error; nothing was bought. The key stays, so sending the same order again is safe.
    } finally {
      sending.current = false;
    }
  };

  const channelName = CHANNEL_NAMES[channel];
  const words = {
    TENANT_LICENSE_REQUIRED: `User licenses need the tenant license${tenantSku ? ` (${tenantSku.displayName})` : ""}, and the organization has none that is active. Add it to this order (quantity 1 is enough), then place the order again.`,
    CHANNEL_MISMATCH: `User licenses bought through ${channelName} need a tenant license bought through ${channelName} too. Add the tenant license to this order, or buy the user licenses through the Microsoft 365 admin center channel, which accepts a tenant license from any channel.`,
    CONFLICT: "This order was already sent with other contents. Refresh the page and place the order again.",
  };

  if (!access.managesBilling) {
    return (
      <>
        <h1>Purchase services</h1>
        <p>Only a Global admin or a Billing admin can buy licenses. <Link href="/billing/subscriptions">See the subscriptions</Link>.</p>
        {catalog.data ? <CatalogTable skus={skus} /> : null}
      </>
    );
  }

  return (
    <>
      <h1>Purchase services</h1>
      {catalog.error ? <ErrorNotice error={catalog.error} title="The catalog could not be loaded" /> : null}
      {placed ? (
        <div className="notice ok" role="status">
          <p className="notice-title">Order placed</p>
          <p>Bought {placed.lines.join(" and ")}. Order <code>{placed.orderId}</code>. <Link href="/billing/subscriptions">See your subscriptions</Link>.</p>
        </div>
      ) : null}
      {catalog.data ? (
        <form onSubmit={submit} aria-describedby="order-help">
          <p id="order-help">
            Enter a quantity for each product to buy; everything in one order is bought together or not at all. User licenses need the
            tenant license: when the organization has none yet, buy both in the same order. A product the organization already has
            through this channel is bought with <em>Buy licenses</em>, which adds to its subscription.
            {catalog.data.tenant?.hasActiveTenantLicense ? " The organization already has an active tenant license." : " The organization has no active tenant license yet."}
          </p>
          <CatalogTable
            skus={skus}
            quantity={(id) => quantities[id] ?? ""}
            owned={owned}
            onQuantity={(id, v) => edit(() => setQuantities((q) => ({ ...q, [id]: v })))}
          />
          <label htmlFor="channel">Purchase channel</label>
          <select id="channel" value={channel} onChange={(e) => edit(() => setChannel(e.target.value as PurchaseChannel))}>
            {CHANNELS.map((c) => <option key={c} value={c}>{CHANNEL_NAMES[c]}</option>)}
          </select>
          {problem ? <p className="field-error" role="alert">{problem}</p> : null}
          {buying.error ? <ErrorNotice error={buying.error} title="Nothing was bought" words={words} /> : null}
          <button type="submit" className="primary" disabled={buying.loading}>{buying.loading ? "Placing the order…" : "Place order"}</button>
        </form>
      ) : catalog.loading ? <p role="status">Loading the catalog…</p> : null}
    </>
  );
}

type CatalogSku = { id: string; displayName: string; kind: string; billedSessionsPerUnit: number; requires: readonly { displayName: string }[]; servicePlans: readonly { displayName: string }[] };

type Owned = (skuId: string) => { id: string; quantity: number } | undefined;

function CatalogTable({ skus, quantity, onQuantity, owned }: { skus: CatalogSku[]; quantity?: (id: string) => string; onQuantity?: (id: string, v: string) => void; owned?: Owned }) {
  return (
    <table className="grid">
      <caption className="sr-only">Products you can buy</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Kind</th>
          <th scope="col">Includes</th>
          {onQuantity ? <th scope="col">Quantity</th> : null}
        </tr>
      </thead>
      <tbody>
        {skus.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.displayName}</th>
            <td>
              {s.kind === "TENANT" ? "Tenant license: for the whole organization, never assigned to people" : "User license: one seat per person who builds bots"}
              {s.requires.length ? <div className="muted">Needs {s.requires.map((r) => r.displayName).join(", ")}</div> : null}
            </td>
            <td>
              {s.servicePlans.map((p) => p.displayName).join(", ")}
              {s.billedSessionsPerUnit ? <div className="muted">{s.billedSessionsPerUnit.toLocaleString()} billed sessions a month per unit</div> : null}
            </td>
            {onQuantity && owned?.(s.id) ? (
              <td data-owned={s.id}>
                You have {owned(s.id)!.quantity.toLocaleString()}.{" "}
                <Link href={`/billing/subscriptions?buy=${encodeURIComponent(owned(s.id)!.id)}`}>Buy licenses<span className="sr-only"> for {s.displayName}</span></Link>
              </td>
            ) : onQuantity ? (
              <td>
                <input
                  type="number" min={0} max={1000000} step={1} inputMode="numeric" className="qty"
                  aria-label={`Quantity of ${s.displayName}`} value={quantity!(s.id)} onChange={(e) => onQuantity(s.id, e.target.value)}
                />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
