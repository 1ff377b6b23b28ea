/**
 * `purple why --repo O/N --pr N [--json]`: what stands between a pull request
 * and a merge, read with whatever token the caller has (no administration
 * access needed), in words or as one JSON document. The exit code alone
 * routes an agent: 0 mergeable, 8 wait and ask again, 1 blocked, 4 the token,
 * 2 usage or a failed read.
 */
import { jsonDocument } from './json-document.js'
import { parseArgs } from 'node:util'
import { createGitHubClient } from '../github/client.js'
import { readMergeFacts } from '../github/merge-facts.js'
import { classifyFailure } from '../core/transient.js'
import { diagnose, needsReread, type Diagnosis, type MergeFacts } from '../core/diagnosis.js'
import { diagnosisDocument, renderDiagnosisText } from '../core/diagnosis-report.js'
import { logText } from '../core/escaping.js'
import { redactSecrets, rememberSecret } from '../core/redaction.js'
import { describeError } from '../core/describe-error.js'
import type { CliIo } from './guard-command.js'
import { envToken } from './github-auth.js'

export const WHY_USAGE = `Usage: purple why --repo <owner/name> --pr <number> [--json]

Says what stands between the pull request and a merge: each blocker, the rule
behind it, who can clear it, and what the token could not read.
Token: GH_TOKEN, else GITHUB_TOKEN. API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 mergeable, 8 waiting (only pending checks or the merge queue; or GitHub
still computing), 1 blocked (or GitHub blocks for a reason no readable rule explains),
4 no token or the token was refused, 2 usage or a failed read.
`

export const WHY_EXIT = Object.freeze({ mergeable: 0, blocked: 1, usage: 2, auth: 4, waiting: 8 })

type Env = Readonly<Record<string, string | undefined>>

export interface WhyDeps {
  readonly env: Env
  readonly sleep: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The exit code of a diagnosis: an UNKNOWN that outlived the re-reads is worth asking again later (8). */
export function whyExitCode(diagnosis: Diagnosis, facts: Pick<MergeFacts, 'pull'>): number {
  if (diagnosis.verdict === 'mergeable') return WHY_EXIT.mergeable
  if (diagnosis.verdict === 'waiting') return WHY_EXIT.waiting
  if (diagnosis.verdict === 'unknown' && facts.pull.state === 'OPEN' && needsReread(facts)) return WHY_EXIT.waiting
  return WHY_EXIT.blocked
}

class UsageError extends Error {}

function parseWhyArgs(argv: readonly string[]): { repo: { owner: string; repo: string }; pr: number; json: boolean } | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { repo: { type: 'string' }, pr: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
  })
  if (values.help) return 'help'
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}': use --repo and --pr`)
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(values.repo ?? '')
  if (!match) throw new UsageError(values.repo === undefined ? "missing --repo: write --repo owner/name" : `--repo is '${values.repo}': write owner/name, e.g. --repo octo-org/app`)
  const pr = Number(values.pr)
  if (!/^\d+$/.test(values.pr ?? '') || !Number.isSafeInteger(pr) || pr < 1) {
    throw new UsageError(values.pr === undefined ? 'missing --pr: write the pull request number, e.g. --pr 42' : `--pr is '${values.pr}': write the pull request number, e.g. --pr 42`)
  }
  return { repo: { owner: match[1]!, repo: match[2]! }, pr, json: values.json ?? false }
}

/** Runs `purple why`; returns the exit code. */
export async function whyCommand(argv: readonly string[], io: CliIo, deps: WhyDeps = { env: process.env, sleep: realSleep }): Promise<number> {
  let json = argv.includes('--json')
  const fail = (code: number, message: string): number => {
    const text = redactSecrets(message)
    if (json) io.stdout(jsonDocument('why', { 'exit-code': code, error: text }))
    io.stderr(`purple why: ${logText(text)}\n`)
    return code
  }
  let args: Exclude<ReturnType<typeof parseWhyArgs>, 'help'>
  try {
    const parsed = parseWhyArgs(argv)
    if (parsed === 'help') {
      io.stdout(WHY_USAGE)
      return 0
    }
    args = parsed
    json = args.json
  } catch (error) {
    return fail(WHY_EXIT.usage, `${describeError(error)} (see purple why --help)`)
  }

  const token = envToken(deps.env)
  if (token === '') return fail(WHY_EXIT.auth, 'no token: set GH_TOKEN (or GITHUB_TOKEN) to a token that can read the repository')
  rememberSecret(token)
  const baseUrl = (deps.env['GITHUB_API_URL'] ?? '').trim() || 'https://api.github.com'
  try {
    const client = createGitHubClient({
      auth: { kind: 'token', token },
      baseUrl,
      log: (message) => io.stderr(`purple why: ${logText(redactSecrets(message))}\n`),
      // A terminal is no runner: a mask command would only be noise on stdout.
      setSecret: () => undefined,
      sleep: deps.sleep
    })
    const facts = await readMergeFacts(client, args.repo, args.pr, {
      sleep: deps.sleep,
      log: (message) => io.stderr(`purple why: ${logText(message)}\n`)
    })
    const diagnosis = diagnose(facts)
    const code = whyExitCode(diagnosis, facts)
    const where = { repo: `${args.repo.owner}/${args.repo.repo}`, pr: args.pr, head_sha: facts.pull.headSha }
    if (json) {
      io.stdout(jsonDocument('why', { ...diagnosisDocument(diagnosis, where), 'exit-code': code }))
    } else {
      io.stdout(`${where.repo}#${args.pr} (head ${facts.pull.headSha.slice(0, 7)}): ${renderDiagnosisText(diagnosis).join('\n')}\n`)
    }
    return code
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const verdict = classifyFailure(error)
    const refused = status === 401 || (status === 403 && verdict.kind === 'permanent')
    return fail(refused ? WHY_EXIT.auth : WHY_EXIT.usage, describeError(error))
  }
}
