import { clientInputs } from '../../github/inputs.js'
import { defineAction } from '../spec.js'

/** Production defaults of the pending-retry budget. */
export const MERGE_DEFAULTS = Object.freeze({ timeoutSeconds: 300, intervalSeconds: 5 })

/** merge's own inputs (without the shared token inputs); the root pipeline prefixes them with `merge-`. */
export const mergeOwnInputs = {
  'pull-request': {
    description: 'Number of the pull request to merge. Empty: the pull request of the triggering event.',
    default: ''
  },
  sha: {
    description:
      "The head sha that was verified, normally wait-ci's 'sha' output. GitHub refuses the merge if the head moved since. Empty: the head read at start, with a warning that nothing verified it.",
    default: ''
  },
  method: {
    description: "Merge method: 'merge', 'squash' or 'rebase'. Empty: the first one the repository allows.",
    default: ''
  },
  'commit-title': {
    description: "Title of the merge or squash commit. Empty: GitHub's default.",
    default: ''
  },
  'commit-message': {
    description: "Body of the merge or squash commit. Empty: GitHub's default.",
    default: ''
  },
  'delete-branch': {
    description: "Delete the head branch after the merge ('true' or 'false'); never for a branch of a fork.",
    default: 'false'
  },
  'update-branch': {
    description:
      "When the branch must be up to date and the base moved ('behind'): 'true' updates the branch from its base once, pinned to the verified sha, and ends with 'branch-updated' (the new head is not merged: verify it first); 'false' ends with 'behind'.",
    default: 'false'
  },
  'merge-queue': {
    description:
      "When the base branch takes changes only through the merge queue: 'auto' adds the verified head to the queue (or follows its entry when it is already queued) and waits until the queue merges or removes it; 'off' ends with 'permanent', naming the queue. The branch's rules are read only when GitHub refuses a direct merge, so a branch without a queue costs no extra request.",
    default: 'auto'
  },
  'merge-queue-jump': {
    description: "'true' puts the pull request at the front of the merge queue (GitHub's 'jump'), which rebuilds the groups behind it; only when you mean it.",
    default: 'false'
  },
  'timeout-seconds': {
    description:
      "Budget for retrying while GitHub still reports required checks as expected (or is computing mergeability, or the base just moved), from the first merge call. Through a merge queue it is also the wait for the queue: set it near the queue's own check response timeout.",
    default: String(MERGE_DEFAULTS.timeoutSeconds)
  },
  'interval-seconds': {
    description: 'Wait before the first retry; later waits grow 1.5 times up to six times this. The merge queue is read every three intervals. Fractions allowed.',
    default: String(MERGE_DEFAULTS.intervalSeconds)
  }
} as const

/** merge's outputs; the root pipeline prefixes them with `merge-`. */
export const mergeOutputs = {
  merged: { description: "'true' when the pull request is merged at the verified sha (also when an earlier attempt merged it), else 'false'." },
  'merge-commit-sha': { description: 'The sha of the merge (or squash/rebase) commit; empty when not merged.' },
  attempts: { description: 'How many times the merge endpoint was called.' },
  reason: {
    description:
      "Why it ended: 'merged', 'pending-timeout' (checks still expected when the budget ran out), 'unreachable' (GitHub failed transiently until the budget ran out), 'unknown-outcome' (a merge call's answer was lost and whether it merged could not be read back: look at the pull request), 'head-moved' (re-verify the new head), 'behind' (the base moved and the branch must be up to date), 'branch-updated' (the branch was updated from its base: verify 'updated-sha'), 'merge-queue-ejected' (the queue removed the pull request; the message names the failing checks of its merge group), 'merge-queue-timeout' (still queued when the budget ran out), 'merge-queue-refused' (GitHub refused to enqueue; its words are in 'message'), 'merge-queue-never-started' (the merge group started no workflow; 'message' says whether the job's token or a missing 'merge_group:' trigger is the likely cause), 'permanent' (GitHub refused; see 'message'), or 'invalid-input' (an input or the event was not usable; nothing was called)."
  },
  message: { description: "GitHub's own message for the outcome, and what to do about it." },
  'updated-sha': { description: "The new head after 'update-branch' updated the branch (reason 'branch-updated'); empty otherwise." },
  blockers: {
    description:
      "When merge stopped without merging: what stands between the pull request and a merge, read once after the refusal, as a JSON array of {kind, source, evidence, who} (e.g. kind 'review-required'); '[]' when that read found nothing blocking. Empty when merged, or when the read failed (best effort: it never changes the outcome)."
  },
  'merge-group-sha': { description: 'The head sha of the merge group the merge queue built for the pull request (the merge commit when the queue merged it); empty when no merge queue was used.' }
} as const

/** merge's inputs and outputs, declared once. */
export const mergeSpec = defineAction({
  dir: 'merge',
  name: 'Purple merge',
  description: 'Merges the verified head sha, retrying while GitHub still reports required checks as expected.',
  inputs: { ...clientInputs, ...mergeOwnInputs },
  outputs: mergeOutputs
})
