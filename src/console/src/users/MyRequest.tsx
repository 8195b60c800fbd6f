import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import type { Reference } from "@apollo/client";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";

export const JUSTIFICATION_MAX = 500;

const RequestLicense = graphql(`
  mutation RequestLicense($input: RequestLicenseInput!) {
    requestLicense(input: $input) { id status justification reason createdAt decidedAt sku { id } }
  }
`);

const CancelRequest = graphql(`
  mutation CancelLicenseRequest($id: ID!) {
    cancelLicenseRequest(id: $id) { id status decidedAt }
  }
`);

interface Req { id: string; status: string; justification?: string | null; reason?: string | null; createdAt: string; decidedAt?: string | null }

const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" }) : "");

/** V1 for the signed-in user: "Request a license" with a justification, the request's status, and Cancel. */
export function MyRequest({ userId, sku, requests }: { userId: string; sku: { id: string; displayName: string }; requests: readonly Req[] }) {
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const [ask, asking] = useCommit(RequestLicense, {
    // The answer is put at the head of the user's requests (newest first) at once; the panel is then refreshed best-effort.
    update: (cache, { data }) => {
      const r = data?.requestLicense;
      if (!r) return;
      cache.modify({
        id: cache.identify({ __typename: "User", id: userId }),
        fields: { licenseRequests: (refs: readonly Reference[] = [], { toReference }) => [toReference(r as never)!, ...refs] },
      });
    },
  });
  const [cancel, cancelling] = useCommit(CancelRequest);
  const latest = requests[0];
  const pending = latest?.status === "PENDING" ? latest : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await ask({ variables: { input: { skuId: sku.id, justification: text.trim() || null } } });
      setText("");
      setStatus(`Your request for ${sku.displayName} was sent to the license admins.`);
    } catch {
      // Shown from asking.error.
    }
  };
  const withdraw = async () => {
    if (!pending) return;
    try {
      await cancel({ variables: { id: pending.id } });
      setStatus("Your request was cancelled.");
    } catch {
      // Shown from cancelling.error.
    }
  };
  const titleId = `my-request-${sku.id}`;
  return (
    <section className="license-why my-request" aria-labelledby={titleId}>
      <h3 id={titleId}>Request {sku.displayName}</h3>
      <p role="status" className={status ? "notice ok" : "sr-only"}>{status}</p>
      {latest ? (
        <p className="request-status">
          {latest.status === "PENDING" ? `Your request of ${day(latest.createdAt)} is waiting for a license admin.` : null}
          {latest.status === "APPROVED" ? `Your request was approved on ${day(latest.decidedAt)}.` : null}
          {latest.status === "DENIED" ? `Your request was denied on ${day(latest.decidedAt)}${latest.reason ? `: “${latest.reason}”` : " (no reason given)"}.` : null}
          {latest.status === "COMPLETED" ? "Your last request was closed: the license came another way." : null}
          {latest.status === "CANCELLED" ? "You cancelled your last request." : null}
        </p>
      ) : null}
      {pending ? (
        <button type="button" onClick={() => void withdraw()} disabled={cancelling.loading}>{cancelling.loading ? "Cancelling…" : "Cancel my request"}</button>
      ) : (
        <form onSubmit={submit}>
          <label htmlFor={`justify-${sku.id}`}>Why you need it (optional; the admins see it)</label>
          <textarea id={`justify-${sku.id}`} rows={3} maxLength={JUSTIFICATION_MAX} value={text} aria-describedby={`justify-count-${sku.id}`}
            onChange={(e) => { setText(e.target.value); asking.reset(); }} />
          <p id={`justify-count-${sku.id}`} className="muted">{text.length} of {JUSTIFICATION_MAX} characters</p>
          <button type="submit" className="primary" disabled={asking.loading}>{asking.loading ? "Sending…" : "Request a license"}</button>
        </form>
      )}
      {asking.error ? <ErrorNotice error={asking.error} title="The request was not sent" words={{ CONFLICT: `You already have an open request for ${sku.displayName}, or you hold its seat already. Refresh to see it.` }} /> : null}
      {cancelling.error ? <ErrorNotice error={cancelling.error} title="The request was not cancelled" /> : null}
    </section>
  );
}
