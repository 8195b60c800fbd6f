import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { ErrorNotice } from "../ui/ErrorNotice";

export const SettingsQuery = graphql(`
  query Settings {
    tenant { id displayName allowAdHocSubscriptions }
  }
`);

const UpdateSettings = graphql(`
  mutation UpdateTenantSettings($input: TenantSettingsInput!) {
    updateTenantSettings(input: $input) { id allowAdHocSubscriptions }
  }
`);

/** K5 Settings: the organization's switches. Only a Global admin changes them; everyone else reads them. */
export function Settings() {
  const access = useAccess();
  const { data, error, loading } = useQuery(SettingsQuery);
  const tenant = data?.tenant;
  return (
    <>
      <h1>Settings</h1>
      {error ? <ErrorNotice error={error} title="The settings could not be loaded" /> : null}
      {loading && !tenant ? <p role="status">Loading settings…</p> : null}
      {tenant ? <Trials allowed={tenant.allowAdHocSubscriptions} editable={access.managesSettings} /> : null}
      {!access.managesSettings ? <p className="muted">Only a Global admin can change the settings.</p> : null}
    </>
  );
}

function Trials({ allowed, editable }: { allowed: boolean; editable: boolean }) {
  const [draft, setDraft] = useState(allowed);
  const [saved, setSaved] = useState("");
  const [save, saving] = useMutation(UpdateSettings);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save({ variables: { input: { allowAdHocSubscriptions: draft } } });
      setSaved(draft ? "Self-service trials are on." : "Self-service trials are off.");
    } catch {
      // Shown from saving.error; the setting is unchanged.
    }
  };
  return (
    <section aria-labelledby="trials-title" className="card">
      <h2 id="trials-title">Self-service trials</h2>
      <p id="trials-help">
        When on, anyone in the organization can start a 30-day Power Virtual Agents trial for themselves (and extend it once by 30 days),
        without a paid license (the AllowAdHocSubscriptions setting). When off, a user who tries is told that trials are turned off; trials
        already running continue until they end.
      </p>
      <form onSubmit={submit}>
        <label className="switch">
          <input type="checkbox" role="switch" checked={draft} disabled={!editable} aria-describedby="trials-help"
            onChange={(e) => { setDraft(e.target.checked); setSaved(""); saving.reset(); }} />
          Let users start self-service trials
        </label>
        {editable ? (
          <button type="submit" className="primary" disabled={saving.loading || draft === allowed}>{saving.loading ? "Saving…" : "Save"}</button>
        ) : null}
      </form>
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The setting was not changed" /> : null}
    </section>
  );
}
