/** Lexicographic order of group-ID chains, shorter first (S13: shortest chain, ties by group ID). */
export function compareChains(a: string[], b: string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * From one group upward: for every group it is nested in (itself included),
 * the best chain [start, …, ancestor]. Breadth-first, so chains are shortest;
 * within a layer the parents are taken from the smallest chain first, which
 * makes the choice among equally short chains the lexicographically smallest.
 */
export function chainsUpFrom(start: string, parentsOf: (g: string) => readonly string[]): Map<string, string[]> {
  const best = new Map<string, string[]>([[start, [start]]]);
  let layer = [[start]];
  while (layer.length) {
    layer.sort(compareChains);
    const next: string[][] = [];
    for (const chain of layer) {
      const parents = [...parentsOf(chain[chain.length - 1])].sort();
      for (const p of parents) {
        if (best.has(p)) continue;
        const c = [...chain, p];
        best.set(p, c);
        next.push(c);
      }
    }
    layer = next;
  }
  return best;
}

/** For a user in `directGroups`: the best chain to every group they reach (S13), given per-group chains. */
export function chainsForUser(directGroups: readonly string[], upFrom: (g: string) => Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of directGroups) {
    for (const [ancestor, chain] of upFrom(g)) {
      const cur = out.get(ancestor);
      if (!cur || compareChains(chain, cur) < 0) out.set(ancestor, chain);
    }
  }
  return out;
}
