/**
 * The root action's inputs, environment and event, read once into frozen
 * settings: the token inputs and `pull-request`/`sha` are shared, every other
 * input is the stage's own under its prefix (`guard-scope`,
 * `wait-timeout-seconds`, `merge-method`). Errors name the input as the
 * workflow spells it.
 */
import type { GitHubClientOptions } from '../../github/client.js'
import { pullRequestFromPayload, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
import { inputError, specInputSource } from '../../core/inputs.js'
import { readGuardSettings, type GuardSettings } from '../guard/settings.js'
import { readInput } from '../guard/workflow-commands.js'
import { actionInputs } from '../input-source.js'
import { mergeOwnInputs } from '../merge/io.js'
import { parseMergeOptions, type MergeOptions } from '../merge/settings.js'
import { waitCiOwnInputs } from '../wait-ci/io.js'
import { parseWaitCiOptions, resolveWaitCiSettings, type WaitCiSettings } from '../wait-ci/settings.js'
import { pipelineOwnInputs, SHARED_STAGE_INPUTS, STAGE_PREFIX } from './io.js'

type Env = Readonly<Record<string, string | undefined>>

/** Every stage's settings, validated before any stage runs. */
export interface PipelineSettings {
  readonly client: GitHubClientOptions
  readonly repository: RepositoryRef
  readonly guard: GuardSettings
  /** wait-ci's settings; `options.sha` is only set when the workflow gave one (else guard's head is used). */
  readonly wait: WaitCiSettings
  /** merge's options; its sha is always wait-ci's verified one, never an input. */
  readonly merge: Omit<MergeOptions, 'sha'>
  /** The head of the event's pull request, when the event carries one: wait-ci is pinned to guard's head only when it is this one. */
  readonly eventHead?: string
  /** How many times a branch update may send the new head round again (guard, wait-ci, merge); only with `merge-update-branch`. */
  readonly maxUpdates: number
}

/** Pure: `max-updates` as a whole number of rounds, 0 or more. */
export function parseMaxUpdates(value: string, label = 'max-updates'): number {
  const text = value.trim()
  if (!/^\d+$/.test(text) || Number(text) > 10) throw inputError(label, value, "write a whole number from 0 to 10, e.g. '2'.")
  return Number(text)
}

/** Reads and validates the inputs of all three stages and the event (an invalid input fails the step before any stage runs). */
export function readPipelineSettings(env: Env = process.env): PipelineSettings {
  const client = readClientSettings(env)
  const guard = readGuardSettings(env, STAGE_PREFIX.guard)
  const waitOptions = parseWaitCiOptions(actionInputs(waitCiOwnInputs, STAGE_PREFIX['wait-ci'], SHARED_STAGE_INPUTS))
  const mergeInputs = actionInputs(mergeOwnInputs, STAGE_PREFIX.merge, SHARED_STAGE_INPUTS)
  // The root action's 'sha' is what wait-ci verifies; merge always merges wait-ci's verified sha instead.
  const merge = parseMergeOptions({ label: mergeInputs.label, get: (name) => (name === 'sha' ? '' : mergeInputs.get(name)) })
  const own = specInputSource(pipelineOwnInputs, (label) => readInput(label, env))
  const maxUpdates = parseMaxUpdates(own.get('max-updates'), own.label('max-updates'))
  // Also names the pull request: a run without one ends here, with every output set by the entry.
  const wait = resolveWaitCiSettings(client, waitOptions, env)
  const eventHead = pullRequestFromPayload(guard.event.payload)?.headSha
  return Object.freeze({
    client,
    repository: wait.repository,
    guard,
    wait,
    merge,
    ...(eventHead === undefined ? {} : { eventHead }),
    maxUpdates
  })
}
