import { defineAction } from '../spec.js'

/** guard's inputs and outputs, declared once (filled in by the guard issue). */
export const guardSpec = defineAction({
  dir: 'guard',
  name: 'Purple guard',
  description: 'Blocks conflict markers and merges from disallowed branches in the committed range.',
  inputs: {},
  outputs: {}
})
