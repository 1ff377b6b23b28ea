/** guard's plain result, shared by the action, the root pipeline and the CLI. */
import { decideVerdict, type Finding, type GuardOutcome } from '../core/guard-verdict.js'
import type { GuardRange } from './range.js'

/** guard's plain result, fail-safe already applied. */
export interface GuardResult {
  readonly result: GuardOutcome
  /** True when the step must fail: a finding, or an error with fail-safe off. */
  readonly blocks: boolean
  readonly findings: readonly Finding[]
  readonly markerCount: number
  readonly disallowedMergeCount: number
  /** Why guard itself failed (result 'error', or a layer failed next to findings); else null. */
  readonly error: string | null
  readonly failSafe: boolean
  readonly range: GuardRange | null
  readonly notes: readonly string[]
  readonly warnings: readonly string[]
}

/** Builds the result from findings and an error, applying fail-safe. */
export function guardResult(
  findings: readonly Finding[],
  error: string | null,
  failSafe: boolean,
  extra: { range: GuardRange | null; notes: readonly string[]; warnings: readonly string[] }
): GuardResult {
  const verdict = decideVerdict(findings, error, failSafe)
  return Object.freeze({
    ...verdict,
    findings,
    markerCount: findings.filter((f) => f.kind === 'conflict-marker').length,
    disallowedMergeCount: findings.filter((f) => f.kind === 'disallowed-merge').length,
    error,
    failSafe,
    ...extra
  })
}

/** Why the step (or hook) fails, or null when it passes: findings always, an error only with fail-safe off. */
export function guardFailure(result: GuardResult): string | null {
  if (result.findings.length > 0) {
    return `guard blocked: ${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s)`
  }
  return result.blocks ? `guard failed (fail-safe is off): ${result.error}` : null
}
