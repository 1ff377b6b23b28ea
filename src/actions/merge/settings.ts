/**
 * merge's inputs turned into one frozen, validated settings object. Errors
 * name the input, quote the value and say what to write instead.
 */
import * as core from '@actions/core'
import type { GitHubClientOptions } from '../../github/client.js'
import { readGitHubContext, requirePullRequest, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
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
  readonly timeoutMs: number
  readonly intervalMs: number
}

/** Everything the merge action needs, validated and frozen. */
export interface MergeSettings extends MergeOptions {
  readonly client: GitHubClientOptions
  readonly repository: RepositoryRef
  readonly pullNumber: number
}

function bad(name: string, value: string, expected: string): Error {
  return new Error(`Input '${name}' is '${value}': ${expected}`)
}

/**
 * Pure: merge's options from a reader of raw input strings ('' when unset).
 * `prefix` is how the inputs are named where they are read (the root action
 * calls them `merge-…`), so an error names the input the user actually wrote.
 */
export function parseMergeOptions(get: (name: MergeInputName) => string, prefix = ''): MergeOptions {
  const name = (n: MergeInputName) => `${prefix}${n}`
  const value = (n: MergeInputName) => get(n).trim()

  const pr = value('pull-request')
  if (pr !== '' && !/^[1-9][0-9]*$/.test(pr)) throw bad(name('pull-request'), pr, 'write the pull request number (a positive whole number), or leave it empty to use the pull request of the event.')
  const sha = value('sha').toLowerCase()
  if (sha !== '' && !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
    throw bad(name('sha'), sha, "write the full commit sha that was verified (40 hex characters), e.g. '${{ steps.wait.outputs.sha }}'.")
  }
  const method = value('method').toLowerCase()
  if (method !== '' && !(MERGE_METHODS as readonly string[]).includes(method)) {
    throw bad(name('method'), method, "write 'merge', 'squash' or 'rebase', or leave it empty for the first one the repository allows.")
  }
  const deleteBranch = value('delete-branch')
  if (!['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(deleteBranch)) throw bad(name('delete-branch'), deleteBranch, "write 'true' or 'false'.")
  const seconds = (n: 'timeout-seconds' | 'interval-seconds', min: number) => {
    const text = value(n)
    const s = Number(text)
    if (text === '' || !Number.isFinite(s) || s < min) throw bad(name(n), text, `write a number of seconds of at least ${min}, e.g. '${mergeOwnInputs[n].default}'.`)
    return Math.round(s * 1000)
  }
  const timeoutMs = seconds('timeout-seconds', 0)
  const intervalMs = seconds('interval-seconds', 0.001)
  const title = get('commit-title')
  const message = get('commit-message')
  return Object.freeze({
    ...(pr === '' ? {} : { pullRequest: Number(pr) }),
    ...(sha === '' ? {} : { sha }),
    ...(method === '' ? {} : { method: method as MergeMethod }),
    ...(title.trim() === '' ? {} : { commitTitle: title.trim() }),
    ...(message.trim() === '' ? {} : { commitMessage: message }),
    deleteBranch: deleteBranch.toLowerCase() === 'true',
    timeoutMs,
    intervalMs
  })
}

/** Reads an input as action.yml defaults it (getInput gives '' for a left-out input only when there is no default). */
export function inputReader<N extends string>(spec: Readonly<Record<N, { default?: string }>>, prefix = ''): (name: N) => string {
  return (name) => {
    const raw = core.getInput(`${prefix}${name}`)
    return raw === '' ? (spec[name].default ?? '') : raw
  }
}

/** Reads merge's inputs, the token inputs and the runner's context into frozen settings. */
export function readMergeSettings(env: Readonly<Record<string, string | undefined>> = process.env): MergeSettings {
  const options = parseMergeOptions(inputReader(mergeOwnInputs))
  const client = readClientSettings(env)
  const context = readGitHubContext(env)
  const pull = requirePullRequest(context, options.pullRequest)
  return Object.freeze({ ...options, client, repository: context.repository, pullNumber: pull.number })
}
