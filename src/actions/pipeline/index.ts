import { runAction } from '../run.js'

// Placeholder entry until the pipeline action lands; it fails loudly rather than pass.
await runAction(async () => {
  throw new Error('purple: the pipeline action is not built yet')
})
