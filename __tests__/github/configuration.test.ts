/**
 * Errors in the configuration end the step at once, name the input and print
 * no secret; every secret the client masks is also remembered so outputs are
 * redacted. Against the simulator: a configuration error sends no request.
 */
import { generateKeyPairSync } from 'node:crypto'
import { startSimulator, OWNER, REPO, type Sim } from '../sim/server.js'
import { createGitHubClient, ConfigurationError, type GitHubClientOptions } from '../../src/github/client.js'
import { parseClientSettings, clientInputs, type ClientInputName } from '../../src/github/inputs.js'
import { withRetry } from '../../src/github/retry.js'
import { specInputSource } from '../../src/core/inputs.js'
import { classifyFailure } from '../../src/core/transient.js'
import { redactSecrets } from '../../src/core/redaction.js'

let sim: Sim
beforeEach(async () => {
  sim = await startSimulator({ clock: { mode: 'manual' } })
})
afterEach(async () => {
  await sim.close()
})

// Valid PEM armor around a body that is not a key: OpenSSL 3 answers `error:1E08010C:DECODER routines::unsupported`, the
// error reported for a GitHub App key in https://github.com/octokit/auth-app.js/issues/332. The body is invented.
const UNDECODABLE_BODY = 'TUlJRXBBSUJBQUtDQVFFQW5vdGFrZXlhdGFsbHRoaXNpc2p1c3R0ZXh0'
const UNDECODABLE = `-----BEGIN RSA PRIVATE KEY-----\n${UNDECODABLE_BODY}\n-----END RSA PRIVATE KEY-----`

function options(overrides: Partial<GitHubClientOptions>, secrets: string[] = []): GitHubClientOptions {
  return {
    auth: { kind: 'token', token: 'ghs_configTestToken0000000000000000000001' },
    baseUrl: sim.url,
    retries: 4,
    writeSpacingMs: 0,
    now: () => sim.clock.now(),
    sleep: async (ms) => sim.clock.advance(ms),
    log: () => undefined,
    setSecret: (s) => secrets.push(s),
    ...overrides
  }
}

function inputs(values: Partial<Record<ClientInputName, string>>) {
  return specInputSource(clientInputs, (label) => (values as Record<string, string>)[label] ?? '')
}

describe('a private key that cannot sign', () => {
  it('undecodable body: the client is not made; the error names private-key and quotes no key', () => {
    const make = () => createGitHubClient(options({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: UNDECODABLE, installationId: 1 } }))
    expect(make).toThrow(ConfigurationError)
    expect(make).toThrow(/^Input 'private-key' cannot be used to sign: error:1E08010C:DECODER routines::unsupported\./)
    expect(() => make()).not.toThrow(new RegExp(UNDECODABLE_BODY.slice(0, 12)))
    expect(sim.log).toEqual([])
  })

  it('undecodable body: the settings already refuse it, naming the input', () => {
    const read = () => parseClientSettings(inputs({ 'app-id': '123', 'private-key': UNDECODABLE }), { GITHUB_API_URL: sim.url })
    expect(read).toThrow(ConfigurationError)
    expect(read).toThrow(/^Input 'private-key' cannot be used to sign/)
  })

  it('a key that decodes but cannot sign RS256 (an EC key): the first call fails at once, permanent, no request sent', async () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const c = createGitHubClient(options({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: ecKey, repository: { owner: OWNER, repo: REPO } } }))
    const failure = withRetry('read pull request #1', () => c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 }), c.retryPolicy)
    await expect(failure).rejects.toThrow(/^read pull request #1 failed: Input 'private-key' cannot be used to sign the App's token: /)
    await expect(failure).rejects.toMatchObject({ attempts: 1, verdict: { kind: 'permanent' } })
    expect(sim.log).toEqual([])
  })
})

describe('an API URL with credentials in it', () => {
  const URL_WITH_PASSWORD = 'http://purple-user:s3cr3tPa55w0rd@127.0.0.1:9/api/v3'

  it('is refused before any request, naming GITHUB_API_URL, the password masked and never printed', () => {
    const secrets: string[] = []
    const make = () => createGitHubClient(options({ baseUrl: URL_WITH_PASSWORD }, secrets))
    expect(make).toThrow(ConfigurationError)
    expect(make).toThrow("GITHUB_API_URL 'http://***@127.0.0.1:9/api/v3' has credentials in it: remove 'user:password@'")
    expect(() => make()).not.toThrow(/s3cr3tPa55w0rd/)
    expect(secrets).toContain('s3cr3tPa55w0rd')
    expect(redactSecrets('echoed: s3cr3tPa55w0rd')).toBe('echoed: ***')
  })

  it('from the environment: the settings refuse it the same way', () => {
    const read = () => parseClientSettings(inputs({ 'github-token': 'ghs_x' }), { GITHUB_API_URL: URL_WITH_PASSWORD })
    expect(read).toThrow(ConfigurationError)
    expect(() => read()).not.toThrow(/s3cr3tPa55w0rd/)
  })

  it('a value that is not a URL is refused too, unquoted (it could hold a password)', () => {
    expect(() => createGitHubClient(options({ baseUrl: 'http://user:pw@exa mple' }))).toThrow('GITHUB_API_URL is not a URL')
  })

  it.each<[string, ConfigurationError]>([
    ['private key', new ConfigurationError('private-key', "Input 'private-key' cannot be used to sign: error:1E08010C:DECODER routines::unsupported.", 'GITHUB_APP_AUTH')],
    ['API URL', new ConfigurationError('GITHUB_API_URL', "GITHUB_API_URL 'http://***@host' has credentials in it", 'ERR_INVALID_URL')]
  ])('callers that only classify treat a %s error as permanent', (_label, error) => {
    expect(classifyFailure(error).kind).toBe('permanent')
  })
})

describe('secrets are masked and remembered for output redaction', () => {
  it("the App's JWT is masked as soon as it is signed, and every token is remembered", async () => {
    const secrets: string[] = []
    const c = createGitHubClient(options({ auth: { kind: 'app', appId: String(sim.app.id), privateKey: sim.app.privateKey, repository: { owner: OWNER, repo: REPO } } }, secrets))
    await c.octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 1 })
    const jwts = sim.log.map((e) => e.token ?? '').filter((t) => t.split('.').length === 3)
    const minted = sim.log.filter((e) => e.path.endsWith('/pulls/1')).map((e) => e.token ?? '')
    expect(jwts.length).toBeGreaterThan(0)
    for (const secret of [...jwts, ...minted]) {
      // Booleans, not the values: a failing run must not print the secret either.
      expect(secrets.includes(secret)).toBe(true)
      expect(redactSecrets(`body echoed ${secret}`) === 'body echoed ***').toBe(true)
    }
  })

  it('a static token is remembered too', () => {
    createGitHubClient(options({ auth: { kind: 'token', token: 'ghs_rememberedToken000000000000000000002' } }))
    expect(redactSecrets('Bad credentials for ghs_rememberedToken000000000000000000002')).toBe('Bad credentials for ***')
  })
})
