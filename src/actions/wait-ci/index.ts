import { runAction } from '../run.js'

// Placeholder entry until the wait-ci action lands; it fails loudly rather than pass.
await runAction(async () => {
  throw new Error('purple: the wait-ci action is not built yet')
})
