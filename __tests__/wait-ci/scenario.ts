/**
 * Shared setup of wait-ci's end-to-end tests: a simulator with the default
 * token's permissions, and a run of dist/wait-ci/index.js against it.
 */
import { runBundle, type BundleRun } from '../harness/run-bundle.js'
import { BASE_SHA, DEFAULT_TOKEN, HEAD_SHA, OWNER, REPO, addRuleset, protectBranch, type Fault, type FaultName, type Sim, type SimState } from '../sim/server.js'

export const CHECK_RUNS = new RegExp(`/commits/${HEAD_SHA}/check-runs$`)
export const STATUS = new RegExp(`/commits/${HEAD_SHA}/status$`)
export const PULL = `/repos/${OWNER}/${REPO}/pulls/1`
export const BRANCH = `/repos/${OWNER}/${REPO}/branches/main`
export const RULES = `/repos/${OWNER}/${REPO}/rules/branches/main`
export const JOBS = /\/actions\/runs\/\d+\/attempts\/\d+\/jobs$/

/**
 * Every read wait-ci makes, each with two transient faults: twelve rows. The first runs as the bundle
 * (faults.e2e.test.ts), the other eleven through the entry's own work in-process (in-process.test.ts).
 */
export const TRANSIENT_FAULT_CASES = (() => {
  const sites: [string, string | RegExp][] = [
    ['pull request', PULL],
    ['branch (classic protection)', BRANCH],
    ['rules (rulesets)', RULES],
    ['check runs', CHECK_RUNS],
    ['combined status', STATUS],
    ['jobs of the run', JOBS]
  ]
  const faults: (Fault | FaultName)[] = ['reset', 'close', { type: 'cut-body', bytes: 20 }, { type: 'cloudflare', status: 524 }, { type: 'server-error', status: 502 }]
  return sites.flatMap(([site, path], i) => [[site, path, faults[i % faults.length]!] as const, [site, path, faults[(i + 2) % faults.length]!] as const])
})()

/**
 * Runs `action` after poll `n`, before poll n+1 reads anything: each poll ends
 * with a read of the pull request that confirms the head (the first also begins
 * with one), so the (n+1)-th PR read marks it.
 */
export function afterPoll(sim: Sim, n: number, action: (state: SimState) => void): void {
  sim.after({ method: 'GET', path: PULL, count: n + 1 }, (state) => action(state))
}

/**
 * The wait's reads of the pull request, without the one that opens the reads of what else
 * blocks the merge after a failed wait (a PR read, then the first GraphQL query).
 */
export function waitPullReads(sim: Sim): number {
  const diagnosisAt = sim.requests({ method: 'POST', path: '/graphql' })[0]?.seq
  const reads = sim.requests({ method: 'GET', path: PULL })
  return diagnosisAt === undefined ? reads.length : reads.filter((r) => r.seq < diagnosisAt).length - 1
}

/** Polls completed so far (one closing PR read each, after the first poll's opening one). */
export function polls(sim: Sim): number {
  return Math.max(0, waitPullReads(sim) - 1)
}

/**
 * The simulator clock of these tests: manual, moved by the bundle's virtual time (harness/virtual-time.cjs),
 * so a wait of minutes costs no wall time.
 */
export const MANUAL = { mode: 'manual' } as const

/** Inputs for a wait as a workflow sets it (10 s polls, 10 minutes at most), no client retries unless a test asks. */
export function fastInputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    'github-token': DEFAULT_TOKEN,
    'interval-seconds': '10',
    'timeout-seconds': '600',
    'request-timeout-seconds': '2',
    'max-retries': '0',
    'check-run-id': '',
    ...over
  }
}

/** Classic protection on main requiring `contexts` (any app) and `checks` with apps, as the branch endpoint shows it. */
export function protect(
  state: SimState,
  contexts: string[],
  checks: { context: string; app_id: number | null }[] = contexts.map((context) => ({ context, app_id: null }))
): void {
  protectBranch(state, 'main', { contexts, checks })
}

/** An active repository ruleset on the default branch requiring `checks`. */
export function ruleset(state: SimState, checks: { context: string; integration_id?: number }[]): void {
  addRuleset(state, { name: 'ci gate', requiredChecks: checks })
}

/** Runs the bundle against the simulator as a pull_request event on PR #1. */
export async function runWaitCi(sim: Sim, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<BundleRun> {
  const run = await runBundle('dist/wait-ci/index.js', {
    inputs,
    event: { action: 'synchronize', number: 1, pull_request: { number: 1, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } } },
    eventName: 'pull_request',
    env: { GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}`, ...env },
    sim
  })
  // No token in anything the action printed or wrote, whatever the scenario.
  // (`::add-mask::` is how it is masked, so that one line is the exception.)
  const unmasked = run.allText
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  if (unmasked.includes(DEFAULT_TOKEN)) throw new Error('the token leaked into the output')
  return run
}

/**
 * Runs the bundle as a `merge_group` `checks_requested` event for the group `groupSha` into main,
 * with the payload fields GitHub documents (docs.github.com, "Webhook events and payloads", merge_group).
 */
export async function runWaitCiOnMergeGroup(sim: Sim, inputs: Record<string, string>, groupSha: string): Promise<BundleRun> {
  const run = await runBundle('dist/wait-ci/index.js', {
    inputs,
    event: {
      action: 'checks_requested',
      merge_group: {
        head_sha: groupSha,
        head_ref: `refs/heads/gh-readonly-queue/main/pr-1-${BASE_SHA}`,
        base_sha: BASE_SHA,
        base_ref: 'refs/heads/main',
        head_commit: { id: groupSha, tree_id: groupSha, message: 'Merge pull request #1 from octo-org/feature' }
      }
    },
    eventName: 'merge_group',
    env: { GITHUB_API_URL: sim.url, GITHUB_REPOSITORY: `${OWNER}/${REPO}` },
    sim
  })
  if (run.allText.split('\n').some((line) => !line.startsWith('::add-mask::') && line.includes(DEFAULT_TOKEN))) throw new Error('the token leaked into the output')
  return run
}

/** The JSON outputs parsed (of a bundle run, or of outputs computed in-process). */
export function parsed(run: Pick<BundleRun, 'outputs'>): {
  required: { name: string; app_id?: number; sources: string[]; state: string }[]
  failed: { name: string; conclusion: string }[]
  pending: { name: string; state: string }[]
  requests: { counted: number; not_modified: number; total: number }
} {
  return {
    required: JSON.parse(run.outputs.required ?? '[]'),
    failed: JSON.parse(run.outputs.failed ?? '[]'),
    pending: JSON.parse(run.outputs.pending ?? '[]'),
    requests: JSON.parse(run.outputs['api-requests'] ?? '{}')
  }
}

/** The error annotation (setFailed) text. */
export function failure(run: BundleRun): string {
  return run.commands.filter((c) => c.command === 'error').map((c) => c.message).join('\n')
}
