import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";

const SkusQuery = graphql(`
  query AssignableSkus {
    skus { id displayName kind isTrial servicePlans { id displayName } }
  }
`);

const PreviewQuery = graphql(`
  query PreviewGroupLicense($skuId: ID!, $groupId: ID!) {
    previewGroupLicenseAssignment(skuId: $skuId, groupId: $groupId) {
      newSeatsNeeded
      alreadyLicensed
      availableUnits
      wouldBeInError
      sku { id displayName }
      group { id transitiveMembers(first: 1) { totalCount } }
    }
  }
`);

const AssignGroupLicenses = graphql(`
  mutation AssignGroupLicenses($input: AssignGroupLicensesInput!) {
    assignGroupLicenses(input: $input) {
      id
      hasMembersWithLicenseErrors
      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }
    }
  }
`);

interface Props {
  group: { id: string; displayName: string; assignedLicenses: readonly { sku: { id: string } }[] };
  change: { kind: "assign" } | { kind: "remove"; skuId: string };
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Assigning a license to a group (or removing it) is offered only after its impact has been shown (S11):
 * new seats needed, already licensed, available, would be in error.
 */
export function LicenseChange({ group, change, onClose, onDone }: Props) {
  const skus = useQuery(SkusQuery);
  const assigned = new Set(group.assignedLicenses.map((l) => l.sku.id));
  const choices = (skus.data?.skus ?? []).filter((s) => s.kind === "USER" && !s.isTrial && !assigned.has(s.id));
  const [picked, setPicked] = useState(change.kind === "remove" ? change.skuId : "");
  const skuId = change.kind === "remove" ? change.skuId : picked || choices[0]?.id || "";
  const sku = skus.data?.skus.find((s) => s.id === skuId);
  const [disabled, setDisabled] = useState<Set<string>>(new Set());
  const [runPreview, preview] = useLazyQuery(PreviewQuery, { fetchPolicy: "network-only" });
  const [mutate, saving] = useMutation(AssignGroupLicenses, { refetchQueries: "active", awaitRefetchQueries: true });
  const impact = preview.data?.previewGroupLicenseAssignment;
  const shown = impact && impact.sku.id === skuId && !preview.loading;

  const apply = async () => {
    const input = change.kind === "remove"
      ? { groupId: group.id, removeSkuIds: [skuId] }
      : { groupId: group.id, addLicenses: [{ skuId, disabledPlanIds: [...disabled] }] };
    try {
      await mutate({ variables: { input } });
      onDone(change.kind === "remove" ? `${sku?.displayName} removed from ${group.displayName}.` : `${sku?.displayName} assigned to ${group.displayName}.`);
    } catch {
      // Shown from saving.error; nothing changed on the server.
    }
  };

  const title = change.kind === "remove" ? `Remove a license from ${group.displayName}` : `Assign a license to ${group.displayName}`;
  return (
    <Flyout
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={() => runPreview({ variables: { skuId, groupId: group.id } })} disabled={!skuId || preview.loading}>
            {preview.loading ? "Computing the impact…" : shown ? "Preview again" : "Preview impact"}
          </button>
          {shown ? (
            <button type="button" className={change.kind === "remove" ? "danger" : "primary"} onClick={apply} disabled={saving.loading}>
              {saving.loading ? "Saving…" : change.kind === "remove" ? "Remove license" : "Assign license"}
            </button>
          ) : null}
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      {skus.error ? <ErrorNotice error={skus.error} title="The licenses could not be loaded" /> : null}
      {change.kind === "assign" ? (
        skus.data && !choices.length ? (
          <p>Every assignable license is already assigned to this group.</p>
        ) : (
          <>
            <label htmlFor="pick-sku">License</label>
            <select id="pick-sku" value={skuId} onChange={(e) => { setPicked(e.target.value); setDisabled(new Set()); }}>
              {choices.map((s) => <option key={s.id} value={s.id}>{s.displayName}</option>)}
            </select>
            {sku ? (
              <fieldset className="plans">
                <legend>Service plans</legend>
                {sku.servicePlans.map((p) => (
                  <label key={p.id} className="switch">
                    <input type="checkbox" role="switch" checked={!disabled.has(p.id)} onChange={(e) => {
                      const next = new Set(disabled);
                      if (e.target.checked) next.delete(p.id);
                      else next.add(p.id);
                      setDisabled(next);
                    }} />
                    {p.displayName}
                  </label>
                ))}
              </fieldset>
            ) : null}
          </>
        )
      ) : (
        <p>
          Members who have {sku?.displayName ?? "this license"} only through {group.displayName} lose their seat; members with another source
          (direct, or another group) keep it. The seats freed go at once to people waiting for one.
        </p>
      )}
      {preview.error ? <ErrorNotice error={preview.error} title="The impact could not be computed" /> : null}
      {shown ? (
        <section className="impact" aria-labelledby="impact-title" aria-live="polite">
          <h3 id="impact-title">Impact on {impact.group.transitiveMembers.totalCount.toLocaleString()} members (including nested groups)</h3>
          <dl>
            <div><dt>New seats needed</dt><dd>{impact.newSeatsNeeded.toLocaleString()}</dd></div>
            <div><dt>Already licensed</dt><dd>{impact.alreadyLicensed.toLocaleString()}</dd></div>
            <div><dt>Seats available</dt><dd>{impact.availableUnits.toLocaleString()}</dd></div>
            <div><dt>Would be in error</dt><dd>{impact.wouldBeInError.toLocaleString()}</dd></div>
          </dl>
          {change.kind === "assign" && impact.wouldBeInError > 0 ? (
            <p className="notice warn">
              {impact.wouldBeInError.toLocaleString()} {impact.wouldBeInError === 1 ? "member" : "members"} would get no seat and show a license
              error (COUNT_VIOLATION) until seats free up or more are bought. The assignment still succeeds; nobody who holds a seat loses it.
            </p>
          ) : null}
        </section>
      ) : (
        <p className="muted">Preview the impact first; the change is offered once the figures are shown.</p>
      )}
      {saving.error ? <ErrorNotice error={saving.error} title="Nothing was changed" /> : null}
    </Flyout>
  );
}
