/**
 * How many items of a bulk run may be in flight: the full concurrency while
 * the server keeps up, halved on every rate limit, then raised by one after
 * each run of successes as long as the current limit (additive increase,
 * multiplicative decrease, as TCP does).
 */
export class AdaptiveLimit {
  readonly max: number;
  #limit: number;
  #active = 0;
  #successes = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`concurrency must be a whole number ≥ 1, got ${max}`);
    this.max = max;
    this.#limit = max;
  }

  /** Items allowed in flight now. */
  get limit(): number {
    return this.#limit;
  }

  /** Items in flight now. */
  get active(): number {
    return this.#active;
  }

  /** Resolves when one more item may start; pair with {@link release}. */
  acquire(): Promise<void> {
    if (this.#active < this.#limit) {
      this.#active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.#waiting.push(() => {
        this.#active++;
        resolve();
      }),
    );
  }

  /** Ends one item; `succeeded` counts towards raising the limit again. */
  release(succeeded: boolean): void {
    this.#active--;
    if (succeeded && this.#limit < this.max && ++this.#successes >= this.#limit) {
      this.#limit++;
      this.#successes = 0;
    }
    this.#wake();
  }

  /** The server pushed back: fewer items in flight from now on. */
  slowDown(): void {
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#successes = 0;
  }

  #wake(): void {
    while (this.#active < this.#limit && this.#waiting.length > 0) this.#waiting.shift()!();
  }
}
