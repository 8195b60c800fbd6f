/**
 * Per-key token buckets: `perMinute` requests a minute, bursting up to that
 * many. The store is a seam: the in-memory one serves one instance; a shared
 * store (Redis, say) makes the budget hold across instances.
 */
export interface RateLimitStore {
  take(key: string, nowMs: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number, private readonly maxKeys = 50_000) {}

  async take(key: string, nowMs: number): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: nowMs };
    b.tokens = Math.min(this.perMinute, b.tokens + Math.max(0, nowMs - b.at) * rate);
    b.at = nowMs;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.prune(nowMs);
      this.buckets.set(key, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
  }

  /** Full buckets carry no state worth keeping. */
  private prune(nowMs: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + (nowMs - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(k);
    }
  }
}
