import { generateKeyPairSync } from 'node:crypto'
import { clientInputs, parseClientSettings, readClientSettings, type ClientInputName } from '../../src/github/inputs.js'
import { specInputSource, type InputSource } from '../../src/core/inputs.js'

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' }
})

/** The client inputs as the runner passes them (left out: ''), with action.yml's defaults applied. */
function reader(values: Partial<Record<ClientInputName, string>>, prefix = ''): InputSource<ClientInputName> {
  return specInputSource(clientInputs, (label) => (values as Record<string, string>)[label] ?? '', prefix)
}

const env = { GITHUB_REPOSITORY: 'octo-org/purple', GITHUB_API_URL: 'http://127.0.0.1:9' }

describe('clientInputs', () => {
  it('declares kebab-case inputs, each described, with defaults', () => {
    expect(Object.keys(clientInputs)).toEqual([
      'github-token',
      'app-id',
      'private-key',
      'installation-id',
      'owner',
      'request-timeout-seconds',
      'max-retries'
    ])
    for (const [name, spec] of Object.entries(clientInputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      expect(spec.description.length).toBeGreaterThan(20)
      expect(typeof spec.default).toBe('string')
    }
    expect(clientInputs['github-token'].default).toBe('${{ github.token }}')
  })
})

describe('parseClientSettings', () => {
  it('a token with the defaults', () => {
    const settings = parseClientSettings(reader({ 'github-token': 'ghs_abc' }), env)
    expect(settings).toEqual({ auth: { kind: 'token', token: 'ghs_abc' }, baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 30_000, retries: 4 })
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('an App, with the key pasted on one line with literal \\n', () => {
    const oneLine = privateKey.trim().replace(/\n/g, '\\n')
    const settings = parseClientSettings(reader({ 'github-token': 'ghs_ignored', 'app-id': '123456', 'private-key': oneLine, 'request-timeout-seconds': '2.5', 'max-retries': '0' }), env)
    expect(settings.auth).toEqual({ kind: 'app', appId: '123456', privateKey: privateKey.trim(), repository: { owner: 'octo-org', repo: 'purple' } })
    expect(settings.requestTimeoutMs).toBe(2500)
    expect(settings.retries).toBe(0)
  })

  it('an App with installation id and owner', () => {
    const settings = parseClientSettings(reader({ 'app-id': 'Iv23liABCdef', 'private-key': privateKey, 'installation-id': '51234567', owner: 'other-org' }), {})
    expect(settings.auth).toEqual({ kind: 'app', appId: 'Iv23liABCdef', privateKey: privateKey.trim(), installationId: 51234567, owner: 'other-org' })
    expect(settings.baseUrl).toBeUndefined()
  })

  it.each<[string, Partial<Record<ClientInputName, string>>, string]>([
    ['empty token', { 'github-token': '' }, "Input 'github-token' is empty: leave it at its default '${{ github.token }}', pass a token, or set 'app-id' and 'private-key'."],
    ['app-id without key', { 'app-id': '123' }, "Input 'private-key' is empty but 'app-id' is '123': pass the App's private key from a secret, e.g. 'private-key: ${{ secrets.APP_PRIVATE_KEY }}'."],
    ['key without app-id', { 'private-key': 'x' }, "Input 'app-id' is empty but 'private-key' is set: give the GitHub App's id too, or remove 'private-key' to use 'github-token'."],
    ['app-id not a number', { 'app-id': 'my-app', 'private-key': 'x' }, "Input 'app-id' is 'my-app': write the App's numeric id (or its client id, 'Iv...')."],
    ['installation-id not a number', { 'app-id': '1', 'private-key': '__KEY__', 'installation-id': 'abc' }, "Input 'installation-id' is 'abc': write the App's installation id (or leave it empty to look it up), a positive whole number."],
    ['owner with a slash', { 'app-id': '1', 'private-key': '__KEY__', owner: 'org/repo' }, "Input 'owner' is 'org/repo': write an organization or user login."],
    ['timeout zero', { 'github-token': 't', 'request-timeout-seconds': '0' }, "Input 'request-timeout-seconds' is '0': write a number of seconds above 0, e.g. '10' or '0.5'."],
    ['timeout words', { 'github-token': 't', 'request-timeout-seconds': '30s' }, "Input 'request-timeout-seconds' is '30s': write a number of seconds above 0, e.g. '10' or '0.5'."],
    ['retries negative', { 'github-token': 't', 'max-retries': '-1' }, "Input 'max-retries' is '-1': write a whole number from 0 to 20, e.g. '4'."],
    ['retries too many', { 'github-token': 't', 'max-retries': '100' }, "Input 'max-retries' is '100': write a whole number from 0 to 20, e.g. '4'."]
  ])('%s', (_label, values, message) => {
    const withKey = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '__KEY__' ? privateKey : v]))
    expect(() => parseClientSettings(reader(withKey), env)).toThrow(message)
  })

  it('never quotes a private key that is not PEM', () => {
    const secretish = 'not-a-pem-but-secret-material-1234567890'
    let message = ''
    try {
      parseClientSettings(reader({ 'app-id': '1', 'private-key': secretish }), env)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^Input 'private-key' is not a PEM private key/)
    expect(message).not.toContain(secretish)
  })
})

describe('parseClientSettings names the inputs by their label', () => {
  it.each<[Partial<Record<string, string>>, string]>([
    [{ 'x-github-token': 't', 'x-request-timeout-seconds': '-2' }, "Input 'x-request-timeout-seconds' is '-2': write a number of seconds above 0"],
    [{ 'x-github-token': 't', 'x-max-retries': 'many' }, "Input 'x-max-retries' is 'many': write a whole number from 0 to 20"],
    [{ 'x-app-id': '1', 'x-private-key': '__KEY__', 'x-installation-id': '0' }, "Input 'x-installation-id' is '0': write the App's installation id"]
  ])('%j', (values, message) => {
    const withKey = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '__KEY__' ? privateKey : v]))
    expect(() => parseClientSettings(reader(withKey as Partial<Record<ClientInputName, string>>, 'x-'), env)).toThrow(message)
  })
})

describe('readClientSettings (through @actions/core, as the runner passes inputs)', () => {
  const names = Object.keys(clientInputs).map((name) => `INPUT_${name.toUpperCase()}`)
  const saved = Object.fromEntries(names.map((key) => [key, process.env[key]]))
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  })

  it("applies action.yml's defaults to left-out inputs", () => {
    for (const key of names) delete process.env[key]
    process.env['INPUT_GITHUB-TOKEN'] = 'ghs_from_runner'
    expect(readClientSettings(env)).toEqual({ auth: { kind: 'token', token: 'ghs_from_runner' }, baseUrl: 'http://127.0.0.1:9', requestTimeoutMs: 30_000, retries: 4 })
  })

  it("an empty 'github-token' is an error, never its unevaluated default '${{ github.token }}' sent as a token", () => {
    for (const key of names) delete process.env[key]
    process.env['INPUT_GITHUB-TOKEN'] = ''
    expect(() => readClientSettings(env)).toThrow("Input 'github-token' is empty: leave it at its default")
  })
})
