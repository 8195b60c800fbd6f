import { useState, type FormEvent } from "react";
import { oidcEnabled, startOidcSignIn } from "./oidc";
import { signIn, tokenProblem } from "./session";
import { settings } from "./settings";

/** K1 in development: the printed link signs in by itself; otherwise a token is pasted here. */
export function SignIn({ message }: { message: string | null }) {
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = token.trim();
    const p = t ? tokenProblem(t) : "Paste an access token first.";
    setProblem(p);
    if (!p) signIn(t);
  };
  const [redirecting, setRedirecting] = useState(false);
  const sso = oidcEnabled();
  const organization = async () => {
    setRedirecting(true);
    try {
      await startOidcSignIn(location.pathname === "/" ? "/users" : location.pathname + location.search);
    } catch (e) {
      setRedirecting(false);
      setProblem(`The sign-in page of your organization could not be reached (${(e as Error).message}). Try again later.`);
    }
  };
  return (
    <main id="main" className="signin">
      <h1>Sign in to the License Graph admin center</h1>
      {message ? <p className="notice info" role="status">{message}</p> : null}
      {sso ? (
        <section aria-labelledby="sso-title">
          <h2 id="sso-title" className="sr-only">With your organization</h2>
          <p>Sign in with your organization's account ({new URL(settings().oidc!.issuer).host}).</p>
          <button type="button" className="primary" onClick={organization} disabled={redirecting}>
            {redirecting ? "Going to your organization's sign-in page…" : "Sign in with your organization"}
          </button>
          {!settings().tokenSignIn && problem ? <p className="field-error" role="alert">{problem}</p> : null}
        </section>
      ) : null}
      {sso && !settings().tokenSignIn ? null : <TokenForm token={token} setToken={setToken} problem={problem} submit={submit} sso={sso} />}
    </main>
  );
}

function TokenForm({ token, setToken, problem, submit, sso }: { token: string; setToken: (t: string) => void; problem: string | null; submit: (e: FormEvent) => void; sso: boolean }) {
  return (
    <>
      {sso ? <h2>Or use an access token (development)</h2> : null}
      <p>
        Open the sign-in link that <code>npm start</code> prints, or paste an access token
        (<code>npm run token -- --help</code> makes one).
      </p>
      <form onSubmit={submit}>
        <label htmlFor="token">Access token</label>
        <textarea id="token" rows={5} value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} autoComplete="off"
          aria-describedby={problem ? "token-problem" : undefined} aria-invalid={problem ? true : undefined} />
        {problem ? <p id="token-problem" className="field-error">{problem}</p> : null}
        <button type="submit" className={sso ? undefined : "primary"}>Sign in</button>
      </form>
    </>
  );
}
