/** A FIFO mutex. SQLite has one connection and one writer: operations take turns. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** For the pool metrics: whether someone holds it, and how many wait. */
  held = false;
  waiting = 0;

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    this.waiting++;
    await prev;
    this.waiting--;
    this.held = true;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        this.held = false;
        release();
      }
    };
  }
}
