import type { Clock } from "../../domain/clock";
import type { Database } from "../../data/database";
import type { Logger } from "../../infra/log";
import type { Principal } from "../auth/principal";

/** V3: a user's lastActivityAt is written at most once per this interval. */
export const ACTIVITY_WRITE_EVERY_MS = 3_600_000;
/** V3: how often an instance writes the activity it has gathered (and at drain). A crash loses at most this much. */
export const ACTIVITY_FLUSH_EVERY_MS = 60_000;
/** Written activity is kept to the minute: one statement per tenant and minute, whatever the number of users. */
const MINUTE_MS = 60_000;

/**
 * V3: activity costs no write per request. Each instance gathers in memory who was active (an authenticated request,
 * a bot action); a user whose stored lastActivityAt is less than an hour old is not written again; the rest is written
 * in batches (one UPDATE per tenant and minute) by `flush()`: on a timer, before the reclamation pass reads it, and
 * at drain. A crash loses at most the last flush interval of activity, nothing else.
 */
export class ActivityRecorder {
  /** tenant → user → the latest activity not yet written (epoch ms). */
  private pending = new Map<string, Map<string, number>>();
  /** `tenant:user` → what this instance last wrote (or saw stored), so the next hour of requests writes nothing. */
  private readonly known = new Map<string, number>();
  private flushing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  /** Statements written by `flush` since start (for tests and metrics). */
  writes = 0;

  /** `enabled: false` (ACTIVITY=off) gathers nothing: for measuring what gathering costs (bench W1). */
  constructor(private readonly database: Database, private readonly clock: Clock, private readonly log: Logger, readonly enabled = true) {}

  /** Counts activity now; `stored` is the user's lastActivityAt as just read (the sign-in row), when known. No SQL. */
  note(tenantId: string, userId: string, stored?: Date | null): void {
    if (!this.enabled) return;
    const now = this.clock.now().getTime();
    const users = this.pending.get(tenantId);
    const waiting = users?.get(userId);
    if (waiting !== undefined) {
      if (now > waiting) users!.set(userId, now);
      return;
    }
    const key = `${tenantId}:${userId}`;
    const last = Math.max(stored?.getTime() ?? -Infinity, this.known.get(key) ?? -Infinity);
    if (now - last < ACTIVITY_WRITE_EVERY_MS) return;
    if (users) users.set(userId, now);
    else this.pending.set(tenantId, new Map([[userId, now]]));
  }

  /** Activity of a user that this instance has not written yet (it counts as activity for V4's decisions). */
  unwritten(tenantId: string, userId: string): Date | undefined {
    const at = this.pending.get(tenantId)?.get(userId);
    return at === undefined ? undefined : new Date(at);
  }

  /** The users of a tenant whose activity this instance holds and has not written yet. */
  unwrittenUsers(tenantId: string): string[] {
    return [...(this.pending.get(tenantId)?.keys() ?? [])];
  }

  get pendingUsers(): number {
    let n = 0;
    for (const users of this.pending.values()) n += users.size;
    return n;
  }

  /** Writes what was gathered; a failed batch stays for the next flush. Concurrent calls share one pass, then run again. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.pending.size) return;
    this.flushing = this.writeAll().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  private async writeAll(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    const now = this.clock.now().getTime();
    for (const [key, at] of this.known) if (now - at >= ACTIVITY_WRITE_EVERY_MS) this.known.delete(key);
    for (const [tenantId, users] of batch) {
      const byMinute = new Map<number, string[]>();
      for (const [userId, at] of users) {
        const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
        byMinute.set(minute, [...(byMinute.get(minute) ?? []), userId]);
      }
      for (const [minute, userIds] of byMinute) {
        try {
          await this.database.writeActivity(tenantId, userIds, new Date(minute), ACTIVITY_WRITE_EVERY_MS);
          this.writes++;
          for (const u of userIds) this.known.set(`${tenantId}:${u}`, users.get(u)!);
        } catch (e) {
          this.log.error("activity: write failed, kept for the next flush", { tenantId, users: userIds.length, error: String((e as Error)?.message ?? e) });
          for (const u of userIds) {
            const again = this.pending.get(tenantId) ?? new Map<string, number>();
            again.set(u, Math.max(again.get(u) ?? 0, users.get(u)!));
            this.pending.set(tenantId, again);
          }
        }
      }
    }
  }

  /** Flushes every ACTIVITY_FLUSH_EVERY_MS (the server calls this; tests flush explicitly). */
  start(everyMs = ACTIVITY_FLUSH_EVERY_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), everyMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left (at drain). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}

/**
 * V3: an admitted request of a signed-in user is activity. Counted in memory, with the stored lastActivityAt the
 * sign-in row already carries: no statement on the request path (the recorder writes in batches).
 */
export function noteActivity(app: { activity: ActivityRecorder }, p: Principal): void {
  if (p.kind === "user") app.activity.note(p.tenantId, p.userId, p.user.lastActivityAt);
}

/** V3: a bot action (createBot, updateBot, recordBotSessions) is activity of the bot's owner. */
export function noteBotActivity(app: { activity: ActivityRecorder }, tenantId: string, ownerId: string): void {
  app.activity.note(tenantId, ownerId);
}
