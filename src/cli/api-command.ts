/**
 * What `purple wait-ci` and `purple merge` share: flags read through the
 * actions' own input parsers, the repository (from --repo or the `origin`
 * remote), the client, progress on stderr, and how a result, a credential
 * problem or a usage error ends the run.
 */
import type { InputDeclaration, InputSource } from '../core/inputs.js'
import { logText } from '../core/escaping.js'
import { redactSecrets } from '../core/redaction.js'
import { classifyFailure } from '../core/transient.js'
import { parseRepositoryName, repositoryOfRemote, webHostOfApi, withoutCredentials, type RepositoryName } from '../core/github-remote.js'
import { describeError } from '../core/describe-error.js'
import { createGit } from '../git/git.js'
import { GitHubAppAuthError } from '../github/auth.js'
import { ConfigurationError, createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../github/client.js'
import type { ActionLog } from '../actions/runtime.js'
import { EXIT_CODES, UsageError } from './exit-codes.js'
import { AuthError, envApiUrl } from './github-auth.js'
import { jsonDocument } from './json-document.js'
import type { CliIo } from './guard-command.js'

type Env = Readonly<Record<string, string | undefined>>

/** The flags `purple wait-ci` and `purple merge` share (node:util parseArgs options). */
export const API_FLAGS = Object.freeze({
  repo: { type: 'string' },
  pr: { type: 'string' },
  sha: { type: 'string' },
  interval: { type: 'string' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  'request-timeout': { type: 'string' },
  json: { type: 'boolean' }
} as const)

/** What the API commands take from outside besides their arguments; tests of the bundle set the real ones. */
export interface ApiCommandDeps {
  readonly env: Env
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
}

/** The process's environment and clock. */
export const processDeps: ApiCommandDeps = {
  env: process.env,
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))
}

/**
 * An InputSource over parsed flags: each action input with a flag reads it (the
 * action.yml default when left out), the rest keep their defaults; errors name the flag.
 */
export function flagInputs<N extends string>(
  inputs: Readonly<Record<N, InputDeclaration>>,
  flagOf: Readonly<Partial<Record<N, string>>>,
  values: Readonly<Record<string, unknown>>
): InputSource<N> {
  return Object.freeze({
    label: (name: N) => (flagOf[name] === undefined ? name : `--${flagOf[name]}`),
    get: (name: N) => {
      const flag = flagOf[name]
      const value = flag === undefined ? undefined : values[flag]
      if (typeof value === 'string') return value
      const fallback = inputs[name].default ?? ''
      // An unevaluated `${{ … }}` default means "unset" outside the runner.
      return fallback.startsWith('${{') ? '' : fallback
    }
  })
}

/** Runs a shared parser; its "Input '--flag' is ..." error becomes a usage error naming the option. */
export function parseFlags<T>(command: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    throw new UsageError(describeError(e).replace(/^Input '--/, "option '--"), command)
  }
}

/** A whole number flag that must be given (e.g. --pr); the parsers leave "empty" to the event, the CLI has none. */
export function requireFlag<T>(value: T | undefined, command: string, message: string): T {
  if (value === undefined) throw new UsageError(message, command)
  return value
}

/** The repository: --repo, else the GitHub repository the `origin` remote of `cwd` points at. */
export async function resolveRepository(flag: string | undefined, cwd: string, env: Env, command: string): Promise<RepositoryName> {
  if (flag !== undefined) {
    const named = parseRepositoryName(flag)
    if (named === undefined) throw new UsageError(`--repo is '${flag}': write owner/name, e.g. --repo octo-org/app`, command)
    return named
  }
  const git = createGit(cwd)
  let answer: { exitCode: number; stdout: string; stderr: string }
  try {
    answer = await git.run(['remote', 'get-url', 'origin'], { okExitCodes: [0, 2, 128] })
  } catch (e) {
    throw new UsageError(`no --repo, and git could not be asked for the origin remote (${describeError(e)}): pass --repo owner/name`, command)
  }
  if (answer.exitCode === 128) throw new UsageError(`no --repo, and ${cwd} is not in a git repository: pass --repo owner/name`, command)
  if (answer.exitCode !== 0) throw new UsageError("no --repo, and this repository has no 'origin' remote: pass --repo owner/name", command)
  const url = answer.stdout.trim()
  const hosts = ['github.com', ...[webHostOfApi(safeApiUrl(env))].filter((h): h is string => h !== undefined)]
  const named = repositoryOfRemote(url, hosts)
  if (named === undefined) {
    const where = [...new Set(hosts)].join(' or ')
    throw new UsageError(`no --repo, and the origin remote '${logText(withoutCredentials(url))}' is not a repository on ${where}: pass --repo owner/name`, command)
  }
  return named
}

function safeApiUrl(env: Env): string {
  try {
    return envApiUrl(env)
  } catch {
    return 'https://api.github.com'
  }
}

/** Rewrites the action's words in a shared message into the command line's. */
export type CliWords = (text: string) => string

const asIs: CliWords = (text) => text

/**
 * The messages merge and wait-ci share with the actions name action inputs ("raise 'timeout-seconds'"); on the
 * command line they name its flags (--timeout) and the App's environment variables instead. Only the hyphenated
 * inputs a command has a flag for, and the App-auth pair, each as the exact quoted form the messages use.
 */
export function cliWords(flagOf: Readonly<Record<string, string | undefined>>): CliWords {
  const app = 'PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE'
  const pairs: [string, string][] = [
    ["'app-id' and 'private-key'", app],
    ["'app-id', 'private-key'", app],
    ...Object.entries(flagOf).flatMap(([input, flag]): [string, string][] => (flag !== undefined && input.includes('-') ? [[`'${input}'`, `--${flag}`]] : []))
  ]
  return (text) => pairs.reduce((out, [from, to]) => out.replaceAll(from, to), text)
}

/** Progress lines on stderr: human lines, or with --json one JSON object per line. Secrets redacted. */
export function cliLog(io: CliIo, command: string, json: boolean, words: CliWords = asIs): ActionLog {
  const line = (level: 'info' | 'warning', message: string): void => {
    // The work functions name themselves ("wait-ci: ..."), which the prefix already does.
    const text = redactSecrets(words(message.startsWith(`${command}: `) ? message.slice(command.length + 2) : message))
    if (json) io.stderr(`${JSON.stringify({ command, level, message: text })}\n`)
    else io.stderr(`purple ${command}: ${level === 'warning' ? 'warning: ' : ''}${logText(text)}\n`)
  }
  return { info: (m) => line('info', m), warning: (m) => line('warning', m) }
}

/** What the client's requests ended with, for the exit code: a refused credential, a last request that failed transiently. */
export interface RequestWatch {
  /** A request (after the client's own retries) ended in 401, or GitHub refused the App. */
  readonly authRefused: boolean
  /** The newest request that ended failed transiently (the client had given up on it). */
  readonly lastFailedTransiently: boolean
}

/** True for a refused or unusable credential: a 401, GitHub refusing the App, a key that cannot sign. */
export function isAuthFailure(error: unknown): boolean {
  if (error instanceof GitHubAppAuthError) return true
  if (error instanceof ConfigurationError) return error.code === 'GITHUB_APP_AUTH'
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 401
}

// A timer and the clock may disagree by a millisecond about when the deadline came.
const DEADLINE_SLACK_MS = 5

/**
 * Watches every request of the client from outside its retries (a hook registered last runs
 * outermost). A request the deadline cut off says nothing about GitHub and is left out.
 */
function watchRequests(client: GitHubClient, now: () => number, deadline: number): RequestWatch {
  const watch = { authRefused: false, lastFailedTransiently: false }
  client.octokit.hook.after('request', () => {
    watch.lastFailedTransiently = false
  })
  client.octokit.hook.error('request', (error: unknown) => {
    if (isAuthFailure(error)) watch.authRefused = true
    else if (now() < deadline - DEADLINE_SLACK_MS) watch.lastFailedTransiently = classifyFailure(error).kind !== 'permanent'
    throw error
  })
  return watch
}

/** The client for a CLI run: its retry lines go to the progress log, no mask commands, the run's deadline. */
export function createCliClient(options: GitHubClientOptions, log: ActionLog, deps: ApiCommandDeps, deadline: number): { client: GitHubClient; requests: RequestWatch } {
  let client: GitHubClient
  try {
    client = createGitHubClient({ ...options, deadline, log: (m) => log.info(m), setSecret: () => undefined, now: deps.now, sleep: deps.sleep })
  } catch (e) {
    if (isAuthFailure(e)) throw new AuthError(describeError(e).replace(/Input 'private-key'/g, 'the private key'), { cause: e })
    throw e
  }
  return { client, requests: watchRequests(client, deps.now, deadline) }
}

/** How a run ended: its exit code, its document's fields (outputs as JSON values), the lines for a person. */
export interface CommandEnd {
  readonly code: number
  readonly fields: Readonly<Record<string, unknown>>
  readonly lines: readonly string[]
}

/**
 * Runs an API command's body and prints its end: with --json exactly one
 * purple/v1 document on stdout, else the lines. A credential problem exits 4
 * (with a document under --json); a usage error is left to main (exit 2).
 */
export async function runApiCommand(command: string, json: boolean, io: CliIo, body: () => Promise<CommandEnd>, words: CliWords = asIs): Promise<number> {
  let end: CommandEnd
  try {
    end = await body()
  } catch (e) {
    const bad = e instanceof ConfigurationError && e.code === 'ERR_INVALID_URL' ? new UsageError(e.message, command) : e
    if (!(bad instanceof AuthError)) throw bad
    const message = redactSecrets(bad.message)
    io.stderr(`purple ${command}: ${logText(message)}\n`)
    if (json) io.stdout(jsonDocument(command, { 'exit-code': EXIT_CODES.auth, error: message }))
    return EXIT_CODES.auth
  }
  const message = end.fields['message']
  const fields = typeof message === 'string' ? { ...end.fields, message: words(message) } : end.fields
  if (json) io.stdout(redactSecrets(jsonDocument(command, { 'exit-code': end.code, ...fields })))
  else for (const line of end.lines) io.stdout(`${logText(redactSecrets(words(line)))}\n`)
  return end.code
}
