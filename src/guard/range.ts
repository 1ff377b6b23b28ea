/**
 * Which commits guard checks: base and head from the inputs, else from the
 * event, else from the remote default branch; each name resolved once to a
 * full sha, and a shallow clone deepened or reported, never passed silently
 * (actions/checkout's depth 1 hides merge parents).
 */
import type { Git } from '../git/git.js'
import {
  commitExists,
  isFullOid,
  isShallow,
  mergeBase,
  remoteDefaultBranch,
  remoteNames,
  resolveCommit,
  resolveCommitsAtOnce,
  unshallow
} from '../git/revisions.js'
import { describeError } from '../core/describe-error.js'

/** The triggering event, as the runner hands it over (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH). */
export interface GuardEvent {
  readonly name: string
  readonly payload: Readonly<Record<string, unknown>>
  /** GITHUB_REF, e.g. refs/heads/feature/x. */
  readonly ref: string
}

/** A resolved range: full shas only from here on. base null = no range (tree at head only). */
export interface GuardRange {
  readonly base: string | null
  readonly head: string
  /** How base was chosen, for the log ("pull request base", "merge base with refs/remotes/origin/main"). */
  readonly description: string
  /** The branch under test when known (narrows a `feature/<name>` policy to this branch). */
  readonly headBranch: string | null
  /** Why base could not be resolved (base is null then): the layers that need a base report this instead of running. */
  readonly baseProblem?: string | null
}

function field(obj: unknown, ...path: string[]): string | null {
  let cur: unknown = obj
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return null
    cur = (cur as Record<string, unknown>)[key]
  }
  return typeof cur === 'string' && cur !== '' ? cur : null
}

/** Defaults the event gives: PR base/head shas, merge-queue shas, a push's `before`/`after`. */
export function eventDefaults(event: GuardEvent): { base: string | null; head: string | null; headBranch: string | null } {
  const p = event.payload
  if (field(p, 'pull_request', 'base', 'sha')) {
    return {
      base: field(p, 'pull_request', 'base', 'sha'),
      head: field(p, 'pull_request', 'head', 'sha'),
      headBranch: field(p, 'pull_request', 'head', 'ref')
    }
  }
  if (field(p, 'merge_group', 'base_sha')) {
    return { base: field(p, 'merge_group', 'base_sha'), head: field(p, 'merge_group', 'head_sha'), headBranch: null }
  }
  const ref = field(p, 'ref') ?? (event.ref || null)
  const headBranch = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
  const before = field(p, 'before')
  // A new branch is pushed with before = 0000...: there is no previous tip to compare with.
  const base = before !== null && !/^0+$/.test(before) ? before : null
  return { base, head: field(p, 'after'), headBranch }
}

/** What deepening did: a note for the log, or why the history stays incomplete (the merge layer cannot run then). */
export type HistoryState = { readonly note: string | null; readonly problem: null } | { readonly note: null; readonly problem: string }

/**
 * Deepens a shallow clone from its remote (all branches, so allowed refs
 * exist too). Never throws: a clone that stays shallow is reported, and the
 * layers that need no history still run.
 */
export async function ensureFullHistory(git: Git): Promise<HistoryState> {
  const advice = 'check out with full history (actions/checkout with fetch-depth: 0)'
  try {
    if (!(await isShallow(git))) return { note: null, problem: null }
    const remote = (await remoteNames(git))[0]
    if (remote === undefined) {
      return { note: null, problem: `this is a shallow clone with no remote to deepen it from, so merge parents are hidden: ${advice}` }
    }
    try {
      await unshallow(git, remote)
    } catch (e) {
      return { note: null, problem: `this is a shallow clone and deepening it from '${remote}' failed (${describeError(e)}): ${advice}` }
    }
    return { note: `the clone was shallow: fetched the full history of '${remote}' so merge parents are visible`, problem: null }
  } catch (e) {
    return { note: null, problem: `could not tell whether the clone is shallow (${describeError(e)}): ${advice}` }
  }
}

export interface RangeRequest {
  /** Names given by the user ('' = default). */
  readonly base: string
  readonly head: string
  readonly event: GuardEvent | null
  /** Label of the inputs in messages ("input 'base'" or "--base"). */
  readonly baseLabel: string
  readonly headLabel: string
  readonly headBranch: string | null
}

/** Resolves head, then base, to full shas, taking defaults from the event, then the remote default branch; a base that fails is reported in the range. */
export async function resolveRange(git: Git, req: RangeRequest): Promise<{ range: GuardRange; notes: string[] }> {
  const notes: string[] = []
  const defaults = req.event ? eventDefaults(req.event) : { base: null, head: null, headBranch: null }
  const headName = req.head || defaults.head || 'HEAD'
  const headLabel = req.head ? req.headLabel : 'head'
  const headBranch = req.headBranch ?? defaults.headBranch
  // A base given by name, or the event's (a pull request's, a push's 'before'), does not depend on head: one rev-parse
  // answers both. When it cannot, the steps below resolve each: head's failure comes first, a named base that fails is
  // reported in the range (a tree scan needs head alone), an event base missing from the clone falls back.
  const early = req.base
    ? { name: req.base, description: `${req.baseLabel} '${req.base}'` }
    : defaults.base !== null && isFullOid(defaults.base)
      ? { name: defaults.base, description: eventBaseDescription(req) }
      : null
  if (early !== null) {
    const both = await resolveCommitsAtOnce(git, [headName, early.name])
    if (both !== null) return { range: { base: both[1]!, head: both[0]!, description: early.description, headBranch }, notes }
  }
  const namedBase = req.base ? resolveCommit(git, req.base, req.baseLabel) : null
  namedBase?.catch(() => undefined)
  const head = await resolveCommit(git, headName, headLabel)
  try {
    if (namedBase !== null) return { range: { base: await namedBase, head, description: `${req.baseLabel} '${req.base}'`, headBranch }, notes }
    return await resolveBase(git, req, defaults, head, headBranch, notes)
  } catch (e) {
    // Only the layers that need a base stop here; a tree scan needs head alone.
    return { range: { base: null, head, description: 'no base', headBranch, baseProblem: describeError(e) }, notes }
  }
}

/** How a base taken from the event is described in the log. */
function eventBaseDescription(req: RangeRequest): string {
  return req.event?.payload.pull_request ? 'pull request base' : req.event?.payload.merge_group ? 'merge group base' : "push 'before'"
}

async function resolveBase(
  git: Git,
  req: RangeRequest,
  defaults: ReturnType<typeof eventDefaults>,
  head: string,
  headBranch: string | null,
  notes: string[]
): Promise<{ range: GuardRange; notes: string[] }> {
  if (defaults.base !== null) {
    if (isFullOid(defaults.base) && (await commitExists(git, defaults.base))) {
      return { range: { base: defaults.base, head, description: eventBaseDescription(req), headBranch }, notes }
    }
    // A force push leaves 'before' unfetched: compare with the default branch instead of failing.
    notes.push(`base '${defaults.base}' from the event is not in this clone; using the default branch instead`)
  }
  const remotes = await remoteNames(git)
  const hint = req.event ? field(req.event.payload, 'repository', 'default_branch') : null
  const defaultRef = await remoteDefaultBranch(git, remotes, hint)
  if (defaultRef === null) {
    throw new Error(
      `could not choose a base: no pull request or push in the event and no remote default branch (refs/remotes/<remote>/HEAD); set ${req.baseLabel}`
    )
  }
  const tip = await resolveCommit(git, defaultRef, 'the default branch')
  const base = (await mergeBase(git, tip, head)) ?? tip
  return { range: { base, head, description: `merge base with ${defaultRef}`, headBranch }, notes }
}
