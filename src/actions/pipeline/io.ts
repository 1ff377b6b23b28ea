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
    ...prefixed(mergeOwnInputs, STAGE_PREFIX.merge)
  },
  outputs: {
    stage: {
      description: "Which stage stopped the pipeline: 'guard', 'wait-ci' or 'merge'; 'none' when every stage passed and the pull request is merged."
    },
    'stage-message': { description: 'Why the pipeline stopped there (or what it merged), in one sentence.' },
    ...guardSpec.outputs,
    ...waitCiSpec.outputs,
    ...mergeOutputs
  }
})
