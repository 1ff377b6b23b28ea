/**
 * `purple retry [options] -- COMMAND [ARGS...]`: runs a command (an argument
 * array, no shell), passes its output through live, and on a failure asks the
 * rule engine whether another try can help. The decision is src/core/retry-plan.ts;
 * this file spawns, times and kills.
 */
import { spawn } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'
import { parseArgs } from 'node:util'
import { classifyText, type CompiledRule, type TextVerdict } from '../core/failure-engine.js'
import { rateLimitHintMs } from '../core/rate-limit-hint.js'
import { decideAfterFailure, type RetryPolicy } from '../core/retry-plan.js'
import { integerOption, loadRules } from './classify-command.js'
import { UsageError } from './exit-codes.js'
import type { CliIo } from './guard-command.js'
import { JSON_SCHEMA, jsonDocument } from './json-document.js'

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
export function formatRetryEvent(event: RetryEvent): string {
  const matched = event.line !== '' ? `: '${event.line}'` : ''
  return `purple retry: attempt ${event.attempt}/${event.attempts} ${event.ended} (${event.reason})${matched}`
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
  rule: { id: 'attempt-timeout', class: 'transient', summary: 'the attempt ran past --attempt-timeout', source: 'purple retry' },
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

/** Grace between SIGTERM and SIGKILL for a timed-out attempt's process group. */
const KILL_GRACE_MS = 2000

/**
 * Production `run`: spawns the command in its own process group (so a timeout
 * kills the whole tree, grandchildren included), forwards its output live
 * and keeps the tail. The attempt ends after `timeoutMs`, or when `timer`
 * resolves (tests pass one they control).
 */
export function spawnAttempt(
  command: string,
  args: readonly string[],
  io: { stdout: (chunk: string) => void; stderr: (chunk: string) => void },
  limit: { readonly timeoutMs?: number; readonly timer?: Promise<void>; readonly killGraceMs?: number } = {}
): Promise<AttemptResult> {
  const killGraceMs = limit.killGraceMs ?? KILL_GRACE_MS
  return new Promise((resolve) => {
    let clock: NodeJS.Timeout | undefined
    const timer =
      limit.timer ??
      (limit.timeoutMs !== undefined ? new Promise<void>((done) => (clock = setTimeout(done, limit.timeoutMs))) : undefined)
    const tail = new OutputTail()
    let timedOut = false
    const child = spawn(command, [...args], { detached: true, stdio: ['inherit', 'pipe', 'pipe'] })
    const killGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal)
      } catch {
        // already gone
      }
    }
    const forward = (signal: NodeJS.Signals) => (): void => {
      killGroup(signal)
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
    }
    // The child has its own process group, so a Ctrl-C at the terminal reaches only us: pass it on.
    const onInt = forward('SIGINT')
    const onTerm = forward('SIGTERM')
    process.once('SIGINT', onInt)
    process.once('SIGTERM', onTerm)
    for (const [stream, write] of [
      [child.stdout, io.stdout],
      [child.stderr, io.stderr]
    ] as const) {
      const decoder = new StringDecoder('utf8')
      stream.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk)
        tail.push(text)
        write(text)
      })
    }
    let settled = false
    const finish = (result: Omit<AttemptResult, 'tail' | 'timedOut'>): void => {
      if (settled) return
      settled = true
      clearTimeout(clock)
      process.removeListener('SIGINT', onInt)
      process.removeListener('SIGTERM', onTerm)
      resolve({ ...result, timedOut, tail: tail.value() })
    }
    void timer?.then(() => {
      if (settled) return
      timedOut = true
      killGroup('SIGTERM')
      setTimeout(() => killGroup('SIGKILL'), killGraceMs).unref()
    })
    child.on('error', (error: NodeJS.ErrnoException) => finish({ spawnError: `${error.code ?? 'error'}: ${error.message}` }))
    child.on('close', (code, signal) => {
      // The group may outlive its leader (a background grandchild): end it with the attempt.
      if (timedOut) killGroup('SIGKILL')
      finish({ ...(code !== null ? { exitCode: code } : {}), ...(signal !== null ? { signal } : {}) })
    })
  })
}

export const RETRY_HELP = `Usage: purple retry [options] -- COMMAND [ARGS...]

Runs COMMAND (no shell: wrap it in sh -c '...' for pipes), passes its output
through, and when it fails reads the output to decide:
  transient, rate-limited  retried with exponential backoff and full jitter; a rate
                           limit's own wait (retry-after, "try again in 18.6s",
                           a reset time) is honoured when it is longer
  permanent, auth          stop at once with the command's own exit code
  unknown (no rule)        retried, unless --unknown fail
Exit code: 0 on success, the command's code on a permanent or auth failure,
75 when every attempt failed transiently (or the deadline came first).

Options:
  --attempts N           Attempts in all (default 5).
  --deadline S           Give up after S seconds in all (default: none).
  --attempt-timeout S    Kill an attempt (its whole process group) after S seconds.
  --min-delay S          Shortest wait between attempts (default 1).
  --max-delay S          Longest backoff wait (default 60); a rate-limit hint may be longer.
  --rules FILE           Extra rules, checked before the built-in ones (see purple classify --help).
  --unknown retry|fail   What a failure no rule knows means (default retry).
  --json                 Print one purple/v1 document on stdout at the end; the command's
                         stdout then goes to stderr.
`

function secondsOption(flag: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback
  if (!/^\d{1,7}(\.\d{1,3})?$/.test(value.trim())) {
    throw new UsageError(`${flag} '${value}' is not valid: expected a number of seconds such as 30 or 0.5`, 'retry')
  }
  return Math.round(Number(value) * 1000)
}

/** Turns `purple retry` arguments into options; everything after `--` is the command. */
export function parseRetryArgs(args: readonly string[], cwd: string): RetryOptions & { readonly json: boolean } {
  const dashes = args.indexOf('--')
  if (dashes < 0 || dashes === args.length - 1) {
    throw new UsageError("put the command after '--', e.g. purple retry --attempts 3 -- npm ci", 'retry')
  }
  const { values, positionals } = parseArgs({
    args: args.slice(0, dashes),
    allowPositionals: true,
    options: {
      attempts: { type: 'string' },
      deadline: { type: 'string' },
      'attempt-timeout': { type: 'string' },
      'min-delay': { type: 'string' },
      'max-delay': { type: 'string' },
      rules: { type: 'string' },
      unknown: { type: 'string' },
      json: { type: 'boolean' }
    }
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' before '--': options go before it, the command after it`, 'retry')
  const unknown = values.unknown ?? 'retry'
  if (unknown !== 'retry' && unknown !== 'fail') throw new UsageError(`--unknown '${unknown}' is not valid: expected 'retry' or 'fail'`, 'retry')
  const minDelayMs = secondsOption('--min-delay', values['min-delay'], 1000) ?? 1000
  const maxDelayMs = secondsOption('--max-delay', values['max-delay'], 60_000) ?? 60_000
  if (maxDelayMs < minDelayMs) throw new UsageError(`--max-delay is shorter than --min-delay: make it at least ${minDelayMs / 1000}`, 'retry')
  const [command, ...commandArgs] = args.slice(dashes + 1)
  return {
    command: command ?? '',
    args: commandArgs,
    attempts: integerOption('--attempts', values.attempts, 'retry', 1) ?? 5,
    deadlineMs: secondsOption('--deadline', values.deadline, undefined),
    attemptTimeoutMs: secondsOption('--attempt-timeout', values['attempt-timeout'], undefined),
    minDelayMs,
    maxDelayMs,
    unknown,
    rules: loadRules(values.rules, cwd, 'retry'),
    json: values.json ?? false
  }
}

/** Runs `purple retry` with production deps (real processes, clock and sleep). */
export async function retryCommand(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseRetryArgs(args, io.cwd)
  const result = await runRetry(options, {
    run: (command, commandArgs, timeoutMs) =>
      spawnAttempt(command, commandArgs, { stdout: options.json ? io.stderr : io.stdout, stderr: io.stderr }, { timeoutMs }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    random: Math.random,
    // With --json, progress is one JSON object per line on stderr; without, a human line.
    log: (event) => io.stderr(options.json ? `${JSON.stringify({ schema: JSON_SCHEMA, command: 'retry', event: 'attempt-failed', ...event })}\n` : `${formatRetryEvent(event)}\n`)
  })
  if (options.json) {
    io.stdout(jsonDocument('retry', { 'exit-code': result.exitCode, attempts: result.attempts, class: result.class, rule: result.rule, line: result.line, reason: result.why }))
  }
  return result.exitCode
}
