import { useApolloClient, useQuery } from "@apollo/client/react";
import { closeLive } from "./apollo";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { AccessContext, accessFor, ROLE_NAMES } from "./access";
import { graphql } from "./gql";
import { GroupDetail } from "./groups/GroupDetail";
import { Groups } from "./groups/Groups";
import { Link, navigate, usePath } from "./router";
import { endSession, startOidcSignIn } from "./oidc";
import { onSessionChange, session, signOut, type Session } from "./session";
import { settings } from "./settings";
import { SignIn } from "./SignIn";
import { ErrorNotice } from "./ui/ErrorNotice";
import { ThrottleNotice } from "./ui/ThrottleNotice";
import { ActiveUsers } from "./users/ActiveUsers";
import { Purchase } from "./billing/Purchase";
import { Subscriptions } from "./billing/Subscriptions";
import { Settings } from "./settings/Settings";
import { Capacity } from "./capacity/Capacity";
import { AuditLog } from "./audit/AuditLog";
import { LivePools } from "./live/LivePools";
import { Requests } from "./requests/Requests";
import { InactiveLicenses } from "./reclaim/InactiveLicenses";

// Not in the main bundle: GraphiQL is fetched only when /graphql is opened (K7).
const Explorer = lazy(() => import("./explorer/Explorer"));

/** The side navigation and the pages behind it, in the admin center's order. */
const PAGES: { path: string; title: string; section?: string; render: () => ReactNode }[] = [
  { path: "/users", title: "Active users", render: () => <ActiveUsers /> },
  { path: "/groups", title: "Groups", render: () => <Groups /> },
  { path: "/requests", title: "License requests", render: () => <Requests /> },
  { path: "/billing/purchase", title: "Purchase services", section: "Billing", render: () => <Purchase /> },
  { path: "/billing/subscriptions", title: "Subscriptions", section: "Billing", render: () => <Subscriptions /> },
  { path: "/capacity", title: "Capacity", section: "Reports", render: () => <Capacity /> },
  { path: "/reports/inactive", title: "Inactive licenses", section: "Reports", render: () => <InactiveLicenses /> },
  { path: "/audit", title: "Audit log", section: "Reports", render: () => <AuditLog /> },
  { path: "/settings", title: "Settings", section: "Settings", render: () => <Settings /> },
];

const MeQuery = graphql(`
  query Me {
    me { id displayName userPrincipalName roles }
    tenant { id displayName }
  }
`);

let lastToken: string | undefined = session()?.token;

export function App({ startMessage }: { startMessage: string | null }) {
  const client = useApolloClient();
  const [state, setState] = useState<{ s: Session | null; message: string | null }>({ s: session(), message: startMessage });
  useEffect(
    () =>
      onSessionChange((s, message) => {
        // Nothing read under one token is shown under another, and the live socket signs in again with the new one.
        if (s?.token !== lastToken) closeLive();
        lastToken = s?.token;
        if (!s) void client.clearStore();
        setState({ s, message });
      }),
    [client],
  );
  const path = usePath().split("?")[0];
  if (!state.s) return <SignIn message={state.message ?? (path === "/graphql" ? "Sign in to use the API explorer." : null)} />;
  if (path === "/graphql") {
    return (
      <Suspense fallback={<p role="status">Loading the explorer…</p>}>
        <Explorer key={state.s.token} />
      </Suspense>
    );
  }
  return <Shell key={state.s.token} />;
}

/** K1: before the token expires, a clear offer to sign in again (the work on the page is kept until then). */
function EndingSoon() {
  const s = useSessionState();
  if (!s?.endingSoon || !s.expiresAt) return null;
  const at = new Date(s.expiresAt).toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" });
  const again = () => (s.via === "oidc" ? void startOidcSignIn() : signOut("Sign in again to continue."));
  return (
    <div className="notice warn ending" role="alert">
      Your session ends at {at}. <button type="button" onClick={again}>Sign in again</button> to keep working without interruption.
    </div>
  );
}

function useSessionState(): Session | null {
  const [s, setS] = useState(session());
  useEffect(() => onSessionChange((next) => setS(next)), []);
  return s;
}

function Shell() {
  const { data, error, loading } = useQuery(MeQuery, { fetchPolicy: "network-only" });
  const path = usePath().split("?")[0];
  useEffect(() => {
    if (path === "/") navigate("/users", true);
  }, [path]);
  const me = data?.me;
  const access = me ? accessFor(me) : null;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <span className="brand">License Graph admin center</span>
        {data?.tenant ? <span className="tenant">{data.tenant.displayName}</span> : null}
        {me ? (
          <span className="who">
            {me.displayName} <span className="muted">({me.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ") || "no admin role"})</span>
          </span>
        ) : null}
        <button type="button" className="signout" onClick={() => void endSession()}>Sign out</button>
      </header>
      {access?.readsTenant ? (
        <nav className="side" aria-label="Admin center">
          <ul>
            {PAGES.map((p, i) => (
              <li key={p.path}>
                {p.section && p.section !== PAGES[i - 1]?.section ? <span className="nav-section" aria-hidden="true">{p.section}</span> : null}
                <Link href={p.path} aria-current={path.startsWith(p.path) ? "page" : undefined}>{p.title}</Link>
              </li>
            ))}
          </ul>
          {settings().explorer ? <p className="nav-foot"><a href="/graphql">API explorer</a></p> : null}
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <EndingSoon />
        {/* A later refresh that fails (a 429 after its retries, say) does not undo a sign-in that worked. */}
        {error && !data ? <ErrorNotice error={error} title="You could not be signed in" /> : null}
        <ThrottleNotice />
        {loading && !data ? <p role="status">Signing in…</p> : null}
        {data && !me ? (
          <>
            <h1>Not a tenant user</h1>
            <p>This token does not belong to a user of a tenant (a platform operator or a bot runtime token, for example). Sign out and sign in as an admin.</p>
          </>
        ) : null}
        {access && !access.readsTenant ? (
          <>
            <h1>No admin role</h1>
            <p>
              {me?.displayName} is signed in but has no admin role. The admin center is for Global admins, License, Groups and Billing admins
              and Global readers; ask a Global admin for a role.
            </p>
          </>
        ) : null}
        {access?.readsTenant ? (
          <AccessContext.Provider value={access}>
            <LivePools />
            <Page path={path} />
          </AccessContext.Provider>
        ) : null}
      </main>
    </>
  );
}

function Page({ path }: { path: string }) {
  const group = /^\/groups\/([^/]+)$/.exec(path);
  const page = PAGES.find((p) => path === p.path) ?? (path === "/" ? PAGES[0] : undefined);
  useEffect(() => {
    document.title = `${group ? "Groups" : (page?.title ?? "Page not found")} · License Graph admin center`;
  }, [group, page]);
  if (group) return <GroupDetail key={group[1]} id={decodeURIComponent(group[1])} />;
  if (page) return page.render();
  return (
    <>
      <h1>Page not found</h1>
      <p><Link href="/users">Go to Active users</Link></p>
    </>
  );
}
