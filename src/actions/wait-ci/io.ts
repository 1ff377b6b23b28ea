import { clientInputs } from '../../github/inputs.js'
import { defineAction } from '../spec.js'

/** wait-ci's own inputs (the client's token and tuning inputs are spread in beside them). */
export const waitCiOwnInputs = {
  'pull-request': {
    description:
      'Number of the pull request whose head is verified. Empty: the pull request of the triggering event.'
  },
  sha: {
    description:
      'Head sha to verify. Empty: the pull request head read at the start. If given and the pull request head differs, the wait ends with head-moved.'
  },
  required: {
    description:
      'Extra required check names, one per line, added to those of branch protection and rulesets (names may contain commas).'
  },
  strict: {
    description:
      'A required check that has not registered yet is pending (true) rather than absent (false). Keep true: late-registering checks are how early passes happen.',
    default: 'true'
  },
  'on-no-gate': {
    description:
      "What to do when no required check is known (no readable gate, empty 'required'): all-observed waits for every check observed on the head (never succeeding on none); fail stops with a failure.",
    default: 'all-observed'
  },
  ignore: {
    description:
      'Check names (globs, one per line, * matches anything) not to wait on when waiting on all observed checks. Required checks are never ignored.'
  },
  'timeout-seconds': {
    description: 'Longest wait in seconds; then the conclusion is timed_out, naming what was still pending or missing.',
    default: '3600'
  },
  'interval-seconds': {
    description:
      'Poll interval in seconds (fractions allowed): a change is seen within half of it, a quarter on average, because polls start every half interval while the answers are free 304s or bring news. Only while unchanged answers still cost counted requests do polls slow down, from this interval up to twice that.',
    default: '10'
  },
  'fail-fast': {
    description: 'Stop at the first failed required check (true) or wait for all of them to finish (false).',
    default: 'true'
  },
  'fail-queue-fast': {
    description:
      'In a merge_group run: stop at the first failed required check (true), so the queue removes the group at once, or let the rest finish (false).',
    default: 'true'
  },
  'check-run-id': {
    description:
      "This job's own check run id, so the wait never waits on itself (even when the job's name is a required check). Leave the default; where the runner does not expose it, the current run's jobs API is asked (needs actions: read).",
    default: '${{ job.check_run_id }}'
  }
} as const

/** wait-ci's inputs and outputs, declared once. */
export const waitCiSpec = defineAction({
  dir: 'wait-ci',
  name: 'Purple wait-ci',
  description: 'Waits until every required check of the gate definition is green on the PR head (or the merge group sha in a merge_group run).',
  inputs: {
    ...clientInputs,
    ...waitCiOwnInputs
  },
  outputs: {
    conclusion: { description: 'success | failure | timed_out | head-moved' },
    sha: { description: 'The head sha that was verified (pass it to merge so it merges exactly this commit); in a merge_group run, the group sha.' },
    required: { description: 'JSON array of the required checks: [{"name", "app_id"?, "sources": [...], "state"}].' },
    failed: { description: 'JSON array of required checks that failed: [{"name", "conclusion", "url"}].' },
    pending: { description: 'JSON array of required checks still pending or never registered: [{"name", "state"}].' },
    'api-requests': {
      description: 'API requests made, as JSON: {"counted": n, "not_modified": n, "total": n} (304 answers do not count against the rate limit).'
    }
  }
})
