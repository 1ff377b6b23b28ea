import { runAction } from '../run.js'
import { runMergeAction } from './run.js'

await runAction(runMergeAction)
