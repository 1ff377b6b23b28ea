import { defineAction } from '../spec.js'

/** The root pipeline action's inputs and outputs (filled in by the merge issue). */
export const pipelineSpec = defineAction({
  dir: '',
  name: 'Purple',
  description: 'Runs guard, then wait-ci, then merge in one step, stopping at the first stage that does not pass.',
  inputs: {},
  outputs: {}
})
