/**
 * Where the action runs: the repository (GITHUB_REPOSITORY) and the pull
 * request of the triggering event (GITHUB_EVENT_PATH). Read on call, never at
 * import, from an env passed in (tests give their own).
 */
import { readFileSync } from 'node:fs'
import { asRecord } from '../core/records.js'

export interface RepositoryRef {
  readonly owner: string
  readonly repo: string
}

/** The pull request as the event describes it; head/base may be absent for events that only name the number. */
export interface PullRequestRef {
  readonly number: number
  readonly headSha?: string
  readonly headRef?: string
  readonly baseRef?: string
  readonly baseSha?: string
}

export interface GitHubContext {
  readonly repository: RepositoryRef
  readonly eventName: string
  /** The event payload ({} when GITHUB_EVENT_PATH is unset). */
  readonly payload: Readonly<Record<string, unknown>>
  /** The pull request the event is about, if any. */
  readonly pullRequest?: PullRequestRef
}

type Env = Readonly<Record<string, string | undefined>>

/** owner/repo from GITHUB_REPOSITORY; a clear error when it is unset or malformed. */
export function readRepository(env: Env = process.env): RepositoryRef {
  const value = env['GITHUB_REPOSITORY']?.trim() ?? ''
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value)
  if (!match) {
    throw new Error(
      value === ''
        ? 'GITHUB_REPOSITORY is not set: run this inside GitHub Actions, or set it to owner/repo.'
        : `GITHUB_REPOSITORY is '${value}': expected 'owner/repo'.`
    )
  }
  return { owner: match[1]!, repo: match[2]! }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function fromPullObject(pr: Record<string, unknown>): PullRequestRef | undefined {
  if (typeof pr.number !== 'number' || !Number.isInteger(pr.number) || pr.number <= 0) return undefined
  const head = asRecord(pr.head)
  const base = asRecord(pr.base)
  const ref: { -readonly [K in keyof PullRequestRef]: PullRequestRef[K] } = { number: pr.number }
  if (str(head?.sha)) ref.headSha = str(head?.sha)
  if (str(head?.ref)) ref.headRef = str(head?.ref)
  if (str(base?.ref)) ref.baseRef = str(base?.ref)
  if (str(base?.sha)) ref.baseSha = str(base?.sha)
  return ref
}

/**
 * The pull request an event payload is about: pull_request / pull_request_target /
 * pull_request_review(_comment) (`pull_request`), issue_comment on a PR
 * (`issue.pull_request`), check_suite / check_run / workflow_run (their first
 * `pull_requests` entry). Undefined when the event names none.
 */
export function pullRequestFromPayload(payload: Readonly<Record<string, unknown>>): PullRequestRef | undefined {
  const pr = asRecord(payload.pull_request)
  if (pr) return fromPullObject(pr)
  const issue = asRecord(payload.issue)
  if (issue && asRecord(issue.pull_request) && typeof issue.number === 'number') return { number: issue.number }
  for (const key of ['check_suite', 'check_run', 'workflow_run']) {
    const holder = key === 'check_run' ? asRecord(asRecord(payload.check_run)?.check_suite) ?? asRecord(payload.check_run) : asRecord(payload[key])
    const list = holder?.pull_requests
    if (Array.isArray(list) && list.length > 0) {
      const first = asRecord(list[0])
      if (first) return fromPullObject(first)
    }
  }
  return undefined
}

/** A merge queue's group as a `merge_group` event describes it. */
export interface MergeGroupRef {
  readonly headSha: string
  /** The branch the queue merges into, without `refs/heads/`. */
  readonly baseRef: string
}

/**
 * The merge group of a `merge_group` event (`merge_group.head_sha`, and `merge_group.base_ref`
 * written as a full ref, e.g. `refs/heads/main`); undefined when the payload has none.
 */
export function mergeGroupFromPayload(payload: Readonly<Record<string, unknown>>): MergeGroupRef | undefined {
  const group = asRecord(payload.merge_group)
  const headSha = str(group?.head_sha)
  const baseRef = str(group?.base_ref)
  if (headSha === undefined || baseRef === undefined) return undefined
  return { headSha, baseRef: baseRef.replace(/^refs\/heads\//, '') }
}

/** The triggering event's payload from GITHUB_EVENT_PATH ({} when unset); a clear error when it cannot be read. */
export function readEventPayload(env: Env = process.env): Record<string, unknown> {
  const path = env['GITHUB_EVENT_PATH']?.trim() ?? ''
  if (path === '') return {}
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH is '${path}' but it cannot be read (${(error as Error).message}).`, { cause: error })
  }
  try {
    return asRecord(JSON.parse(text)) ?? {}
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH '${path}' does not hold JSON: the runner writes the event payload there.`, { cause: error })
  }
}

/** Repository, event name and payload, and the event's pull request, from the runner's environment. */
export function readGitHubContext(env: Env = process.env): GitHubContext {
  const repository = readRepository(env)
  const eventName = env['GITHUB_EVENT_NAME']?.trim() ?? ''
  const payload = readEventPayload(env)
  const pullRequest = pullRequestFromPayload(payload)
  return { repository, eventName, payload, ...(pullRequest ? { pullRequest } : {}) }
}

/**
 * The pull request to act on: the explicit number (a 'pull-request' input)
 * when given, else the event's; a clear error naming the input when neither exists.
 */
export function requirePullRequest(context: GitHubContext, explicit?: number, inputName = 'pull-request'): PullRequestRef {
  if (explicit !== undefined) {
    return context.pullRequest?.number === explicit ? context.pullRequest : { number: explicit }
  }
  if (context.pullRequest) return context.pullRequest
  const event = context.eventName === '' ? 'this run' : `the '${context.eventName}' event of this run`
  throw new Error(
    `Cannot tell which pull request to use: input '${inputName}' is empty and ${event} names no pull request. ` +
      `Run on 'pull_request' events, or set '${inputName}', e.g. '\${{ github.event.pull_request.number }}' or a step output.`
  )
}
