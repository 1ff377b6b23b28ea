/**
 * wait-ci's inputs, environment and event read once into one frozen settings
 * object. Errors name the input, quote the value and say what to write instead.
 */
import type { NoGatePolicy } from '../../core/required-checks.js'
import type { GitHubClientOptions } from '../../github/client.js'
import { mergeGroupFromPayload, readGitHubContext, requirePullRequest, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
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
  /** On a merge_group event: a required failure ends the wait at once, so the queue ejects the group early. */
  readonly failQueueFast: boolean
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
    failFast: parseBooleanInput(inputs, 'fail-fast'),
    failQueueFast: parseBooleanInput(inputs, 'fail-queue-fast')
  }
  // Empty where the runner has no job.check_run_id (GHES before 3.18): the jobs API is asked instead.
  const checkRunId = parsePositiveIntegerInput(inputs, 'check-run-id', "the job's check run id")
  return Object.freeze(checkRunId === undefined ? options : { ...options, checkRunId })
}

type Env = Readonly<Record<string, string | undefined>>

/** What is verified: a pull request's head, or a merge queue group's sha. */
export type WaitTarget =
  | { readonly kind: 'pull-request'; readonly number: number }
  | { readonly kind: 'merge-group'; readonly headSha: string; readonly baseRef: string }

/** The workflow run this job belongs to, to find its own check run through the jobs API. */
export interface WaitCiRun {
  readonly runId?: number
  readonly attempt: number
  readonly runnerName?: string
  readonly jobKey?: string
}

/** Everything the wait decides with, read once. */
export interface WaitCiSettings {
  readonly client: GitHubClientOptions
  readonly options: WaitCiOptions
  readonly repository: RepositoryRef
  readonly target: WaitTarget
  readonly run: WaitCiRun
}

function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value)
  return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined
}

/** The run ids the runner sets (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, RUNNER_NAME, GITHUB_JOB). */
function readWaitCiRun(env: Env): WaitCiRun {
  const runId = positiveInteger(env['GITHUB_RUN_ID'])
  return Object.freeze({
    ...(runId === undefined ? {} : { runId }),
    attempt: positiveInteger(env['GITHUB_RUN_ATTEMPT']) ?? 1,
    ...(env['RUNNER_NAME'] ? { runnerName: env['RUNNER_NAME'] } : {}),
    ...(env['GITHUB_JOB'] ? { jobKey: env['GITHUB_JOB'] } : {})
  })
}

/**
 * The rest of the settings around already-parsed options (the root action parses its `wait-…`
 * inputs itself): the repository, what to verify (the 'pull-request' input, else a merge_group
 * event's group, else the event's pull request) and the run ids.
 */
export function resolveWaitCiSettings(client: GitHubClientOptions, options: WaitCiOptions, env: Env): WaitCiSettings {
  const context = readGitHubContext(env)
  const group = options.pullRequest === undefined ? mergeGroupFromPayload(context.payload) : undefined
  if (group && options.sha !== undefined && options.sha !== group.headSha) {
    // The queue merges the group's commit, so verifying any other would vouch for a commit that is not merged.
    throw new Error(
      `Input 'sha' is '${options.sha}', but this merge_group run tests the group commit ${group.headSha}: leave 'sha' empty in merge_group runs.`
    )
  }
  const target: WaitTarget = group
    ? { kind: 'merge-group', headSha: group.headSha, baseRef: group.baseRef }
    : { kind: 'pull-request', number: requirePullRequest(context, options.pullRequest).number }
  return Object.freeze({ client, options, repository: context.repository, target: Object.freeze(target), run: readWaitCiRun(env) })
}

/** Reads and validates every wait-ci input, the environment and the event payload. */
export function readWaitCiSettings(env: Env = process.env): WaitCiSettings {
  return resolveWaitCiSettings(readClientSettings(env), parseWaitCiOptions(actionInputs(waitCiOwnInputs)), env)
}
