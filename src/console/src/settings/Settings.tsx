import { useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";
import { AutoClaim, Inactivity } from "./Optimization";
import { Provisioning } from "./Provisioning";

export const SettingsQuery = graphql(`
  query Settings {
    tenant { id displayName allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation inactiveAfterDays autoReclaim }
  }
`);

const UpdateSettings = graphql(`
  mutation UpdateTenantSettings($input: TenantSettingsInput!) {
    updateTenantSettings(input: $input) { id allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation licenses { sku { id } availableUnits lowOnSeats } }
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
      {tenant ? <SeatAlert threshold={tenant.seatAlertThreshold} editable={access.managesSettings} /> : null}
      {tenant ? <UsageLocation location={tenant.defaultUsageLocation} editable={access.managesSettings} /> : null}
      {tenant ? <Inactivity days={tenant.inactiveAfterDays} auto={tenant.autoReclaim} editable={access.managesSettings} /> : null}
      {tenant ? <AutoClaim editable={access.managesLicenses} /> : null}
      {tenant && access.managesSettings ? <Provisioning /> : null}
      {!access.managesSettings ? <p className="muted">Only a Global admin can change the settings{access.managesLicenses ? " (a License admin changes auto-claim)" : ""}.</p> : null}
    </>
  );
}

function Trials({ allowed, editable }: { allowed: boolean; editable: boolean }) {
  const [draft, setDraft] = useState(allowed);
  const [saved, setSaved] = useState("");
  const [save, saving] = useCommit(UpdateSettings, { refresh: false });
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
          <button type="submit" className="primary" disabled={saving.loading || draft === allowed}>{saving.loading ? "Saving…" : "Save trial setting"}</button>
        ) : null}
      </form>
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The setting was not changed" /> : null}
    </section>
  );
}

/** E5: a pool is low on seats when its available seats are at or below this figure (or someone is waiting). */
function SeatAlert({ threshold, editable }: { threshold: number; editable: boolean }) {
  const [draft, setDraft] = useState(String(threshold));
  const [saved, setSaved] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useCommit(UpdateSettings, { refresh: false });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || n > 1_000_000) return setProblem("Enter a whole number from 0 to 1,000,000.");
    setProblem(null);
    try {
      await save({ variables: { input: { seatAlertThreshold: n } } });
      setSaved(`Seat alert threshold set to ${n.toLocaleString()}.`);
    } catch {
      // Shown from saving.error.
    }
  };
  return (
    <section aria-labelledby="alert-title" className="card">
      <h2 id="alert-title">Seat alert threshold</h2>
      <p id="alert-help">
        A license is shown as running low — a banner on every page of the admin center, and <code>lowOnSeats</code> in the API — when its
        available seats fall to this number or below, or when someone is waiting for a seat. 0 warns only when the pool is full.
      </p>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="seat-alert">Warn when available seats are at or below</label>
        <input id="seat-alert" type="number" min={0} max={1000000} step={1} className="qty" value={draft} disabled={!editable} aria-describedby="alert-help"
          onChange={(e) => { setDraft(e.target.value); setSaved(""); saving.reset(); }} />
        {editable ? <button type="submit" className="primary" disabled={saving.loading || draft === String(threshold)}>{saving.loading ? "Saving…" : "Save threshold"}</button> : null}
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The threshold was not changed" /> : null}
    </section>
  );
}

/** L1: the usage location of users who have none of their own; some licenses are not offered in some countries (L2, L3). */
function UsageLocation({ location, editable }: { location: string; editable: boolean }) {
  const [draft, setDraft] = useState(location);
  const [saved, setSaved] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  // Users without a location of their own may gain or lose licenses (L3): what is on screen is refreshed, best-effort.
  const [save, saving] = useCommit(UpdateSettings);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const code = draft.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return setProblem("Enter a two-letter country code (ISO 3166-1 alpha-2), for example US, DE or FR.");
    setProblem(null);
    try {
      await save({ variables: { input: { defaultUsageLocation: code } } });
      setDraft(code);
      setSaved(`Default usage location set to ${code}.`);
    } catch {
      // Shown from saving.error.
    }
  };
  return (
    <section aria-labelledby="location-title" className="card">
      <h2 id="location-title">Default usage location</h2>
      <p id="location-help">
        The country used for users who have no usage location of their own. A license that is not offered in a user's country is not given
        to them: directly it is refused, through a group the user shows a license error (PROHIBITED_IN_USAGE_LOCATION).
      </p>
      <form onSubmit={submit} className="inline-form">
        <label htmlFor="usage-location">Country code</label>
        <input id="usage-location" type="text" maxLength={2} className="qty" value={draft} disabled={!editable} aria-describedby="location-help" autoComplete="country"
          onChange={(e) => { setDraft(e.target.value); setSaved(""); saving.reset(); }} />
        {editable ? <button type="submit" className="primary" disabled={saving.loading || draft.trim().toUpperCase() === location}>{saving.loading ? "Saving…" : "Save location"}</button> : null}
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The usage location was not changed" /> : null}
    </section>
  );
}
