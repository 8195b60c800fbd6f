import { AppError, serviceUnavailable } from "../domain/errors";

/**
 * H5: the one place that tells a lost or refused database connection from every other failure. SQLSTATE classes
 * 08 (connection exception) and 57P01–57P03 (the server shut down or is not accepting connections yet), 53300
 * (no connection slot left), the socket errors of an unreachable host, and pg's own messages for a connection that
 * ended or a pool that could not hand one out in time. SQLite's SQLITE_BUSY is lock contention, not an outage: its
 * busy timeout waits for it (README "Configuration").
 */
const PG_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const PG_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/, // pg-pool: no connection within connectionTimeoutMillis
  /is not queryable/, // pg: a client whose connection already failed
];

type Failure = { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };

export function isConnectionFailure(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 3 || e instanceof AppError) return false;
  if (e instanceof ConnectionLost) return true;
  const f = e as Failure;
  if (typeof f.code === "string" && (PG_CODES.has(f.code) || SOCKET_CODES.has(f.code))) return true;
  if (typeof f.message === "string" && PG_MESSAGES.some((m) => m.test(f.message as string))) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); Node wraps each address it tried (AggregateError).
  if (Array.isArray(f.errors) && f.errors.some((x) => isConnectionFailure(x, depth + 1))) return true;
  return isConnectionFailure(f.driverError, depth + 1) || isConnectionFailure(f.cause, depth + 1);
}

/** A failure that came of a lost connection although its own words do not say so (TypeORM's "already released"). */
export class ConnectionLost extends Error {
  constructor(readonly original: unknown) {
    super(`connection lost: ${String((original as Error)?.message ?? original)}`);
  }
}

/** Marks a failure that must not be repeated: the statement or COMMIT may have taken effect. */
export class OutcomeUnknown extends Error {
  constructor(readonly during: "commit" | "write", readonly original: unknown) {
    super(`connection lost during ${during}`);
  }
}

export interface UnavailableWaitOptions {
  /** How long one operation waits for the database to answer again (DB_UNAVAILABLE_WAIT_MS). */
  waitMs: number;
  /** Milliseconds of real time: an outage is real even when a test holds the app's clock still. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Once when the database stops answering, once when it answers again. */
  onChange?: (reachable: boolean, error?: unknown) => void;
}

const FIRST_PAUSE_MS = 25;
const MAX_PAUSE_MS = 400;

/** H5: waits out an outage of up to `waitMs`, then answers SERVICE_UNAVAILABLE with Retry-After. */
export class UnavailableWait {
  /** Operations pausing for the database right now (tests watch it to know a request is waiting). */
  waiting = 0;
  private down = false;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: UnavailableWaitOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.opts.waitMs / 1000));
  }

  get reachable(): boolean {
    return !this.down;
  }

  /**
   * Runs `attempt` again while it fails by a lost or refused connection, pausing 25 ms doubling to 400 ms, until
   * `waitMs` have passed; then the client's 503. An attempt that throws OutcomeUnknown is never repeated.
   */
  async run<T>(attempt: () => Promise<T>): Promise<T> {
    let deadline: number | undefined;
    let pause = FIRST_PAUSE_MS;
    for (;;) {
      try {
        const out = await attempt();
        if (deadline !== undefined) this.answered();
        return out;
      } catch (e) {
        if (e instanceof OutcomeUnknown) {
          this.failed(e.original);
          throw this.outcomeUnknown(e.during);
        }
        if (!isConnectionFailure(e)) throw e;
        this.failed(e);
        deadline ??= this.now() + this.opts.waitMs;
        const left = deadline - this.now();
        if (left <= 0) throw this.unavailable();
        this.waiting++;
        try {
          await this.sleep(Math.min(pause, left));
        } finally {
          this.waiting--;
        }
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
      }
    }
  }

  /** The database answered (a retried operation, or /ready's ping). */
  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.opts.onChange?.(true);
  }

  private failed(e: unknown): void {
    if (this.down) return;
    this.down = true;
    this.opts.onChange?.(false, e);
  }

  unavailable(): AppError {
    const s = this.retryAfterSeconds;
    return serviceUnavailable(`The database is unreachable; nothing was changed. Try again in ${s} s.`, s);
  }

  private outcomeUnknown(during: "commit" | "write"): AppError {
    const what = during === "commit" ? "while this change was being committed" : "while this write was running";
    return serviceUnavailable(
      `The connection to the database was lost ${what}: it may or may not have been saved, and it was not repeated. Read it back before trying again.`,
      this.retryAfterSeconds,
    );
  }
}
