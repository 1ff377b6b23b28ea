/**
 * The retry action's work, shared with `purple retry`: run a command until it
 * succeeds, fails for good, or the attempts or deadline run out, asking the
 * rule engine after each failure. Processes, clock and sleep are deps; the
 * decision is src/core/retry-plan.ts.
 */
import { classifyText, type CompiledRule, type TextVerdict } from '../../core/failure-engine.js'
import { logText } from '../../core/escaping.js'
import { rateLimitHintMs } from '../../core/rate-limit-hint.js'
import { decideAfterFailure, type RetryPolicy } from '../../core/retry-plan.js'

/** How one attempt ended. */
export interface AttemptResult {
  /** Exit code; undefined when the process died on a signal or never started. */
  readonly exitCode?: number
  readonly signal?: string
  /** True when the per-attempt timeout killed it. */
  readonly timedOut: boolean
  /** The last part of stdout and stderr, interleaved as they arrived. */
  readonly tail: string
  /** Why it could not start (ENOENT, EACCES), if so. */
  readonly spawnError?: string
}

export interface RetryOptions extends RetryPolicy {
  readonly command: string
  readonly args: readonly string[]
  /** Per-attempt limit, ms; undefined = none. */
  readonly attemptTimeoutMs?: number
  readonly rules: readonly CompiledRule[]
}

export interface RetryDeps {
  /** Runs one attempt; `timeoutMs` is the most it may take. */
  readonly run: (command: string, args: readonly string[], timeoutMs: number | undefined) => Promise<AttemptResult>
  readonly sleep: (ms: number) => Promise<void>
  readonly now: () => number
  readonly random: () => number
  /** Progress after each failed attempt. */
  readonly log: (event: RetryEvent) => void
}

/** One failed attempt and what purple retry does next. */
export interface RetryEvent {
  readonly attempt: number
  readonly attempts: number
  /** 'exited 1', 'timed out', 'died on SIGKILL', 'could not start (ENOENT: ...)'. */
  readonly ended: string
  readonly class: TextVerdict['class']
  readonly rule: string
  readonly line: string
  readonly next: 'retry' | 'stop'
  /** The wait before the next attempt, ms (retry only). */
  readonly delayMs?: number
  readonly reason: string
}

/** The human progress line for an event. */
export function formatRetryEvent(event: RetryEvent, who = 'purple retry'): string {
  // The matched line is the command's output: one line, control characters shown escaped.
  const matched = event.line !== '' ? `: '${logText(event.line)}'` : ''
  return `${who}: attempt ${event.attempt}/${event.attempts} ${event.ended} (${event.reason})${matched}`
}

/** What `purple retry` reports (also its JSON document). */
export interface RetryResult {
  readonly exitCode: number
  readonly attempts: number
  /** Class of the last failure, or 'success'. */
  readonly class: TextVerdict['class'] | 'success'
  readonly rule: string
  readonly line: string
  readonly why: string
}

/** Keeps the last `max` characters of a stream of text. */
export class OutputTail {
  private text = ''
  constructor(private readonly max = 65_536) {}
  /** Appends a chunk, dropping the oldest text past the limit. */
  push(chunk: string): void {
    this.text += chunk
    if (this.text.length > this.max * 2) this.text = this.text.slice(this.text.length - this.max)
  }
  /** The kept tail. */
  value(): string {
    return this.text.length > this.max ? this.text.slice(this.text.length - this.max) : this.text
  }
}

const TIMEOUT_VERDICT: TextVerdict = {
  class: 'transient',
  rule: { id: 'attempt-timeout', class: 'transient', summary: 'the attempt ran past its timeout', source: 'the attempt-timeout setting' },
  line: ''
}

function verdictOf(result: AttemptResult, rules: readonly CompiledRule[]): TextVerdict {
  if (result.timedOut) return TIMEOUT_VERDICT
  if (result.spawnError !== undefined) {
    // A shell answers 127 for a command it cannot find; so do we, and that is permanent.
    return classifyText(result.spawnError, { exitCode: 127, rules })
  }
  return classifyText(result.tail, { exitCode: result.exitCode, rules })
}

/** Runs the command until it succeeds, fails for good, or the attempts or deadline run out. */
export async function runRetry(options: RetryOptions, deps: RetryDeps): Promise<RetryResult> {
  const start = deps.now()
  for (let attempt = 1; ; attempt++) {
    const remaining = options.deadlineMs !== undefined ? Math.max(1, options.deadlineMs - (deps.now() - start)) : undefined
    const limit = options.attemptTimeoutMs !== undefined && remaining !== undefined ? Math.min(options.attemptTimeoutMs, remaining) : (options.attemptTimeoutMs ?? remaining)
    const result = await deps.run(options.command, options.args, limit)
    if (result.exitCode === 0 && !result.timedOut) {
      return { exitCode: 0, attempts: attempt, class: 'success', rule: '', line: '', why: 'the command succeeded' }
    }
    const verdict = verdictOf(result, options.rules)
    const exitCode = result.spawnError !== undefined ? 127 : result.exitCode
    const decision = decideAfterFailure(
      { attempt, exitCode, verdict, hintMs: rateLimitHintMs(result.tail, deps.now()) },
      options,
      deps.now() - start,
      deps.random
    )
    const ended = result.timedOut ? 'timed out' : result.spawnError !== undefined ? `could not start (${result.spawnError})` : result.signal !== undefined ? `died on ${result.signal}` : `exited ${result.exitCode}`
    deps.log({
      attempt,
      attempts: options.attempts,
      ended,
      class: verdict.class,
      rule: verdict.rule?.id ?? '',
      line: verdict.line,
      next: decision.action,
      ...(decision.action === 'retry' ? { delayMs: decision.delayMs } : {}),
      reason: decision.why
    })
    if (decision.action === 'stop') {
      return { exitCode: decision.exitCode, attempts: attempt, class: verdict.class, rule: verdict.rule?.id ?? '', line: verdict.line, why: decision.why }
    }
    await deps.sleep(decision.delayMs)
  }
}
