import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { navigate } from "../router";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";

/**
 * K8: groups managed in the console. Every save takes its result from the mutation's answer (the cache updates
 * from it); the lists that depend on it are fetched again afterwards, without waiting, so a refresh that fails
 * never makes a committed change look failed.
 */

const CreateGroup = graphql(`
  mutation CreateSecurityGroup($input: CreateSecurityGroupInput!) {
    createSecurityGroup(input: $input) { id displayName description }
  }
`);

const UpdateGroup = graphql(`
  mutation UpdateSecurityGroup($input: UpdateSecurityGroupInput!) {
    updateSecurityGroup(input: $input) { id displayName description }
  }
`);

const DeleteGroup = graphql(`
  mutation DeleteSecurityGroup($id: ID!) {
    deleteSecurityGroup(id: $id)
  }
`);

const AddMembers = graphql(`
  mutation AddGroupMembers($input: GroupMembersInput!) {
    addGroupMembers(input: $input) { id memberGroups { id displayName } }
  }
`);

const RemoveMembers = graphql(`
  mutation RemoveGroupMembers($input: GroupMembersInput!) {
    removeGroupMembers(input: $input) { id memberGroups { id displayName } }
  }
`);

const PickUsers = graphql(`
  query PickUsers($search: String) {
    tenant { id users(filter: { search: $search }, first: 10) { totalCount nodes { id displayName userPrincipalName memberOf { id } } } }
  }
`);

const PickGroups = graphql(`
  query PickGroups($search: String) {
    tenant { id securityGroups(search: $search, first: 10) { totalCount nodes { id displayName description } } }
  }
`);

const AFTER_MEMBERSHIP = ["Group", "GroupMembers", "GroupLicenseErrors", "Groups"];

type Group = { id: string; displayName: string; description?: string | null };

/** GROUP_CYCLE in plain words: which chain would loop (the server names it in extensions.cycle). */
export function cycleWords(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const cycle = error.errors[0]?.extensions?.cycle as { displayName: string }[] | undefined;
  if (!Array.isArray(cycle) || cycle.length < 2) return undefined;
  const [parent, child] = [cycle[0].displayName, cycle[1].displayName];
  if (cycle.length === 2) return `A group cannot be nested inside itself: ${parent} cannot contain ${parent}. Choose another group.`;
  const down = cycle.slice(1);
  const contains = down.slice(0, -1).map((g, i) => `${g.displayName} contains ${down[i + 1].displayName}`).join(", ");
  return `${child} cannot go inside ${parent}: ${contains} already, so the chain would loop (${cycle.map((g) => g.displayName).join(" → ")}) and ${parent} would be inside itself. Choose another group, or take ${parent} out of that chain first.`;
}

export function CreateGroupFlyout({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [create, creating] = useMutation(CreateGroup, { refetchQueries: ["Groups"] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem("Enter a name for the group.");
    setProblem(null);
    try {
      const r = await create({ variables: { input: { displayName: name.trim(), description: description.trim() || null } } });
      navigate(`/groups/${encodeURIComponent(r.data!.createSecurityGroup.id)}?created=1`);
    } catch {
      // Shown from creating.error; no group was made.
    }
  };
  return (
    <Flyout
      title="Create a group"
      onClose={onClose}
      footer={
        <>
          <button type="submit" form="create-group" className="primary" disabled={creating.loading}>{creating.loading ? "Creating…" : "Create group"}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <form id="create-group" onSubmit={submit}>
        <GroupFields name={name} description={description} onName={setName} onDescription={setDescription} />
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      </form>
      {creating.error ? <ErrorNotice error={creating.error} title="No group was created" /> : null}
    </Flyout>
  );
}

function GroupFields({ name, description, onName, onDescription }: { name: string; description: string; onName: (v: string) => void; onDescription: (v: string) => void }) {
  return (
    <>
      <label htmlFor="group-name">Name</label>
      <input id="group-name" type="text" required maxLength={256} value={name} onChange={(e) => onName(e.target.value)} />
      <label htmlFor="group-description">Description (optional)</label>
      <textarea id="group-description" maxLength={1024} rows={3} value={description} onChange={(e) => onDescription(e.target.value)} />
    </>
  );
}

export function RenameGroupFlyout({ group, onClose, onDone }: { group: Group; onClose: () => void; onDone: (m: string) => void }) {
  const [name, setName] = useState(group.displayName);
  const [description, setDescription] = useState(group.description ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [update, updating] = useMutation(UpdateGroup, { refetchQueries: ["Groups"] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setProblem("Enter a name for the group.");
    setProblem(null);
    try {
      const r = await update({ variables: { input: { id: group.id, displayName: name.trim(), description: description.trim() || null } } });
      const after = r.data!.updateSecurityGroup;
      onDone(after.displayName === group.displayName ? `${after.displayName}: saved.` : `${group.displayName} renamed to ${after.displayName}.`);
    } catch {
      // Shown from updating.error; nothing changed.
    }
  };
  return (
    <Flyout
      title={`Edit ${group.displayName}`}
      onClose={onClose}
      footer={
        <>
          <button type="submit" form="rename-group" className="primary" disabled={updating.loading}>{updating.loading ? "Saving…" : "Save"}</button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <form id="rename-group" onSubmit={submit}>
        <GroupFields name={name} description={description} onName={setName} onDescription={setDescription} />
        {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      </form>
      {updating.error ? <ErrorNotice error={updating.error} title="The group was not changed" /> : null}
    </Flyout>
  );
}

export function DeleteGroupFlyout({ group, licenses, onClose }: { group: Group; licenses: number; onClose: () => void }) {
  const [remove, removing] = useMutation(DeleteGroup, { refetchQueries: ["Groups"] });
  const go = async () => {
    try {
      await remove({ variables: { id: group.id } });
      navigate(`/groups?deleted=${encodeURIComponent(group.displayName)}`);
    } catch {
      // Shown from removing.error.
    }
  };
  return (
    <Flyout
      title={`Delete ${group.displayName}?`}
      onClose={onClose}
      footer={
        <>
          {licenses ? null : (
            <button type="button" className="danger" onClick={go} disabled={removing.loading}>{removing.loading ? "Deleting…" : "Yes, delete the group"}</button>
          )}
          <button type="button" onClick={onClose}>{licenses ? "Close" : "Keep the group"}</button>
        </>
      }
    >
      {licenses ? (
        <p className="notice warn">
          {group.displayName} still has {licenses === 1 ? "a license" : `${licenses} licenses`} assigned. Remove {licenses === 1 ? "it" : "them"} first
          (the removal preview shows who would lose a seat), then delete the group.
        </p>
      ) : (
        <p>
          The group, its memberships and its place in other groups go. Its members stay in the organization; nested groups stay too, no longer
          inside it. This cannot be undone.
        </p>
      )}
      {removing.error ? <ErrorNotice error={removing.error} title="The group was not deleted" /> : null}
    </Flyout>
  );
}

/** Add users (direct members) or nest groups: searched on the server, several at once, one addGroupMembers. */
export function AddMembersFlyout({ group, kind, children, onClose, onDone }: {
  group: Group; kind: "users" | "groups"; children: readonly { id: string }[]; onClose: () => void; onDone: (m: string) => void;
}) {
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const users = useQuery(PickUsers, { variables: { search: search || null }, skip: kind !== "users" });
  const groups = useQuery(PickGroups, { variables: { search: search || null }, skip: kind !== "groups" });
  const [add, adding] = useMutation(AddMembers, { refetchQueries: AFTER_MEMBERSHIP });
  const nested = new Set(children.map((c) => c.id));
  const rows = kind === "users"
    ? (users.data?.tenant?.users.nodes ?? []).map((u) => ({ id: u.id, name: u.displayName, detail: u.userPrincipalName, already: u.memberOf.some((g) => g.id === group.id) ? "Already a member" : null }))
    : (groups.data?.tenant?.securityGroups.nodes ?? []).map((g) => ({
      id: g.id, name: g.displayName, detail: g.description ?? "",
      already: g.id === group.id ? "This group" : nested.has(g.id) ? "Already nested" : null,
    }));
  const loadError = kind === "users" ? users.error : groups.error;
  const what = kind === "users" ? "members" : "nested groups";
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(id, name);
    else next.delete(id);
    setPicked(next);
    adding.reset();
  };
  const save = async () => {
    const ids = [...picked.keys()];
    try {
      await add({ variables: { input: kind === "users" ? { groupId: group.id, userIds: ids } : { groupId: group.id, groupIds: ids } } });
      const names = [...picked.values()].join(", ");
      onDone(kind === "users" ? `Added to ${group.displayName}: ${names}.` : `Nested in ${group.displayName}: ${names}.`);
    } catch {
      // Shown from adding.error; nobody was added.
    }
  };
  const title = kind === "users" ? `Add members to ${group.displayName}` : `Add nested groups to ${group.displayName}`;
  return (
    <Flyout
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" onClick={save} disabled={!picked.size || adding.loading}>
            {adding.loading ? "Adding…" : picked.size ? `Add ${picked.size} ${picked.size === 1 ? (kind === "users" ? "member" : "group") : what}` : `Add ${what}`}
          </button>
          <button type="button" onClick={onClose}>Cancel</button>
        </>
      }
    >
      <form role="search" className="toolbar" onSubmit={(e) => { e.preventDefault(); setSearch(draft.trim()); }}>
        <label htmlFor="pick-search">{kind === "users" ? "Search users" : "Search groups"}</label>
        <input id="pick-search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={kind === "users" ? "Name or username" : "Group name"} />
        <button type="submit">Search</button>
      </form>
      {loadError ? <ErrorNotice error={loadError} title="The list could not be loaded" /> : null}
      <fieldset className="pick">
        <legend>{kind === "users" ? "Users" : "Groups"}{search ? ` matching “${search}”` : ""}</legend>
        {rows.length ? (
          <ul className="plain">
            {rows.map((r) => (
              <li key={r.id}>
                <label>
                  <input type="checkbox" checked={picked.has(r.id)} disabled={Boolean(r.already)} onChange={(e) => toggle(r.id, r.name, e.target.checked)} />{" "}
                  {r.name} {r.detail ? <span className="muted">{r.detail}</span> : null} {r.already ? <span className="muted">({r.already})</span> : null}
                </label>
              </li>
            ))}
          </ul>
        ) : (users.loading || groups.loading) ? <p role="status">Loading…</p> : <p className="muted">Nothing matches.</p>}
      </fieldset>
      {adding.error ? (
        <ErrorNotice error={adding.error} title={kind === "users" ? "Nobody was added" : "No group was nested"} words={{ GROUP_CYCLE: cycleWords(adding.error) }} />
      ) : null}
    </Flyout>
  );
}

/** One removal (a member or a nested group) straight from its row; the answer confirms it. */
export function useRemoveMember(group: Group, onDone: (m: string) => void) {
  const [remove, removing] = useMutation(RemoveMembers, { refetchQueries: AFTER_MEMBERSHIP });
  const run = async (kind: "user" | "group", id: string, name: string) => {
    try {
      await remove({ variables: { input: kind === "user" ? { groupId: group.id, userIds: [id] } : { groupId: group.id, groupIds: [id] } } });
      onDone(kind === "user" ? `${name} removed from ${group.displayName}.` : `${name} is no longer nested in ${group.displayName}.`);
    } catch {
      // Shown from removing.error.
    }
  };
  return { run, removing };
}
