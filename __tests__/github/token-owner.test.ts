/**
 * Whose token Purple acts with: what the token's form says, and when GitHub is asked.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { AuthConfig } from '../../src/github/auth.js'
import { createGitHubClient } from '../../src/github/client.js'
import { tokenKindOf, tokenOwner } from '../../src/github/token-owner.js'
import { closeChecked } from '../sim/openapi-check.js'
import { ADMIN_TOKEN, DEFAULT_TOKEN, startSimulator, type Sim } from '../sim/server.js'

let sim: Sim | undefined
afterEach(async () => {
  await closeChecked(sim)
  sim = undefined
})

describe('tokenKindOf', () => {
  // Prefixes from https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/;
  // the ghp_ token is GitHub's documented example, the others are invented with the documented prefixes.
  it.each([
    [{ kind: 'token', token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' }, 'installation'],
    [{ kind: 'token', token: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a' }, 'other'],
    [{ kind: 'token', token: 'github_pat_11ABCDE0Y0abcdefghijk_0123456789' }, 'other'],
    [{ kind: 'token', token: 'v1.0123456789abcdef0123456789abcdef01234567' }, 'unknown'],
    [{ kind: 'app', appId: '1', privateKey: 'k', installationId: null, owner: null }, 'other']
  ] as const)('%j is %s', (auth, kind) => {
    // An installation token may be the job's GITHUB_TOKEN or an App's made by an earlier step: never assumed to be the job's.
    expect(tokenKindOf(auth as unknown as AuthConfig)).toBe(kind)
  })
})

describe('tokenOwner', () => {
  const client = (s: Sim, token: string) =>
    createGitHubClient({ auth: { kind: 'token', token }, baseUrl: s.url, retries: 0, writeSpacingMs: 0, log: () => undefined, setSecret: () => undefined })

  it("asks GitHub's viewer for an installation token: the job's GITHUB_TOKEN is the Actions bot", async () => {
    sim = await startSimulator()
    const job = client(sim, DEFAULT_TOKEN)
    await expect(tokenOwner(job)).resolves.toBe('actions')
    // Asked once per client: the enqueue warning and a never-started message share the answer.
    await expect(tokenOwner(job)).resolves.toBe('actions')
    expect(sim.requests({ path: /graphql/ })).toHaveLength(1)
  })

  it('answers a personal token without a request', async () => {
    sim = await startSimulator()
    await expect(tokenOwner(client(sim, ADMIN_TOKEN))).resolves.toBe('other')
    expect(sim.log).toHaveLength(0)
  })
})
