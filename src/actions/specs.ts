import { guardSpec } from './guard/io.js'
import { mergeSpec } from './merge/io.js'
import { pipelineSpec } from './pipeline/io.js'
import { retrySpec } from './retry/io.js'
import { waitCiSpec } from './wait-ci/io.js'
import type { ActionSpec } from './spec.js'

/** Every action of the repository, with the bundle its action.yml runs. */
export const allActions: ReadonlyArray<{ spec: ActionSpec; main: string }> = [
  { spec: guardSpec, main: 'dist/guard/index.js' },
  { spec: waitCiSpec, main: 'dist/wait-ci/index.js' },
  { spec: mergeSpec, main: 'dist/merge/index.js' },
  { spec: pipelineSpec, main: 'dist/pipeline/index.js' },
  { spec: retrySpec, main: 'dist/retry/index.js' }
]
