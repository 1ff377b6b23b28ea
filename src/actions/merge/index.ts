import { runAction } from '../run.js'

// Placeholder entry until the merge action lands; it fails loudly rather than pass.
await runAction(async () => {
  throw new Error('purple: the merge action is not built yet')
})
