/**
 * Drift check: every simulator response of a scenario run that touches every implemented operation (and its
 * error answers) validates against GitHub's published OpenAPI description (the committed slice from
 * scripts/openapi-slice.mjs). GraphQL answers are checked against @octokit/graphql-schema.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { githubSchema } from './graphql.js'
import { openApiProblems, openApiSlice, responseProblems } from './openapi-check.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, HEAD_SHA, IMPLEMENTED_OPERATIONS, OTHER_CI_APP, READONLY_TOKEN, startSimulator, type Sim } from './server.js'
import { createAppAuth } from '@octokit/auth-app'
import { request } from '@octokit/request'
import { parse, validate } from 'graphql'

const slice = openApiSlice()
const check = responseProblems

let sim: Sim

async function call(method: string, path: string, token: string | null = DEFAULT_TOKEN, body?: unknown): Promise<number> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `token ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  await res.arrayBuffer()
  return res.status
}

const R = '/repos/octo-org/purple-demo'

beforeAll(async () => {
  githubSchema() // built once (about a second): not inside a request, where it would stall the server
  sim = await startSimulator({
    setup: (st) => {
      st.branches[0]!.protection = {
        required_status_checks: { strict: true, contexts: ['test'], checks: [{ context: 'test', app_id: 15368 }] },
        required_approving_review_count: 1,
        enforce_admins: true
      }
      st.rulesets.push({
        id: 7,
        name: 'gate',
        enforcement: 'active',
        source_type: 'Organization',
        source: 'octo-org',
        include: ['~DEFAULT_BRANCH'],
        exclude: [],
        rules: [
          { type: 'required_status_checks', parameters: { required_status_checks: [{ context: 'gate', integration_id: 15368 }, { context: 'ci/legacy' }], strict_required_status_checks_policy: true } },
          { type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: false, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false } },
          { type: 'deletion' },
          { type: 'non_fast_forward' }
        ]
      })
      st.pulls.push({ ...st.pulls[0]!, number: 2, id: 900002, draft: true, mergeable: null, mergeable_state: 'unknown' })
    }
  })
  sim.addCheckRun({ name: 'test', conclusion: 'success' })
  sim.addCheckRun({ name: 'test', status: 'in_progress', app_id: OTHER_CI_APP.id })
  sim.addCheckRun({ name: 'gate', status: 'queued' })
  sim.addStatus({ context: 'ci/legacy', state: 'pending', target_url: 'https://ci.example/1', description: 'running' })
  sim.addStatus({ context: 'ci/legacy', state: 'success' })
  sim.addJob({ name: 'wait', run_id: 31, conclusion: null })
  sim.addJob({ name: 'wait', run_id: 31, run_attempt: 2, status: 'queued' })

  await call('GET', R)
  await call('GET', R, READONLY_TOKEN)
  await call('GET', '/repos/octo-org/other')
  await call('GET', `${R}/pulls/1`)
  await call('GET', `${R}/pulls/2`)
  await call('GET', `${R}/pulls/99`)
  await call('GET', `${R}/pulls/1`, null)
  await call('GET', `${R}/pulls/1`, 'ghs_unknown')
  for (const b of ['main', 'feature', 'nope']) {
    await call('GET', `${R}/branches/${b}`)
    await call('GET', `${R}/branches/${b}/protection`)
    await call('GET', `${R}/branches/${b}/protection`, ADMIN_TOKEN)
    await call('GET', `${R}/branches/${b}/protection/required_status_checks`, ADMIN_TOKEN)
    await call('GET', `${R}/rules/branches/${b}`)
  }
  await call('GET', `${R}/rules/branches/main?per_page=1&page=2`)
  await call('GET', `${R}/compare/main...${HEAD_SHA}`)
  await call('GET', `${R}/rulesets/7`)
  await call('GET', `${R}/rulesets/8`)
  await call('GET', `${R}/compare/main...${'0'.repeat(40)}`)
  for (const ref of [HEAD_SHA, 'feature', '0'.repeat(40)]) {
    await call('GET', `${R}/commits/${ref}/check-runs?filter=all`)
    await call('GET', `${R}/commits/${ref}/status`)
    await call('GET', `${R}/commits/${ref}/statuses`)
  }
  // Merge-queue reads: workflow runs by head sha, and check suites (from check runs and workflow runs).
  sim.state.workflowRuns.push({
    id: 41,
    name: 'CI',
    head_sha: HEAD_SHA,
    head_branch: 'feature',
    event: 'pull_request',
    status: 'completed',
    conclusion: 'success',
    path: '.github/workflows/ci.yml',
    check_suite_id: 51,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z'
  })
  await call('GET', `${R}/actions/runs?head_sha=${HEAD_SHA}`)
  await call('GET', `${R}/actions/runs?head_sha=${'0'.repeat(40)}&event=merge_group`)
  for (const ref of [HEAD_SHA, '0'.repeat(40)]) await call('GET', `${R}/commits/${ref}/check-suites`)
  await call('GET', `${R}/actions/runs/31/jobs?filter=all`)
  await call('GET', `${R}/actions/runs/31/attempts/1/jobs`)
  await call('GET', `${R}/actions/runs/32/jobs`)
  await call('GET', '/rate_limit')
  await call('PUT', `${R}/pulls/2/merge`, DEFAULT_TOKEN, {})
  await call('PUT', `${R}/pulls/1/merge`, DEFAULT_TOKEN, { sha: 'f'.repeat(40) })
  await call('PUT', `${R}/pulls/1/merge`, DEFAULT_TOKEN, { merge_method: 'octopus' })
  await call('PUT', `${R}/pulls/1/merge`, READONLY_TOKEN, {})
  await call('PUT', `${R}/pulls/1/merge`, DEFAULT_TOKEN, {})
  await call('PUT', `${R}/pulls/2/update-branch`, DEFAULT_TOKEN, { expected_head_sha: 'f'.repeat(40) })
  await call('PUT', `${R}/pulls/2/update-branch`, DEFAULT_TOKEN, {})
  sim.state.pulls[1]!.mergeable_state = 'behind'
  await call('PUT', `${R}/pulls/2/update-branch`, DEFAULT_TOKEN, { expected_head_sha: HEAD_SHA })
  // Back as it was: the GraphQL test below reads pull request #2 and the feature branch.
  Object.assign(sim.state.pulls[1]!, { head: { ref: 'feature', sha: HEAD_SHA }, mergeable: null, mergeable_state: 'unknown' })
  sim.state.branches[1]!.sha = HEAD_SHA
  sim.state.branches[0]!.protection = null
  sim.state.rulesets = []
  await call('PUT', `${R}/pulls/1/merge`, DEFAULT_TOKEN, { sha: HEAD_SHA })
  await call('DELETE', `${R}/git/refs/heads/feature`)
  await call('DELETE', `${R}/git/refs/heads/feature`)
  const auth = createAppAuth({ appId: sim.app.id, privateKey: sim.app.privateKey, installationId: sim.app.installationId, request: request.defaults({ baseUrl: sim.url }) })
  const { token } = (await auth({ type: 'installation' })) as { token: string }
  await call('GET', `${R}/installation`, null)
  const jwt = ((await auth({ type: 'app' })) as { token: string }).token
  for (const path of ['/users/octo-org/installation', '/orgs/octo-org/installation', '/users/someone-else/installation', `${R}/installation`]) {
    await call('GET', path, jwt)
  }
  await call('GET', `${R}/pulls/1`, token)
})

afterAll(async () => {
  await sim.close()
})

describe('OpenAPI drift check', () => {
  it('the scenario reached every implemented operation', () => {
    const reached = new Set(sim.log.map((e) => e.operation))
    const missing = Object.keys(slice.operations).filter((op) => !reached.has(op))
    expect(missing).toEqual([])
  })

  it('the committed slice holds exactly the operations the simulator routes', () => {
    const routed = IMPLEMENTED_OPERATIONS.filter((op) => op !== 'POST /graphql')
    expect([...routed].sort()).toEqual(Object.keys(slice.operations).sort())
  })

  it('the scenario produced success and error answers', () => {
    const statuses = new Set(sim.log.map((e) => e.status))
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 204, 401, 403, 404, 405, 409, 422]))
  })

  it('every response validates against GitHub\'s published schema for its operation and status', () => {
    expect(sim.log.filter((e) => e.scripted || e.fault)).toEqual([])
    expect(openApiProblems(sim.log)).toEqual([])
  })

  it('the check fails on a response that drifted (a required field removed)', () => {
    const entry = sim.log.find((e) => e.operation === 'GET /repos/{owner}/{repo}/pulls/{pull_number}' && e.status === 200)!
    const { mergeable_state: _dropped, ...drifted } = entry.responseBody as Record<string, unknown>
    expect(check({ ...entry, responseBody: drifted })).toEqual([
      "GET /repos/{owner}/{repo}/pulls/{pull_number} 200:  must have required property 'mergeable_state'"
    ])
  })
})

describe('GraphQL', () => {
  it('answers a pull-request query that validates against @octokit/graphql-schema', async () => {
    const query = `query($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) { nameWithOwner mergeCommitAllowed defaultBranchRef { name }
        pullRequest(number: $number) { number state merged isDraft headRefOid mergeable mergeStateStatus mergeCommit { oid } } }
      rateLimit { remaining limit }
    }`
    expect(validate(githubSchema(), parse(query))).toEqual([])
    const res = await fetch(`${sim.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { owner: 'octo-org', name: 'purple-demo', number: 2 } })
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      data: {
        repository: {
          nameWithOwner: 'octo-org/purple-demo',
          mergeCommitAllowed: true,
          defaultBranchRef: { name: 'main' },
          pullRequest: { number: 2, state: 'OPEN', merged: false, isDraft: true, headRefOid: HEAD_SHA, mergeable: 'UNKNOWN', mergeStateStatus: 'UNKNOWN', mergeCommit: null }
        },
        rateLimit: { remaining: expect.any(Number), limit: 5000 }
      }
    })
  })

  it('rejects a query that does not validate, as GitHub does (200 with errors)', async () => {
    const res = await fetch(`${sim.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ repository(owner: "octo-org", name: "purple-demo") { noSuchField } }' })
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      errors: [{ message: 'Cannot query field "noSuchField" on type "Repository".', locations: [{ line: 1, column: 56 }] }]
    })
  })
})
