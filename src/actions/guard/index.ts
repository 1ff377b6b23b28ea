import { runAction } from '../run.js'
import { runGuardAction } from './run.js'

await runAction(runGuardAction)
