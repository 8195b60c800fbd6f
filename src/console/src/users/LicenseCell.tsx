import { ERROR_SHORT, STATE_WORDS } from "./words";

interface Eff {
  sku: { id: string; displayName: string };
  state: string;
  error: string;
}

/** Each effective license with its state, e.g. "Power Virtual Agent User License — Error: no free seat". */
export function LicenseList({ licenses }: { licenses: readonly Eff[] }) {
  if (!licenses.length) return <span className="muted">Unlicensed</span>;
  return (
    <ul className="plain">
      {licenses.map((l) => (
        <li key={l.sku.id}>
          {l.sku.displayName}{" "}
          <span className={`badge ${l.state.toLowerCase()}`} title={l.error !== "NONE" ? l.error : l.state}>
            {STATE_WORDS[l.state] ?? l.state}
            {l.error !== "NONE" ? `: ${ERROR_SHORT[l.error] ?? l.error}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
