import { ApiError } from '../api/problems';
import { isFinalStatus } from './status';

export interface FollowDeps<S extends { status: string }> {
  /** One (long-poll) request; `known` is the status we already show. */
  fetch(known: string | undefined, waitMs: number): Promise<S>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface FollowOptions<S> {
  onUpdate(state: S): void;
  /** Called once when the payment has been pending for `slowAfterMs`: tell the buyer it is being confirmed. */
  onSlow?(): void;
  /** Called after repeated failures (the last error) and when giving up; polling continues unless stopped. */
  onTrouble?(error: unknown): void;
  stopped(): boolean;
  pollMs?: number;
  slowAfterMs?: number;
  /** Pause between polls once slow (the long-poll still answers at once on a change). */
  slowGapMs?: number;
  giveUpAfterMs?: number;
}

/**
 * Follows an order's status until it is final: long-polls with the status we know, backs off after
 * the payment has been pending for a minute, retries transient errors, stops on a final status, on a
 * non-transient error (returned) or after `giveUpAfterMs`.
 */
export async function followStatus<S extends { status: string }>(
  deps: FollowDeps<S>, o: FollowOptions<S>,
): Promise<{ final: S | null; error?: unknown }> {
  const start = deps.now();
  const pollMs = o.pollMs ?? 10_000;
  const slowAfter = o.slowAfterMs ?? 60_000;
  const slowGap = o.slowGapMs ?? 10_000;
  const giveUp = o.giveUpAfterMs ?? 30 * 60_000;
  let known: string | undefined;
  let slow = false;
  let failures = 0;
  let first = true;
  while (!o.stopped()) {
    if (deps.now() - start > giveUp) return { final: null };
    let state: S;
    const asked = deps.now();
    try {
      // The first request answers at once so the page shows something; later ones long-poll.
      state = await deps.fetch(known, first ? 0 : pollMs);
      failures = 0;
    } catch (e) {
      if (!(e instanceof ApiError) || !e.transient) return { final: null, error: e };
      failures++;
      if (failures >= 3) o.onTrouble?.(e);
      await deps.sleep(Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)));
      continue;
    }
    first = false;
    if (o.stopped()) break;
    o.onUpdate(state);
    if (isFinalStatus(state.status)) return { final: state };
    if (!slow && deps.now() - start >= slowAfter) {
      slow = true;
      o.onSlow?.();
    }
    if (slow) await deps.sleep(slowGap);
    else if (state.status === known && deps.now() - asked < 250) await deps.sleep(1_000);
    known = state.status;
  }
  return { final: null };
}
