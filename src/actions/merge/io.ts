import { defineAction } from '../spec.js'

/** merge's inputs and outputs, declared once (filled in by the merge issue). */
export const mergeSpec = defineAction({
  dir: 'merge',
  name: 'Purple merge',
  description: 'Merges the verified head sha, retrying while GitHub still reports required checks as expected.',
  inputs: {},
  outputs: {}
})
