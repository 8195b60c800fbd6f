import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";

export const ProvisioningTokensQuery = graphql(`
  query ProvisioningTokens {
    tenant { id provisioningTokens { id description hint createdAt expiresAt lastUsedAt } }
  }
`);

const CreateToken = graphql(`
  mutation CreateProvisioningToken($input: CreateProvisioningTokenInput!) {
    createProvisioningToken(input: $input) {
      token
      scimBaseUrl
      provisioningToken { id description hint createdAt expiresAt lastUsedAt }
    }
  }
`);

const RevokeToken = graphql(`
  mutation RevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }
`);

const day = (iso: string | null | undefined, none: string) =>
  iso ? new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : none;

const EXPIRY = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: 730, label: "2 years" },
  { days: 0, label: "Never (not recommended)" },
];

/**
 * K5, D1: provisioning tokens for directory sync over SCIM, Global admins only. A new token's secret and the SCIM base
 * URL are shown once, under the field names of the Entra ID and Okta provisioning settings, with copy buttons.
 */
export function Provisioning() {
  const { data, error } = useQuery(ProvisioningTokensQuery);
  const [description, setDescription] = useState("");
  const [expiry, setExpiry] = useState(365);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: string; url: string; description: string } | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; description: string; hint: string } | null>(null);
  const [create, creating] = useMutation(CreateToken, { refetchQueries: [ProvisioningTokensQuery], awaitRefetchQueries: true });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!description.trim()) return setProblem("Describe the token, for example “Entra ID provisioning”.");
    setProblem(null);
    try {
      const r = await create({ variables: { input: { description: description.trim(), expiresInDays: expiry || null } } });
      const c = r.data!.createProvisioningToken;
      setCreated({ token: c.token, url: c.scimBaseUrl, description: c.provisioningToken.description });
      setDescription("");
    } catch {
      // Shown from creating.error.
    }
  };
  const tokens = data?.tenant?.provisioningTokens ?? [];
  return (
    <section aria-labelledby="prov-title" className="card">
      <h2 id="prov-title">Directory sync: provisioning tokens</h2>
      <p>
        Microsoft Entra ID and Okta create, update and remove users and groups here over SCIM 2.0; group licensing follows the directory at
        once. Each directory signs in with a provisioning token. The secret is shown once, when the token is created; only a hash is kept.
      </p>
      {created ? <NewToken {...created} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={submit} className="inline-form" aria-label="New provisioning token">
        <div className="field">
          <label htmlFor="token-description">Description</label>
          <input id="token-description" type="text" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="e.g. Entra ID provisioning" />
        </div>
        <div className="field">
          <label htmlFor="token-expiry">Expires after</label>
          <select id="token-expiry" value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY.map((x) => <option key={x.days} value={x.days}>{x.label}</option>)}
          </select>
        </div>
        <button type="submit" className="primary" disabled={creating.loading}>{creating.loading ? "Creating…" : "Create token"}</button>
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      {creating.error ? <ErrorNotice error={creating.error} title="No token was created" /> : null}
      {error ? <ErrorNotice error={error} title="The provisioning tokens could not be loaded" /> : null}
      {tokens.length ? (
        <table className="grid">
          <caption className="sr-only">Provisioning tokens</caption>
          <thead>
            <tr><th scope="col">Description</th><th scope="col">Secret ends with</th><th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-token={t.description}>
                <th scope="row">{t.description}</th>
                <td><code>…{t.hint}</code></td>
                <td>{day(t.createdAt, "—")}</td>
                <td>{day(t.expiresAt, "Never")}</td>
                <td>{day(t.lastUsedAt, "Never")}</td>
                <td className="actions">
                  <button type="button" onClick={() => setRevoking({ id: t.id, description: t.description, hint: t.hint })}>Revoke<span className="sr-only"> {t.description}</span></button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? <p className="muted">No provisioning token yet.</p> : null}
      {revoking ? <Revoke token={revoking} onClose={() => setRevoking(null)} /> : null}
    </section>
  );
}

function CopyField({ label, value, secret }: { label: string; value: string; secret?: boolean }) {
  const id = useId();
  const [copied, setCopied] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("Copied.");
    } catch {
      // No clipboard access (an insecure origin, a refused permission): the text is selected for Ctrl+C instead.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("Selected: press Ctrl+C to copy.");
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div>
        <input id={id} type="text" readOnly value={value} className={secret ? "secret" : undefined} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>Copy<span className="sr-only"> {label}</span></button>
        <span role="status" className="muted">{copied}</span>
      </div>
    </div>
  );
}

function NewToken({ token, url, description, onDone }: { token: string; url: string; description: string; onDone: () => void }) {
  return (
    <div className="new-token" role="region" aria-labelledby="new-token-title">
      <h3 id="new-token-title">Token “{description}” created: copy it now</h3>
      <p className="notice warn">The secret is shown only this once. Copy it into your directory's provisioning settings before you leave this page.</p>
      <div className="two">
        <div>
          <h4>Microsoft Entra ID</h4>
          <p className="muted">Enterprise application › Provisioning › Admin credentials</p>
          <CopyField label="Tenant URL" value={`${url}?aadOptscim062020`} />
          <CopyField label="Secret Token" value={token} secret />
        </div>
        <div>
          <h4>Okta</h4>
          <p className="muted">App › Provisioning › Integration (SCIM 2.0, authentication mode HTTP Header)</p>
          <CopyField label="SCIM connector base URL" value={url} />
          <CopyField label="Authorization (Bearer)" value={token} secret />
          <p className="muted">Unique identifier field for users: <code>userName</code></p>
        </div>
      </div>
      <button type="button" onClick={onDone}>I have copied it</button>
    </div>
  );
}

function Revoke({ token, onClose }: { token: { id: string; description: string; hint: string }; onClose: () => void }) {
  const [revoke, revoking] = useMutation(RevokeToken, { variables: { id: token.id }, refetchQueries: [ProvisioningTokensQuery], awaitRefetchQueries: true });
  const go = async () => {
    try {
      await revoke();
      onClose();
    } catch {
      // Shown from revoking.error.
    }
  };
  return (
    <Flyout
      title={`Revoke “${token.description}”?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="danger" onClick={go} disabled={revoking.loading}>{revoking.loading ? "Revoking…" : "Yes, revoke the token"}</button>
          <button type="button" onClick={onClose}>Keep it</button>
        </>
      }
    >
      <p>The directory that uses the token ending in <code>…{token.hint}</code> can no longer sync users and groups: its requests are refused at once (401). Users and groups it made stay as they are.</p>
      {revoking.error ? <ErrorNotice error={revoking.error} title="The token was not revoked" /> : null}
    </Flyout>
  );
}
