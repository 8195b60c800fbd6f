import { useQuery } from "@apollo/client/react";
import { useAccess } from "../access";
import { graphql } from "../gql";
import { ErrorNotice } from "../ui/ErrorNotice";
import { Flyout } from "../ui/Flyout";
import { Chain } from "./Chain";
import { MyRequest } from "./MyRequest";
import { explainError, STATE_WORDS } from "./words";

export const WhyQuery = graphql(`
  query WhyUser($id: ID!) {
    tenant { id hasActiveTenantLicense licenses { sku { id displayName kind } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }
    user(id: $id) {
      id
      displayName
      accountEnabled
      canCreateBots
      effectiveLicenses {
        sku { id displayName kind isTrial requires { id displayName } }
        state
        error
        holdsSeat
        expiresAt
        enabledPlans { id name displayName }
        sources { kind group { id displayName } via { id displayName } }
      }
      licenseRequests { id status justification reason createdAt decidedAt sku { id } }
    }
  }
`);

/** "Why can't this user build bots?" in words from effectiveLicenses (K3, S6, S10). */
export function WhyPanel({ userId, onClose }: { userId: string; onClose: () => void }) {
  const access = useAccess();
  const { data, error, loading } = useQuery(WhyQuery, { variables: { id: userId }, fetchPolicy: "network-only" });
  const user = data?.user;
  const name = user?.displayName ?? "This user";
  const paid = user?.effectiveLicenses.filter((l) => !l.sku.isTrial) ?? [];
  const trials = user?.effectiveLicenses.filter((l) => l.sku.isTrial) ?? [];
  const blockers: string[] = [];
  if (user && !user.canCreateBots) {
    if (!user.accountEnabled) blockers.push(`${name}'s account is disabled: it keeps its licenses but cannot sign in or create bots. Enable the account to continue.`);
    if (!user.effectiveLicenses.length) blockers.push(`${name} has no license. Assign Power Virtual Agent User License in Manage product licenses, or add ${name} to a group that has it.`);
    for (const l of paid) {
      if (l.state === "ACTIVE" && !l.enabledPlans.some((p) => p.name === "BOT_AUTHORING")) {
        blockers.push(`${l.sku.displayName} is active, but its plan “Create and manage bots” is turned off in every source. Turn it on in Manage product licenses, or on the group's license.`);
      }
    }
  }

  return (
    <Flyout title={user ? `Can ${name} build bots?` : "Can this user build bots?"} onClose={onClose} wide>
      {error ? <ErrorNotice error={error} title="The explanation could not be loaded" /> : null}
      {loading && !data ? <p role="status">Loading…</p> : null}
      {user ? (
        <>
          <p className={`verdict ${user.canCreateBots ? "yes" : "no"}`}>
            {user.canCreateBots ? `${name} can create bots.` : `${name} cannot create bots yet.`}
          </p>
          {blockers.length ? (
            <ul className="reasons">
              {blockers.map((b) => <li key={b}>{b}</li>)}
            </ul>
          ) : null}
          {[...paid, ...trials].map((l) => {
            const pool = data?.tenant?.licenses.find((p) => p.sku.id === l.sku.id);
            const why = explainError(l.error, { name, sku: l.sku.displayName, requires: l.sku.requires.map((r) => r.displayName), pool, expiresAt: l.expiresAt });
            return (
              <section key={l.sku.id} className="license-why" aria-labelledby={`why-${l.sku.id}`}>
                <h3 id={`why-${l.sku.id}`}>
                  {l.sku.displayName}: <span className={`badge ${l.state.toLowerCase()}`}>{STATE_WORDS[l.state] ?? l.state}</span>
                </h3>
                {why ? (
                  <div className="explain">
                    <p>{why.what}</p>
                    <p><strong>What to do:</strong> {why.todo}</p>
                  </div>
                ) : (
                  <p>{l.holdsSeat ? `${name} holds a seat.` : "Active."} Plans turned on: {l.enabledPlans.map((p) => p.displayName).join(", ") || "none"}.</p>
                )}
                <h4>Where it comes from</h4>
                <ul className="sources">
                  {l.sources.map((s, i) => (
                    <li key={i}>
                      {s.kind === "DIRECT" ? "Assigned directly to the user" : null}
                      {s.kind === "TRIAL" ? `Self-service trial${l.expiresAt ? `, ends ${new Date(l.expiresAt).toLocaleDateString()}` : ""}` : null}
                      {s.kind === "GROUP" ? (
                        <>
                          Through the group {s.group?.displayName}:
                          <Chain via={s.via} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          {/* V1: the signed-in user asks for a user license they do not hold, and follows their request. */}
          {user.id === access.userId
            ? (data?.tenant?.licenses ?? [])
                .filter((p) => p.sku.kind === "USER" && !user.effectiveLicenses.some((l) => l.sku.id === p.sku.id && l.holdsSeat))
                .map((p) => <MyRequest key={p.sku.id} userId={user.id} sku={p.sku} requests={user.licenseRequests.filter((r) => r.sku.id === p.sku.id)} />)
            : null}
        </>
      ) : null}
    </Flyout>
  );
}
