import { specInputSource } from '../../src/core/inputs.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseWaitCiOptions, resolveWaitCiSettings } from '../../src/actions/wait-ci/settings.js'
import type { GitHubClientOptions } from '../../src/github/client.js'
import { waitCiOwnInputs } from '../../src/actions/wait-ci/io.js'

type Name = keyof typeof waitCiOwnInputs
/** wait-ci's inputs as the runner passes them: left out is '' (action.yml's defaults then apply). */
const defaults = (over: Partial<Record<Name, string>> = {}) =>
  specInputSource(waitCiOwnInputs, (name) => {
    if (name in over) return over[name as Name]!
    // What the runner passes for `${{ job.check_run_id }}` on GitHub.com: a number.
    if (name === 'check-run-id') return '51725241954'
    return ''
  })

describe('parseWaitCiOptions', () => {
  it('reads the production defaults', () => {
    expect(parseWaitCiOptions(defaults())).toEqual({
      required: '',
      strict: true,
      onNoGate: 'all-observed',
      ignore: [],
      timeoutMs: 3_600_000,
      intervalMs: 10_000,
      failFast: true,
      failQueueFast: true,
      checkRunId: 51725241954
    })
  })

  it('takes fractions of seconds, lists, an explicit head and PR', () => {
    const options = parseWaitCiOptions(
      defaults({
        'interval-seconds': '0.05',
        'timeout-seconds': '2.5',
        ignore: 'deploy*\n\n codecov/* ',
        'pull-request': '42',
        sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        'check-run-id': '',
        strict: 'False'
      })
    )
    expect(options).toMatchObject({
      intervalMs: 50,
      timeoutMs: 2500,
      ignore: ['deploy*', 'codecov/*'],
      pullRequest: 42,
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
      strict: false
    })
    expect(options.checkRunId).toBeUndefined()
  })

  it.each([
    ['strict', 'yes', "Input 'strict' is 'yes': write 'true' or 'false'."],
    ['fail-fast', '1', "Input 'fail-fast' is '1': write 'true' or 'false'."],
    ['on-no-gate', 'ignore', "Input 'on-no-gate' is 'ignore': write 'all-observed' or 'fail'."],
    ['interval-seconds', '0', "Input 'interval-seconds' is '0': write a number of seconds of at least 0.01, e.g. '10' or '0.5'."],
    ['timeout-seconds', '1h', "Input 'timeout-seconds' is '1h': write a number of seconds of at least 1, e.g. '10'."],
    ['pull-request', '#12', "Input 'pull-request' is '#12': write the pull request number, a positive whole number."],
    ['sha', 'HEAD', "Input 'sha' is 'HEAD': write the full commit sha (40 hex characters, 64 in a SHA-256 repository), or leave it empty."],
    ['check-run-id', 'null', "Input 'check-run-id' is 'null': write the job's check run id, a positive whole number."]
  ] as const)('rejects %s = %s', (name, value, message) => {
    expect(() => parseWaitCiOptions(defaults({ [name]: value }))).toThrow(message)
  })
})

describe('resolveWaitCiSettings: the environment and the event, read once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'purple-wait-settings-'))
  const client: GitHubClientOptions = { auth: { kind: 'token', token: 'ghp_x' } }
  const GROUP_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821'
  function envFor(eventName: string, payload: unknown, extra: Record<string, string> = {}): Record<string, string> {
    const path = join(dir, `${eventName}-${Math.random()}.json`)
    writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
    return { GITHUB_REPOSITORY: 'octo-org/purple-demo', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: path, ...extra }
  }

  it('a pull_request event: the PR, the repository and the run ids, frozen', () => {
    const settings = resolveWaitCiSettings(
      client,
      parseWaitCiOptions(defaults()),
      envFor('pull_request', { number: 7, pull_request: { number: 7 } }, { GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '2', RUNNER_NAME: 'GitHub Actions 3', GITHUB_JOB: 'gate' })
    )
    expect(settings.target).toEqual({ kind: 'pull-request', number: 7 })
    expect(settings.repository).toEqual({ owner: 'octo-org', repo: 'purple-demo' })
    expect(settings.run).toEqual({ runId: 1001, attempt: 2, runnerName: 'GitHub Actions 3', jobKey: 'gate' })
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('a merge_group event: the group sha and its base branch without refs/heads/, no pull request needed', () => {
    // The merge_group webhook payload (docs.github.com, "Webhook events and payloads", merge_group): head_sha, base_ref as a full ref.
    const payload = {
      action: 'checks_requested',
      merge_group: {
        head_sha: GROUP_SHA,
        head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-6dcb09b5b57875f334f61aebed695e2e4193db5e',
        base_sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
        base_ref: 'refs/heads/main'
      }
    }
    const settings = resolveWaitCiSettings(client, parseWaitCiOptions(defaults()), envFor('merge_group', payload))
    expect(settings.target).toEqual({ kind: 'merge-group', headSha: GROUP_SHA, baseRef: 'main' })
    expect(settings.run).toEqual({ attempt: 1 })
  })

  it("a merge_group run with a 'sha' input that is not the group's commit: an error naming the input", () => {
    const payload = { action: 'checks_requested', merge_group: { head_sha: GROUP_SHA, base_ref: 'refs/heads/main' } }
    const other = '6dcb09b5b57875f334f61aebed695e2e4193db5e'
    expect(() => resolveWaitCiSettings(client, parseWaitCiOptions(defaults({ sha: other })), envFor('merge_group', payload))).toThrow(
      `Input 'sha' is '${other}', but this merge_group run tests the group commit ${GROUP_SHA}: leave 'sha' empty in merge_group runs.`
    )
    expect(resolveWaitCiSettings(client, parseWaitCiOptions(defaults({ sha: GROUP_SHA })), envFor('merge_group', payload)).target.kind).toBe('merge-group')
  })

  it('an event payload that is not JSON: one clear error naming the file', () => {
    expect(() => resolveWaitCiSettings(client, parseWaitCiOptions(defaults()), envFor('pull_request', '{"number": '))).toThrow(
      /^GITHUB_EVENT_PATH '.*' does not hold JSON: the runner writes the event payload there\.$/
    )
  })
})
