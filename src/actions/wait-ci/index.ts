import { runAction } from '../run.js'
import { runWaitCiAction } from './run.js'

await runAction(runWaitCiAction)
