import { runAction } from '../run.js'
import { runPipelineAction } from './run.js'

await runAction(runPipelineAction)
