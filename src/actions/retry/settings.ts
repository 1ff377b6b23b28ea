/**
 * The retry action's inputs, read once into a frozen settings object. Errors
 * name the input, quote the value and say what to write instead.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseRuleFile, withUserRules, type CompiledRule } from '../../core/failure-engine.js'
import { inputError, parseSecondsInput, specInputSource, type InputSource } from '../../core/inputs.js'
import type { RetryOptions } from './retry.js'
import { retrySpec } from './io.js'

type RetryInputName = keyof typeof retrySpec.inputs

/** Everything the retry action decides with. */
export type RetrySettings = RetryOptions

function optionalSeconds(inputs: InputSource<RetryInputName>, name: RetryInputName): number | undefined {
  return inputs.get(name).trim() === '' ? undefined : parseSecondsInput(inputs, name, { above: 0 })
}

function readRules(inputs: InputSource<RetryInputName>, workspace: string): readonly CompiledRule[] {
  const file = inputs.get('rules').trim()
  if (file === '') return withUserRules([])
  try {
    return withUserRules(parseRuleFile(readFileSync(resolve(workspace, file), 'utf8'), file))
  } catch (e) {
    // Duck-typed: an fs error may come from another realm and fail instanceof.
    const message = typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as Error).message : String(e)
    throw inputError(inputs.label('rules'), file, `${message}; write the path of a rules file in the workspace, or leave it empty.`)
  }
}

/** Reads the retry action's inputs from the environment the runner sets (INPUT_<NAME>). */
export function readRetrySettings(env: NodeJS.ProcessEnv = process.env): RetrySettings {
  const inputs = specInputSource(retrySpec.inputs, (label) => (env[`INPUT_${label.replace(/ /g, '_').toUpperCase()}`] ?? '').trim())
  const run = inputs.get('run')
  if (run.trim() === '') throw inputError(inputs.label('run'), run, 'write the command to run, as in a run: step.')
  const attempts = inputs.get('attempts').trim()
  if (!/^[1-9]\d{0,3}$/.test(attempts)) throw inputError(inputs.label('attempts'), attempts, "write a whole number of attempts of at least 1, e.g. '5'.")
  const unknown = inputs.get('unknown').trim()
  if (unknown !== 'retry' && unknown !== 'fail') throw inputError(inputs.label('unknown'), unknown, "write 'retry' or 'fail'.")
  const minDelayMs = parseSecondsInput(inputs, 'min-delay', { min: 0 })
  const maxDelayMs = parseSecondsInput(inputs, 'max-delay', { min: 0 })
  if (maxDelayMs < minDelayMs) throw inputError(inputs.label('max-delay'), inputs.get('max-delay'), `write at least the min-delay (${minDelayMs / 1000}).`)
  const deadlineMs = optionalSeconds(inputs, 'deadline')
  const attemptTimeoutMs = optionalSeconds(inputs, 'attempt-timeout')
  return Object.freeze({
    // What GitHub runs for `shell: bash` (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsshell).
    command: 'bash',
    args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run],
    attempts: Number(attempts),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    ...(attemptTimeoutMs !== undefined ? { attemptTimeoutMs } : {}),
    minDelayMs,
    maxDelayMs,
    unknown,
    rules: readRules(inputs, env.GITHUB_WORKSPACE || process.cwd())
  })
}
