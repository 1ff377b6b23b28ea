/**
 * When the merge action tries again after a pending or transient answer, and
 * when it gives up. Pure: the shell passes the clock reading; every number is
 * a parameter so tests run the whole budget in milliseconds. The growth of
 * the waits is the shared schedule of src/core/backoff.ts.
 */
import { nextDelay, type BackoffPolicy } from './backoff.js'
import { formatSeconds } from './durations.js'

/** The pending-retry budget, from the `timeout-seconds` and `interval-seconds` inputs. */
export interface MergeBudget {
  /** Total time for all attempts, from the first merge call. */
  readonly timeoutMs: number
  /** Wait before the first retry; later waits grow by `factor`. */
  readonly intervalMs: number
  /** Growth of the wait per failed attempt (default 1.5). */
  readonly factor?: number
  /** Cap of one wait (default 6 x intervalMs): a check that turns green is noticed soon. */
  readonly maxIntervalMs?: number
  /** Random fraction shaved off each wait, 0..1 (default 0.2), so parallel pipelines do not retry in step. */
  readonly jitter?: number
}

/** The backoff policy of a merge budget. */
export function mergeBackoffPolicy(budget: MergeBudget): BackoffPolicy {
  return {
    baseMs: budget.intervalMs,
    maxMs: budget.maxIntervalMs ?? budget.intervalMs * 6,
    factor: budget.factor ?? 1.5,
    jitter: budget.jitter ?? 0.2
  }
}

export type NextStep = { readonly kind: 'wait'; readonly ms: number } | { readonly kind: 'stop'; readonly why: string }

/**
 * Decides the next step after `failures` failed attempts. A wait is clipped to
 * the time left, so the last attempt happens at the deadline instead of never;
 * a server's retry-after longer than the time left stops the run (re-asking
 * before retry-after is what gets a token blocked).
 */
export function nextMergeStep(
  budget: MergeBudget,
  state: { readonly failures: number; readonly elapsedMs: number; readonly retryAfterMs?: number },
  random: () => number = Math.random
): NextStep {
  const left = budget.timeoutMs - state.elapsedMs
  if (left <= 0) return { kind: 'stop', why: `the ${formatSeconds(budget.timeoutMs)} budget is used up` }
  if (state.retryAfterMs !== undefined && state.retryAfterMs > left) {
    return { kind: 'stop', why: `GitHub asked to wait ${formatSeconds(state.retryAfterMs)}, more than the ${formatSeconds(left)} left` }
  }
  const wait = nextDelay(state.failures, mergeBackoffPolicy(budget), state.retryAfterMs, random)
  return { kind: 'wait', ms: Math.min(wait, left) }
}
