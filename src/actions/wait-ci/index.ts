/** wait-ci's entry: the one place that fails the step; every output is set first, on every path. */
// First import: it must read the event file before @actions/github does (see event-payload-guard.ts).
import { eventPayloadError } from '../event-payload-guard.js'
import { describeError } from '../../core/describe-error.js'
import { runAction } from '../run.js'
import { readWaitCiSettings } from './settings.js'
import { createWaitCiDeps, waitCi, type WaitCiResult } from './wait-ci.js'
import { writeWaitCiError, writeWaitCiOutputs } from './outputs.js'

// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void runAction(async () => {
  let result: WaitCiResult
  try {
    if (eventPayloadError !== undefined) throw eventPayloadError
    const settings = readWaitCiSettings()
    result = await waitCi(settings, createWaitCiDeps(settings))
  } catch (error) {
    // Outputs in every case, so a workflow can route even this to a fix step.
    await writeWaitCiError(describeError(error))
    throw error
  }
  await writeWaitCiOutputs(result)
  if (result.conclusion !== 'success') throw new Error(`wait-ci: ${result.conclusion}: ${result.message}`)
})
