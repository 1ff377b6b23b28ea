/** The merge action's entry: the one place that fails the step. */
// First: a broken event payload must become a clear error, not a crash while the client loads.
import { eventPayloadError } from '../event-payload-guard.js'
import { createGitHubClient } from '../../github/client.js'
import { runAction } from '../run.js'
import { productionRuntime } from '../runtime.js'
import { merge } from './merge.js'
import { writeMergeInputError, writeMergeOutputs } from './outputs.js'
import { readMergeSettings, type MergeSettings } from './settings.js'

// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void runAction(async () => {
  let settings: MergeSettings
  let client: ReturnType<typeof createGitHubClient>
  try {
    if (eventPayloadError !== undefined) throw eventPayloadError
    settings = readMergeSettings()
    // timeout-seconds is a hard limit: past it the client starts no retry or rate-limit wait.
    client = createGitHubClient({ ...settings.client, deadline: productionRuntime.now() + settings.timeoutMs })
  } catch (error) {
    // Outputs in every case: a bad input still sets every output, then fails the step with the same message.
    await writeMergeInputError(error instanceof Error ? error.message : String(error))
    throw error
  }
  const result = await merge(settings, { ...productionRuntime, client })
  await writeMergeOutputs(result)
  if (!result.merged) throw new Error(result.message)
})
