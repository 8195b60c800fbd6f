import type { Mutex } from "./lock";

/**
 * SQLite's operation lock as one caller holds it (a request, a daily pass, the live hub). SQLite has one connection:
 * an operation holds the lock while it reads or writes, so nobody reads half a transaction. On PostgreSQL there is
 * no such lock and every method just runs its function. The one way the lock is taken (Database.lock()).
 */
export class OperationLock {
  private release?: () => void;

  constructor(private readonly mutex: Mutex | null) {}

  /** Whether this caller holds the lock now. */
  get held(): boolean {
    return this.release !== undefined;
  }

  /** Runs `fn` holding the lock, unless this caller already does (then `fn` runs inside that hold). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.mutex || this.release) return fn();
    await this.take();
    try {
      return await fn();
    } finally {
      this.end();
    }
  }

  /** Takes the lock until `end()`: a hold that spans hooks (a GraphQL operation, from its validation to its response). */
  async take(): Promise<void> {
    if (!this.mutex || this.release) return;
    this.release = await this.mutex.acquire();
  }

  /** Lets go of what `take()` (or `outside()` taking it again) holds now. */
  end(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  /**
   * Runs `fn` without the lock this caller holds (a slow call out of the process that reads and writes nothing,
   * MG6's validation handshake), then takes it again; others may run meanwhile. Not held: `fn` runs as it is.
   */
  async outside<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.mutex || !this.release) return fn();
    this.end();
    try {
      return await fn();
    } finally {
      this.release = await this.mutex.acquire();
    }
  }
}
