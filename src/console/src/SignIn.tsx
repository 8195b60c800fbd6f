import { useState, type FormEvent } from "react";
import { signIn, tokenProblem } from "./session";

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
  return (
    <main id="main" className="signin">
      <h1>Sign in to the License Graph admin center</h1>
      {message ? <p className="notice info" role="status">{message}</p> : null}
      <p>
        Open the sign-in link that <code>npm start</code> prints, or paste an access token
        (<code>npm run token -- --help</code> makes one).
      </p>
      <form onSubmit={submit}>
        <label htmlFor="token">Access token</label>
        <textarea id="token" rows={5} value={token} onChange={(e) => setToken(e.target.value)} spellCheck={false} autoComplete="off"
          aria-describedby={problem ? "token-problem" : undefined} aria-invalid={problem ? true : undefined} />
        {problem ? <p id="token-problem" className="field-error">{problem}</p> : null}
        <button type="submit" className="primary">Sign in</button>
      </form>
    </main>
  );
}
