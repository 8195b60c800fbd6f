import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../gql";
import type { PreviewGroupLicenseRemovalQuery } from "../gql/graphql";
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

const RemovalPreviewQuery = graphql(`
  query PreviewGroupLicenseRemoval($skuId: ID!, $groupId: ID!) {
    previewGroupLicenseRemoval(skuId: $skuId, groupId: $groupId) {
      wouldLoseSeat
      keepThroughOtherSource
      sku { id displayName }
      losingSeat { id displayName userPrincipalName }
      wouldGetSeatNext { id displayName userPrincipalName }
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
  const [runAssignPreview, assignPreview] = useLazyQuery(PreviewQuery, { fetchPolicy: "network-only" });
  const [runRemovalPreview, removalPreview] = useLazyQuery(RemovalPreviewQuery, { fetchPolicy: "network-only" });
  // K8: the group's row comes back in the mutation's answer (the cache updates from it); the members' states are
  // fetched again afterwards without waiting, so a refresh that fails never makes a committed change look failed.
  const [mutate, saving] = useMutation(AssignGroupLicenses, { refetchQueries: ["GroupMembers", "GroupLicenseErrors", "Groups"] });
  const preview = change.kind === "remove" ? removalPreview : assignPreview;
  const impact = assignPreview.data?.previewGroupLicenseAssignment;
  const removal = removalPreview.data?.previewGroupLicenseRemoval;
  const shown = change.kind === "remove"
    ? Boolean(removal && removal.sku.id === skuId && !removalPreview.loading)
    : Boolean(impact && impact.sku.id === skuId && !assignPreview.loading);
  const runPreview = () => (change.kind === "remove" ? runRemovalPreview : runAssignPreview)({ variables: { skuId, groupId: group.id } });

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
          <button type="button" onClick={() => void runPreview()} disabled={!skuId || preview.loading}>
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
          (direct, or another group) keep it. The seats freed go at once to people waiting for one. The preview names them.
        </p>
      )}
      {preview.error ? <ErrorNotice error={preview.error} title="The impact could not be computed" /> : null}
      {shown && change.kind === "assign" && impact ? (
        <section className="impact" aria-labelledby="impact-title" aria-live="polite">
          <h3 id="impact-title">Impact on {impact.group.transitiveMembers.totalCount.toLocaleString()} members (including nested groups)</h3>
          <dl>
            <div><dt>New seats needed</dt><dd>{impact.newSeatsNeeded.toLocaleString()}</dd></div>
            <div><dt>Already licensed</dt><dd>{impact.alreadyLicensed.toLocaleString()}</dd></div>
            <div><dt>Seats available</dt><dd>{impact.availableUnits.toLocaleString()}</dd></div>
            <div><dt>Would be in error</dt><dd>{impact.wouldBeInError.toLocaleString()}</dd></div>
          </dl>
          {impact.wouldBeInError > 0 ? (
            <p className="notice warn">
              {impact.wouldBeInError.toLocaleString()} {impact.wouldBeInError === 1 ? "member" : "members"} would get no seat and show a license
              error (COUNT_VIOLATION) until seats free up or more are bought. The assignment still succeeds; nobody who holds a seat loses it.
            </p>
          ) : null}
        </section>
      ) : shown && change.kind === "remove" && removal ? (
        <RemovalImpact removal={removal} groupName={group.displayName} />
      ) : (
        <p className="muted">Preview the impact first; the change is offered once the figures are shown.</p>
      )}
      {saving.error ? <ErrorNotice error={saving.error} title="Nothing was changed" /> : null}
    </Flyout>
  );
}

type Person = { id: string; displayName: string; userPrincipalName: string };
const people = (n: number, one = "member", many = "members") => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function PeopleList({ label, list, total }: { label: string; list: readonly Person[]; total?: number }) {
  return (
    <>
      <ul className="plain people" aria-label={label}>
        {list.map((u) => <li key={u.id}>{u.displayName} <span className="muted">{u.userPrincipalName}</span></li>)}
      </ul>
      {total !== undefined && total > list.length ? <p className="muted">and {people(total - list.length, "other", "others")}</p> : null}
    </>
  );
}

/** S11 removal: who loses a seat, who keeps it through another source, who gets the freed seats next. */
function RemovalImpact({ removal, groupName }: { removal: PreviewGroupLicenseRemovalQuery["previewGroupLicenseRemoval"]; groupName: string }) {
  const lose = removal.wouldLoseSeat;
  const next = removal.wouldGetSeatNext;
  return (
    <section className="impact" aria-labelledby="impact-title" aria-live="polite">
      <h3 id="impact-title">What removing {removal.sku.displayName} from {groupName} would do</h3>
      <h4>{lose ? `${people(lose)} would lose their seat` : "Nobody would lose a seat"}</h4>
      {lose ? (
        <>
          <p>They have {removal.sku.displayName} only through this group.</p>
          <PeopleList label="Would lose their seat" list={removal.losingSeat} total={lose} />
        </>
      ) : null}
      <h4>{removal.keepThroughOtherSource ? `${people(removal.keepThroughOtherSource)} ${removal.keepThroughOtherSource === 1 ? "keeps" : "keep"} it` : "Nobody keeps it through another source"}</h4>
      {removal.keepThroughOtherSource ? <p>They also get {removal.sku.displayName} directly or through another group.</p> : null}
      <h4>{next.length ? `${people(next.length, "person", "people")} waiting would get a freed seat next` : "Nobody is waiting for a seat"}</h4>
      {next.length ? (
        <>
          <p>In the order they asked for one (longest waiting first).</p>
          <PeopleList label="Would get a seat next" list={next} />
        </>
      ) : lose ? <p>The freed seats become available.</p> : null}
    </section>
  );
}
