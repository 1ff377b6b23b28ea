/**
 * Decides, from plain observations of one head sha, the state of every
 * required check and the overall verdict. Its one promise: never
 * `success` while a required check is missing, pending or failing, and never
 * success on an empty set.
 */
import { compileGlob, type GateSource, type RequiredCheck, type RequiredSet } from './required-checks.js'

/** A check run as wait-ci needs it (parsed from `GET /commits/{sha}/check-runs` in src/github/responses.ts). */
export interface ObservedCheckRun {
  readonly id: number
  readonly name: string
  readonly status: string
  readonly conclusion: string | null
  readonly startedAt: string | null
  readonly completedAt: string | null
  readonly appId: number | null
  readonly appSlug: string | null
  readonly url: string | null
}

/** A commit status as wait-ci needs it (from `GET /commits/{sha}/status`, the newest per context). */
export interface ObservedStatus {
  readonly id: number
  readonly context: string
  readonly state: string
  readonly createdAt: string | null
  readonly updatedAt: string | null
  readonly url: string | null
}

export type CheckState = 'success' | 'pending' | 'failed' | 'missing' | 'self'

/** The judgement of one check (required, or observed in all-observed mode). */
export interface CheckVerdict {
  readonly name: string
  readonly appId?: number
  readonly sources: readonly GateSource[] | readonly ['observed']
  readonly state: CheckState
  /** The raw conclusion/status/state that decided it, e.g. `queued`, `action_required`, `error`. */
  readonly detail: string
  readonly kind?: 'check-run' | 'status'
  readonly url?: string
  /** Time from start to completion of the deciding run, when it has completed. */
  readonly durationMs?: number
}

export type Verdict = 'success' | 'failure' | 'pending'

export interface Evaluation {
  readonly verdict: Verdict
  readonly checks: readonly CheckVerdict[]
  /** Required names that the `ignore` input matched: required checks are never ignored. */
  readonly ignoredRequired: readonly string[]
  /** One line for the log, e.g. `waiting on 2 of 5: test (queued), gate (missing)`. */
  readonly line: string
}

export interface EvaluateInput {
  readonly required: RequiredSet
  readonly runs: readonly ObservedCheckRun[]
  readonly statuses: readonly ObservedStatus[]
  /** This job's own check run, which must never be waited on (it cannot finish before we do). */
  readonly ownCheckRunId?: number
  /** Globs (one per line, `*` any run) of observed checks not to wait on in all-observed mode. */
  readonly ignore: readonly string[]
  /** A required check that has not appeared is pending (true) or left out (false). */
  readonly strict: boolean
  /** Stop at the first failed required check. */
  readonly failFast: boolean
}

const satisfying = new Set(['success', 'neutral', 'skipped'])
const failing = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale'])

/** Maps a check run to its state: completed runs by conclusion, everything else (queued, in_progress, waiting, requested, pending) is pending. */
export function runState(run: Pick<ObservedCheckRun, 'status' | 'conclusion'>): 'success' | 'pending' | 'failed' {
  if (run.status !== 'completed') return 'pending'
  if (run.conclusion === null) return 'pending'
  if (satisfying.has(run.conclusion)) return 'success'
  // Unknown future conclusions fail rather than pass: a false failure costs a re-run, a false success a bad merge.
  if (failing.has(run.conclusion)) return 'failed'
  return 'failed'
}

/** Maps a commit status state: success passes, error/failure fail, pending (or anything else) waits. */
export function statusState(state: string): 'success' | 'pending' | 'failed' {
  if (state === 'success') return 'success'
  if (state === 'error' || state === 'failure') return 'failed'
  return 'pending'
}

function time(value: string | null): number {
  if (value === null) return Number.POSITIVE_INFINITY
  const t = Date.parse(value)
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t
}

/**
 * Orders runs of one name newest first, by creation: GitHub gives every check run,
 * a re-run included, a new and higher id, while `started_at` is empty until a
 * runner picks it up and comes from the runner's clock. A run that never started
 * but was created before a completed one is therefore not the newest.
 */
function newestFirst(a: ObservedCheckRun, b: ObservedCheckRun): number {
  return b.id - a.id
}

function durationOf(start: string | null, end: string | null): number | undefined {
  if (start === null || end === null) return undefined
  const d = Date.parse(end) - Date.parse(start)
  return Number.isFinite(d) && d >= 0 ? d : undefined
}

function judge(
  name: string,
  appId: number | undefined,
  sources: CheckVerdict['sources'],
  input: EvaluateInput
): CheckVerdict {
  const base = { name, ...(appId === undefined ? {} : { appId }), sources }
  const runs = input.runs
    .filter((r) => r.name === name && (appId === undefined || r.appId === appId))
    .sort(newestFirst)
  // The job's own run is the newest of its name while we wait; older runs of the name (a prior attempt) must not decide.
  if (input.ownCheckRunId !== undefined && runs.some((r) => r.id === input.ownCheckRunId)) {
    return { ...base, state: 'self', detail: 'this job', kind: 'check-run' }
  }
  // A status cannot prove which app posted it, so it never satisfies an app-scoped requirement.
  const status = appId === undefined ? input.statuses.find((s) => s.context === name) : undefined
  const run = runs[0]
  if (run !== undefined && (status === undefined || time(run.startedAt) >= time(status.updatedAt ?? status.createdAt))) {
    const state = runState(run)
    return {
      ...base,
      state,
      detail: run.status === 'completed' ? (run.conclusion ?? 'completed') : run.status,
      kind: 'check-run',
      ...(run.url ? { url: run.url } : {}),
      ...(state !== 'pending' ? withDuration(durationOf(run.startedAt, run.completedAt)) : {})
    }
  }
  if (status !== undefined) {
    const state = statusState(status.state)
    return {
      ...base,
      state,
      detail: status.state,
      kind: 'status',
      ...(status.url ? { url: status.url } : {}),
      ...(state !== 'pending' ? withDuration(durationOf(status.createdAt, status.updatedAt)) : {})
    }
  }
  const otherApps = input.runs.filter((r) => r.name === name).map((r) => r.appSlug ?? String(r.appId))
  const detail =
    otherApps.length > 0
      ? `not registered by app ${appId}; seen only from ${[...new Set(otherApps)].join(', ')}`
      : 'not registered yet'
  return { ...base, state: 'missing', detail }
}

function withDuration(durationMs: number | undefined): { durationMs?: number } {
  return durationMs === undefined ? {} : { durationMs }
}

/** Judges every required (or, without a gate, every observed) check and the overall verdict. */
export function evaluateChecks(input: EvaluateInput): Evaluation {
  const ignores = input.ignore.map(compileGlob)
  const ignored = (name: string): boolean => ignores.some((g) => g.test(name))
  let checks: CheckVerdict[]
  let ignoredRequired: string[] = []
  if (input.required.mode === 'gate') {
    checks = input.required.checks.map((c: RequiredCheck) => judge(c.name, c.appId, c.sources, input))
    ignoredRequired = [...new Set(input.required.checks.map((c) => c.name).filter(ignored))]
  } else if (input.required.mode === 'all-observed') {
    const ownName = input.runs.find((r) => r.id === input.ownCheckRunId)?.name
    const names = [
      ...new Set([
        ...input.runs.filter((r) => r.id !== input.ownCheckRunId && r.name !== ownName).map((r) => r.name),
        ...input.statuses.map((s) => s.context)
      ])
    ].filter((n) => !ignored(n))
    checks = names.sort().map((n) => judge(n, undefined, ['observed'], input))
  } else {
    return { verdict: 'failure', checks: [], ignoredRequired, line: 'no required checks and on-no-gate is fail' }
  }

  // Without strict mode a required check that never appeared is reported but does not hold the wait.
  const counted = input.strict ? checks : checks.filter((c) => c.state !== 'missing')
  const failed = counted.filter((c) => c.state === 'failed')
  const waiting = counted.filter((c) => c.state === 'pending' || c.state === 'missing')
  const verified = counted.filter((c) => c.state === 'success')
  let verdict: Verdict
  if (failed.length > 0 && (input.failFast || waiting.length === 0)) verdict = 'failure'
  else if (waiting.length > 0 || failed.length > 0) verdict = 'pending'
  // Never success on nothing: an empty set (or only this job itself) is pending until something appears.
  else if (verified.length === 0) verdict = 'pending'
  else verdict = 'success'

  return { verdict, checks, ignoredRequired, line: describe(verdict, counted, waiting, failed) }
}

function describe(verdict: Verdict, counted: CheckVerdict[], waiting: CheckVerdict[], failed: CheckVerdict[]): string {
  const list = (cs: CheckVerdict[]): string => cs.map((c) => `${c.name} (${c.detail})`).join(', ')
  if (verdict === 'success') return `all ${counted.length} required check(s) passed`
  if (verdict === 'failure') return `failed: ${list(failed)}`
  if (counted.length === 0) return 'waiting: no checks observed yet'
  return `waiting on ${waiting.length + failed.length} of ${counted.length}: ${list([...failed, ...waiting])}`
}

/** A stable fingerprint of what was observed, to tell "something changed" from "nothing did". */
export function observationKey(evaluation: Evaluation): string {
  return evaluation.checks.map((c) => `${c.name}|${c.appId ?? ''}|${c.state}|${c.detail}`).join('\n')
}

/**
 * Time to complete of each status context from its history (`GET /commits/{ref}/statuses`,
 * newest first): every state change is a new immutable status, so the combined view alone
 * cannot tell when a context started. From the first status of the context to the newest.
 */
export function statusDurations(history: readonly ObservedStatus[]): Map<string, number> {
  const spans = new Map<string, { first: number; last: number }>()
  for (const status of history) {
    const t = Date.parse(status.createdAt ?? '')
    if (Number.isNaN(t)) continue
    const span = spans.get(status.context)
    spans.set(status.context, span ? { first: Math.min(span.first, t), last: Math.max(span.last, t) } : { first: t, last: t })
  }
  return new Map([...spans].map(([context, span]) => [context, span.last - span.first]))
}
