import { runAction } from '../run.js'
import { productionRuntime } from '../runtime.js'
import { writeRetryOutputs } from './outputs.js'
import { spawnAttempt } from './process-runner.js'
import { formatRetryEvent, runRetry } from './retry.js'
import { readRetrySettings, type RetrySettings } from './settings.js'

// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void runAction(async () => {
  let settings: RetrySettings
  try {
    settings = readRetrySettings()
  } catch (error) {
    await writeRetryOutputs(undefined)
    throw error
  }
  const result = await runRetry(settings, {
    // The command is the workflow's own step, as trusted as a run: step: its output goes to the log unchanged.
    run: (command, args, timeoutMs) =>
      spawnAttempt(command, args, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }, { ...(timeoutMs !== undefined ? { timeoutMs } : {}) }),
    sleep: productionRuntime.sleep,
    now: productionRuntime.now,
    random: Math.random,
    log: (event) => productionRuntime.log.info(formatRetryEvent(event, 'retry'))
  })
  await writeRetryOutputs(result)
  if (result.exitCode !== 0) throw new Error(`the command failed (exit code ${result.exitCode}, ${result.class}${result.rule !== '' ? `, rule ${result.rule}` : ''}): ${result.why}`)
})
