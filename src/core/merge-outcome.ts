/**
 * How a merge run ends, in the words the user reads: the reason output and
 * the message that says what happened and what to do. Pure, so every message
 * is tested where it is written (they are the user's only guide).
 */
import type { FinalVerdict, PendingVerdict } from './merge-errors.js'
import type { TokenOwner } from './diagnosis.js'

/** The `reason` output. */
export type MergeReason =
  | 'merged'
  | 'pending-timeout'
  | 'unreachable'
  | 'unknown-outcome'
  | 'head-moved'
  | 'behind'
  | 'branch-updated'
  | 'merge-queue-ejected'
  | 'merge-queue-timeout'
  | 'merge-queue-refused'
  | 'merge-queue-never-started'
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

function afterUnreachable(stop: StopContext): string {
  if (!stop.readBack) return 'Whether the last attempt merged could not be read back: look at the pull request before running merge again.'
  // A read right after a lost answer may not show the merge yet.
  if (stop.outcomeUnknown) return `The last read showed ${stop.pullUrl} unmerged, but a read right after a lost answer can lag: look at it before running merge again (running it again is safe: it only merges ${stop.sha}).`
  return 'The pull request is not merged; run merge again.'
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
    message: `GitHub could not be reached reliably for the merge after ${attempts} attempts (last: ${verdict.answer} '${verdict.message}'). Stopped because ${why}. ${afterUnreachable(stop)}`
  }
}

/** How the one branch update ended. */
export type UpdateEnd =
  /** The head moved after the update; `answerLost` when its answer never arrived (the new head may be another push). */
  | { readonly kind: 'updated'; readonly newHead: string; readonly answerLost: boolean }
  /** No new head showed within the budget. */
  | { readonly kind: 'not-shown'; readonly answerLost: boolean }
  /** GitHub refused the update; the head is still the verified one (or could not be read). */
  | { readonly kind: 'refused'; readonly answer: string; readonly message: string }
  /** GitHub refused the update because the head had moved to `newHead`. */
  | { readonly kind: 'head-moved'; readonly newHead: string; readonly answer: string; readonly message: string }

/** What an update by this token means for the new head's checks: nothing to say for an App's or a person's token. */
function updateTokenNote(owner: TokenOwner): string {
  if (owner === 'other') return ''
  const who = owner === 'actions' ? "The job's GITHUB_TOKEN made the update, so" : "If the job's GITHUB_TOKEN made the update,"
  return ` ${who} no workflow starts on the new head (a workflow's token does not trigger workflows): use a GitHub App token ('app-id', 'private-key').`
}

/**
 * The outcome of a run that updated (or tried to update) a branch behind its base, and the new head to verify ('' when
 * none); `owner`: whose token updated it.
 */
export function updateOutcome(
  end: UpdateEnd,
  behind: FinalVerdict & { kind: 'behind' },
  pullNumber: number,
  sha: string,
  owner: TokenOwner
): { outcome: MergeOutcome; updatedSha: string } {
  const noWorkflows = updateTokenNote(owner)
  switch (end.kind) {
    case 'updated':
      return {
        updatedSha: end.newHead,
        outcome: {
          ...notMerged,
          reason: 'branch-updated',
          message: `The branch was behind its base and was updated once (from the verified ${sha}); its new head ${end.newHead} is not verified, so it was not merged. Run wait-ci on ${end.newHead}, then merge that sha.${
            end.answerLost ? ` (The update's answer was lost; ${end.newHead} is the head GitHub shows now: verify it either way.)` : ''
          }${noWorkflows}`
        }
      }
    case 'not-shown':
      return end.answerLost
        ? {
            updatedSha: '',
            outcome: {
              ...notMerged,
              reason: 'behind',
              message: `${fromVerdict(behind).message} The update's answer was lost and no new head showed within the budget: look at pull request #${pullNumber}; if its head is still ${sha}, update it again.`
            }
          }
        : {
            updatedSha: '',
            outcome: {
              ...notMerged,
              reason: 'branch-updated',
              message: `GitHub accepted the update of pull request #${pullNumber} from its base, but the new head did not show within the budget. Verify the new head once it shows (run wait-ci), then merge its sha.${noWorkflows}`
            }
          }
    case 'refused':
      return { updatedSha: '', outcome: { ...fromVerdict(behind), message: `${fromVerdict(behind).message} Updating the branch failed: ${end.answer} '${end.message}'.` } }
    case 'head-moved':
      return {
        updatedSha: '',
        outcome: fromVerdict({
          kind: 'head-moved',
          message: `Head branch moved from the verified ${sha} to ${end.newHead} before the update (GitHub refused it: ${end.answer} '${end.message}'); the new head must be verified before it is merged.`
        })
      }
  }
}
