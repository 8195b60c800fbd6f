import { useQuery } from "@apollo/client/react";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useState } from "react";
import { graphql } from "../gql";
import { useCommit } from "../ui/commit";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";

const BulkLicensesQuery = graphql(`
  query BulkLicenses {
    skus { id displayName kind isTrial }
    tenant { id licenses { sku { id } availableUnits prepaidUnits { enabled warning } } }
  }
`);

const AssignLicensesToUsers = graphql(`
  mutation AssignLicensesToUsers($input: AssignLicensesToUsersInput!) {
    assignLicensesToUsers(input: $input) {
      id
      canCreateBots
      assignedLicenses { sku { id } disabledPlans { id } }
      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }
    }
  }
`);

type Choice = "keep" | "add" | "remove";

/** SEATS_EXHAUSTED of a bulk change, with its figures (the API names how many need a seat and how many are free). */
function seatWords(error: unknown): Partial<Record<string, string>> | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const x = error.errors[0]?.extensions as { seatsNeeded?: number; availableUnits?: number } | undefined;
  if (typeof x?.seatsNeeded !== "number") return undefined;
  return {
    SEATS_EXHAUSTED: `${x.seatsNeeded.toLocaleString()} of the selected users need a new seat and ${Number(x.availableUnits ?? 0).toLocaleString()} are free. Buy more seats or select fewer users; nobody was changed.`,
  };
}

/**
 * K8: one license change for every selected user, in one call (assignLicensesToUsers, all or nothing, S3). Per
 * license: leave it as it is, assign it (a user who has it keeps it; a direct assignment gets every service plan),
 * or remove the direct assignment (a license inherited from a group stays, S8).
 */
export function BulkLicenses({ users, onClose, onSaved }: { users: { id: string; displayName: string }[]; onClose: () => void; onSaved: (n: number) => void }) {
  const { data, error } = useQuery(BulkLicensesQuery);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [save, saving] = useCommit(AssignLicensesToUsers);
  const skus = (data?.skus ?? []).filter((s) => s.kind === "USER" && !s.isTrial);
  const addLicenses = skus.filter((s) => choices[s.id] === "add").map((s) => ({ skuId: s.id, disabledPlanIds: [] }));
  const removeSkuIds = skus.filter((s) => choices[s.id] === "remove").map((s) => s.id);
  const dirty = addLicenses.length + removeSkuIds.length > 0;
  const onSave = async () => {
    try {
      await save({ variables: { input: { userIds: users.map((u) => u.id), addLicenses, removeSkuIds } } });
      onSaved(users.length);
    } catch {
      // Shown from saving.error; the flyout stays open with the choices made.
    }
  };
  const n = users.length;
  const who = n === 1 ? users[0].displayName : `${n.toLocaleString()} users`;
  return (
    <Flyout
      title={`Manage product licenses: ${who}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" onClick={onSave} disabled={!dirty || saving.loading}>
            {saving.loading ? "Saving…" : `Save changes for ${who}`}
          </button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <p>
        One change for everyone selected{n > 1 ? <> ({users.slice(0, 3).map((u) => u.displayName).join(", ")}{n > 3 ? ", …" : ""})</> : null}: it is
        saved for all of them or, if it cannot be (no seats left, say), for none.
      </p>
      {error ? <ErrorNotice error={error} title="The licenses could not be loaded" /> : null}
      {saving.error ? <ErrorNotice error={saving.error} words={seatWords(saving.error)} title="The licenses were not saved; nothing changed" /> : null}
      <div className="sku-list">
        {skus.map((sku) => {
          const pool = data?.tenant?.licenses.find((l) => l.sku.id === sku.id);
          const total = pool ? pool.prepaidUnits.enabled + pool.prepaidUnits.warning : 0;
          const c = choices[sku.id] ?? "keep";
          const pick = (v: Choice) => setChoices((all) => ({ ...all, [sku.id]: v }));
          const name = `bulk-${sku.id}`;
          return (
            <fieldset key={sku.id} className="sku">
              <legend className="sku-name">{sku.displayName}</legend>
              <p className="muted">{pool ? `${pool.availableUnits.toLocaleString()} of ${total.toLocaleString()} licenses available` : "No subscription of this license"}</p>
              <label className="check"><input type="radio" name={name} checked={c === "keep"} onChange={() => pick("keep")} /> Leave as it is</label>
              <label className="check"><input type="radio" name={name} checked={c === "add"} onChange={() => pick("add")} /> Assign to the selected users (with every service plan on)</label>
              <label className="check"><input type="radio" name={name} checked={c === "remove"} onChange={() => pick("remove")} /> Remove the direct assignment (licenses from groups stay)</label>
            </fieldset>
          );
        })}
      </div>
    </Flyout>
  );
}
