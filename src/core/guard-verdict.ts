/**
 * What guard concluded, as plain data shared by the action, the CLI and the
 * pipeline. A guard that breaks must not stop every
 * pipeline (fail-safe), but a real finding always blocks.
 */

export type FindingKind = 'conflict-marker' | 'disallowed-merge'

/** One finding; the `findings` output is a JSON array of these. */
export interface Finding {
  readonly kind: FindingKind
  /** File path for a marker; null for a merge. */
  readonly path: string | null
  /** 1-based line for a marker; null for a merge. */
  readonly line: number | null
  /** The scanned commit (marker) or the merge commit (merge). */
  readonly commit: string
  /** The disallowed parent of a merge; null for a marker. */
  readonly parent: string | null
  readonly message: string
}

export type GuardOutcome = 'pass' | 'blocked' | 'error'

export interface GuardVerdict {
  readonly result: GuardOutcome
  /** True when the step or hook must fail: any finding, or an error with fail-safe off. */
  readonly blocks: boolean
}

/** Decides the outcome: findings block even when part of the guard failed; an error alone blocks only without fail-safe. */
export function decideVerdict(findings: readonly Finding[], error: string | null, failSafe: boolean): GuardVerdict {
  if (findings.length > 0) return { result: 'blocked', blocks: true }
  if (error !== null) return { result: 'error', blocks: !failSafe }
  return { result: 'pass', blocks: false }
}

/** One line per finding, `path:line: message` for markers (what editors and terminals link). */
export function formatFinding(f: Finding): string {
  if (f.kind === 'conflict-marker') return `${f.path}:${f.line}: ${f.message}`
  return `${f.commit}: ${f.message}`
}
