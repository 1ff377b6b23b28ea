/**
 * The guard action: read settings, run, write, and fail the step here only.
 * A failure nothing else caught (a bug, an exception thrown from a stream
 * callback) still ends as result=error, passing under fail-safe.
 */
import { describeError } from '../../core/describe-error.js'
import { logText } from '../../core/escaping.js'
import { guardFailure } from '../../guard/result.js'
import { guard, guardDeps } from './guard.js'
import { guardActionLog, writeGuardOutputs, writeGuardSettingsError } from './outputs.js'
import { readGuardSettings, type GuardSettings } from './settings.js'
import { issueCommand, setFailed } from './workflow-commands.js'

let settings: GuardSettings | null = null
let finished = false

function lastResort(error: unknown): void {
  if (finished) return
  finished = true
  const message = logText(`guard failed unexpectedly: ${describeError(error)}`)
  writeGuardSettingsError(message)
  if (settings?.failSafe === false) setFailed(message)
  else issueCommand('warning', `${message} (not blocking: fail-safe)`)
}
process.on('uncaughtException', (e) => {
  lastResort(e)
  process.exit()
})

/** Reads the settings, runs guard and writes its outputs; every failure ends in `lastResort`. */
async function main(): Promise<void> {
  try {
    try {
      settings = readGuardSettings()
    } catch (e) {
      finished = true
      writeGuardSettingsError(describeError(e))
      setFailed(logText(describeError(e)))
    }
    if (settings !== null) {
      const result = await guard(settings, guardDeps(guardActionLog))
      writeGuardOutputs(result)
      finished = true
      const failure = guardFailure(result)
      if (failure !== null) setFailed(failure)
    }
  } catch (e) {
    lastResort(e)
  }
}

// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void main()
