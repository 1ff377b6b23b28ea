/**
 * `purple wait-ci`: the wait-ci action's work (src/actions/wait-ci) from a
 * terminal or an orchestrator's container. Same parsers, same decisions, the
 * same outputs (as JSON values under --json); the exit code routes the caller.
 */
import { parseArgs } from 'node:util'
import { waitCiOwnInputs, waitCiSpec } from '../actions/wait-ci/io.js'
import { waitCiOutputValues } from '../actions/wait-ci/outputs.js'
import { parseWaitCiOptions, type WaitCiInputName, type WaitCiSettings, type WaitTarget } from '../actions/wait-ci/settings.js'
import { waitCi, type WaitCiConclusion, type WaitCiResult } from '../actions/wait-ci/wait-ci.js'
import { EXIT_CODES, UsageError } from './exit-codes.js'
import {
  API_FLAGS,
  cliLog,
  cliWords,
  createCliClient,
  flagInputs,
  parseFlags,
  processDeps,
  resolveRepository,
  runApiCommand,
  type ApiCommandDeps,
  type RequestWatch
} from './api-command.js'
import { readCliClientSettings } from './github-auth.js'
import type { CliIo } from './guard-command.js'

export const WAIT_CI_HELP = `Usage: purple wait-ci [--repo <owner/name>] --pr <number> [--sha <sha>] [options]
       purple wait-ci [--repo <owner/name>] --sha <sha> --base <branch> [options]

Waits until every required check of the base branch's gate is green on the pull
request's head (or on --sha with --base: a merge group's commit, or a push). Never
green while a required check is missing, pending or failing.

Options:
  --repo <owner/name>     Default: the GitHub repository of the 'origin' remote here.
  --pr <number>           The pull request whose head is verified.
  --sha <sha>             The head to verify; with --pr, a different head ends with head-moved.
  --base <branch>         With --sha and no --pr: the branch whose gate applies.
  --interval <s>          Poll interval in seconds (default ${waitCiOwnInputs['interval-seconds'].default}): a change is seen
                          within half of it (polls run every half interval while answers are free 304s).
  --timeout <s>           Longest wait in seconds (default ${waitCiOwnInputs['timeout-seconds'].default}); then timed_out.
  --max-retries <n>       Retries of one API request after a transient failure (default 4).
  --request-timeout <s>   Longest time one API request may take (default 30).
  --json                  Print one purple/v1 document with the outputs; progress as JSON lines on stderr.

Token: GH_TOKEN, else GITHUB_TOKEN; or a GitHub App: PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE
(or PURPLE_PRIVATE_KEY). API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 success, 1 failure or head-moved, 2 usage, 4 authentication,
8 timed out (still pending), 75 timed out while GitHub could not be reached.
`

/** The flag of each wait-ci input the command line sets; the others keep the action's defaults. */
const FLAGS: Partial<Record<WaitCiInputName, string>> = { 'pull-request': 'pr', sha: 'sha', 'timeout-seconds': 'timeout', 'interval-seconds': 'interval' }

/** The exit code of a finished wait: the conclusion, a refused credential, or a wait GitHub never answered at its end. */
export function waitCiExitCode(conclusion: WaitCiConclusion, requests: RequestWatch): number {
  if (conclusion === 'success') return EXIT_CODES.success
  if (requests.authRefused) return EXIT_CODES.auth
  if (conclusion === 'timed_out') return requests.lastFailedTransiently ? EXIT_CODES.transientExhausted : EXIT_CODES.notYet
  return EXIT_CODES.failure
}

/** Output names whose action values are JSON text: the document holds them parsed. */
const JSON_OUTPUTS = new Set<string>(['required', 'failed', 'pending', 'api-requests'])

/** wait-ci's outputs, each as a JSON value, under the action's names. */
export function waitCiDocumentFields(result: WaitCiResult): Record<keyof typeof waitCiSpec.outputs, unknown> {
  const values = waitCiOutputValues(result)
  const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON_OUTPUTS.has(name) ? (JSON.parse(value) as unknown) : value]))
  return fields as Record<keyof typeof waitCiSpec.outputs, unknown>
}

function humanLines(result: WaitCiResult): string[] {
  const lines = [`wait-ci: ${result.conclusion}${result.sha ? ` at ${result.sha}` : ''}: ${result.message}`]
  for (const c of result.checks.filter((check) => check.state === 'failed')) lines.push(`  failed: ${c.name} (${c.detail})${c.url ? ` ${c.url}` : ''}`)
  return lines
}

/** `purple wait-ci`; returns the exit code. */
export async function waitCiCommand(args: readonly string[], io: CliIo, deps: ApiCommandDeps = processDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...API_FLAGS,
      base: { type: 'string' }
    }
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}': use --pr, or --sha with --base`, 'wait-ci')
  const json = values.json ?? false
  const options = parseFlags('wait-ci', () => parseWaitCiOptions(flagInputs(waitCiOwnInputs, FLAGS, values)))
  const target = waitTarget(options.pullRequest, options.sha, values.base)
  const words = cliWords(FLAGS)
  return await runApiCommand('wait-ci', json, io, async () => {
    const repository = await resolveRepository(values.repo, io.cwd, deps.env, 'wait-ci')
    const clientOptions = readCliClientSettings(deps.env, values, repository, { cwd: io.cwd, command: 'wait-ci' })
    const settings: WaitCiSettings = Object.freeze({ client: clientOptions, options, repository, target, run: Object.freeze({ attempt: 1 }) })
    const log = cliLog(io, 'wait-ci', json, words)
    // --timeout is a hard limit: past it the client starts no retry or rate-limit wait.
    const { client, requests } = createCliClient(clientOptions, log, deps, deps.now() + options.timeoutMs)
    const result = await waitCi(settings, { client, now: deps.now, sleep: deps.sleep, log })
    return { code: waitCiExitCode(result.conclusion, requests), fields: { ...waitCiDocumentFields(result), message: result.message }, lines: humanLines(result) }
  }, words)
}

/** What to verify: --pr's head, or --sha on --base (a merge group or a push); anything else is a usage error. */
function waitTarget(pullRequest: number | undefined, sha: string | undefined, base: string | undefined): WaitTarget {
  if (base !== undefined) {
    if (pullRequest !== undefined) throw new UsageError('--base is for a commit without a pull request: give --pr, or --sha with --base, not both', 'wait-ci')
    if (sha === undefined) throw new UsageError('--base needs --sha: the commit to verify (a merge group sha or a pushed commit)', 'wait-ci')
    if (base.trim() === '' || /\s/.test(base)) throw new UsageError(`--base is '${base}': write the branch name, e.g. --base main`, 'wait-ci')
    return Object.freeze({ kind: 'merge-group', headSha: sha, baseRef: base.trim().replace(/^refs\/heads\//, '') })
  }
  if (pullRequest === undefined) throw new UsageError('missing --pr: write the pull request number, e.g. --pr 42 (or --sha with --base for a commit without one)', 'wait-ci')
  return Object.freeze({ kind: 'pull-request', number: pullRequest })
}
