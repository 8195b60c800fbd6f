import type { Clock } from "../../domain/clock";
import type { SignInRow } from "../../data/sign-in";
import { instantOf } from "../../data/entities/columns";

/** What the cache checks an answer against: the clock, and the row cache (through the database). */
export interface AnswerSource {
  clock: Clock;
  database: { cachedSignIn(oid: string, tid: string): SignInRow | undefined };
}

/** The cache's default size: answers of distinct (token, request) pairs, across tenants (about 1 KB each). */
export const MAX_CACHED_ANSWERS = 10_000;
/** And its bound in characters of keys and answers together: a caller sending large distinct bodies cannot grow it. */
export const MAX_CACHED_CHARS = 16_000_000;
/** A request or an answer longer than this is not kept (the hot check is a few hundred characters of each). */
export const MAX_ANSWER_CHARS = 16_384;

/** What a read-only request answered, and what it was computed from. */
export interface CachedAnswer {
  tenantId: string;
  userId: string;
  /** The tenant's state version the answer was computed at. */
  version: number;
  /** The answer holds for `from ≤ now < until` (ms): after `until` time alone may change it (P6, S9). */
  from: number;
  until: number;
  /** T1: the request's price, paid again on every use. */
  price: number;
  operationName?: string | null;
  /** The response's headers and its `data`, as JSON. */
  headers: Record<string, string>;
  data: string;
}

/**
 * I1, carried one step further: a signed-in user's repeated read of their own licensing (the hot check) is
 * answered from memory while nothing it was computed from can have changed. The answer is keyed by the whole
 * request (token, content type, accept, query string, body) and used only while this instance's row cache holds
 * the caller's row at the same tenant state version (every commit of the tenant bumps it and drops the row here at
 * once, and on other instances through LISTEN/NOTIFY; the row cache is not trusted while that is down), before the
 * first instant at which time alone changes a status (`answerHoldsUntil` in ./answers.ts). The token is verified
 * and the price paid on every use as for any request; only the execution is skipped.
 */
export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private chars = 0;
  readonly stats = { hits: 0, misses: 0, stale: 0, stored: 0 };

  constructor(readonly enabled: boolean, private readonly maxEntries = MAX_CACHED_ANSWERS, private readonly maxChars = MAX_CACHED_CHARS) {}

  get size(): number {
    return this.entries.size;
  }

  /** The answer for `key` if it still holds for this caller now (with the row's last activity, V3); a stale one is dropped. */
  get(app: AnswerSource, key: string, caller: { tenantId?: string; userId?: string }): { answer: CachedAnswer; lastActivityAt: Date | null } | undefined {
    if (!this.enabled) return undefined;
    // A key too long to be kept is not looked up either: hashing a large body on every POST would be work for nothing.
    const a = key.length > MAX_ANSWER_CHARS ? undefined : this.entries.get(key);
    if (!a) {
      this.stats.misses++;
      return undefined;
    }
    const now = app.clock.now().getTime();
    const row = a.tenantId === caller.tenantId && a.userId === caller.userId ? app.database.cachedSignIn(a.userId, a.tenantId) : undefined;
    if (!row || Number(row.t_version) !== a.version || now < a.from || now >= a.until) {
      this.drop(key);
      this.stats.stale++;
      return undefined;
    }
    this.stats.hits++;
    return { answer: a, lastActivityAt: instantOf(row.last_activity_at) };
  }

  put(key: string, answer: CachedAnswer): void {
    if (!this.enabled || answer.until <= answer.from || key.length > MAX_ANSWER_CHARS || answer.data.length > MAX_ANSWER_CHARS) return;
    this.drop(key);
    this.entries.set(key, answer);
    this.chars += key.length + answer.data.length;
    this.stats.stored++;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) this.drop(this.entries.keys().next().value!);
  }

  /** Characters held (keys and answers): the memory bound's measure. */
  get held(): number {
    return this.chars;
  }

  private drop(key: string): void {
    const a = this.entries.get(key);
    if (!a) return;
    this.entries.delete(key);
    this.chars -= key.length + a.data.length;
  }
}
