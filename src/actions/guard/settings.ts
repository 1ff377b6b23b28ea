/**
 * guard's inputs and event, turned once into a frozen, validated settings
 * object. The work (run.ts) and the CLI receive settings, never `core`.
 */
import { parseGlobList } from '../../core/path-globs.js'
import { parseSourceList } from '../../core/merge-policy.js'
import { inputError, parseBooleanInput, type InputSource } from '../../core/inputs.js'
import type { guardSpec } from './io.js'
import { readEventPayload } from '../../github/context.js'

export type GuardScope = 'changed' | 'tree'

/** The triggering event, as the runner hands it over (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH). */
export interface GuardEvent {
  readonly name: string
  readonly payload: Readonly<Record<string, unknown>>
  /** GITHUB_REF, e.g. refs/heads/feature/x. */
  readonly ref: string
}

export interface GuardSettings {
  /** Revision names as given ('' = take the default from the event). */
  readonly base: string
  readonly head: string
  /** How runtime messages name base and head: "input 'guard-base'" in the root action, "input 'base'" in guard's own. */
  readonly labels: { readonly base: string; readonly head: string }
  readonly scope: GuardScope
  readonly exclude: readonly string[]
  readonly policyFile: string
  readonly allowedSources: readonly string[]
  readonly failSafe: boolean
  /** Where the checked-out repository is. */
  readonly workingDirectory: string
  readonly event: GuardEvent
}

type InputName = keyof typeof guardSpec.inputs

/** Parses 'scope' ('' is its default); `label` is the input's name where it was read. */
export function parseScope(value: string, label = 'scope'): GuardScope {
  const v = value.trim() || 'changed'
  if (v === 'changed' || v === 'tree') return v
  throw inputError(label, value, "expected 'changed' (lines added in base..head) or 'tree' (the whole tree at head)")
}

/** Normalises the policy path to repository-relative form; refuses one that leaves the repository. */
export function parsePolicyPath(value: string, label = 'policy-file'): string {
  const p = (value.trim() || '.github/purple-policy.json').replace(/^(\.\/)+/, '').replace(/^\/+/, '')
  if (p === '' || p.split('/').includes('..')) {
    throw inputError(label, value, "expected a path inside the repository such as '.github/purple-policy.json'")
  }
  return p
}

function readEvent(env: NodeJS.ProcessEnv, labels: GuardSettings['labels']): GuardEvent {
  let payload: Record<string, unknown>
  try {
    payload = readEventPayload(env)
  } catch (e) {
    // Without the event guard cannot default its range; explicit revisions make it independent of it.
    throw new Error(`${(e as Error).message.replace(/\.$/, '')}: set ${labels.base} and ${labels.head}`, { cause: e })
  }
  return { name: env.GITHUB_EVENT_NAME ?? '', payload, ref: env.GITHUB_REF ?? '' }
}

/**
 * Reads guard's inputs (the action's own, or the root action's `guard-…`) and
 * the event. Throws on an invalid input: a misconfigured workflow fails at once.
 */
export function buildGuardSettings(inputs: InputSource<InputName>, env: NodeJS.ProcessEnv): GuardSettings {
  const labels = Object.freeze({ base: `input '${inputs.label('base')}'`, head: `input '${inputs.label('head')}'` })
  return Object.freeze({
    base: inputs.get('base').trim(),
    head: inputs.get('head').trim(),
    labels,
    scope: parseScope(inputs.get('scope'), inputs.label('scope')),
    exclude: Object.freeze(parseGlobList(inputs.get('exclude'))),
    policyFile: parsePolicyPath(inputs.get('policy-file'), inputs.label('policy-file')),
    allowedSources: Object.freeze(parseSourceList(inputs.get('allowed-sources'))),
    failSafe: parseBooleanInput(inputs, 'fail-safe'),
    workingDirectory: env.GITHUB_WORKSPACE || process.cwd(),
    event: readEvent(env, labels)
  })
}
