/**
 * guard's inputs and event, read once into a frozen, validated settings
 * object. The work (guard.ts) and the CLI receive settings, never the
 * environment. Inputs are read from INPUT_* directly (workflow-commands.ts),
 * so this loads no Actions toolkit.
 */
import { parseGlobList } from '../../core/path-globs.js'
import { parseSourceList } from '../../core/merge-policy.js'
import { parseBooleanInput, specInputSource } from '../../core/inputs.js'
import { readEventPayload } from '../../github/context.js'
import { parsePolicyPath, parseScope, type CheckOptions } from '../../guard/options.js'
import type { GuardEvent } from '../../guard/range.js'
import { guardSpec } from './io.js'
import { readInput } from './workflow-commands.js'

export type { GuardEvent } from '../../guard/range.js'
export type { GuardScope } from '../../guard/options.js'

type Env = Readonly<Record<string, string | undefined>>

export interface GuardSettings extends CheckOptions {
  /** Revision names as given ('' = take the default from the event). */
  readonly base: string
  readonly head: string
  /** How runtime messages name base and head: "input 'guard-base'" in the root action, "input 'base'" in guard's own. */
  readonly labels: { readonly base: string; readonly head: string }
  readonly failSafe: boolean
  /** Where the checked-out repository is. */
  readonly workingDirectory: string
  readonly event: GuardEvent
}

function readEvent(env: Env, labels: GuardSettings['labels']): GuardEvent {
  let payload: Record<string, unknown>
  try {
    payload = readEventPayload(env as NodeJS.ProcessEnv)
  } catch (e) {
    // Without the event guard cannot default its range; explicit revisions make it independent of it.
    throw new Error(`${(e as Error).message.replace(/\.$/, '')}: set ${labels.base} and ${labels.head}`, { cause: e })
  }
  return { name: env.GITHUB_EVENT_NAME ?? '', payload, ref: env.GITHUB_REF ?? '' }
}

/**
 * Reads guard's inputs (the action's own, or the root action's under
 * `prefix`, e.g. `guard-scope`) and the event. Throws on an invalid input,
 * naming it as the workflow spells it: a misconfigured workflow fails at once.
 */
export function readGuardSettings(env: Env = process.env, prefix = ''): GuardSettings {
  const inputs = specInputSource(guardSpec.inputs, (label) => readInput(label, env), prefix)
  const labels = Object.freeze({ base: `input '${inputs.label('base')}'`, head: `input '${inputs.label('head')}'` })
  return Object.freeze({
    base: inputs.get('base').trim(),
    head: inputs.get('head').trim(),
    labels,
    scope: parseScope(inputs.get('scope'), inputs.label('scope')),
    exclude: Object.freeze(parseGlobList(inputs.get('exclude'))),
    policyFile: parsePolicyPath(inputs.get('policy-file'), inputs.label('policy-file')),
    policyFileExplicit: readInput(inputs.label('policy-file'), env) !== '',
    allowedSources: Object.freeze(parseSourceList(inputs.get('allowed-sources'))),
    failSafe: parseBooleanInput(inputs, 'fail-safe'),
    workingDirectory: env.GITHUB_WORKSPACE || process.cwd(),
    event: readEvent(env, labels)
  })
}
