/**
 * Shape checks for the GitHub answers the actions rely on. A 200 whose body
 * was cut mid-stream resolves in Octokit as `data: ""` (GraphQL: undefined),
 * and a proxy can answer 200 with an HTML page: reading `data.head.sha` from
 * that would crash or, worse, read as "no checks". A failed check throws
 * MalformedResponseError, which the classifier calls transient, so withRetry
 * asks again.
 */

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
  expectList(label, page, 'check_runs', { id: 'number', name: 'string', status: 'string', conclusion: 'string?', started_at: 'string?', app: 'object?' })
  return page
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
  expectList(label, combined, 'statuses', { context: 'string', state: 'string' })
  return combined
}
