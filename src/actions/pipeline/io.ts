import { clientInputs } from '../../github/inputs.js'
import { guardSpec } from '../guard/io.js'
import { mergeOutputs, mergeOwnInputs } from '../merge/io.js'
import type { InputSpec } from '../spec.js'
import { defineAction } from '../spec.js'
import { waitCiOwnInputs, waitCiSpec } from '../wait-ci/io.js'

/** Input names shared by the stages instead of prefixed: the pull request and the head to verify. */
export const SHARED_STAGE_INPUTS = ['pull-request', 'sha'] as const

/** Each stage's own inputs under the root action's name for them: `guard-…`, `wait-…`, `merge-…`. */
export const STAGE_PREFIX = { guard: 'guard-', 'wait-ci': 'wait-', merge: 'merge-' } as const

function prefixed(inputs: Readonly<Record<string, InputSpec>>, prefix: string): Record<string, InputSpec> {
  const out: Record<string, InputSpec> = {}
  for (const [name, spec] of Object.entries(inputs)) {
    if ((SHARED_STAGE_INPUTS as readonly string[]).includes(name)) continue
    out[`${prefix}${name}`] = spec
  }
  return out
}

/** The root action's own inputs, besides the stages'. */
export const pipelineOwnInputs = {
  'max-updates': {
    description:
      "With 'merge-update-branch: true': how many times a branch update may send the new head round again (guard, wait-ci pinned to the new sha, merge pinned to it). The last allowed round does not update again: it ends with 'behind'.",
    default: '2'
  }
} as const

/** The root pipeline action's inputs and outputs. */
export const pipelineSpec = defineAction({
  dir: '',
  name: 'Purple',
  description: 'Runs guard, then wait-ci, then merge in one step, stopping at the first stage that does not pass.',
  inputs: {
    ...clientInputs,
    'pull-request': {
      description: 'Number of the pull request to verify and merge. Empty: the pull request of the triggering event.',
      default: ''
    },
    sha: {
      description:
        "Head sha to verify and merge. Empty: the head guard checked (the event's pull request head), so wait-ci verifies and merge merges exactly the commit guard saw; a newer head ends the run with head-moved.",
      default: ''
    },
    ...prefixed(guardSpec.inputs, STAGE_PREFIX.guard),
    ...prefixed(waitCiOwnInputs, STAGE_PREFIX['wait-ci']),
    ...prefixed(mergeOwnInputs, STAGE_PREFIX.merge),
    ...pipelineOwnInputs
  },
  outputs: {
    stage: {
      description: "Which stage stopped the pipeline: 'guard', 'wait-ci' or 'merge'; 'none' when every stage passed and the pull request is merged; 'inputs' when an input, the event or the pull request was not usable and no stage ran."
    },
    'stage-message': { description: 'Why the pipeline stopped there (or what it merged), in one sentence.' },
    updates: { description: "How many times the branch was updated from its base and the new head went round again (0 unless 'merge-update-branch' is true)." },
    ...guardSpec.outputs,
    ...waitCiSpec.outputs,
    ...mergeOutputs
  }
})
