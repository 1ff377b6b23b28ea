/**
 * `purple merge`: the merge action's work (src/actions/merge) from a terminal
 * or an orchestrator's container. It merges only the sha it is given (the one
 * wait-ci verified): every merge call carries it, so GitHub refuses a moved head.
 */
import { blockersOutput } from '../actions/merge/outputs.js'
import { parseArgs } from 'node:util'
import { MERGE_DEFAULTS, mergeOutputs, mergeOwnInputs } from '../actions/merge/io.js'
import { merge, type MergeResult } from '../actions/merge/merge.js'
import { parseMergeOptions, type MergeInputName } from '../actions/merge/settings.js'
import { EXIT_CODES, UsageError } from './exit-codes.js'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { verifiedSha } from './verified-document.js'
import {
  API_FLAGS,
  cliLog,
  cliWords,
  createCliClient,
  flagInputs,
  parseFlags,
  processDeps,
  requireFlag,
  resolveRepository,
  runApiCommand,
  type ApiCommandDeps,
  type RequestWatch
} from './api-command.js'
import { readCliClientSettings } from './github-auth.js'
import type { CliIo } from './guard-command.js'

export const MERGE_HELP = `Usage: purple merge [--repo <owner/name>] --pr <number> --sha <sha> [options]

Merges the pull request at --sha, the head wait-ci verified; GitHub refuses if the
head moved. While GitHub still reports required checks as expected (or is computing
mergeability), it tries again within --timeout. A merge call whose answer was lost is
never repeated blindly: the pull request is read back first.

Options:
  --repo <owner/name>     Default: the GitHub repository of the 'origin' remote here.
  --pr <number>           The pull request to merge.
  --sha <sha>             The verified head sha (wait-ci's 'sha'); required unless --verified.
  --verified <file>       The document 'purple wait-ci --json' printed: merge the sha it verified
                          (refused unless that wait succeeded).
  --method <m>            merge, squash or rebase (default: the first the repository allows).
  --timeout <s>           Budget for retrying while checks are expected (default ${MERGE_DEFAULTS.timeoutSeconds}).
  --interval <s>          First wait between tries (default ${MERGE_DEFAULTS.intervalSeconds}); it grows.
  --max-retries <n>       Retries of one read after a transient failure (default 4).
  --request-timeout <s>   Longest time one API request may take (default 30).
  --json                  Print one purple/v1 document with the outputs; progress as JSON lines on stderr.

Token: GH_TOKEN, else GITHUB_TOKEN; or a GitHub App: PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE
(or PURPLE_PRIVATE_KEY). API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 merged, 1 not merged (refused, head-moved, behind, or unknown-outcome: look
at the pull request), 2 usage, 4 authentication, 8 checks still expected at --timeout,
75 GitHub could not be reached.
`

const FLAGS: Partial<Record<MergeInputName, string>> = {
  'pull-request': 'pr',
  sha: 'sha',
  method: 'method',
  'timeout-seconds': 'timeout',
  'interval-seconds': 'interval'
}

/** The exit code of a finished merge, from its reason and whether GitHub refused the credential. */
export function mergeExitCode(result: Pick<MergeResult, 'merged' | 'reason'>, requests: RequestWatch): number {
  if (result.merged) return EXIT_CODES.success
  if (requests.authRefused) return EXIT_CODES.auth
  if (result.reason === 'pending-timeout') return EXIT_CODES.notYet
  if (result.reason === 'unreachable') return EXIT_CODES.transientExhausted
  // unknown-outcome included: nothing says it merged, so a caller must not go on as if it had.
  return EXIT_CODES.failure
}

/** merge's outputs under the action's names, as JSON values. */
export function mergeDocumentFields(result: MergeResult): Record<keyof typeof mergeOutputs, unknown> {
  return {
    merged: result.merged,
    'merge-commit-sha': result.mergeCommitSha,
    attempts: result.attempts,
    reason: result.reason,
    message: result.message,
    'updated-sha': result.updatedSha,
    'merge-group-sha': result.mergeGroupSha,
    // The blockers as JSON values, not a string of JSON.
    blockers: result.diagnosis === undefined ? null : JSON.parse(blockersOutput(result))
  }
}

/** The sha a wait-ci document at `path` verified; a usage error saying what is wrong otherwise. */
async function readVerified(path: string, cwd: string): Promise<string> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    throw new UsageError(`--verified '${path}' cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'merge')
  }
  const answer = verifiedSha(text)
  if ('error' in answer) throw new UsageError(`--verified '${path}': ${answer.error}`, 'merge')
  return answer.sha
}

/** `purple merge`; returns the exit code. */
export async function mergeCommand(args: readonly string[], io: CliIo, deps: ApiCommandDeps = processDeps): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...API_FLAGS,
      method: { type: 'string' },
      verified: { type: 'string' }
    }
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}': use --pr and --sha`, 'merge')
  const json = values.json ?? false
  const fromWait = values.verified === undefined ? undefined : await readVerified(values.verified, io.cwd)
  if (fromWait !== undefined && values.sha !== undefined && values.sha.toLowerCase() !== fromWait) {
    throw new UsageError(`--sha '${values.sha}' is not the sha '${fromWait}' that --verified records: give one of them`, 'merge')
  }
  const flags = fromWait === undefined ? values : { ...values, sha: fromWait }
  const options = parseFlags('merge', () => parseMergeOptions(flagInputs(mergeOwnInputs, FLAGS, flags)))
  const pullNumber = requireFlag(options.pullRequest, 'merge', 'missing --pr: write the pull request number, e.g. --pr 42')
  // Unlike the action, no fallback to the head read now: the command line merges only a verified sha.
  requireFlag(options.sha, 'merge', "missing --sha: pass the sha wait-ci verified (its 'sha'), or --verified with its --json document, so nothing unverified is merged")
  const words = cliWords(FLAGS)
  return await runApiCommand('merge', json, io, async () => {
    const repository = await resolveRepository(values.repo, io.cwd, deps.env, 'merge')
    const clientOptions = readCliClientSettings(deps.env, values, repository, { cwd: io.cwd, command: 'merge' })
    const log = cliLog(io, 'merge', json, words)
    // --timeout is a hard limit: past it the client starts no retry or rate-limit wait.
    const { client, requests } = createCliClient(clientOptions, log, deps, deps.now() + options.timeoutMs)
    const result = await merge({ ...options, repository, pullNumber }, { client, now: deps.now, sleep: deps.sleep, log })
    const what = result.merged ? `merged at ${result.sha} as ${result.mergeCommitSha}` : `not merged (${result.reason})`
    return {
      code: mergeExitCode(result, requests),
      fields: mergeDocumentFields(result),
      lines: [`merge: pull request #${pullNumber} ${what}: ${result.message}`]
    }
  }, words)
}
