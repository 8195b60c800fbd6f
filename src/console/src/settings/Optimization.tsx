import { useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";

export const AutoClaimQuery = graphql(`
  query AutoClaimSettings {
    tenant {
      id
      licenses { sku { id displayName kind } }
      autoClaimPolicies { enabled sku { id } scopeGroup { id displayName } }
    }
  }
`);

const SetPolicy = graphql(`
  mutation SetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) {
    setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id displayName } }
  }
`);

const ScopeGroups = graphql(`
  query AutoClaimGroups($search: String) {
    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName } } }
  }
`);

const UpdateInactivity = graphql(`
  mutation UpdateInactivitySettings($input: TenantSettingsInput!) {
    updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim }
  }
`);

/** V2: per user license, whether people get a free seat at first use (claimLicense), optionally only a group's members. */
export function AutoClaim({ editable }: { editable: boolean }) {
  const { data, error } = useQuery(AutoClaimQuery);
  const pools = (data?.tenant?.licenses ?? []).filter((l) => l.sku.kind === "USER");
  return (
    <section aria-labelledby="autoclaim-title" className="card">
      <h2 id="autoclaim-title">Auto-claim</h2>
      <p id="autoclaim-help">
        When on for a license, someone who opens the bot builder for the first time gets a free seat at once, without asking. With no seat free, a
        request is opened for them instead (see License requests). A scope group limits it to that group's members, nested groups included.
      </p>
      {error ? <ErrorNotice error={error} title="The auto-claim policies could not be loaded" /> : null}
      {data && !pools.length ? <p>The organization has no user licenses yet.</p> : null}
      {pools.map((p) => {
        const policy = data?.tenant?.autoClaimPolicies.find((a) => a.sku.id === p.sku.id);
        return <Policy key={p.sku.id} sku={p.sku} enabled={policy?.enabled ?? false} scope={policy?.scopeGroup ?? null} editable={editable} />;
      })}
    </section>
  );
}

function Policy({ sku, enabled, scope, editable }: { sku: { id: string; displayName: string }; enabled: boolean; scope: { id: string; displayName: string } | null; editable: boolean }) {
  const [on, setOn] = useState(enabled);
  const [search, setSearch] = useState("");
  const [groupId, setGroupId] = useState(scope?.id ?? "");
  const [saved, setSaved] = useState("");
  // What the server holds: the props as loaded, then each save's own answer (the policy has no ID to normalize by).
  const [base, setBase] = useState({ enabled, scope });
  const groups = useQuery(ScopeGroups, { variables: { search: search || null }, skip: !editable || !on });
  const [save, saving] = useCommit(SetPolicy, { refresh: ["AutoClaimSettings"] });
  const options = [...(base.scope ? [base.scope] : []), ...(groups.data?.tenant?.securityGroups.nodes ?? []).filter((g) => g.id !== base.scope?.id)];
  const changed = on !== base.enabled || (on && groupId !== (base.scope?.id ?? ""));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = (await save({ variables: { input: { skuId: sku.id, enabled: on, scopeGroupId: on && groupId ? groupId : null } } })).setAutoClaimPolicy;
      setBase({ enabled: r.enabled, scope: r.scopeGroup ?? null });
      setSaved(r.enabled ? `Auto-claim of ${sku.displayName} is on${r.scopeGroup ? ` for the members of ${r.scopeGroup.displayName}` : " for everyone"}.` : `Auto-claim of ${sku.displayName} is off.`);
    } catch {
      // Shown from saving.error; the policy is unchanged.
    }
  };
  const id = `autoclaim-${sku.id}`;
  return (
    <form onSubmit={submit} className="policy" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{sku.displayName}</h3>
      <label className="switch">
        <input type="checkbox" role="switch" checked={on} disabled={!editable} aria-describedby="autoclaim-help"
          onChange={(e) => { setOn(e.target.checked); setSaved(""); saving.reset(); }} />
        Give {sku.displayName} at first use
      </label>
      {on ? (
        editable ? (
          <div className="inline-form">
            <label htmlFor={`${id}-search`}>Search groups</label>
            <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Group name" />
            <label htmlFor={`${id}-group`}>Only for members of</label>
            <select id={`${id}-group`} value={groupId} onChange={(e) => { setGroupId(e.target.value); setSaved(""); saving.reset(); }}>
              <option value="">Everyone in the organization</option>
              {options.map((g) => <option key={g.id} value={g.id}>{g.displayName}</option>)}
            </select>
          </div>
        ) : (
          <p>{base.scope ? `Only for members of ${base.scope.displayName}.` : "For everyone in the organization."}</p>
        )
      ) : null}
      {editable ? <button type="submit" className="primary" disabled={saving.loading || !changed}>{saving.loading ? "Saving…" : `Save auto-claim of ${sku.displayName}`}</button> : null}
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The auto-claim policy was not changed" /> : null}
    </form>
  );
}

/** V4: after how many days without activity a seat holder is inactive, and whether their direct licenses are reclaimed. */
export function Inactivity({ days, auto, editable }: { days: number; auto: boolean; editable: boolean }) {
  const [draft, setDraft] = useState(String(days));
  const [on, setOn] = useState(auto);
  const [saved, setSaved] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saving] = useCommit(UpdateInactivity);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || n < 1 || n > 3650) return setProblem("Enter a whole number of days from 1 to 3,650.");
    setProblem(null);
    try {
      const r = (await save({ variables: { input: { inactiveAfterDays: n, autoReclaim: on } } })).updateTenantSettings;
      setSaved(`Inactive after ${r.inactiveAfterDays.toLocaleString()} days; automatic reclamation is ${r.autoReclaim ? "on" : "off"}.`);
    } catch {
      // Shown from saving.error.
    }
  };
  const reset = () => { setSaved(""); saving.reset(); };
  return (
    <section aria-labelledby="inactivity-title" className="card">
      <h2 id="inactivity-title">Inactivity and reclamation</h2>
      <p id="inactivity-help">
        Someone who holds a seat and has not used the product (the API, the bot builder or their bots) for this many days is listed under Reports ›
        Inactive licenses, where a License admin can reclaim their seat. With automatic reclamation on, a daily pass warns them, then takes back
        their direct licenses 7 days later unless they were active again. Licenses from groups are never reclaimed per user.
      </p>
      {/* The form's own words for a bad figure, not the browser's bubble. */}
      <form onSubmit={submit} noValidate>
        <div className="inline-form">
          <label htmlFor="inactive-days">Inactive after (days)</label>
          <input id="inactive-days" type="number" min={1} max={3650} step={1} className="qty" value={draft} disabled={!editable} aria-describedby="inactivity-help"
            onChange={(e) => { setDraft(e.target.value); reset(); }} />
        </div>
        <label className="switch">
          <input type="checkbox" role="switch" checked={on} disabled={!editable} onChange={(e) => { setOn(e.target.checked); reset(); }} />
          Reclaim inactive people's licenses automatically
        </label>
        {editable ? (
          <button type="submit" className="primary" disabled={saving.loading || (draft === String(days) && on === auto)}>{saving.loading ? "Saving…" : "Save inactivity settings"}</button>
        ) : null}
      </form>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <p role="status" className={saved ? "notice ok" : "sr-only"}>{saved}</p>
      {saving.error ? <ErrorNotice error={saving.error} title="The inactivity settings were not changed" /> : null}
    </section>
  );
}
