/**
 * The conversation with GitHub as a readable, ordered log, for a committed
 * snapshot per scenario: a behaviour change shows up as a reviewable diff.
 * Requests sent together (the same simulated instant) are listed in a stable
 * order, so parallel reads do not make the snapshot flaky.
 */
import type { LogEntry, Sim } from './server.js'

// Body fields that decide what a write does; everything else is noise in a review.
const FIELDS = ['sha', 'merge_method', 'expected_head_sha', 'expectedHeadOid', 'pullRequestId', 'jump', 'state', 'conclusion', 'name', 'head_sha']

function who(token: string | null): string {
  if (token === null) return 'anonymous'
  if (token.split('.').length === 3) return 'app-jwt'
  return token.startsWith('ghs_') ? 'installation-token' : 'token'
}

function fieldsOf(entry: LogEntry): string {
  const body = entry.body
  if (typeof body !== 'object' || body === null) return ''
  const record = body as Record<string, unknown>
  if (typeof record['query'] === 'string') {
    const operation = /^\s*(query|mutation)\s*(\w+)?/.exec(record['query'] as string)
    const variables = (record['variables'] ?? {}) as Record<string, unknown>
    const picked = FIELDS.filter((f) => f in variables).map((f) => `${f}=${JSON.stringify(variables[f])}`)
    return [`${operation?.[1] ?? 'query'} ${operation?.[2] ?? ''}`.trim(), ...picked].join(' ')
  }
  return FIELDS.filter((f) => f in record).map((f) => `${f}=${JSON.stringify(record[f])}`).join(' ')
}

/** One line per request: method, path and query, the fields that matter, the answer's status and any fault. */
export function describeRequest(entry: LogEntry): string {
  const query = Object.entries(entry.query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const parts = [`${entry.method} ${entry.path}${query ? `?${query}` : ''}`]
  const fields = fieldsOf(entry)
  if (fields) parts.push(`{${fields}}`)
  if (entry.ifNoneMatch !== null) parts.push('(conditional)')
  parts.push(`[${who(entry.token)}]`)
  parts.push(`-> ${entry.status ?? 'no answer'}${entry.fault ? ` (${entry.fault})` : ''}${entry.early ? ' EARLY' : ''}`)
  return parts.join(' ')
}

/**
 * The ordered request log of a scenario, as text for `toMatchSnapshot()`. Ordered by simulated time, then
 * arrival; within one simulated instant each run of reads between two writes is listed sorted, because reads
 * a client sends in parallel arrive in any order (and reads sent one after another in the same instant cannot
 * be told apart from them by the server). A write never moves across a read: that order is the behaviour.
 */
export function conversation(sim: Sim): string {
  const entries = [...sim.log].sort((a, b) => a.time - b.time || a.seq - b.seq)
  const out: string[] = []
  let reads: string[] = []
  let instant: number | null = null
  const flush = () => {
    out.push(...reads.sort())
    reads = []
  }
  for (const entry of entries) {
    if (entry.time !== instant) flush()
    instant = entry.time
    const text = describeRequest(entry)
    if (entry.method === 'GET' || isGraphqlQuery(entry)) reads.push(text)
    else {
      flush()
      out.push(text)
    }
  }
  flush()
  return `\n${out.join('\n')}\n`
}

/** A GraphQL POST that only reads (a `query`, not a `mutation`). */
function isGraphqlQuery(entry: LogEntry): boolean {
  const body = entry.body as { query?: unknown } | null
  return entry.method === 'POST' && entry.path === '/graphql' && typeof body?.query === 'string' && !/^\s*mutation\b/.test(body.query)
}

/**
 * The request log of a polling scenario in rounds, for `toMatchSnapshot()` where the
 * wall clock runs: a round ends when a request repeats one already sent in it (the
 * next poll asks the same things again). Reads a poll sends in parallel arrive in
 * any order, so each round lists its lines sorted; rounds are separated by a blank line.
 * Needs each poll to send each request at most once (no client retries).
 */
export function conversationInRounds(sim: Sim): string {
  const rounds: { keys: Set<string>; lines: string[] }[] = []
  for (const entry of [...sim.log].sort((a, b) => a.seq - b.seq)) {
    const key = `${entry.method} ${entry.path}?${JSON.stringify(entry.query)}`
    let round = rounds[rounds.length - 1]
    if (round === undefined || round.keys.has(key)) {
      round = { keys: new Set(), lines: [] }
      rounds.push(round)
    }
    round.keys.add(key)
    round.lines.push(describeRequest(entry))
  }
  return `\n${rounds.map((r) => r.lines.sort().join('\n')).join('\n\n')}\n`
}
