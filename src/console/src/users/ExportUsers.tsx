import { useState } from "react";
import { session } from "../session";

/** Why an export failed, in words (the endpoint answers plain HTTP, not GraphQL errors). */
function words(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again, then export.";
  if (status === 403) return "Your role does not allow exporting users.";
  if (status === 429) return "Too many requests right now. Wait a moment and export again.";
  return `The export failed (HTTP ${status}). Try again.`;
}

/**
 * V6 on Active users: GET /export/users.csv with the session's Bearer token (a link cannot carry it), read into a
 * Blob and saved through an object URL with the server's file name; the URL is revoked once the download started.
 */
export function ExportUsers() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const r = await fetch("/export/users.csv", { headers: { authorization: `Bearer ${session()?.token ?? ""}` } });
      if (!r.ok) return setProblem(words(r.status));
      const name = /filename="?([^";]+)"?/.exec(r.headers.get("content-disposition") ?? "")?.[1] ?? "users.csv";
      const url = URL.createObjectURL(await r.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch {
      setProblem("The server cannot be reached. Check your connection, then export again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>{busy ? "Exporting…" : "Export users (CSV)"}</button>
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
    </>
  );
}
