/**
 * The rule engine behind every failure classification in Purple: compiles the
 * rules of src/core/failure-rules.ts (plus a user's own), checks each pattern
 * stays in a linear-time subset, and finds the rule that decides for a piece
 * of output. Pure: text and exit code in, verdict out.
 *
 * See docs/decisions.md, "Failure rules: permanent first, unknown retried".
 */
import { FAILURE_RULES, type FailureRule, type FailureRuleClass } from './failure-rules.js'
import { isRecord } from './records.js'

/** A rule ready to run. */
export interface CompiledRule {
  readonly rule: FailureRule
  readonly regex?: RegExp
}

/** What the engine decided: a rule's class, or `unknown` when none matched. */
export interface TextVerdict {
  readonly class: FailureRuleClass | 'unknown'
  /** The rule that decided; absent for `unknown`. */
  readonly rule?: FailureRule
  /** The output line the pattern matched (trimmed, at most 300 characters); '' for an exit-code rule. */
  readonly line: string
}

/** Longest pattern accepted, in characters. */
const MAX_PATTERN_LENGTH = 400
/** Largest count in a `{m,n}` quantifier. */
const MAX_REPEAT = 100
/** Cap on the product of choices (alternatives, optional parts, repeat ranges) one match start can try. */
const MAX_BRANCHING = 256
/** Output looked at: the tail, as the cause of a failure is printed last. */
export const MAX_CLASSIFIED_CHARS = 1_048_576

const TIER: Readonly<Record<FailureRuleClass, number>> = { permanent: 0, auth: 0, 'rate-limited': 1, transient: 2 }

/**
 * Why a pattern is refused, or undefined when it is in the linear-time subset:
 * no backreference or lookaround, no count on a group (`?` is fine), no unbounded
 * quantifier (`*`, `+`, `{m,}`), counts at most 100, and a bounded number of
 * choices per match start. With these, V8's backtracking does at most a
 * constant amount of work per input position, so a match is linear in the input.
 */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return 'the pattern is empty'
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`
  let branching = 1
  const alternatives: number[] = [1]
  let i = 0
  let lastAtomWasGroup = false
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === '\\') {
      const next = pattern[i + 1] ?? ''
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed'
      i += 2
      lastAtomWasGroup = false
      continue
    }
    if (c === '[') {
      const end = classEnd(pattern, i)
      if (end < 0) return 'a character class is not closed'
      i = end + 1
      lastAtomWasGroup = false
      continue
    }
    if (c === '(') {
      if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) return 'lookahead and lookbehind are not allowed'
      alternatives.push(1)
      const named = pattern.startsWith('(?<', i) ? pattern.indexOf('>', i) : -1
      i = pattern.startsWith('(?:', i) ? i + 3 : named > 0 ? named + 1 : i + 1
      lastAtomWasGroup = false
      continue
    }
    if (c === ')') {
      branching *= alternatives.pop() ?? 1
      if (alternatives.length === 0) return 'a group is closed that was never opened'
      i += 1
      lastAtomWasGroup = true
      continue
    }
    if (c === '|') {
      alternatives.push((alternatives.pop() ?? 1) + 1)
      i += 1
      continue
    }
    if (c === '*' || c === '+') return `the unbounded quantifier '${c}' is not allowed: use {0,${MAX_REPEAT}} or {1,${MAX_REPEAT}}`
    if (c === '?' || c === '{') {
      // An optional group is fine (its choices are counted below); a repeated one multiplies them per repetition.
      if (lastAtomWasGroup && c === '{') return 'a counted quantifier on a group is not allowed'
      const range = c === '?' ? { min: 0, max: 1, length: 1 } : parseBraces(pattern, i)
      if (typeof range === 'string') return range
      branching *= range.max - range.min + 1
      i += range.length
      if (pattern[i] === '?') i += 1 // lazy modifier
      continue
    }
    i += 1
    lastAtomWasGroup = false
  }
  if (alternatives.length !== 1) return 'a group is not closed'
  branching *= alternatives[0] ?? 1
  if (branching > MAX_BRANCHING) return `the pattern has too many choices per position (${branching} > ${MAX_BRANCHING})`
  try {
    new RegExp(pattern, 'im')
  } catch (e) {
    return `it is not a valid regular expression (${e instanceof Error ? e.message : String(e)})`
  }
  return undefined
}

function classEnd(pattern: string, start: number): number {
  let i = start + 1
  if (pattern[i] === '^') i += 1
  if (pattern[i] === ']') i += 1
  while (i < pattern.length) {
    if (pattern[i] === '\\') i += 2
    else if (pattern[i] === ']') return i
    else i += 1
  }
  return -1
}

function parseBraces(pattern: string, start: number): { min: number; max: number; length: number } | string {
  const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(pattern.slice(start, start + 12))
  if (m === null) return "a '{' must be a bounded count such as {1,40}"
  const min = Number(m[1])
  if (m[2] !== undefined && m[3] === '') return `the unbounded quantifier '{${min},}' is not allowed`
  const max = m[3] !== undefined ? Number(m[3]) : min
  if (max < min || max > MAX_REPEAT) return `a count must lie within 0..${MAX_REPEAT}`
  return { min, max, length: m[0].length }
}

/** Validates and compiles rules, permanent and auth first, then rate-limited, then transient; throws naming the rule. */
export function compileRules(rules: readonly FailureRule[]): CompiledRule[] {
  const compiled = rules.map((rule, index): CompiledRule & { index: number } => {
    if (rule.pattern === undefined && (rule.exitCodes === undefined || rule.exitCodes.length === 0)) {
      throw new Error(`failure rule '${rule.id}' has neither a pattern nor exit codes`)
    }
    if (rule.pattern === undefined) return { rule, index }
    const problem = checkPattern(rule.pattern)
    if (problem !== undefined) throw new Error(`failure rule '${rule.id}': ${problem}`)
    return { rule, regex: new RegExp(rule.pattern, 'im'), index }
  })
  // A stable sort keeps the file order within a tier.
  compiled.sort((a, b) => TIER[a.rule.class] - TIER[b.rule.class] || a.index - b.index)
  return compiled.map(({ rule, regex }) => ({ rule, regex }))
}

let builtIn: CompiledRule[] | undefined

/** The built-in rules, compiled once. */
export function builtInRules(): CompiledRule[] {
  builtIn ??= compileRules(FAILURE_RULES)
  return builtIn
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1
  const newline = text.indexOf('\n', index)
  const line = text.slice(start, newline < 0 ? text.length : newline).trim()
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}

/**
 * The rule that decides for this output and exit code: the first match in tier
 * order (permanent and auth, then rate-limited, then transient), or `unknown`.
 */
export function classifyText(text: string, options: { exitCode?: number; rules?: readonly CompiledRule[] } = {}): TextVerdict {
  const rules = options.rules ?? builtInRules()
  const tail = text.length > MAX_CLASSIFIED_CHARS ? text.slice(text.length - MAX_CLASSIFIED_CHARS) : text
  for (const { rule, regex } of rules) {
    if (rule.exitCodes !== undefined && rule.exitCodes.length > 0) {
      if (options.exitCode === undefined || !rule.exitCodes.includes(options.exitCode)) continue
      if (regex === undefined) return { class: rule.class, rule, line: '' }
    }
    if (regex === undefined) continue
    const match = regex.exec(tail)
    if (match !== null) return { class: rule.class, rule, line: lineAround(tail, match.index) }
  }
  return { class: 'unknown', line: '' }
}

const CLASSES: readonly FailureRuleClass[] = ['transient', 'rate-limited', 'auth', 'permanent']

/**
 * Reads a user's rule file: `{"version": 1, "rules": [{"id", "class", "pattern" | "exitCodes", "summary"?, "source"?}]}`.
 * Throws an Error naming the file and the rule on anything malformed.
 */
export function parseRuleFile(json: string, fileName: string): FailureRule[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (e) {
    throw new Error(`rules file '${fileName}' is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e })
  }
  const list = isRecord(parsed) ? parsed.rules : undefined
  if (!Array.isArray(list)) throw new Error(`rules file '${fileName}' must be {"version": 1, "rules": [...]}`)
  const rules = list.map((raw: unknown, n): FailureRule => {
    const r = isRecord(raw) ? raw : {}
    const where = `rules file '${fileName}', rule ${n + 1}`
    if (typeof r.id !== 'string' || r.id === '') throw new Error(`${where}: 'id' must be a non-empty string`)
    if (!CLASSES.includes(r.class as FailureRuleClass)) {
      throw new Error(`${where} ('${r.id}'): 'class' must be one of ${CLASSES.join(', ')}`)
    }
    if (r.pattern !== undefined && typeof r.pattern !== 'string') throw new Error(`${where} ('${r.id}'): 'pattern' must be a string`)
    const codes = r.exitCodes
    if (codes !== undefined && (!Array.isArray(codes) || !codes.every((c) => Number.isInteger(c)))) {
      throw new Error(`${where} ('${r.id}'): 'exitCodes' must be a list of integers`)
    }
    return {
      id: r.id,
      class: r.class as FailureRuleClass,
      ...(typeof r.pattern === 'string' ? { pattern: r.pattern } : {}),
      ...(codes !== undefined ? { exitCodes: codes as number[] } : {}),
      summary: typeof r.summary === 'string' ? r.summary : r.id,
      source: typeof r.source === 'string' ? r.source : fileName
    }
  })
  compileRules(rules) // validates every pattern now, so a bad file fails before the first attempt
  return rules
}

/** The user's rules ahead of the built-in ones (so they can override), compiled in tier order. */
export function withUserRules(user: readonly FailureRule[]): CompiledRule[] {
  return user.length === 0 ? builtInRules() : compileRules([...user, ...FAILURE_RULES])
}
