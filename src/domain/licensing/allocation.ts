/** A user who wants a SKU, in S4's queue: the earlier `seq`, the longer they have wanted it; ties by user ID. */
export interface Wanter {
  userId: string;
  seq: number;
}

export function queueOrder(a: Wanter, b: Wanter): number {
  return a.seq - b.seq || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}

/**
 * S4/S5 in one line: the seat holders are the first `pool` wanters in queue
 * order. Every change keeps this true, so a holder never loses a seat to a
 * newcomer (newcomers queue last) and a shrinking pool takes from the end.
 */
export function allocateSeats(wanters: Wanter[], pool: number): Set<string> {
  return new Set([...wanters].sort(queueOrder).slice(0, Math.max(0, pool)).map((w) => w.userId));
}

/**
 * The incremental form used against the database: given how many seats are
 * held, how many must be granted (to the head of the waiting queue) or revoked
 * (from the tail of the holders) to restore the invariant.
 */
export function seatDelta(pool: number, held: number): { grant: number; revoke: number } {
  const target = Math.max(0, pool);
  return held > target ? { grant: 0, revoke: held - target } : { grant: target - held, revoke: 0 };
}

/**
 * P6, S5: the SKUs whose pool is no longer the one their seats were last allocated for (time moved it: a
 * subscription ended, entered or left its grace period). A SKU never allocated counts as allocated for 0.
 */
export function poolsMoved(skuIds: readonly string[], allocated: readonly { skuId: string; allocatedPool: number }[], poolOf: (skuId: string) => number): string[] {
  const last = new Map(allocated.map((p) => [p.skuId, p.allocatedPool]));
  return skuIds.filter((id) => (last.get(id) ?? 0) !== poolOf(id));
}
