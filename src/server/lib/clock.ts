/** Injectable clock so that tests can move time (session expiry, invites, jobs) without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to; for tests. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date = new Date('2026-01-05T09:00:00Z')) {
    this.#ms = start.getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
  set(date: Date): void {
    this.#ms = date.getTime();
  }
}

/**
 * For end-to-end tests only (NODE_ENV=test and TEST_CLOCK_FILE set): the system time plus an offset in
 * milliseconds read from a file the test writes, so a browser test can let a deadline pass.
 */
export class FileOffsetClock implements Clock {
  readonly #file: string;
  readonly #read: (file: string) => string;
  constructor(file: string, read: (file: string) => string) {
    this.#file = file;
    this.#read = read;
  }
  now(): Date {
    let offset: number;
    try {
      offset = Number(this.#read(this.#file).trim()) || 0;
    } catch {
      offset = 0;
    }
    return new Date(Date.now() + offset);
  }
}
