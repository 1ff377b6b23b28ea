import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mergeGroupFromPayload, pullRequestFromPayload, readGitHubContext, readRepository, requirePullRequest } from '../../src/github/context.js'

const dir = mkdtempSync(join(tmpdir(), 'purple-context-'))
function eventFile(name: string, payload: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return path
}

const HEAD = 'a'.repeat(40)
const BASE = 'b'.repeat(40)

describe('readRepository', () => {
  it('splits GITHUB_REPOSITORY', () => {
    expect(readRepository({ GITHUB_REPOSITORY: 'octo-org/purple.js' })).toEqual({ owner: 'octo-org', repo: 'purple.js' })
  })
  it.each([
    [undefined, 'GITHUB_REPOSITORY is not set: run this inside GitHub Actions, or set it to owner/repo.'],
    ['purple', "GITHUB_REPOSITORY is 'purple': expected 'owner/repo'."],
    ['a/b/c', "GITHUB_REPOSITORY is 'a/b/c': expected 'owner/repo'."]
  ])('%s', (value, message) => {
    expect(() => readRepository({ GITHUB_REPOSITORY: value })).toThrow(message)
  })
})

describe('pullRequestFromPayload', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'pull_request',
      { action: 'synchronize', number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'feature/x' }, base: { sha: BASE, ref: 'main' } } },
      { number: 7, headSha: HEAD, headRef: 'feature/x', baseRef: 'main', baseSha: BASE }
    ],
    ['issue_comment on a PR', { action: 'created', issue: { number: 12, pull_request: { url: 'https://api.github.com/repos/o/r/pulls/12' } } }, { number: 12 }],
    ['issue_comment on an issue', { action: 'created', issue: { number: 13 } }, undefined],
    [
      'check_suite',
      { action: 'completed', check_suite: { pull_requests: [{ number: 3, head: { sha: HEAD, ref: 'f' }, base: { sha: BASE, ref: 'main' } }] } },
      { number: 3, headSha: HEAD, headRef: 'f', baseRef: 'main', baseSha: BASE }
    ],
    ['workflow_run', { action: 'completed', workflow_run: { pull_requests: [{ number: 4, head: { sha: HEAD, ref: 'f' }, base: { sha: BASE, ref: 'main' } }] } }, { number: 4, headSha: HEAD, headRef: 'f', baseRef: 'main', baseSha: BASE }],
    ['workflow_run from a fork (no PRs listed)', { action: 'completed', workflow_run: { pull_requests: [] } }, undefined],
    ['push', { ref: 'refs/heads/main', after: HEAD }, undefined]
  ])('%s', (_label, payload, expected) => {
    expect(pullRequestFromPayload(payload)).toEqual(expected)
  })
})

describe('readGitHubContext and requirePullRequest', () => {
  it('reads the event file', () => {
    const path = eventFile('pr.json', { number: 9, pull_request: { number: 9, head: { sha: HEAD, ref: 'f' }, base: { sha: BASE, ref: 'main' } } })
    const context = readGitHubContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: path, GITHUB_EVENT_NAME: 'pull_request' })
    expect(context.repository).toEqual({ owner: 'o', repo: 'r' })
    expect(context.eventName).toBe('pull_request')
    expect(requirePullRequest(context)).toEqual({ number: 9, headSha: HEAD, headRef: 'f', baseRef: 'main', baseSha: BASE })
    expect(requirePullRequest(context, 10)).toEqual({ number: 10 })
    expect(requirePullRequest(context, 9).headSha).toBe(HEAD)
  })

  it('an explicit number works without an event', () => {
    expect(requirePullRequest(readGitHubContext({ GITHUB_REPOSITORY: 'o/r' }), 5)).toEqual({ number: 5 })
  })

  it('says what to do when no pull request can be found', () => {
    const context = readGitHubContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: eventFile('push.json', { ref: 'refs/heads/main' }), GITHUB_EVENT_NAME: 'push' })
    expect(() => requirePullRequest(context)).toThrow(
      "Cannot tell which pull request to use: input 'pull-request' is empty and the 'push' event of this run names no pull request. Run on 'pull_request' events, or set 'pull-request', e.g. '${{ github.event.pull_request.number }}' or a step output."
    )
  })

  it.each([
    ['missing file', join(dir, 'nope.json'), /^GITHUB_EVENT_PATH is '.*nope\.json' but it cannot be read/],
    ['not JSON', eventFile('bad.json', '{"number": '), /^GITHUB_EVENT_PATH '.*bad\.json' does not hold JSON/]
  ])('%s', (_label, path, message) => {
    expect(() => readGitHubContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_PATH: path })).toThrow(message)
  })
})

describe('mergeGroupFromPayload', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      // docs.github.com, "Webhook events and payloads", merge_group: base_ref is a full ref.
      'merge_group checks_requested',
      { action: 'checks_requested', merge_group: { head_sha: HEAD, head_ref: 'refs/heads/gh-readonly-queue/main/pr-7-' + BASE, base_sha: BASE, base_ref: 'refs/heads/main' } },
      { headSha: HEAD, baseRef: 'main' }
    ],
    ['a branch named with slashes keeps them', { merge_group: { head_sha: HEAD, base_ref: 'refs/heads/release/2.x' } }, { headSha: HEAD, baseRef: 'release/2.x' }],
    ['pull_request', { pull_request: { number: 7 } }, undefined],
    ['merge_group without head_sha', { merge_group: { base_ref: 'refs/heads/main' } }, undefined]
  ])('%s', (_label, payload, expected) => {
    expect(mergeGroupFromPayload(payload)).toEqual(expected)
  })
})
