/**
 * wait-ci's inputs turned into one frozen, validated settings object. Errors
 * name the input, quote the value and say what to write instead.
 */
import * as core from '@actions/core'
import type { NoGatePolicy } from '../../core/required-checks.js'
import { waitCiOwnInputs } from './io.js'

type OwnInput = keyof typeof waitCiOwnInputs

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

function bad(name: string, value: string, expected: string): Error {
  return new Error(`Input '${name}' is '${value}': ${expected}`)
}

/** YAML 1.2 core booleans, like core.getBooleanInput, but with a message that says what to write. */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw bad(name, value, "write 'true' or 'false'.")
}

/** A positive number of seconds (fractions allowed), as milliseconds. */
export function parseSeconds(name: string, value: string, { min }: { min: number }): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < min) {
    throw bad(name, value, `write a number of seconds of at least ${min}, e.g. '10' or '0.5'.`)
  }
  return Math.round(n * 1000)
}

function positiveInteger(name: string, value: string, what: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw bad(name, value, `write ${what}, a positive whole number.`)
  return Number(value)
}

/** Pure: builds the options from a reader of raw input strings (trimmed, '' when unset). */
export function parseWaitCiOptions(get: (name: OwnInput) => string): WaitCiOptions {
  const pr = get('pull-request')
  const sha = get('sha')
  if (sha !== '' && !/^[0-9a-f]{40}$/.test(sha)) throw bad('sha', sha, 'write a full 40-character commit sha, or leave it empty.')
  const onNoGate = get('on-no-gate')
  if (onNoGate !== 'all-observed' && onNoGate !== 'fail') throw bad('on-no-gate', onNoGate, "write 'all-observed' or 'fail'.")
  const checkRunId = get('check-run-id')
  const options: WaitCiOptions = {
    ...(pr === '' ? {} : { pullRequest: positiveInteger('pull-request', pr, 'the pull request number') }),
    ...(sha === '' ? {} : { sha }),
    required: get('required'),
    strict: parseBoolean('strict', get('strict')),
    onNoGate,
    ignore: get('ignore')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    timeoutMs: parseSeconds('timeout-seconds', get('timeout-seconds'), { min: 1 }),
    intervalMs: parseSeconds('interval-seconds', get('interval-seconds'), { min: 0.01 }),
    failFast: parseBoolean('fail-fast', get('fail-fast')),
    // Empty where the runner has no job.check_run_id (GHES before 3.18): the jobs API is asked instead.
    ...(checkRunId === '' ? {} : { checkRunId: positiveInteger('check-run-id', checkRunId, "the job's check run id") })
  }
  return Object.freeze(options)
}

/** Reads wait-ci's own inputs through @actions/core, defaults applied as action.yml would. */
export function readWaitCiOptions(): WaitCiOptions {
  return parseWaitCiOptions((name) => {
    const raw = core.getInput(name)
    const fallback = (waitCiOwnInputs[name] as { default?: string }).default
    // An unevaluated `${{ ... }}` default only appears when run outside the runner; treat it as unset.
    if (raw === '' && fallback !== undefined && !fallback.startsWith('${{')) return fallback
    return raw
  })
}
