/** What the server says about sign-in and the explorer (GET /console-config.json, src/http/console.ts). */
export interface ConsoleSettings {
  explorer: boolean;
  oidc: { issuer: string; clientId: string; scope: string } | null;
  tokenSignIn: boolean;
}

const FALLBACK: ConsoleSettings = { explorer: false, oidc: null, tokenSignIn: true };
let current: ConsoleSettings = FALLBACK;

/** Read once at start-up; a server that does not answer leaves the development sign-in (the API still decides). */
export async function loadSettings(): Promise<ConsoleSettings> {
  try {
    const r = await fetch("/console-config.json", { headers: { accept: "application/json" } });
    if (r.ok) current = { ...FALLBACK, ...((await r.json()) as Partial<ConsoleSettings>) };
  } catch {
    // Offline or an old server: keep the fallback.
  }
  return current;
}

export function settings(): ConsoleSettings {
  return current;
}
