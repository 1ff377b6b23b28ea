/**
 * Shape checks for the GitHub answers the actions rely on, and the one parse
 * of wait-ci's answers into the typed observations the core judges. A 200 whose body
 * was cut mid-stream resolves in Octokit as `data: ""` (GraphQL: undefined),
 * and a proxy can answer 200 with an HTML page: reading `data.head.sha` from
 * that would crash or, worse, read as "no checks". A failed check throws
 * MalformedResponseError, which the classifier calls transient, so withRetry
 * asks again.
 */
import type { ObservedCheckRun, ObservedStatus } from '../core/check-state.js'
import type { GateEntry } from '../core/required-checks.js'

/** A response without the fields an action relies on; transient (classifier matches the name). */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError'
}

export type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'string?' | 'number?' | 'boolean?' | 'object?'

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function matches(value: unknown, type: FieldType): boolean {
  const nullable = type.endsWith('?')
  const base = nullable ? type.slice(0, -1) : type
  if (nullable && (value === null || value === undefined)) return true
  return typeOf(value) === base
}

function at(data: unknown, path: string): unknown {
  let current: unknown = data
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function whatCame(data: unknown): string {
  if (data === '') return 'an empty body (a response cut mid-stream?)'
  if (data === undefined) return 'no body'
  if (typeof data === 'string') return /^\s*</.test(data) ? 'an HTML page (a proxy answered?)' : `text '${data.slice(0, 60)}'`
  return typeOf(data)
}

/**
 * Asserts `fields` (dotted paths -> type; `?` allows null) on `data` and
 * returns it typed; throws MalformedResponseError naming `label` and the field.
 */
export function expectShape<T>(label: string, data: unknown, fields: Readonly<Record<string, FieldType>>): T {
  if (typeof data !== 'object' || data === null) {
    throw new MalformedResponseError(`malformed response: ${label}: expected a JSON object, got ${whatCame(data)}`)
  }
  for (const [path, type] of Object.entries(fields)) {
    const value = at(data, path)
    if (!matches(value, type)) {
      throw new MalformedResponseError(`malformed response: ${label}: '${path}' should be ${type.replace('?', ' or null')}, got ${typeOf(value)}`)
    }
  }
  return data as T
}

/** Asserts every element of `data[arrayPath]` (or `data` itself when arrayPath is '') has `fields`. */
export function expectList<T>(label: string, data: unknown, arrayPath: string, fields: Readonly<Record<string, FieldType>>): T[] {
  const list = arrayPath === '' ? data : at(data, arrayPath)
  if (!Array.isArray(list)) {
    const got = arrayPath === '' ? whatCame(data) : typeof data === 'object' && data !== null ? typeOf(list) : whatCame(data)
    throw new MalformedResponseError(`malformed response: ${label}: '${arrayPath || 'body'}' should be an array, got ${got}`)
  }
  list.forEach((item, i) => expectShape(`${label} [${i}]`, item, fields))
  return list as T[]
}

/** The pull request fields wait-ci and merge read. */
export interface PullRequestShape {
  number: number
  state: string
  draft?: boolean
  merged?: boolean
  mergeable: boolean | null
  mergeable_state?: string
  merge_commit_sha: string | null
  head: { sha: string; ref: string }
  base: { sha: string; ref: string }
}

/** Checks a `GET /repos/{owner}/{repo}/pulls/{pull_number}` body. */
export function expectPullRequest(label: string, data: unknown): PullRequestShape {
  return expectShape<PullRequestShape>(label, data, {
    number: 'number',
    state: 'string',
    mergeable: 'boolean?',
    merge_commit_sha: 'string?',
    'head.sha': 'string',
    'head.ref': 'string',
    'base.sha': 'string',
    'base.ref': 'string'
  })
}

/** One check run as wait-ci reads it. */
export interface CheckRunShape {
  id: number
  name: string
  status: string
  conclusion: string | null
  started_at: string | null
  completed_at: string | null
  html_url?: string | null
  details_url?: string | null
  app: { id: number; slug?: string } | null
}

/** Checks a `GET /repos/{owner}/{repo}/commits/{ref}/check-runs` page. */
export function expectCheckRunsPage(label: string, data: unknown): { total_count: number; check_runs: CheckRunShape[] } {
  const page = expectShape<{ total_count: number; check_runs: CheckRunShape[] }>(label, data, { total_count: 'number', check_runs: 'array' })
  expectList(label, page, 'check_runs', {
    id: 'number',
    name: 'string',
    status: 'string',
    conclusion: 'string?',
    started_at: 'string?',
    completed_at: 'string?',
    html_url: 'string?',
    details_url: 'string?',
    app: 'object?'
  })
  return page
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** Parses a check-runs page into observations; throws MalformedResponseError on a wrong shape. */
export function parseCheckRunsPage(label: string, data: unknown): { totalCount: number; runs: ObservedCheckRun[] } {
  const page = expectCheckRunsPage(label, data)
  const runs = page.check_runs.map((raw): ObservedCheckRun => {
    const app = raw.app as { id?: unknown; slug?: unknown } | null
    return {
      id: raw.id,
      name: raw.name,
      status: raw.status,
      conclusion: raw.conclusion,
      startedAt: raw.started_at,
      completedAt: raw.completed_at ?? null,
      appId: typeof app?.id === 'number' ? app.id : null,
      appSlug: text(app?.slug),
      url: text(raw.html_url) ?? text(raw.details_url)
    }
  })
  return { totalCount: page.total_count, runs }
}

/** One commit status. */
export interface StatusShape {
  id: number
  context: string
  state: string
  target_url?: string | null
  created_at: string
  updated_at: string
}

/** Checks a `GET /repos/{owner}/{repo}/commits/{ref}/status` body. */
export function expectCombinedStatus(label: string, data: unknown): { state: string; sha: string; total_count: number; statuses: StatusShape[] } {
  const combined = expectShape<{ state: string; sha: string; total_count: number; statuses: StatusShape[] }>(label, data, {
    state: 'string',
    sha: 'string',
    total_count: 'number',
    statuses: 'array'
  })
  expectList(label, combined, 'statuses', statusFields)
  return combined
}

const statusFields = { context: 'string', state: 'string', created_at: 'string?', updated_at: 'string?', target_url: 'string?' } as const

function observedStatus(raw: StatusShape): ObservedStatus {
  return {
    id: typeof raw.id === 'number' ? raw.id : 0,
    context: raw.context,
    state: raw.state,
    createdAt: text(raw.created_at),
    updatedAt: text(raw.updated_at),
    url: text(raw.target_url)
  }
}

/** Parses `GET /commits/{ref}/status` (the newest status per context) into observations. */
export function parseCombinedStatus(label: string, data: unknown): { totalCount: number; statuses: ObservedStatus[] } {
  const combined = expectCombinedStatus(label, data)
  return { totalCount: combined.total_count, statuses: combined.statuses.map(observedStatus) }
}

/** Parses a page of `GET /commits/{ref}/statuses` (the history, newest first) into observations. */
export function parseStatusHistory(label: string, data: unknown): ObservedStatus[] {
  return expectList<StatusShape>(label, data, '', statusFields).map(observedStatus)
}

// GitHub writes "any source" as null; the protection API also accepts -1 for it.
function appOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

/**
 * Requirements of classic branch protection from `GET /repos/{o}/{r}/branches/{b}`
 * (readable with the default token, unlike the admin-only protection endpoints).
 */
export function requiredFromBranch(label: string, data: unknown): GateEntry[] {
  const branch = expectShape<{ protected?: unknown; protection?: { required_status_checks?: { checks?: unknown; contexts?: unknown } } }>(
    label,
    data,
    { name: 'string', protected: 'boolean?', protection: 'object?', 'protection.required_status_checks': 'object?' }
  )
  const rsc = branch.protected === true ? branch.protection?.required_status_checks : undefined
  if (rsc === undefined || rsc === null) return []
  const entries = new Map<string, GateEntry>()
  // `checks` carries the app; `contexts` repeats the names without it (older protections only have contexts).
  if (Array.isArray(rsc.checks)) {
    for (const check of expectList<{ context: string; app_id?: unknown }>(`${label} required checks`, rsc.checks, '', { context: 'string' })) {
      const appId = appOf(check.app_id)
      entries.set(`${check.context}\u0000${appId ?? ''}`, { name: check.context, appId, source: 'protection' })
    }
  }
  if (Array.isArray(rsc.contexts)) {
    for (const context of rsc.contexts) {
      if (typeof context !== 'string') throw new MalformedResponseError(`malformed response: ${label}: a required context is not a string`)
      const known = [...entries.values()].some((e) => e.name === context)
      if (!known) entries.set(`${context}\u0000`, { name: context, source: 'protection' })
    }
  }
  return [...entries.values()]
}

/**
 * Requirements of active rulesets from one page of `GET /repos/{o}/{r}/rules/branches/{b}`.
 * Rules in `evaluate` mode are not returned there and do not gate, so every returned
 * `required_status_checks` rule counts.
 */
export function requiredFromRules(label: string, data: unknown): GateEntry[] {
  const rules = expectList<{ type: string; parameters?: unknown }>(label, data, '', { type: 'string' })
  const entries: GateEntry[] = []
  for (const [i, rule] of rules.entries()) {
    if (rule.type !== 'required_status_checks') continue
    const checks = expectList<{ context: string; integration_id?: unknown }>(`${label} [${i}]`, rule, 'parameters.required_status_checks', {
      context: 'string'
    })
    for (const check of checks) entries.push({ name: check.context, appId: appOf(check.integration_id), source: 'ruleset' })
  }
  return entries
}
