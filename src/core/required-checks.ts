/**
 * The required set of a branch, read from the gate definition rather than from
 * a snapshot of what is visible (a check that registers late is not visible
 * yet, but is required all the same): classic protection as
 * the branch endpoint shows it, rulesets from the rules endpoint, and the
 * `required` input, each name tagged with where it came from.
 */

/** Where a required name came from. */
export type GateSource = 'protection' | 'ruleset' | 'input'

/** One requirement as a single source states it. */
export interface GateEntry {
  readonly name: string
  /** Only a check run of this app satisfies it; undefined = any source. */
  readonly appId?: number
  readonly source: GateSource
}

/** A gate source that was read, or could not be and why. */
export type GateReading =
  | { readonly source: 'protection' | 'ruleset'; readonly ok: true; readonly entries: readonly GateEntry[] }
  | { readonly source: 'protection' | 'ruleset'; readonly ok: false; readonly reason: string }

/** A required check after the union of all sources. */
export interface RequiredCheck {
  readonly name: string
  readonly appId?: number
  readonly sources: readonly GateSource[]
}

export type NoGatePolicy = 'all-observed' | 'fail'

/** What wait-ci waits on: a gate (named checks) or, without one, every observed check. */
export interface RequiredSet {
  readonly mode: 'gate' | 'all-observed' | 'fail'
  readonly checks: readonly RequiredCheck[]
  readonly readings: readonly GateReading[]
  /** Plain-words account of the sources for the log and the summary. */
  readonly notes: readonly string[]
}

/** Extra names from the `required` input, one per line (names may hold commas, e.g. `test (ubuntu, 20)`). */
export function requiredFromInput(text: string): GateEntry[] {
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return [...new Set(names)].map((name) => ({ name, source: 'input' as const }))
}

/**
 * Union of every source, merged per name. A name required by one source for
 * any app and by another for app X needs app X; two different apps stay two
 * requirements, since each rule must be met on its own.
 */
export function unionRequired(entries: readonly GateEntry[]): RequiredCheck[] {
  const byName = new Map<string, GateEntry[]>()
  for (const entry of entries) {
    const list = byName.get(entry.name) ?? []
    list.push(entry)
    byName.set(entry.name, list)
  }
  const checks: RequiredCheck[] = []
  for (const [name, list] of byName) {
    const apps = [...new Set(list.map((e) => e.appId).filter((a): a is number => a !== undefined))].sort((a, b) => a - b)
    const anySources = list.filter((e) => e.appId === undefined).map((e) => e.source)
    if (apps.length === 0) {
      checks.push({ name, sources: orderSources(anySources) })
      continue
    }
    for (const appId of apps) {
      const sources = [...list.filter((e) => e.appId === appId).map((e) => e.source), ...anySources]
      checks.push({ name, appId, sources: orderSources(sources) })
    }
  }
  return checks
}

const sourceOrder: readonly GateSource[] = ['protection', 'ruleset', 'input']
function orderSources(sources: readonly GateSource[]): GateSource[] {
  return sourceOrder.filter((s) => sources.includes(s))
}

/**
 * Builds what to wait on from the gate readings and the `required` input.
 * Without any required name the `on-no-gate` policy decides: wait on all
 * observed checks (never succeeding on none) or fail.
 */
export function buildRequiredSet(
  readings: readonly GateReading[],
  requiredInput: string,
  onNoGate: NoGatePolicy
): RequiredSet {
  const notes: string[] = []
  const entries: GateEntry[] = []
  for (const reading of readings) {
    const label = reading.source === 'protection' ? 'branch protection' : 'rulesets'
    if (reading.ok) {
      entries.push(...reading.entries)
      notes.push(`${label}: read, ${reading.entries.length} required check(s)`)
    } else {
      notes.push(`${label}: could not be read (${reading.reason}); going on with the other sources`)
    }
  }
  const fromInput = requiredFromInput(requiredInput)
  entries.push(...fromInput)
  if (fromInput.length > 0) notes.push(`required input: ${fromInput.length} name(s)`)
  const checks = unionRequired(entries)
  if (checks.length > 0) return { mode: 'gate', checks, readings, notes }

  const anyRead = readings.some((r) => r.ok)
  notes.push(
    anyRead
      ? 'no required checks: the branch has no required status checks and the required input is empty'
      : 'no required checks: no gate source could be read and the required input is empty'
  )
  if (onNoGate === 'fail') {
    notes.push("on-no-gate is 'fail': set 'required' or give the token read access to the branch and its rules")
    return { mode: 'fail', checks: [], readings, notes }
  }
  notes.push("on-no-gate is 'all-observed': waiting for every check observed on the head (none observed is pending)")
  return { mode: 'all-observed', checks: [], readings, notes }
}

/**
 * Compiles a check-name glob: `*` matches any run of characters (slashes included), `?` one; the
 * rest is literal. Check names are not paths, so this is not guard's path dialect: see
 * docs/decisions.md, "Check-name globs are not path globs".
 */
export function compileGlob(glob: string): RegExp {
  let source = ''
  for (const ch of glob) {
    if (ch === '*') source += '.*'
    else if (ch === '?') source += '.'
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 's')
}
