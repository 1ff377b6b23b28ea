/**
 * The actions hand their `timeout-seconds` to the client as its deadline, so
 * an unreachable API ends the step within the timeout, naming the cause,
 * instead of retrying on with the full backoff. The API here is a loopback
 * port nothing listens on; the first retry (5 s away) is past a 1 s deadline,
 * so no test waits.
 */
import { createWaitCiDeps } from '../../src/actions/wait-ci/wait-ci.js'
import type { WaitCiSettings } from '../../src/actions/wait-ci/settings.js'
import { parseWaitCiOptions } from '../../src/actions/wait-ci/settings.js'
import { waitCiOwnInputs } from '../../src/actions/wait-ci/io.js'
import { createPipelineDeps } from '../../src/actions/pipeline/pipeline.js'
import type { PipelineSettings } from '../../src/actions/pipeline/settings.js'
import { specInputSource } from '../../src/core/inputs.js'
import type { GitHubClientOptions } from '../../src/github/client.js'
import { closedPort } from '../harness/sim-client.js'

async function clientSettings(): Promise<GitHubClientOptions> {
  return {
    auth: { kind: 'token', token: 'ghs_deadlineWiring000000000000000000000001' },
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    retries: 10,
    retryBaseDelayMs: 5000,
    jitter: 0,
    log: () => undefined,
    setSecret: () => undefined
  }
}

const waitOptions = parseWaitCiOptions(specInputSource(waitCiOwnInputs, (name) => (name === 'timeout-seconds' ? '1' : '')))

it("wait-ci: the client stops at timeout-seconds, saying what failed and how often", async () => {
  const deps = createWaitCiDeps({ client: await clientSettings(), options: waitOptions } as unknown as WaitCiSettings)
  await expect(deps.client.octokit.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 1 })).rejects.toThrow(
    'fetch failed: connection refused (ECONNREFUSED) (gave up after 1 attempt: the deadline (timeout-seconds) came first)'
  )
  expect(deps.client.stats().requests).toBe(1)
})

it('the root pipeline: the same for its one client', async () => {
  const settings = { client: await clientSettings(), wait: { options: waitOptions }, merge: { timeoutMs: 0 }, guard: { workingDirectory: '.' }, maxUpdates: 2 } as unknown as PipelineSettings
  const deps = createPipelineDeps(settings, () => undefined)
  await expect(deps.client.octokit.rest.pulls.get({ owner: 'o', repo: 'r', pull_number: 1 })).rejects.toThrow(/gave up after 1 attempt: the deadline \(timeout-seconds\) came first/)
  expect(deps.client.stats().requests).toBe(1)
})
