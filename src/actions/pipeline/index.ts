/** The root action's entry: the one place that fails the step; every output is set first, on every path. */
// First: a broken event payload must become one clear error, not a crash while the client loads.
import { eventPayloadError } from '../event-payload-guard.js'
import { describeError } from '../../core/describe-error.js'
import { runAction } from '../run.js'
import { printStageEnd, writePipelineInputError, writePipelineOutputs } from './outputs.js'
import { createPipelineDeps, pipeline } from './pipeline.js'
import { readPipelineSettings, type PipelineSettings } from './settings.js'

// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void runAction(async () => {
  let settings: PipelineSettings
  try {
    if (eventPayloadError !== undefined) throw eventPayloadError
    settings = readPipelineSettings()
  } catch (error) {
    // Outputs in every case, so a workflow can route even this to a fix step.
    await writePipelineInputError(describeError(error))
    throw error
  }
  const result = await pipeline(settings, createPipelineDeps(settings, printStageEnd))
  await writePipelineOutputs(result)
  if (result.stage !== 'none') throw new Error(result.message)
})
