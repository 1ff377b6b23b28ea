/**
 * Shared set-up of the merge-queue scenarios: a simulator on a manual clock whose
 * base branch requires the queue, a client, and a runtime whose sleep advances the
 * simulated clock (no real waits), plus the request-log invariant every scenario checks.
 */
import { parse, validate } from 'graphql'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import type { QueueRuntime, QueueTarget } from '../../src/github/merge-queue.js'
import { githubSchema } from '../sim/graphql.js'
import { requireMergeQueue } from '../sim/merge-queue.js'
import { ADMIN_TOKEN, HEAD_SHA, OWNER, REPO, startSimulator, type Sim, type SimState } from '../sim/server.js'

/** Simulated start time: fixed, so every scenario's log is the same on every run. */
export const T0 = Date.parse('2026-06-01T12:00:00Z')
export const TARGET: QueueTarget = { owner: OWNER, repo: REPO, pullNumber: 1 }
export const VERIFIED = HEAD_SHA

export interface Scenario {
  sim: Sim
  client: GitHubClient
  runtime: QueueRuntime
  lines: string[]
}

/** Starts a simulator whose main requires the merge queue (group checks: `test`), and a client with `token`. */
export async function queueScenario(options: { token?: string; app?: boolean; setup?: (state: SimState) => void } = {}): Promise<Scenario> {
  githubSchema() // built once, outside any timed request
  const sim = await startSimulator({
    // 1 ms per request keeps the snapshot in arrival order (it sorts by simulated time).
    // An App's JWT is checked against the real clock, so an App scenario starts now (and keeps no snapshot).
    clock: { mode: 'manual', start: options.app ? Date.now() : T0, tickPerRequestMs: 1 },
    setup: (state) => {
      requireMergeQueue(state, { check_response_timeout_minutes: 60 })
      state.mergeQueue.groupChecks = ['test']
      options.setup?.(state)
    }
  })
  const lines: string[] = []
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(`warning: ${m}`) }
  const client = createGitHubClient({
    auth: options.app
      ? { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, installationId: sim.app.installationId }
      : { kind: 'token', token: options.token ?? ADMIN_TOKEN },
    now: () => sim.clock.now(),
    baseUrl: sim.url,
    retries: 0,
    // GraphQL reads are POSTs, which the client spaces a second apart: no real waits in a test.
    writeSpacingMs: 0,
    log: log.info,
    setSecret: () => undefined
  })
  const runtime: QueueRuntime = { now: () => sim.clock.now(), sleep: async (ms) => sim.clock.advance(ms), log }
  return { sim, client, runtime, lines }
}

/** The enqueue mutations in the log, with the variables each carried. */
export function enqueues(sim: Sim): Record<string, unknown>[] {
  return sim
    .requests({ method: 'POST', path: '/graphql' })
    .map((e) => e.body as { query?: string; variables?: Record<string, unknown> })
    .filter((b) => /enqueuePullRequest/.test(b.query ?? ''))
    .map((b) => b.variables ?? {})
}

/** The safety invariant: every enqueue is pinned to the verified sha, and nothing merges directly. */
export function expectOnlyVerifiedEnqueues(sim: Sim): void {
  for (const variables of enqueues(sim)) expect(variables.expectedHeadOid).toBe(VERIFIED)
  expect(sim.count('PUT', /\/merge$/)).toBe(0)
  expect(sim.requests({ method: 'POST', path: '/graphql' }).filter((e) => /enablePullRequestAutoMerge|mergePullRequest/.test(JSON.stringify(e.body)))).toEqual([])
}

/**
 * Every GraphQL document sent validates against GitHub's published schema, and the answers carry no error
 * but the `allowed` ones (the simulator executes against the same schema, so answers are typed by it too).
 */
export function expectValidGraphql(sim: Sim, allowed: readonly { type: string; message: string }[] = []): void {
  const errors: unknown[] = []
  for (const entry of sim.requests({ method: 'POST', path: '/graphql' })) {
    const query = (entry.body as { query: string }).query
    expect(validate(githubSchema(), parse(query))).toEqual([])
    const answer = entry.responseBody as { errors?: { type?: string; message: string }[] }
    for (const e of answer.errors ?? []) errors.push({ type: e.type, message: e.message })
  }
  expect(errors).toEqual(allowed)
}
