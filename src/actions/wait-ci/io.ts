import { defineAction } from '../spec.js'

/** wait-ci's inputs and outputs, declared once (filled in by the wait-ci issue). */
export const waitCiSpec = defineAction({
  dir: 'wait-ci',
  name: 'Purple wait-ci',
  description: 'Waits until every required check of the gate definition is green on the PR head.',
  inputs: {},
  outputs: {}
})
