/**
 * readMergeFacts against the loopback simulator with the workflow token's
 * permissions (no administration): what it reads, what it re-reads while
 * GitHub is still computing, and the diagnosis those facts give.
 */
import { parse, validate } from 'graphql'
import { createGitHubClient } from '../../src/github/client.js'
import { MERGE_FACTS_QUERY, readMergeFacts, type MergeFactsOptions } from '../../src/github/merge-facts.js'
import { VIEWER_QUERY } from '../../src/github/token-owner.js'
import { diagnose } from '../../src/core/diagnosis.js'
import { githubSchema } from '../sim/graphql.js'
import { closeChecked } from '../sim/openapi-check.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, OWNER, REPO, addRuleset, pullRequestRule, startSimulator, type Sim, type SimRule } from '../sim/server.js'
import type { SimState } from '../sim/state.js'

let sim: Sim | undefined
beforeAll(() => githubSchema())
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

const repo = { owner: OWNER, repo: REPO }
const reviewRule = pullRequestRule

function read(s: Sim, over: Partial<MergeFactsOptions> = {}) {
  const sleeps: number[] = []
  const client = createGitHubClient({ auth: { kind: 'token', token: DEFAULT_TOKEN }, baseUrl: s.url, retries: 0, writeSpacingMs: 0, log: () => undefined, setSecret: () => undefined })
  const facts = readMergeFacts(client, repo, 1, {
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...over
  })
  return { facts, sleeps }
}

describe('the GraphQL read', () => {
  it.each([MERGE_FACTS_QUERY, VIEWER_QUERY])("validates against GitHub's published schema: %#", (query) => {
    expect(validate(githubSchema(), parse(query)).map((e) => e.message)).toEqual([])
  })
})

describe('readMergeFacts with the default token', () => {
  it('a failing required check and a missing review: both named, from one ruleset, without any admin-only read', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { name: 'gate', requiredChecks: [{ context: 'test' }], rules: [reviewRule()] })
        s.pulls[0]!.mergeable_state = 'blocked'
        s.pulls[0]!.review_requests = [{ reviewer: 'mona' }]
      }
    })
    sim.addCheckRun({ name: 'test', conclusion: 'failure', html_url: 'https://github.com/octo-org/purple-demo/runs/9' })
    const { facts } = read(sim)
    const d = diagnose(await facts)
    expect(d.verdict).toBe('blocked')
    expect(d.blockers.map((b) => [b.kind, b.who])).toEqual([
      ['check-failing', 'author'],
      ['review-required', 'reviewer']
    ])
    expect(d.blockers[1]!.evidence).toBe('1 approving review required, 0 given; review requested from mona')
    expect(d.blockers[0]!.source).toMatch(/^ruleset \d+ 'gate' \(repository octo-org\/purple-demo\)$/)
    expect(sim.requests({ path: /protection/ })).toEqual([])
    expect(sim.log.every((e) => e.status === 200)).toBe(true)
  })

  it('a ruleset whose own endpoint is refused is still judged, named by its id alone', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { name: 'gate', requiredChecks: [{ context: 'test' }] })
        s.pulls[0]!.mergeable_state = 'blocked'
      }
    })
    sim.respond({ method: 'GET', path: /\/rulesets\/\d+$/ }, { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } })
    sim.addCheckRun({ name: 'test', conclusion: 'failure' })
    const { facts } = read(sim)
    const d = diagnose(await facts)
    expect(d.blockers).toEqual([expect.objectContaining({ kind: 'check-failing', source: expect.stringMatching(/^ruleset \d+ \(repository octo-org\/purple-demo\)$/) })])
  })

  it('UNKNOWN then CLEAN: reads again after a backoff wait and decides on the second read only', async () => {
    sim = await startSimulator({
      setup: (s) => {
        s.pulls[0]!.mergeable = null
        s.pulls[0]!.mergeable_state = 'unknown'
      }
    })
    sim.after({ method: 'POST', path: '/graphql', count: 1 }, (state) => {
      state.pulls[0]!.mergeable = true
      state.pulls[0]!.mergeable_state = 'clean'
    })
    const { facts, sleeps } = read(sim)
    const f = await facts
    expect(sleeps).toEqual([1000])
    expect(f.pull.reads).toBe(2)
    expect(diagnose(f).verdict).toBe('mergeable')
    expect(sim.count('POST', '/graphql')).toBe(2)
  })

  it('still UNKNOWN after every read: no verdict, and the waits grew', async () => {
    sim = await startSimulator({
      setup: (s) => {
        s.pulls[0]!.mergeable = null
        s.pulls[0]!.mergeable_state = 'unknown'
      }
    })
    const { facts, sleeps } = read(sim, { maxReads: 4 })
    const d = diagnose(await facts)
    expect(sleeps).toEqual([1000, 2000, 4000])
    expect(d.verdict).toBe('unknown')
    expect(d.blockers.at(-1)!.evidence).toContain('after 4 reads')
  })

  it('a strict gate reads how far behind the head is; threads and code owners come from GraphQL', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, {
          requiredChecks: [{ context: 'test' }],
          strict: true,
          rules: [reviewRule({ required_approving_review_count: 0, required_review_thread_resolution: true, require_code_owner_review: true })]
        })
        const pull = s.pulls[0]!
        pull.mergeable_state = 'behind'
        pull.behind_by = 3
        pull.review_threads = [{ resolved: false }, { resolved: true }, { resolved: false }]
        pull.review_requests = [{ reviewer: 'octo-org/platform', as_code_owner: true }]
      }
    })
    sim.addCheckRun({ name: 'test', conclusion: 'success' })
    const { facts } = read(sim)
    const d = diagnose(await facts)
    expect(d.blockers.map((b) => b.kind)).toEqual(['behind', 'code-owner-review', 'unresolved-conversations'])
    expect(d.blockers[0]!.evidence).toBe("the head is 3 commits behind 'main': update the branch")
    expect(d.blockers[1]!.evidence).toBe('waiting on code owner review from octo-org/platform')
    expect(d.blockers[2]!.evidence).toBe('2 unresolved conversations on the pull request')
    expect(sim.count('GET', /\/compare\//)).toBe(1)
  })

  it('a queued pull request on a merge-queue branch is waiting, with its position and state', async () => {
    // The rule's parameters are those GitHub documents for merge_queue (https://docs.github.com/en/rest/repos/rules).
    const queue: SimRule = {
      type: 'merge_queue',
      parameters: {
        check_response_timeout_minutes: 60,
        grouping_strategy: 'ALLGREEN',
        max_entries_to_build: 5,
        max_entries_to_merge: 5,
        merge_method: 'SQUASH',
        min_entries_to_merge: 1,
        min_entries_to_merge_wait_minutes: 5
      }
    }
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { rules: [queue] })
        s.pulls[0]!.merge_queue_entry = { state: 'AWAITING_CHECKS', position: 2 }
      }
    })
    const { facts } = read(sim)
    const d = diagnose(await facts)
    expect(d.verdict).toBe('waiting')
    expect(d.blockers).toEqual([expect.objectContaining({ kind: 'merge-queue', who: 'ci', evidence: expect.stringContaining('at position 2, AWAITING_CHECKS') })])
  })

  it('no compare read when nothing makes "behind" matter', async () => {
    sim = await startSimulator()
    const { facts } = read(sim)
    expect(diagnose(await facts).verdict).toBe('mergeable')
    expect(sim.count('GET', /\/compare\//)).toBe(0)
  })

  it('classic protection: required checks from the branch endpoint; its review settings are unreadable, GitHub\'s reviewDecision speaks for them', async () => {
    sim = await startSimulator({
      setup: (s) => {
        s.branches[0]!.protection = { required_status_checks: { strict: false, contexts: ['build'], checks: [] }, required_approving_review_count: 1, enforce_admins: false }
        s.pulls[0]!.mergeable_state = 'blocked'
      }
    })
    sim.addCheckRun({ name: 'build', status: 'in_progress' })
    const { facts } = read(sim)
    const d = diagnose(await facts)
    expect(d.blockers.map((b) => [b.kind, b.source])).toEqual([
      ['check-pending', 'classic branch protection'],
      ['review-required', 'classic branch protection']
    ])
    expect(d.unreadable.map((u) => u.what)).toContain('classic branch protection: review, conversation, signature and linear-history settings')
  })

  it('a head with no check suite at all: the missing check says no workflow was started for it', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { requiredChecks: [{ context: 'test' }] })
        s.pulls[0]!.mergeable_state = 'blocked'
      }
    })
    const { facts } = read(sim)
    const f = await facts
    expect(f.headCheckSuites).toBe(0)
    expect(diagnose(f).blockers).toEqual([expect.objectContaining({ kind: 'check-missing', who: 'author', evidence: expect.stringContaining('no check suite exists') })])
  })

  it('fields GitHub refuses to resolve are unread, never "none": a required deployment is then unreadable, not missing', async () => {
    sim = await startSimulator({
      setup: (s) => {
        addRuleset(s, { rules: [{ type: 'required_deployments', parameters: { required_deployment_environments: ['staging'] } }] })
        s.graphqlDenied = ['deployments', 'files']
      }
    })
    const { facts } = read(sim)
    const f = await facts
    expect(f.deployments).toBeNull()
    expect(f.workflowFiles).toBeNull()
    const d = diagnose(f)
    expect(d.blockers).toEqual([])
    expect(d.unreadable).toContainEqual({ what: 'deployments', reason: 'the deployments of the head could not be read' })
  })

  it('a bad token fails the whole read (the CLI reports it as an authentication error)', async () => {
    sim = await startSimulator()
    const client = createGitHubClient({ auth: { kind: 'token', token: 'ghs_unknown' }, baseUrl: sim.url, retries: 0, writeSpacingMs: 0, log: () => undefined, setSecret: () => undefined })
    await expect(readMergeFacts(client, repo, 1, { sleep: async () => undefined })).rejects.toMatchObject({ status: 401 })
  })
})

describe("whose installation token merges (a workflow's GITHUB_TOKEN can never change workflow files)", () => {
  const workflowChange = (s: SimState) => {
    s.pulls[0]!.mergeable_state = 'blocked'
    s.pulls[0]!.files = ['.github/workflows/ci.yml', 'src/a.ts']
  }

  it("the job's GITHUB_TOKEN (its viewer is the Actions bot): the workflow-file blocker is proven", async () => {
    sim = await startSimulator({ setup: workflowChange })
    const facts = await read(sim).facts
    expect(facts.mergingToken).toBe('actions')
    expect(diagnose(facts).blockers.map((b) => b.kind)).toEqual(['workflow-file-permission'])
    expect(sim.requests({ path: /graphql/ })).toHaveLength(2)
  })

  it("an App's installation token made by an earlier step (also ghs_): no such blocker, only GitHub's own word", async () => {
    const appToken = 'ghs_simAppInstallationToken00000000000004'
    sim = await startSimulator({
      setup: (s) => {
        workflowChange(s)
        s.tokens.push({ ...s.tokens[0]!, token: appToken, kind: 'installation', installationId: s.installation.id })
      }
    })
    const client = createGitHubClient({ auth: { kind: 'token', token: appToken }, baseUrl: sim.url, retries: 0, writeSpacingMs: 0, log: () => undefined, setSecret: () => undefined })
    const facts = await readMergeFacts(client, repo, 1, { sleep: async () => undefined })
    expect(facts.mergingToken).toBe('other')
    const d = diagnose(facts)
    expect(d.blockers.map((b) => b.kind)).toEqual(['unknown'])
    expect(d.blockers[0]!.evidence).not.toContain('GITHUB_TOKEN')
  })

  it('a personal token (ghp_) is never the job\'s: no such blocker, and GitHub is not asked', async () => {
    sim = await startSimulator({ setup: workflowChange })
    const client = createGitHubClient({ auth: { kind: 'token', token: ADMIN_TOKEN }, baseUrl: sim.url, retries: 0, writeSpacingMs: 0, log: () => undefined, setSecret: () => undefined })
    const facts = await readMergeFacts(client, repo, 1, { sleep: async () => undefined })
    expect(facts.mergingToken).toBe('other')
    expect(diagnose(facts).blockers.map((b) => b.kind)).not.toContain('workflow-file-permission')
    expect(sim.requests({ path: /graphql/ })).toHaveLength(1)
  })

  it('no workflow file in the pull request: GitHub is not asked', async () => {
    sim = await startSimulator({ setup: (s) => void (s.pulls[0]!.mergeable_state = 'blocked') })
    const facts = await read(sim).facts
    expect(facts.mergingToken).toBe('unknown')
    expect(sim.requests({ path: /graphql/ })).toHaveLength(1)
  })

  it('GitHub does not answer who it is: unknown, and the read still succeeds', async () => {
    sim = await startSimulator({ setup: workflowChange })
    sim.respond({ method: 'POST', path: /graphql/, where: (r) => JSON.stringify(r.body).includes('PurpleViewer') }, { status: 502, body: { message: 'Server Error' } })
    const facts = await read(sim).facts
    expect(facts.mergingToken).toBe('unknown')
    expect(diagnose(facts).blockers[0]!.evidence).toContain("which a workflow's GITHUB_TOKEN cannot merge")
  })
})
