/**
 * The guard action's work: settings in, plain result out. The root pipeline
 * calls this in-process; the engine it runs (src/guard) is the CLI's too.
 */
import { runGuard, type GuardDeps, type GuardLog } from '../../guard/engine.js'
import { DEFAULT_LIMITS } from '../../guard/options.js'
import { resolveRange } from '../../guard/range.js'
import type { GuardResult } from '../../guard/result.js'
import type { GuardSettings } from './settings.js'

export type { GuardDeps } from '../../guard/engine.js'
export type { GuardResult } from '../../guard/result.js'
export type { GuardSettings } from './settings.js'

/** Production deps: git from PATH, the default limits, and the given log. */
export function guardDeps(log: GuardLog): GuardDeps {
  return Object.freeze({ git: {}, log, limits: DEFAULT_LIMITS })
}

/** Runs guard over the range the settings name; never throws (a failure becomes result 'error'). */
export function guard(settings: GuardSettings, deps: GuardDeps): Promise<GuardResult> {
  return runGuard(
    {
      workingDirectory: settings.workingDirectory,
      options: settings,
      failSafe: settings.failSafe,
      chooseRange: (git) =>
        resolveRange(git, {
          base: settings.base,
          head: settings.head,
          event: settings.event,
          baseLabel: settings.labels.base,
          headLabel: settings.labels.head,
          headBranch: null
        })
    },
    deps
  )
}
