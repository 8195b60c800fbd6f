/**
 * T2's buckets as GCRA (the generic cell rate algorithm: a token bucket kept as one number per key). A bucket of
 * `points` refills continuously over `windowMs`, one point every `windowMs / points` ms; what is stored is the
 * bucket's "theoretical arrival time" (TAT): the moment it would be full again. A request of `cost` passes when
 * every bucket it pays into has room (TAT + cost's time − now ≤ the bucket's whole time) and then moves each TAT
 * on; a refused request changes nothing. The memory store below and the Redis script compute the same formula,
 * in the same order, in IEEE doubles, so either answers alike.
 */

export interface BucketSize {
  points: number;
  windowMs: number;
}

export interface BucketAnswer {
  /** Whole points left after this request (or, when refused, before it). */
  remaining: number;
  /** When this bucket refused: ms until it has room for the request. */
  retryMs: number;
}

export interface Payment {
  allowed: boolean;
  buckets: BucketAnswer[];
}

/**
 * Times are ms since 2025 (`EPOCH`), not since 1970, so that a double carries them to about 10⁻⁵ ms; what rounding
 * is left stays far below SLACK, the share of a point by which a bucket may be short and still count it as whole.
 */
export const EPOCH = Date.UTC(2025, 0, 1);
const SLACK = 0.01;

/** One request against one or more buckets: the stored TATs in, the new TATs (when allowed) and the answers out. */
export function gcra(now: number, cost: number, sizes: BucketSize[], stored: (number | undefined)[]): Payment & { tats: number[] } {
  // now: ms since EPOCH, as are the TATs. Loops, not maps: this runs on every request (one or two buckets).
  const n = sizes.length;
  const tats: number[] = new Array(n);
  const next: number[] = new Array(n);
  let allowed = true;
  for (let i = 0; i < n; i++) {
    const per = sizes[i].windowMs / sizes[i].points;
    tats[i] = Math.max(stored[i] ?? now, now);
    next[i] = tats[i] + cost * per;
    if (next[i] - now > sizes[i].points * per + SLACK * per) allowed = false;
  }
  const buckets: BucketAnswer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const per = sizes[i].windowMs / sizes[i].points;
    const whole = sizes[i].points * per;
    const at = allowed ? next[i] : tats[i];
    const over = !allowed && next[i] - now > whole + SLACK * per;
    buckets[i] = { remaining: Math.max(0, Math.floor((whole - (at - now)) / per + SLACK)), retryMs: over ? Math.ceil(next[i] - whole - now) : 0 };
  }
  return { allowed, buckets, tats: allowed ? next : tats };
}

/**
 * The same formula in Lua, for Redis: KEYS are the buckets (one or two), ARGV now (ms since EPOCH), cost, then points and
 * window (ms) per key. Returns allowed (1/0) and, per key, remaining and retry ms. Only an allowed request with a
 * cost writes; each key expires when its bucket is full again. One script call: one round trip, both buckets atomic.
 */
export const GCRA_LUA = `
local now = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local slack = 0.01
local n = #KEYS
local tat, nxt, per, whole = {}, {}, {}, {}
local allowed = true
for i = 1, n do
  local points = tonumber(ARGV[1 + 2 * i])
  per[i] = tonumber(ARGV[2 + 2 * i]) / points
  whole[i] = points * per[i]
  local stored = redis.call("GET", KEYS[i])
  tat[i] = math.max(stored and tonumber(stored) or now, now)
  nxt[i] = tat[i] + cost * per[i]
  if nxt[i] - now > whole[i] + slack * per[i] then allowed = false end
end
local out = { allowed and 1 or 0 }
for i = 1, n do
  local at = allowed and nxt[i] or tat[i]
  out[#out + 1] = math.max(0, math.floor((whole[i] - (at - now)) / per[i] + slack))
  if not allowed and nxt[i] - now > whole[i] + slack * per[i] then
    out[#out + 1] = math.ceil(nxt[i] - whole[i] - now)
  else
    out[#out + 1] = 0
  end
  if allowed and cost > 0 then
    redis.call("SET", KEYS[i], string.format("%.17g", nxt[i]), "PX", math.max(1, math.ceil(nxt[i] - now)))
  end
end
return out
`;

/** This instance's own buckets (no Redis, or Redis unreachable): the same formula over a Map of TATs. */
export class MemoryBuckets {
  private readonly tats = new Map<string, number>();
  private swept = -Infinity;

  constructor(private readonly sweepEveryMs: number) {}

  pay(now: number, cost: number, keys: string[], sizes: BucketSize[]): Payment {
    this.sweep(now);
    const stored: (number | undefined)[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) stored[i] = this.tats.get(keys[i]);
    const r = gcra(now, cost, sizes, stored);
    if (r.allowed && cost > 0) for (let i = 0; i < keys.length; i++) this.tats.set(keys[i], r.tats[i]);
    return r;
  }

  get size(): number {
    return this.tats.size;
  }

  /** A bucket whose TAT has passed is full, the same as no entry: dropped now and then so the Map stays small. */
  private sweep(now: number): void {
    if (now - this.swept < this.sweepEveryMs) return;
    this.swept = now;
    for (const [k, tat] of this.tats) if (tat <= now) this.tats.delete(k);
  }
}
