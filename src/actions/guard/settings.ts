/**
 * guard's inputs and event, turned once into a frozen, validated settings
 * object. The work (run.ts) and the CLI receive settings, never `core`.
 */
import { readFileSync } from 'node:fs'
import { parseGlobList } from '../../core/path-globs.js'
import { parseSourceList } from '../../core/merge-policy.js'
import { guardSpec } from './io.js'

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

/** Parses 'scope'; throws a message naming the input and the accepted values. */
export function parseScope(value: string): GuardScope {
  const v = value.trim() || 'changed'
  if (v === 'changed' || v === 'tree') return v
  throw new Error(`input 'scope' is '${value}': expected 'changed' (lines added in base..head) or 'tree' (the whole tree at head)`)
}

/** Parses 'fail-safe' the way YAML 1.2 core booleans are written. */
export function parseFailSafe(value: string): boolean {
  const v = value.trim()
  if (v === '') return true
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new Error(`input 'fail-safe' is '${value}': expected 'true' or 'false'`)
}

/** Normalises the policy path to repository-relative form; refuses one that leaves the repository. */
export function parsePolicyPath(value: string): string {
  const p = (value.trim() || '.github/purple-policy.json').replace(/^(\.\/)+/, '').replace(/^\/+/, '')
  if (p === '' || p.split('/').includes('..')) {
    throw new Error(`input 'policy-file' is '${value}': expected a path inside the repository such as '.github/purple-policy.json'`)
  }
  return p
}

function readEvent(env: NodeJS.ProcessEnv): GuardEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const path = env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    } catch (e) {
      throw new Error(`could not read the event payload '${path}' (${(e as Error).message}): set the 'base' and 'head' inputs`, { cause: e })
    }
  }
  return { name, payload, ref: env.GITHUB_REF ?? '' }
}

/**
 * Reads guard's inputs (via `getInput`, core.getInput in the action) and the
 * event. Throws on an invalid input: a misconfigured workflow fails at once.
 */
export function buildGuardSettings(getInput: (name: InputName) => string, env: NodeJS.ProcessEnv): GuardSettings {
  return Object.freeze({
    base: getInput('base').trim(),
    head: getInput('head').trim(),
    scope: parseScope(getInput('scope')),
    exclude: Object.freeze(parseGlobList(getInput('exclude'))),
    policyFile: parsePolicyPath(getInput('policy-file')),
    allowedSources: Object.freeze(parseSourceList(getInput('allowed-sources'))),
    failSafe: parseFailSafe(getInput('fail-safe')),
    workingDirectory: env.GITHUB_WORKSPACE || process.cwd(),
    event: readEvent(env)
  })
}
