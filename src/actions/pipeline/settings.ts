/**
 * The root action's inputs, read once into each stage's own settings: the
 * token inputs and `pull-request`/`sha` are shared, every other input is the
 * stage's own under its prefix (`guard-scope`, `wait-timeout-seconds`,
 * `merge-method`). Errors name the input as the workflow spells it.
 */
import type { GitHubClientOptions } from '../../github/client.js'
import { readRepository, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
import { readGuardSettings, type GuardSettings } from '../guard/settings.js'
import { actionInputs } from '../input-source.js'
import { mergeOwnInputs } from '../merge/io.js'
import { parseMergeOptions, type MergeOptions } from '../merge/settings.js'
import { waitCiOwnInputs } from '../wait-ci/io.js'
import { parseWaitCiOptions, type WaitCiOptions } from '../wait-ci/settings.js'
import { SHARED_STAGE_INPUTS, STAGE_PREFIX } from './io.js'

type Env = Readonly<Record<string, string | undefined>>

/** Every stage's settings, validated before any stage runs. */
export interface PipelineSettings {
  readonly client: GitHubClientOptions
  readonly repository: RepositoryRef
  readonly guard: GuardSettings
  /** wait-ci's options; `sha` is only set when the workflow gave one (else guard's head is used). */
  readonly wait: WaitCiOptions
  /** merge's options; its sha is always wait-ci's verified one, never an input. */
  readonly merge: Omit<MergeOptions, 'sha'>
}

/** Reads and validates the inputs of all three stages (an invalid input fails the step before any stage runs). */
export function readPipelineSettings(env: Env = process.env): PipelineSettings {
  const client = readClientSettings(env)
  const guard = readGuardSettings(env, STAGE_PREFIX.guard)
  const wait = parseWaitCiOptions(actionInputs(waitCiOwnInputs, STAGE_PREFIX['wait-ci'], SHARED_STAGE_INPUTS))
  const mergeInputs = actionInputs(mergeOwnInputs, STAGE_PREFIX.merge, SHARED_STAGE_INPUTS)
  // The root action's 'sha' is what wait-ci verifies; merge always merges wait-ci's verified sha instead.
  const merge = parseMergeOptions({ label: mergeInputs.label, get: (name) => (name === 'sha' ? '' : mergeInputs.get(name)) })
  const repository = readRepository(env)
  return Object.freeze({ client, repository, guard, wait, merge })
}
