/**
 * merge's inputs turned into one frozen, validated settings object. Errors
 * name the input, quote the value and say what to write instead.
 */
import type { GitHubClientOptions } from '../../github/client.js'
import { readGitHubContext, requirePullRequest, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
import { inputError, parseBooleanInput, parsePullRequestInput, parseSecondsInput, parseShaInput, type InputSource } from '../../core/inputs.js'
import type { MergeQueueMode } from '../../core/merge-queue.js'
import { actionInputs } from '../input-source.js'
import { mergeOwnInputs } from './io.js'

export type MergeInputName = keyof typeof mergeOwnInputs
export type MergeMethod = 'merge' | 'squash' | 'rebase'
export const MERGE_METHODS: readonly MergeMethod[] = ['merge', 'squash', 'rebase']

/** What merge decides with, besides the client's settings and where it runs. */
export interface MergeOptions {
  /** Empty: the pull request of the triggering event. */
  readonly pullRequest?: number
  /** The verified head sha; undefined: the head read at start (warned about). */
  readonly sha?: string
  /** undefined: the first method the repository allows. */
  readonly method?: MergeMethod
  readonly commitTitle?: string
  readonly commitMessage?: string
  readonly deleteBranch: boolean
  /** When behind a base that must be included: update the branch once (pinned to the verified sha) instead of only reporting it. */
  readonly updateBranch: boolean
  /** 'auto': enqueue the verified head when the base requires the merge queue; 'off': end naming the queue. */
  readonly mergeQueue: MergeQueueMode
  /** Put the pull request at the front of the queue (only from the explicit input). */
  readonly mergeQueueJump: boolean
  readonly timeoutMs: number
  readonly intervalMs: number
}

/** Everything the merge action needs, validated and frozen. */
export interface MergeSettings extends MergeOptions {
  readonly client: GitHubClientOptions
  readonly repository: RepositoryRef
  readonly pullNumber: number
}

/**
 * Pure: merge's options from its inputs. Where they are read under another
 * name (the root action's `merge-…`), the source's labels say so, and an
 * error names the input the user actually wrote.
 */
export function parseMergeOptions(inputs: InputSource<MergeInputName>): MergeOptions {
  const pullRequest = parsePullRequestInput(inputs, 'pull-request')
  const sha = parseShaInput(inputs, 'sha')
  const method = inputs.get('method').trim().toLowerCase()
  if (method !== '' && !(MERGE_METHODS as readonly string[]).includes(method)) {
    throw inputError(inputs.label('method'), method, "write 'merge', 'squash' or 'rebase', or leave it empty for the first one the repository allows.")
  }
  const deleteBranch = parseBooleanInput(inputs, 'delete-branch')
  const updateBranch = parseBooleanInput(inputs, 'update-branch')
  const mergeQueue = inputs.get('merge-queue').trim().toLowerCase()
  if (mergeQueue !== 'auto' && mergeQueue !== 'off') {
    throw inputError(inputs.label('merge-queue'), mergeQueue, "write 'auto' (enqueue when the base branch requires the merge queue) or 'off'.")
  }
  const mergeQueueJump = parseBooleanInput(inputs, 'merge-queue-jump')
  const timeoutMs = parseSecondsInput(inputs, 'timeout-seconds', { min: 0 })
  const intervalMs = parseSecondsInput(inputs, 'interval-seconds', { min: 0.001 })
  const title = inputs.get('commit-title')
  const message = inputs.get('commit-message')
  return Object.freeze({
    ...(pullRequest === undefined ? {} : { pullRequest }),
    ...(sha === undefined ? {} : { sha }),
    ...(method === '' ? {} : { method: method as MergeMethod }),
    ...(title.trim() === '' ? {} : { commitTitle: title.trim() }),
    ...(message.trim() === '' ? {} : { commitMessage: message }),
    deleteBranch,
    updateBranch,
    mergeQueue: mergeQueue as MergeQueueMode,
    mergeQueueJump,
    timeoutMs,
    intervalMs
  })
}

/** Reads merge's inputs, the token inputs and the runner's context into frozen settings. */
export function readMergeSettings(env: Readonly<Record<string, string | undefined>> = process.env): MergeSettings {
  const options = parseMergeOptions(actionInputs(mergeOwnInputs))
  const client = readClientSettings(env)
  const context = readGitHubContext(env)
  const pull = requirePullRequest(context, options.pullRequest)
  return Object.freeze({ ...options, client, repository: context.repository, pullNumber: pull.number })
}
