import { Link } from "../router";

/**
 * The `via` chain of a group source drawn as a path: the group the user is a direct member of first,
 * the group the license is assigned to last (S13).
 */
export function Chain({ via }: { via: readonly { id: string; displayName: string }[] }) {
  return (
    <ol className="chain" aria-label="Group chain, from the user's own group to the licensed group">
      <li><span className="node start">User</span></li>
      {via.map((g, i) => (
        <li key={g.id}>
          <span className="node">
            <Link href={`/groups/${encodeURIComponent(g.id)}`}>{g.displayName}</Link>
            {i === via.length - 1 ? <span className="muted"> (license assigned here)</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
