/**
 * What guard is asked to check, as the action's inputs and the CLI's flags
 * both spell it, and the parsers they share. No @actions import: the CLI
 * loads this without the Actions toolkit.
 */
import { availableParallelism } from 'node:os'
import { inputError } from '../core/inputs.js'

export type GuardScope = 'changed' | 'tree'

/** The checks' options, shared by the action, the CLI and the pre-push hook. */
export interface CheckOptions {
  readonly scope: GuardScope
  readonly exclude: readonly string[]
  readonly policyFile: string
  /** The policy file was named by the user (input or flag), not left at its default: its absence is then an error. */
  readonly policyFileExplicit: boolean
  readonly allowedSources: readonly string[]
}

/** Internal bounds; tests lower them to reach the bounded paths cheaply. */
export interface GuardLimits {
  /** Most marker-shaped lines kept from one range (about 100 bytes each); beyond it the layer reports an error. */
  readonly maxKeptLines: number
  /**
   * `git grep --threads` for the tree search: a number, null for git's default (one per core), or 'adaptive'
   * (defaultGrepThreads from the cores and the repository's object sizes). See docs/decisions.md, "git grep's threads
   * follow the size of the objects".
   */
  readonly grepThreads: number | null | 'adaptive'
}

/** Packed objects smaller than this on average (bytes) search faster on one thread than on several. */
export const SMALL_OBJECT_BYTES = 300

/**
 * git grep's threads on `cores` cores for a repository whose objects take
 * `averageObjectBytes` each (null: unknown): one thread on one core or for
 * small objects (lookups behind git's object lock dominate), git's default
 * (one per core) for larger ones; unknown sizes keep one thread up to 2 cores.
 */
export function defaultGrepThreads(cores: number = availableParallelism(), averageObjectBytes: number | null = null): number | null {
  if (cores <= 1) return 1
  if (averageObjectBytes === null) return cores <= 2 ? 1 : null
  return averageObjectBytes < SMALL_OBJECT_BYTES ? 1 : null
}

export const DEFAULT_LIMITS: GuardLimits = Object.freeze({ maxKeptLines: 1_000_000, grepThreads: 'adaptive' })

export const DEFAULT_POLICY_FILE = '.github/purple-policy.json'

/** Parses 'scope' ('' is its default); `label` is the input's name where it was read. */
export function parseScope(value: string, label = 'scope'): GuardScope {
  const v = value.trim() || 'changed'
  if (v === 'changed' || v === 'tree') return v
  throw inputError(label, value, "expected 'changed' (lines added in base..head) or 'tree' (the whole tree at head)")
}

/** Normalises the policy path to repository-relative form; refuses one that leaves the repository. */
export function parsePolicyPath(value: string, label = 'policy-file'): string {
  const p = (value.trim() || DEFAULT_POLICY_FILE).replace(/^(\.\/)+/, '').replace(/^\/+/, '')
  if (p === '' || p.split('/').includes('..')) {
    throw inputError(label, value, `expected a path inside the repository such as '${DEFAULT_POLICY_FILE}'`)
  }
  return p
}
