/** Every rule that reads the time asks a Clock, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and tools: starts where you say, moves only when told. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: Date | string = "2026-01-15T12:00:00.000Z") {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
  advanceMs(ms: number): void {
    this.ms += ms;
  }
}

export const DAY_MS = 86_400_000;
