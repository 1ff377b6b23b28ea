/**
 * `purple retry [options] -- COMMAND [ARGS...]`: the retry action's work
 * (src/actions/retry/retry.ts) on the command line. This file parses the
 * arguments and prints; the loop and the process runner are shared.
 */
import { parseArgs } from 'node:util'
import { runRetry, formatRetryEvent, type RetryOptions } from '../actions/retry/retry.js'
import { spawnAttempt } from '../actions/retry/process-runner.js'
import { integerOption, loadRules } from './cli-options.js'
import { UsageError } from './exit-codes.js'
import type { CliIo } from './guard-command.js'
import { JSON_SCHEMA, jsonDocument } from './json-document.js'

export const RETRY_HELP = `Usage: purple retry [options] -- COMMAND [ARGS...]

Runs COMMAND (no shell: wrap it in sh -c '...' for pipes; stdin is not passed,
so every attempt sees the same input), passes its output through, and when it
fails reads the output to decide:
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
