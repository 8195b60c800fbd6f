import type { ChangeSubscription } from "../../data/entities";
import type { DeliveryJob, Settlement } from "../../data/change-delivery";
import { postTo } from "../../infra/webhook-post";
import type { App } from "../request/context";
import { Changes, changesOf, isEmpty } from "./changes";
import { missedNotification, Notification, notificationsFor, NOTIFICATIONS_PER_POST } from "./notifications";
import { webhookPolicy } from "./policy";

/** MG6 backoff: 10 s after the first failure, doubling, at most 30 min apart; after 4 hours of failing, `missed`. */
export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 30 * 60_000;
export const GIVE_UP_AFTER_MS = 4 * 3_600_000;
/** How often a worker drops the pending changes of expired subscriptions. */
const PURGE_EVERY_MS = 60_000;
/** Subscriptions one run delivers at most (the next run goes on). */
const CLAIMS_PER_RUN = 500;

export const retryDelay = (failures: number) => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));

export type DeliveryOutcome = "delivered" | "failed" | "dropped" | "missed_sent" | "missed_failed";

/**
 * MG6: the delivery worker of one instance. Each run claims due subscriptions a few at a time (data/change-delivery:
 * `FOR UPDATE SKIP LOCKED` on PostgreSQL) and posts to them concurrently; to each, its pending changes in commit
 * order, batched as Graph does (NOTIFICATIONS_PER_POST in one `{ value: [...] }`), one POST after the other. A row
 * goes from the outbox only once the POSTs carrying all its notifications were answered 2xx in time (at least
 * once). A failure stops that subscription (the rest of the claim's batch goes again, in order, next time) and
 * schedules it by the backoff above, on the row (a restart or another instance picks it up); after 4 hours of
 * failures its pending changes are dropped, the subscription is marked `missed` and a `missed` lifecycle
 * notification is sent. It runs right after this instance's commits and every WEBHOOK_POLL_MS otherwise.
 */
export class DeliveryWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = true;
  /** Subscriptions given up in the claim just settled: told `missed` once it has committed. */
  private missed: ChangeSubscription[] = [];
  private purgedAt = -Infinity;

  constructor(private readonly app: App) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // A write that changed no user, group or pool wrote no outbox row: nothing new to deliver.
    this.app.commitListeners.push((report) => {
      if (!isEmpty(changesOf(report, report.groupIds))) this.kick();
    });
    this.timer = setInterval(() => this.kick(), this.app.config.webhooks.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs soon (once more if a run is under way). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runOnce().catch((e) => this.app.log.error("webhook delivery failed", { error: String((e as Error)?.stack ?? e) }));
  }

  /** Delivers whatever is due now; resolves with the claims made. Tests call it after moving the clock. */
  runOnce(): Promise<number> {
    if (this.running) return this.running.then(() => this.runOnce());
    this.running = (async () => {
      let n = 0;
      try {
        const now = this.app.clock.now().getTime();
        if (now - this.purgedAt >= PURGE_EVERY_MS) {
          this.purgedAt = now;
          await this.app.database.deliveries.purgeExpired(this.app.clock.now());
        }
        do {
          this.again = false;
          while (n < CLAIMS_PER_RUN) {
            const claimed = await this.app.database.deliveries.claim(this.app.clock.now(), (jobs) => Promise.all(jobs.map((job) => this.deliver(job))));
            if (!claimed) break;
            n += claimed;
            for (const s of this.missed.splice(0)) await this.sendMissed(s);
          }
        } while (this.again && !this.stopped && n < CLAIMS_PER_RUN);
      } finally {
        this.missed = [];
        this.running = undefined;
      }
      return n;
    })();
    return this.running;
  }

  private post(url: string, value: Notification[]): Promise<boolean> {
    return postTo(url, JSON.stringify({ value }), "application/json", webhookPolicy(this.app.config)).then((r) => r.status >= 200 && r.status < 300);
  }

  /** One subscription's claimed rows: their notifications in order, NOTIFICATIONS_PER_POST to a POST. */
  private async deliver(job: DeliveryJob): Promise<Settlement> {
    const s = job.subscription;
    const all: Notification[] = [];
    // How many notifications there are up to the end of each row: a row is delivered once that many were acknowledged.
    const ends = job.rows.map((row) => {
      for (const n of notificationsFor(s, JSON.parse(row.changes) as Changes)) all.push(n);
      return all.length;
    });
    let acknowledged = 0;
    let failed = false;
    for (let i = 0; i < all.length && !failed; i += NOTIFICATIONS_PER_POST) {
      const batch = all.slice(i, i + NOTIFICATIONS_PER_POST);
      failed = !(await this.post(s.notificationUrl, batch));
      if (!failed) acknowledged += batch.length;
    }
    const delivered = job.rows.filter((_, k) => ends[k] <= acknowledged).map((row) => row.version);
    for (let k = 0; k < delivered.length; k++) if (ends[k] > (ends[k - 1] ?? 0)) this.app.metrics.webhookDelivery("delivered");
    const now = this.app.clock.now();
    if (!failed) return { deliveredVersions: delivered, dropPending: false, state: { state: "active", failures: 0, nextAttemptAt: now, failingSince: null } };
    this.app.metrics.webhookDelivery("failed");
    const since = s.failingSince ?? now;
    if (now.getTime() - since.getTime() < GIVE_UP_AFTER_MS) {
      const failures = s.failures + 1;
      return { deliveredVersions: delivered, dropPending: false, state: { state: "retrying", failures, nextAttemptAt: new Date(now.getTime() + retryDelay(failures)), failingSince: since } };
    }
    this.app.metrics.webhookDelivery("dropped");
    this.missed.push(s);
    return { deliveredVersions: delivered, dropPending: true, state: { state: "missed", failures: 0, nextAttemptAt: now, failingSince: null } };
  }

  /** Once, to the lifecycle URL when there is one, else to the notification URL. */
  private async sendMissed(s: ChangeSubscription): Promise<void> {
    const ok = await this.post(s.lifecycleNotificationUrl ?? s.notificationUrl, [missedNotification(s)]);
    this.app.metrics.webhookDelivery(ok ? "missed_sent" : "missed_failed");
  }
}
