/**
 * How a merge run ends, in the words the user reads: the reason output and
 * the message that says what happened and what to do. Pure, so every message
 * is tested where it is written (they are the user's only guide).
 */
import type { FinalVerdict, PendingVerdict } from './merge-errors.js'

/** The `reason` output. */
export type MergeReason =
  | 'merged'
  | 'pending-timeout'
  | 'unreachable'
  | 'unknown-outcome'
  | 'head-moved'
  | 'behind'
  | 'branch-updated'
  | 'permanent'
  | 'invalid-input'

/** The end of a merge run: merged or not, why, and what to do. */
export interface MergeOutcome {
  readonly merged: boolean
  readonly mergeCommitSha: string
  readonly reason: MergeReason
  /** GitHub's words and what to do about them. */
  readonly message: string
  /** For 'permanent': which kind of refusal. */
  readonly category?: string
}

const notMerged = { merged: false, mergeCommitSha: '' } as const

/** The outcome of an answer that ends the run; `readMergeCommitSha` fills in a merge commit the answer did not carry. */
export function fromVerdict(verdict: FinalVerdict, readMergeCommitSha = ''): MergeOutcome {
  switch (verdict.kind) {
    case 'merged':
      return { merged: true, mergeCommitSha: verdict.mergeCommitSha, reason: 'merged', message: verdict.message }
    case 'already-merged':
      return {
        merged: true,
        mergeCommitSha: verdict.mergeCommitSha || readMergeCommitSha,
        reason: 'merged',
        message: `${verdict.message} (an earlier attempt merged it; its answer may have been lost)`
      }
    case 'head-moved':
      return { ...notMerged, reason: 'head-moved', message: `${verdict.message} Run wait-ci on the new head, then merge its verified sha.` }
    case 'behind':
      return {
        ...notMerged,
        reason: 'behind',
        message: `GitHub refused the merge: '${verdict.message}'. The base branch moved and this branch must be up to date with it; the head is still the verified one. Update the branch from its base (or set 'update-branch: true'), then verify and merge the new head.`
      }
    case 'permanent':
      return { ...notMerged, reason: 'permanent', category: verdict.category, message: `GitHub refused the merge: '${verdict.message}'. ${verdict.advice}` }
  }
}

/** Where a run stopped while GitHub still held the merge back or could not be reached. */
export interface StopContext {
  /** The last answer's verdict. */
  readonly verdict: PendingVerdict
  /** Merge calls made. */
  readonly attempts: number
  /** Why the budget ended the run (from the schedule). */
  readonly why: string
  /** Whether the pull request could be read after the last answer. */
  readonly readBack: boolean
  /** Whether a merge call may have merged without saying so (its answer was lost). */
  readonly outcomeUnknown: boolean
  readonly pullNumber: number
  /** The pull request's page, for a person to look at. */
  readonly pullUrl: string
  readonly sha: string
}

/** The outcome of a run that ran out of budget: never a definite "not merged" when the merge may have happened. */
export function stopOutcome(stop: StopContext): MergeOutcome {
  const { verdict, attempts, why } = stop
  // A lost answer that no later read settled: the merge may have happened.
  if (verdict.kind === 'unsettled' || (stop.outcomeUnknown && !stop.readBack)) {
    return {
      ...notMerged,
      reason: 'unknown-outcome',
      message: `Whether pull request #${stop.pullNumber} merged is unknown: a merge call got no usable answer, and until ${why} GitHub neither showed it merged nor gave an answer that proves it was not (last: '${verdict.message}'). Open ${stop.pullUrl}: if it is merged at ${stop.sha}, the merge is done; if it is still open, run merge again (it only ever merges ${stop.sha}).`
    }
  }
  if (verdict.kind === 'pending') {
    return {
      ...notMerged,
      reason: 'pending-timeout',
      message: `GitHub still held the merge back after ${attempts} attempts: '${verdict.message}'. Stopped because ${why}. Raise 'timeout-seconds' if checks take longer to register, or check that the required checks run on this pull request.`
    }
  }
  return {
    ...notMerged,
    reason: 'unreachable',
    message: `GitHub could not be reached reliably for the merge after ${attempts} attempts (last: ${verdict.answer} '${verdict.message}'). Stopped because ${why}. ${
      stop.readBack ? 'The pull request is not merged; run merge again.' : 'Whether the last attempt merged could not be read back: look at the pull request before running merge again.'
    }`
  }
}
