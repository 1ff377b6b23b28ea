/**
 * wait-ci's inputs turned into one frozen, validated settings object. Errors
 * name the input, quote the value and say what to write instead.
 */
import type { NoGatePolicy } from '../../core/required-checks.js'
import {
  inputError,
  parseBooleanInput,
  parsePositiveIntegerInput,
  parsePullRequestInput,
  parseSecondsInput,
  parseShaInput,
  type InputSource
} from '../../core/inputs.js'
import { actionInputs } from '../input-source.js'
import { waitCiOwnInputs } from './io.js'

export type WaitCiInputName = keyof typeof waitCiOwnInputs

/** Everything wait-ci decides with, besides the client's own settings. */
export interface WaitCiOptions {
  /** Empty: the pull request of the triggering event. */
  readonly pullRequest?: number
  /** An explicit head to verify; empty: the PR head read at the start. */
  readonly sha?: string
  readonly required: string
  readonly strict: boolean
  readonly onNoGate: NoGatePolicy
  readonly ignore: readonly string[]
  readonly timeoutMs: number
  readonly intervalMs: number
  readonly failFast: boolean
  /** This job's check run; undefined: ask the jobs API of the current run. */
  readonly checkRunId?: number
}

/** Pure: builds the options from wait-ci's inputs (its own action's, or the root action's `wait-…`). */
export function parseWaitCiOptions(inputs: InputSource<WaitCiInputName>): WaitCiOptions {
  const sha = parseShaInput(inputs, 'sha')
  const onNoGate = inputs.get('on-no-gate').trim()
  if (onNoGate !== 'all-observed' && onNoGate !== 'fail') throw inputError(inputs.label('on-no-gate'), onNoGate, "write 'all-observed' or 'fail'.")
  const pullRequest = parsePullRequestInput(inputs, 'pull-request')
  const options: WaitCiOptions = {
    ...(pullRequest === undefined ? {} : { pullRequest }),
    ...(sha === undefined ? {} : { sha }),
    required: inputs.get('required'),
    strict: parseBooleanInput(inputs, 'strict'),
    onNoGate,
    ignore: inputs
      .get('ignore')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    timeoutMs: parseSecondsInput(inputs, 'timeout-seconds', { min: 1 }),
    intervalMs: parseSecondsInput(inputs, 'interval-seconds', { min: 0.01 }),
    failFast: parseBooleanInput(inputs, 'fail-fast')
  }
  // Empty where the runner has no job.check_run_id (GHES before 3.18): the jobs API is asked instead.
  const checkRunId = parsePositiveIntegerInput(inputs, 'check-run-id', "the job's check run id")
  return Object.freeze(checkRunId === undefined ? options : { ...options, checkRunId })
}

/** Reads wait-ci's own inputs through @actions/core, defaults applied as action.yml would. */
export function readWaitCiOptions(): WaitCiOptions {
  return parseWaitCiOptions(actionInputs(waitCiOwnInputs))
}
