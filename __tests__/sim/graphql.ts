/**
 * A minimal GraphQL endpoint (POST /graphql): every query is parsed and validated against GitHub's
 * published schema (@octokit/graphql-schema), then executed against simulator state for the few fields
 * modelled here: `repository(owner, name)` {merge settings, defaultBranchRef, pullRequest(number) with its reviews,
 * review requests and threads, commits and files, mergeQueue(branch)}, `rateLimit`, `viewer { login }`, and the merge queue's fields
 * and mutations (merge-queue.ts).
 * Anything else validates but resolves to null (or a non-null error), which makes an unmodelled query visible.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { buildSchema, execute, parse, print, validate, versionInfo, visit, type GraphQLSchema, type DocumentNode } from 'graphql'
import { rulesFor, type RouteContext } from './routes.js'
import { GITHUB_ACTIONS_APP, type SimPull, type SimReview, type SimState } from './state.js'
import { dequeue, enqueue, pullQueueFields, repositoryMergeQueue } from './merge-queue.js'

let schema: GraphQLSchema | undefined

/**
 * The SDL without descriptions (which neither validation nor execution reads), kept on disk between test files:
 * they are two thirds of the text, and every test file that answers GraphQL builds the schema again.
 */
function schemaSdl(): string {
  const sdlPath = resolve(import.meta.dirname, '..', '..', 'node_modules', '@octokit', 'graphql-schema', 'schema.graphql')
  const sdl = readFileSync(sdlPath, 'utf8')
  const key = createHash('sha256').update(sdl).update(versionInfo.toString()).digest('hex').slice(0, 16)
  const cached = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'purple-graphql', `${key}.graphql`)
  if (existsSync(cached)) return readFileSync(cached, 'utf8')
  const bare = print(visit(parse(sdl, { noLocation: true }), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }))
  mkdirSync(dirname(cached), { recursive: true })
  const temp = `${cached}.${process.pid}.tmp`
  writeFileSync(temp, bare)
  renameSync(temp, cached)
  return bare
}

/** GitHub's public GraphQL schema, built once per process from the package's SDL file. */
export function githubSchema(): GraphQLSchema {
  // No source locations for the schema's own nodes: errors point into the query, and skipping them halves the build.
  schema ??= buildSchema(schemaSdl(), { assumeValidSDL: true, noLocation: true })
  return schema
}

function pullObject(ctx: RouteContext, p: SimPull) {
  const full = `${ctx.state.repository.owner}/${ctx.state.repository.name}`
  return {
    id: `PR_${p.id}`,
    number: p.number,
    title: p.title,
    url: `https://github.com/${full}/pull/${p.number}`,
    state: p.merged ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED',
    merged: p.merged,
    closed: p.state === 'closed',
    isDraft: p.draft,
    headRefName: p.head.ref,
    headRefOid: p.head.sha,
    baseRefName: p.base.ref,
    baseRefOid: p.base.sha,
    mergeable: p.mergeable === null ? 'UNKNOWN' : p.mergeable ? 'MERGEABLE' : 'CONFLICTING',
    mergeStateStatus: p.mergeable_state.toUpperCase(),
    mergeCommit: p.merge_commit_sha ? { oid: p.merge_commit_sha } : null,
    mergedAt: p.merged_at,
    ...pullQueueFields(ctx.state, p),
    ...reviewFields(ctx, p)
  }
}

type Page = { first?: number; last?: number }
function page<T>(items: readonly T[], args: Page): T[] {
  if (args.last !== undefined) return items.slice(Math.max(0, items.length - args.last))
  return items.slice(0, args.first ?? items.length)
}

/** The newest opinion per writer: the modelled reviews, or `approvals` approvals by reviewer-N. */
export function latestReviews(p: SimPull): SimReview[] {
  return p.reviews ?? Array.from({ length: p.approvals }, (_, i) => ({ author: `reviewer-${i + 1}`, state: 'APPROVED' as const }))
}

/** GitHub's reviewDecision: null without a review rule, else from the required count and the latest opinions. */
export function reviewDecision(s: SimState, p: SimPull): 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null {
  const classic = s.branches.find((b) => b.name === p.base.ref)?.protection?.required_approving_review_count ?? 0
  const counts = rulesFor(s, p.base.ref).flatMap(({ rule }) => (rule.type === 'pull_request' ? [rule.parameters.required_approving_review_count] : []))
  const needed = Math.max(classic, ...counts)
  if (needed === 0) return null
  const reviews = latestReviews(p)
  if (reviews.some((r) => r.state === 'CHANGES_REQUESTED')) return 'CHANGES_REQUESTED'
  return reviews.filter((r) => r.state === 'APPROVED').length >= needed ? 'APPROVED' : 'REVIEW_REQUIRED'
}

// The review, queue, commit and file fields of a pull request; connections are resolvers taking first/last.
function reviewFields(ctx: RouteContext, p: SimPull) {
  const s = ctx.state
  // A denied field errors alone: GitHub answers the rest of the query, with the field null and an error naming its path.
  const allow = <A, T>(name: string, resolve: (args: A) => T) => (args: A): T => {
    if (s.graphqlDenied?.includes(name)) throw new Error('Resource not accessible by integration')
    return resolve(args)
  }
  const suites = (oid: string) => new Set(s.checkRuns.filter((c) => c.head_sha === oid).map((c) => c.check_suite_id)).size
  const commits = p.commits ?? [{ oid: p.head.sha, parents: 1, verified: false }]
  const commitNode = (c: (typeof commits)[number]) => ({
    commit: {
      oid: c.oid,
      parents: () => ({ totalCount: c.parents }),
      signature: c.verified ? { __typename: 'GpgSignature', isValid: true } : null,
      checkSuites: allow('checkSuites', () => ({ totalCount: suites(c.oid) })),
      deployments: allow('deployments', () => ({ nodes: [] }))
    }
  })
  const opinionated = latestReviews(p).filter((r) => r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED')
  const threads = p.review_threads ?? []
  const files = p.files ?? []
  return {
    author: { __typename: 'User', login: p.user },
    reviewDecision: reviewDecision(s, p),
    // A scripted entry (diagnosis scenarios) stands in for the queue model's own (merge-queue.ts).
    ...(p.merge_queue_entry ? { isInMergeQueue: true, mergeQueueEntry: { state: p.merge_queue_entry.state, position: p.merge_queue_entry.position } } : {}),
    latestOpinionatedReviews: (args: Page) => ({
      nodes: page(opinionated, args).map((r) => ({ state: r.state, author: { __typename: 'User', login: r.author }, commit: { oid: r.commit_id ?? p.head.sha } }))
    }),
    reviewRequests: (args: Page) => ({
      nodes: page(p.review_requests ?? [], args).map((r) => ({
        asCodeOwner: r.as_code_owner ?? false,
        requestedReviewer:
          (r.kind ?? (r.reviewer.includes('/') ? 'Team' : 'User')) === 'Team'
            ? { __typename: 'Team', combinedSlug: r.reviewer }
            : { __typename: r.kind ?? 'User', login: r.reviewer }
      }))
    }),
    reviewThreads: allow('reviewThreads', (args: Page) => ({ totalCount: threads.length, nodes: page(threads, args).map((t) => ({ isResolved: t.resolved })) })),
    commits: (args: Page) => ({ totalCount: commits.length, nodes: page(commits, args).map(commitNode) }),
    files: allow('files', (args: Page) => ({ totalCount: files.length, nodes: page(files, args).map((path) => ({ path })) }))
  }
}

/** Handles POST /graphql: 200 with `data` and/or `errors`, as GitHub answers. */
export function handleGraphql(ctx: RouteContext): { status: number; body: unknown } {
  const body = (ctx.req.body ?? {}) as { query?: unknown; variables?: Record<string, unknown> }
  if (typeof body.query !== 'string') {
    return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql', status: '400' } }
  }
  let doc: DocumentNode
  try {
    doc = parse(body.query)
  } catch (e) {
    return { status: 200, body: { errors: [{ message: (e as Error).message }] } }
  }
  const errors = validate(githubSchema(), doc)
  if (errors.length > 0) {
    return { status: 200, body: { errors: errors.map((e) => ({ message: e.message, locations: e.locations })) } }
  }
  const s = ctx.state
  const r = s.repository
  const tok = s.tokens.find((t) => t.token === ctx.req.token)
  const rootValue = {
    repository: (args: { owner: string; name: string }) => {
      if (args.owner.toLowerCase() !== r.owner.toLowerCase() || args.name.toLowerCase() !== r.name.toLowerCase()) return null
      return {
        id: `R_${r.id}`,
        name: r.name,
        nameWithOwner: `${r.owner}/${r.name}`,
        mergeCommitAllowed: r.allow_merge_commit,
        squashMergeAllowed: r.allow_squash_merge,
        rebaseMergeAllowed: r.allow_rebase_merge,
        defaultBranchRef: { name: r.default_branch },
        mergeQueue: (a: { branch?: string | null }) => repositoryMergeQueue(s, a.branch),
        pullRequest: (a: { number: number }) => {
          const p = s.pulls.find((x) => x.number === a.number)
          return p ? pullObject(ctx, p) : null
        }
      }
    },
    enqueuePullRequest: (a: Parameters<typeof enqueue>[2]) => enqueue(s, ctx.now(), a, tok),
    dequeuePullRequest: (a: Parameters<typeof dequeue>[2]) => dequeue(s, ctx.now(), a),
    // An installation token's viewer is its App's bot (the job's GITHUB_TOKEN: the Actions app's); a personal token's, its user.
    viewer: () => ({
      login: tok?.kind === 'github-token' ? `${GITHUB_ACTIONS_APP.slug}[bot]` : tok?.kind === 'installation' ? `${s.installation.app_slug}[bot]` : 'sim-user'
    }),
    rateLimit: () => ({
      limit: 5000,
      cost: 1,
      used: tok?.rateLimit.used ?? 0,
      remaining: 5000 - (tok?.rateLimit.used ?? 0),
      resetAt: new Date(ctx.now() + 3600_000).toISOString(),
      nodeCount: 1
    })
  }
  const result = execute({ schema: githubSchema(), document: doc, rootValue, variableValues: body.variables ?? {} })
  if (result instanceof Promise) throw new Error('simulator GraphQL resolvers must be synchronous')
  const out: { data?: unknown; errors?: unknown[] } = {}
  if (result.data !== undefined) out.data = result.data
  // GitHub names the kind of a resolver error (`type: 'UNPROCESSABLE'`) beside its message.
  const typeOf = (e: { originalError?: unknown }) => (e.originalError as { type?: unknown } | undefined)?.type
  if (result.errors?.length) {
    out.errors = result.errors.map((e) => ({ ...(typeof typeOf(e) === 'string' ? { type: typeOf(e) } : {}), message: e.message, path: e.path, locations: e.locations }))
  }
  return { status: 200, body: out }
}
