import { runAction } from '../run.js'

// Placeholder entry until the guard action lands; it fails loudly rather than pass.
await runAction(async () => {
  throw new Error('purple: the guard action is not built yet')
})
