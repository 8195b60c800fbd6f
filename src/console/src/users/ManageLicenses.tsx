import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo, useState } from "react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";
import { Chain } from "./Chain";

export const UserLicensesQuery = graphql(`
  query UserLicenses($id: ID!) {
    skus { id displayName kind isTrial servicePlans { id name displayName } }
    tenant { id licenses { sku { id } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }
    user(id: $id) {
      id
      displayName
      assignedLicenses { sku { id } disabledPlans { id } }
      effectiveLicenses {
        sku { id }
        state
        error
        enabledPlans { id }
        sources { kind group { id displayName } via { id displayName } }
      }
    }
  }
`);

const AssignUserLicenses = graphql(`
  mutation AssignUserLicenses($input: AssignUserLicensesInput!) {
    assignUserLicenses(input: $input) {
      id
      canCreateBots
      assignedLicenses { sku { id } disabledPlans { id } }
      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }
    }
  }
`);

interface Draft {
  direct: boolean;
  disabled: Set<string>;
}

/**
 * K3's *Manage product licenses*: a check box per assignable SKU, its service plans as switches (S7),
 * Save = one assignUserLicenses. Licenses from groups are shown as inherited and cannot be unticked here (S8).
 */
export function ManageLicenses({ userId, onClose, onSaved }: { userId: string; onClose: () => void; onSaved: (name: string) => void }) {
  const access = useAccess();
  const { data, error, loading } = useQuery(UserLicensesQuery, { variables: { id: userId }, fetchPolicy: "network-only" });
  // K8: saved is what the mutation answers (its user goes into the cache); the lists refresh afterwards, best-effort.
  const [save, saving] = useCommit(AssignUserLicenses);
  const [drafts, setDrafts] = useState<Record<string, Draft> | null>(null);
  const user = data?.user;
  const skus = useMemo(() => (data?.skus ?? []).filter((s) => s.kind === "USER" && !s.isTrial), [data]);

  const original = useMemo(() => {
    const out: Record<string, Draft> = {};
    for (const s of skus) {
      const a = user?.assignedLicenses.find((l) => l.sku.id === s.id);
      out[s.id] = { direct: Boolean(a), disabled: new Set(a?.disabledPlans.map((p) => p.id) ?? []) };
    }
    return out;
  }, [skus, user]);
  // The choices start from what the user has, once: a cache update meanwhile must not undo what the admin ticked.
  useEffect(() => {
    if (user && !drafts) setDrafts(original);
  }, [original, user, drafts]);

  const changes = useMemo(() => {
    const addLicenses: { skuId: string; disabledPlanIds: string[] }[] = [];
    const removeSkuIds: string[] = [];
    if (!drafts) return { addLicenses, removeSkuIds };
    for (const s of skus) {
      const before = original[s.id];
      const now = drafts[s.id];
      if (!now || !before) continue;
      const plansChanged = before.disabled.size !== now.disabled.size || [...now.disabled].some((p) => !before.disabled.has(p));
      if (now.direct && (!before.direct || plansChanged)) addLicenses.push({ skuId: s.id, disabledPlanIds: [...now.disabled] });
      if (!now.direct && before.direct) removeSkuIds.push(s.id);
    }
    return { addLicenses, removeSkuIds };
  }, [drafts, original, skus]);
  const dirty = changes.addLicenses.length + changes.removeSkuIds.length > 0;

  const set = (skuId: string, f: (d: Draft) => Draft) => setDrafts((all) => (all ? { ...all, [skuId]: f(all[skuId]) } : all));
  const onSave = async () => {
    if (!user) return;
    try {
      await save({ variables: { input: { userId: user.id, ...changes } } });
      onSaved(user.displayName);
    } catch {
      // Shown from saving.error below; the flyout stays open with the choices made.
    }
  };

  const edit = access.managesLicenses;
  const title = user ? `${edit ? "Manage product licenses" : "Product licenses"}: ${user.displayName}` : "Product licenses";
  return (
    <Flyout
      title={title}
      onClose={onClose}
      footer={edit && user ? (
        <>
          <button type="button" className="primary" onClick={onSave} disabled={!dirty || saving.loading}>
            {saving.loading ? "Saving…" : "Save changes"}
          </button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      ) : undefined}
    >
      {error ? <ErrorNotice error={error} title="The licenses could not be loaded" /> : null}
      {loading && !data ? <p role="status">Loading licenses…</p> : null}
      {saving.error ? <ErrorNotice error={saving.error} title="The licenses were not saved; nothing changed" /> : null}
      {user && drafts ? (
        <div className="sku-list">
          {skus.map((sku) => {
            const d = drafts[sku.id];
            const eff = user.effectiveLicenses.find((e) => e.sku.id === sku.id);
            const inherited = eff?.sources.filter((s) => s.kind === "GROUP") ?? [];
            const pool = data?.tenant?.licenses.find((l) => l.sku.id === sku.id);
            const total = pool ? pool.prepaidUnits.enabled + pool.prepaidUnits.warning : 0;
            const descId = `sku-${sku.id}-desc`;
            const checked = inherited.length > 0 || d.direct;
            return (
              <div key={sku.id} className="sku">
                {edit ? (
                  <label className="check">
                    <input
                      type="checkbox" checked={checked} disabled={inherited.length > 0} aria-describedby={descId}
                      onChange={(e) => set(sku.id, (x) => ({ ...x, direct: e.target.checked }))}
                    />
                    <span className="sku-name">{sku.displayName}</span>
                  </label>
                ) : (
                  <p className="sku-name">{sku.displayName}: {checked ? "assigned" : "not assigned"}</p>
                )}
                <div id={descId} className="sku-desc">
                  <p className="muted">
                    {pool ? `${pool.availableUnits.toLocaleString()} of ${total.toLocaleString()} licenses available` : "No subscription of this license"}
                  </p>
                  {inherited.length ? (
                    <div className="inherited">
                      <p>Inherited from a group; change it on the group:</p>
                      <ul className="plain">
                        {inherited.map((s) => (
                          <li key={s.group?.id}><Chain via={s.via} /></li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </div>
                {edit && inherited.length && original[sku.id].direct ? (
                  <label className="check nested">
                    <input type="checkbox" checked={d.direct} onChange={(e) => set(sku.id, (x) => ({ ...x, direct: e.target.checked }))} />
                    Also assigned directly (unticking removes only the direct assignment)
                  </label>
                ) : null}
                {d.direct && edit ? (
                  <fieldset className="plans">
                    <legend>Service plans of the direct assignment</legend>
                    {sku.servicePlans.map((p) => (
                      <label key={p.id} className="switch">
                        <input
                          type="checkbox" role="switch" checked={!d.disabled.has(p.id)}
                          onChange={(e) => set(sku.id, (x) => {
                            const disabled = new Set(x.disabled);
                            if (e.target.checked) disabled.delete(p.id);
                            else disabled.add(p.id);
                            return { ...x, disabled };
                          })}
                        />
                        {p.displayName}
                      </label>
                    ))}
                  </fieldset>
                ) : checked ? (
                  <div className="plans">
                    <p className="muted">Service plans turned on</p>
                    <ul className="plain">
                      {sku.servicePlans.map((p) => (
                        <li key={p.id}>{p.displayName}: {eff?.enabledPlans.some((x) => x.id === p.id) || (d.direct && !d.disabled.has(p.id)) ? "on" : "off"}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </Flyout>
  );
}
