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
  'timeout-seconds': {
    description:
      'Budget for retrying while GitHub still reports required checks as expected (or is computing mergeability, or the base just moved), from the first merge call.',
    default: String(MERGE_DEFAULTS.timeoutSeconds)
  },
  'interval-seconds': {
    description: 'Wait before the first retry; later waits grow 1.5 times up to six times this. Fractions allowed.',
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
      "Why it ended: 'merged', 'pending-timeout' (checks still expected when the budget ran out), 'unreachable' (GitHub failed transiently until the budget ran out), 'unknown-outcome' (a merge call's answer was lost and whether it merged could not be read back: look at the pull request), 'head-moved' (re-verify the new head), 'behind' (the base moved and the branch must be up to date), 'branch-updated' (the branch was updated from its base: verify 'updated-sha'), 'permanent' (GitHub refused; see 'message'), or 'invalid-input' (an input or the event was not usable; nothing was called)."
  },
  message: { description: "GitHub's own message for the outcome, and what to do about it." },
  'updated-sha': { description: "The new head after 'update-branch' updated the branch (reason 'branch-updated'); empty otherwise." }
} as const

/** merge's inputs and outputs, declared once. */
export const mergeSpec = defineAction({
  dir: 'merge',
  name: 'Purple merge',
  description: 'Merges the verified head sha, retrying while GitHub still reports required checks as expected.',
  inputs: { ...clientInputs, ...mergeOwnInputs },
  outputs: mergeOutputs
})
