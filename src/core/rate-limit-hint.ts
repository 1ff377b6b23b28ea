/**
 * How long a rate-limited tool asked us to wait, read from its output: a
 * `retry-after` header it printed, "Please try again in 18.642s" (OpenAI's
 * wording), or a reset time (`x-ratelimit-reset`, `anthropic-ratelimit-*-reset`).
 * Pure; every pattern here is linear (bounded counts, no nested quantifiers).
 */

/** Only the tail is read: the hint belongs to the last failure. */
const HINT_WINDOW = 65_536
/** Larger than any sensible wait; a bigger number is a misread, not a hint. */
const MAX_HINT_MS = 24 * 3600_000

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3600_000 }

/** "1m30.5s", "18.642s", "52ms", "2h" -> ms; undefined when not a duration. */
export function parseDuration(text: string): number | undefined {
  const parts = text.match(/(\d{1,9}(?:\.\d{1,9})?)(ms|h|m|s)/g)
  if (parts === null || parts.join('') !== text) return undefined
  let total = 0
  for (const part of parts) {
    const m = /^(\d{1,9}(?:\.\d{1,9})?)(ms|h|m|s)$/.exec(part)
    if (m === null) return undefined
    total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000)
  }
  return total
}

/** A header value: seconds, a duration ("6m0s"), an epoch in seconds (reset headers only), or a date. */
function headerValueMs(value: string, nowMs: number, epochAllowed: boolean): number | undefined {
  const v = value.trim()
  const first = v.split(/[\s,;]/, 1)[0] ?? ''
  const duration = parseDuration(first)
  if (duration !== undefined) return duration
  const number = /^(\d{1,12}(?:\.\d{1,6})?)(?![\d.:TZ-])/.exec(v)
  if (number !== null) {
    const n = Number(number[1])
    // A reset header may carry an absolute epoch in seconds (GitHub's x-ratelimit-reset).
    return epochAllowed && n > 1_000_000_000 ? n * 1000 - nowMs : n * 1000
  }
  const date = Date.parse(v)
  return Number.isNaN(date) ? undefined : date - nowMs
}

/**
 * The longest wait the output asks for, in ms (never negative), or undefined
 * when it names none. The longest, because a tool that prints several limits
 * (requests and tokens) is only usable again once all of them reset.
 */
export function rateLimitHintMs(output: string, nowMs: number): number | undefined {
  const text = output.length > HINT_WINDOW ? output.slice(output.length - HINT_WINDOW) : output
  const waits: number[] = []
  for (const m of text.matchAll(/\bretry-after(-ms)?["']?\s{0,3}[:=]\s{0,3}["']?([^"'\r\n}]{1,40})/gi)) {
    const raw = m[2] ?? ''
    const ms = m[1] !== undefined ? Number(raw.trim()) : headerValueMs(raw, nowMs, false)
    if (ms !== undefined && Number.isFinite(ms)) waits.push(ms)
  }
  for (const m of text.matchAll(/\btry again in (\d{1,9}(?:\.\d{1,9})?(?:ms|h|m|s)(?:\d{1,9}(?:\.\d{1,9})?(?:ms|h|m|s)){0,3})\b/gi)) {
    const ms = parseDuration(m[1] ?? '')
    if (ms !== undefined) waits.push(ms)
  }
  for (const m of text.matchAll(/\b(?:x-)?(?:anthropic-)?ratelimit-(?:[a-z-]{0,30}-)?reset(?:-[a-z]{1,20})?["']?\s{0,3}[:=]\s{0,3}["']?([^"'\r\n,}]{1,40})/gi)) {
    const ms = headerValueMs(m[1] ?? '', nowMs, true)
    if (ms !== undefined && Number.isFinite(ms)) waits.push(ms)
  }
  const sane = waits.filter((w) => w <= MAX_HINT_MS).map((w) => Math.max(0, Math.ceil(w)))
  return sane.length === 0 ? undefined : Math.max(...sane)
}
