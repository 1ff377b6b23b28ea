/**
 * The root action's inputs, read once into each stage's own settings: the
 * token inputs and `pull-request`/`sha` are shared, every other input is the
 * stage's own under its prefix (`guard-scope`, `wait-timeout-seconds`,
 * `merge-method`). Errors name the input as the workflow spells it.
 */
import * as core from '@actions/core'
import type { GitHubClientOptions } from '../../github/client.js'
import { readGitHubContext, type RepositoryRef } from '../../github/context.js'
import { readClientSettings } from '../../github/inputs.js'
import { guardSpec } from '../guard/io.js'
import { buildGuardSettings, type GuardSettings } from '../guard/settings.js'
import { mergeOwnInputs } from '../merge/io.js'
import { parseMergeOptions, type MergeOptions } from '../merge/settings.js'
import { waitCiOwnInputs } from '../wait-ci/io.js'
import { parseWaitCiOptions, type WaitCiOptions } from '../wait-ci/settings.js'
import { pipelineSpec, SHARED_STAGE_INPUTS, STAGE_PREFIX } from './io.js'

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

type PipelineInput = keyof typeof pipelineSpec.inputs

function isShared(name: string): boolean {
  return (SHARED_STAGE_INPUTS as readonly string[]).includes(name)
}

/** The raw input, or its action.yml default when the workflow left it out (an unevaluated `${{ }}` default counts as unset). */
function readInput(name: PipelineInput): string {
  const raw = core.getInput(name)
  if (raw !== '') return raw
  const fallback = (pipelineSpec.inputs[name] as { default?: string }).default ?? ''
  return fallback.startsWith('${{') ? '' : fallback
}

/**
 * Rewrites "input 'timeout-seconds'" in a stage's error to the name the
 * workflow wrote ("input 'wait-timeout-seconds'"): the stages' parsers name
 * their own inputs, unprefixed.
 */
export function renameInputs(error: unknown, own: readonly string[], prefix: string): Error {
  const message = error instanceof Error ? error.message : String(error)
  const renamed = message.replace(/\b([Ii]nput) '([a-z0-9-]+)'/g, (whole, word: string, name: string) =>
    own.includes(name) && !isShared(name) ? `${word} '${prefix}${name}'` : whole
  )
  return new Error(renamed, { cause: error })
}

function stage<T>(read: () => T, own: readonly string[], prefix: string): T {
  try {
    return read()
  } catch (error) {
    throw renameInputs(error, own, prefix)
  }
}

/** Reads and validates the inputs of all three stages (an invalid input fails the step before any stage runs). */
export function readPipelineSettings(env: Env = process.env): PipelineSettings {
  const guardNames = Object.keys(guardSpec.inputs)
  const waitNames = Object.keys(waitCiOwnInputs)
  const mergeNames = Object.keys(mergeOwnInputs)
  const client = readClientSettings(env)
  const guard = stage(
    // guard's parsers apply its defaults to '' themselves, as in its own action.
    () => buildGuardSettings((name) => core.getInput(`${STAGE_PREFIX.guard}${name}`), env as NodeJS.ProcessEnv),
    guardNames,
    STAGE_PREFIX.guard
  )
  const wait = stage(
    () => parseWaitCiOptions((name) => readInput((isShared(name) ? name : `${STAGE_PREFIX['wait-ci']}${name}`) as PipelineInput)),
    waitNames,
    STAGE_PREFIX['wait-ci']
  )
  const merge = stage(
    () =>
      parseMergeOptions(
        (name) => (name === 'sha' ? '' : readInput((isShared(name) ? name : `${STAGE_PREFIX.merge}${name}`) as PipelineInput)),
        STAGE_PREFIX.merge
      ),
    mergeNames,
    ''
  )
  const repository = readGitHubContext(env).repository
  return Object.freeze({ client, repository, guard, wait, merge })
}
