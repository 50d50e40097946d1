import { JobFailedError } from "./errors.ts";
import type { RequestOptions } from "./http-client.ts";
import { sleep } from "./retry.ts";

/** The three ways a status read while polling can end a job. */
export type JobOutcome = "running" | "complete" | "failed";

/**
 * The outcome of a Synapse job status (room delete, history purge, user
 * redaction): `complete` and `failed` end the job; every other state
 * (`scheduled`, `active`, `shutting_down`, `purging`, and any Synapse adds
 * later) counts as running, so a new state makes a caller wait rather than stop.
 */
export function jobOutcome(status: { readonly status: string }): JobOutcome {
  return status.status === "complete" ? "complete" : status.status === "failed" ? "failed" : "running";
}

/** How to follow one kind of long-running server job. */
export interface JobDefinition<Status> {
  /** Names the job in messages, e.g. `room delete 1234`. */
  readonly description: string;
  fetchStatus(signal?: AbortSignal): Promise<Status>;
  /** Reads the outcome from a status; states it does not know count as running. */
  outcome(status: Status): JobOutcome;
  /** Why the job failed, from a failed status. */
  failureReason?(status: Status): string | undefined;
}

/** Options of {@link LongRunningJob.wait}. */
export interface WaitOptions<Status> {
  /**
   * Time between status reads. Default: 150 ms at first (most jobs of a small
   * room end within a second), doubling up to 5 s for long jobs.
   */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
  /** Called with every status read, for progress display. */
  readonly onStatus?: (status: Status) => void;
}

/**
 * A job the server runs after the request returned: an asynchronous room
 * delete (`delete_id`), a history purge (`purge_id`), a user redaction
 * (`redact_id`). Created by the resource that started it.
 */
export class LongRunningJob<Status> {
  readonly id: string;
  readonly #definition: JobDefinition<Status>;

  constructor(id: string, definition: JobDefinition<Status>) {
    this.id = id;
    this.#definition = definition;
  }

  /** Reads the current status once. */
  status(signal?: AbortSignal): Promise<Status> {
    return this.#definition.fetchStatus(signal);
  }

  /** Yields every status read until the job completes or fails. */
  async *poll(options: Omit<WaitOptions<Status>, "onStatus"> = {}): AsyncGenerator<Status, void, undefined> {
    let interval = options.intervalMs ?? 150;
    for (;;) {
      const status = await this.#definition.fetchStatus(options.signal);
      yield status;
      if (this.#definition.outcome(status) !== "running") return;
      await sleep(interval, options.signal);
      if (options.intervalMs === undefined) interval = Math.min(interval * 2, 5000);
    }
  }

  /**
   * Polls until the job ends. Resolves with the final status when it completed;
   * throws {@link JobFailedError} when it failed.
   */
  async wait(options: WaitOptions<Status> = {}): Promise<Status> {
    let last: Status | undefined;
    for await (const status of this.poll(options)) {
      options.onStatus?.(status);
      last = status;
    }
    const final = last as Status;
    if (this.#definition.outcome(final) === "failed") {
      const reason = this.#definition.failureReason?.(final);
      throw new JobFailedError(`${this.#definition.description} failed${reason ? `: ${reason}` : ""}`, final);
    }
    return final;
  }
}

/**
 * A handle on a job the server runs on its own (a room delete, a purge, a
 * redaction), read through `status` with its `status` field saying how it
 * goes; `failureReason` says why a failed job failed (default: its `error`).
 * A function rather than a method of every resource, so that a bundle
 * without jobs carries no {@link LongRunningJob}.
 */
export function statusJob<S extends { status: string }>(
  id: string,
  description: string,
  status: (id: string, options: RequestOptions) => Promise<S>,
  failureReason: (status: S) => string | undefined = (failed) => (failed as { error?: string }).error,
): LongRunningJob<S> {
  return new LongRunningJob<S>(id, {
    description,
    fetchStatus: (signal) => status(id, signal ? { signal } : {}),
    outcome: jobOutcome,
    failureReason,
  });
}

/**
 * A server job being started: the request that starts it is sent at once, and
 * one `await` waits for the job to end, giving its final status (or throwing
 * {@link JobFailedError}), as {@link LongRunningJob.wait} does.
 * {@link PendingJob.started} gives the job itself once the server took it,
 * to keep its ID or follow it another way.
 *
 * @example
 * // Delete a room and wait until it is gone:
 * const final = await admin.rooms.delete(roomId, { purge: true });
 *
 * // Start it, keep its ID, follow it with progress:
 * const job = await admin.rooms.delete(roomId).started();
 * console.log(job.id);
 * await job.wait({ onStatus: (status) => console.log(status.status) });
 */
export class PendingJob<Status> implements PromiseLike<Status> {
  readonly #started: Promise<LongRunningJob<Status>>;
  readonly #signal: AbortSignal | undefined;
  #final: Promise<Status> | undefined;

  /** `start` sends the request; `signal`, the call's, also stops the wait of `await`. */
  constructor(start: () => Promise<LongRunningJob<Status>>, signal?: AbortSignal) {
    this.#started = start();
    // A caller who asks for the job later gets the failure then; until then it is nobody's unhandled rejection.
    this.#started.catch(() => {});
    this.#signal = signal;
  }

  /** The job, once the server accepted it (the start request's failure rejects). */
  started(): Promise<LongRunningJob<Status>> {
    return this.#started;
  }

  /** The job's ID (`delete_id`, `purge_id`, `redact_id`), once the server accepted it. */
  async id(): Promise<string> {
    return (await this.#started).id;
  }

  /**
   * Waits until the job ends, with these options (the call's signal by default):
   * the final status when it completed, {@link JobFailedError} when it failed.
   */
  async wait(options: WaitOptions<Status> = {}): Promise<Status> {
    const job = await this.#started;
    return job.wait(options.signal || !this.#signal ? options : { ...options, signal: this.#signal });
  }

  /** Makes the job awaitable: `await job` waits for its end, once however often it is awaited. */
  // biome-ignore lint/suspicious/noThenProperty: awaiting a started job waits for its end, on purpose
  readonly then: Promise<Status>["then"] = (onFulfilled, onRejected) =>
    this.#finalOnce().then(onFulfilled, onRejected);

  /** The final status, or what `onRejected` makes of the failure; as `Promise.catch`. */
  readonly catch: Promise<Status>["catch"] = (onRejected) => this.#finalOnce().catch(onRejected);

  /** The final status, after `onFinally` ran; as `Promise.finally`. */
  readonly finally: Promise<Status>["finally"] = (onFinally) => this.#finalOnce().finally(onFinally);

  /** `PendingJob`. */
  get [Symbol.toStringTag](): string {
    return "PendingJob";
  }

  #finalOnce(): Promise<Status> {
    this.#final ??= this.wait();
    return this.#final;
  }
}
