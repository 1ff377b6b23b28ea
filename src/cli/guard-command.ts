/**
 * `purple guard` on a developer's machine and as a git pre-push hook: the
 * same engine as the action (src/guard), printed as `path:line: message`.
 * Nothing here loads the Actions toolkit.
 */
import { describeError } from '../core/describe-error.js'
import { logText } from '../core/escaping.js'
import { formatFinding, type Finding } from '../core/guard-verdict.js'
import { branchOfPushedRef, parsePrePushInput, type PushUpdate } from '../core/pre-push.js'
import { runGuard, openRepository, type GuardDeps } from '../guard/engine.js'
import { checkRange } from '../guard/layers.js'
import { DEFAULT_LIMITS, type CheckOptions } from '../guard/options.js'
import { ensureFullHistory, resolveRange, type GuardRange } from '../guard/range.js'
import { guardResult, type GuardResult } from '../guard/result.js'
import type { Git } from '../git/git.js'
import {
  commitExists,
  currentBranch,
  mergeBase,
  remoteDefaultBranch,
  remoteNames,
  resolveCommit,
  upstreamRef
} from '../git/revisions.js'

/** Where the CLI reads and writes; the entry passes the process's own. */
export interface CliIo {
  readonly cwd: string
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly readStdin: () => Promise<string>
}

export interface GuardCommandOptions extends CheckOptions {
  readonly base: string
  readonly head: string
  readonly failSafe: boolean
  readonly json: boolean
}

/** Exit code of the CLI: 1 for findings, 2 for a guard error with fail-safe off, else 0 (a hook blocks on any non-zero). */
export function exitCodeOf(result: GuardResult): number {
  if (result.findings.length > 0) return 1
  return result.blocks ? 2 : 0
}

/** The engine's deps for the CLI: notes and warnings to stderr, outside text shown as data. */
function cliDeps(io: CliIo): GuardDeps {
  return {
    git: {},
    limits: DEFAULT_LIMITS,
    log: {
      info: (m) => io.stderr(`purple ${logText(m)}\n`),
      warning: (m) => io.stderr(`purple ${logText(m.replace(/^guard: /, 'guard: warning: '))}\n`)
    }
  }
}

function report(result: GuardResult, io: CliIo, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`)
  } else {
    // A file name may hold a newline: one finding stays one line.
    for (const f of result.findings) io.stdout(`${logText(formatFinding(f))}\n`)
  }
  if (result.error !== null) {
    const how = result.blocks ? 'failed' : 'could not complete, not blocking (fail-safe)'
    io.stderr(`purple guard: ${how}: ${logText(result.error)}\n`)
  }
  const counts = `${result.markerCount} conflict marker(s), ${result.disallowedMergeCount} disallowed merge parent(s)`
  io.stderr(`purple guard: ${result.result}${result.findings.length > 0 ? `: ${counts}` : ''}\n`)
}

/**
 * The default range on a developer machine: from the merge base with the
 * remote default branch (what a pull request would show), else with the
 * upstream, else no range (the whole tree at HEAD, merges not checked).
 */
async function defaultRange(git: Git, head: string): Promise<{ base: string | null; description: string }> {
  const defaultRef = await remoteDefaultBranch(git, await remoteNames(git), null)
  for (const [ref, label] of [
    [defaultRef, 'merge base with the remote default branch'],
    [await upstreamRef(git), 'merge base with the upstream']
  ] as const) {
    if (ref === null) continue
    const tip = await resolveCommit(git, ref, label)
    const base = await mergeBase(git, tip, head)
    // On the default branch itself the range is empty: audit the committed tree instead of checking nothing.
    if (base === head) return { base: null, description: `HEAD is the ${label} ${ref}, nothing ahead of it: the whole tree at HEAD` }
    if (base !== null) return { base, description: `${label} ${ref}` }
  }
  return { base: null, description: 'no remote default branch or upstream: the whole tree at HEAD' }
}

/** `purple guard [--base R] [--head R]`: checks a range of the current repository. */
export async function guardCommand(options: GuardCommandOptions, io: CliIo): Promise<number> {
  const result = await runGuard(
    {
      workingDirectory: io.cwd,
      options,
      failSafe: options.failSafe,
      chooseRange: async (git) => {
        const headBranch = await currentBranch(git)
        if (options.base) {
          return resolveRange(git, { base: options.base, head: options.head, event: null, baseLabel: '--base', headLabel: '--head', headBranch })
        }
        const head = await resolveCommit(git, options.head || 'HEAD', '--head')
        const chosen = await defaultRange(git, head)
        return { range: { base: chosen.base, head, description: chosen.description, headBranch }, notes: [] }
      }
    },
    cliDeps(io)
  )
  report(result, io, options.json)
  return exitCodeOf(result)
}

/** Picks the base of one pushed ref; null base = nothing on the remote to compare with. */
async function pushBase(git: Git, update: Exclude<PushUpdate, { kind: 'delete' }>, remote: string): Promise<{ base: string | null; description: string }> {
  if (update.kind === 'update') {
    if (await commitExists(git, update.remoteOid)) return { base: update.remoteOid, description: `${remote} ${update.remoteRef} at ${update.remoteOid}` }
    // A force push over commits this clone never fetched: compare with what we last saw of the branch.
    const branch = branchOfPushedRef(update.remoteRef)
    const tracking = branch ? `refs/remotes/${remote}/${branch}` : null
    if (tracking) {
      const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${tracking}^{commit}`], { okExitCodes: [0, 1, 128] })
      const sha = r.stdout.trim()
      if (r.exitCode === 0 && sha !== '') {
        const base = (await mergeBase(git, sha, update.localOid)) ?? sha
        return { base, description: `remote oid ${update.remoteOid} is not in this clone (force push?): merge base with ${tracking}` }
      }
    }
  }
  const defaultRef = await remoteDefaultBranch(git, [remote], null)
  if (defaultRef !== null) {
    const tip = await resolveCommit(git, defaultRef, 'the remote default branch')
    const base = await mergeBase(git, tip, update.localOid)
    if (base !== null) {
      const why = update.kind === 'create' ? 'new branch' : `remote oid ${update.remoteOid} is not in this clone (force push?)`
      return { base, description: `${why}: merge base with ${defaultRef}` }
    }
  }
  return { base: null, description: 'nothing on the remote to compare with: the whole tree of the pushed commit' }
}

/** `purple guard --pre-push <remote> <url>`: checks each pushed ref from git's stdin; skips deletions. */
export async function prePushCommand(options: GuardCommandOptions, remoteArg: string | undefined, io: CliIo): Promise<number> {
  const notes: string[] = []
  const warnings: string[] = []
  const findings: Finding[] = []
  const errors: string[] = []
  try {
    const updates = parsePrePushInput(await io.readStdin())
    const git = await openRepository(io.cwd, {})
    const history = await ensureFullHistory(git)
    if (history.note) notes.push(history.note)
    const remote = remoteArg && (await remoteNames(git)).includes(remoteArg) ? remoteArg : 'origin'
    for (const update of updates) {
      if (update.kind === 'delete') {
        notes.push(`${update.remoteRef}: deleted, nothing to check`)
        continue
      }
      try {
        if (!(await commitExists(git, update.localOid))) throw new Error(`pushed commit ${update.localOid} is not in this repository`)
        const chosen = await pushBase(git, update, remote)
        const range: GuardRange = {
          base: chosen.base,
          head: update.localOid,
          description: chosen.description,
          headBranch: branchOfPushedRef(update.remoteRef)
        }
        notes.push(`${update.remoteRef}: scanned ${range.base ?? '(no base)'}..${range.head} (${range.description})`)
        const checked = await checkRange(git, range, options, { limits: DEFAULT_LIMITS, history })
        findings.push(...checked.findings)
        notes.push(...checked.notes)
        warnings.push(...checked.warnings)
        if (checked.error) errors.push(`${update.remoteRef}: ${checked.error}`)
      } catch (e) {
        errors.push(`${update.remoteRef}: ${describeError(e)}`)
      }
    }
  } catch (e) {
    errors.push(describeError(e))
  }
  // Two refs pushing the same commits would report the same lines twice.
  const unique = [...new Map(findings.map((f) => [JSON.stringify(f), f])).values()]
  const result = guardResult(unique, errors.length > 0 ? errors.join('; ') : null, options.failSafe, {
    range: null,
    notes,
    warnings
  })
  const log = cliDeps(io).log
  for (const note of notes) log.info(`guard: ${note}`)
  for (const warning of warnings) log.warning(`guard: ${warning}`)
  report(result, io, options.json)
  return exitCodeOf(result)
}
