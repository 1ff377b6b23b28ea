/**
 * The token and tuning inputs every API action shares, declared once as spec
 * fragments to spread into each action's io.ts, and turned into
 * createGitHubClient options with errors that name the input.
 */
import * as core from '@actions/core'
import type { GitHubClientOptions } from './client.js'
import { CLIENT_DEFAULTS } from './client.js'
import type { AuthConfig } from './auth.js'
import { checkApiUrl, checkPrivateKey } from './configuration.js'
import { inputError, parsePositiveIntegerInput, parseSecondsInput, specInputSource, type InputSource } from '../core/inputs.js'

/** Spread into an API action's `inputs` (names, descriptions and defaults as in action.yml). */
export const clientInputs = {
  'github-token': {
    description:
      "Token for the GitHub API. The job's GITHUB_TOKEN by default; it lives as long as the job. Ignored when 'app-id' and 'private-key' are set.",
    default: '${{ github.token }}'
  },
  'app-id': {
    description:
      "GitHub App id (or client id). With 'private-key', Purple mints the App's installation token itself and refreshes it before it expires, so a wait longer than an hour never fails on 401.",
    default: ''
  },
  'private-key': {
    description: "The GitHub App's private key (PEM), e.g. from a secret. Used with 'app-id'.",
    default: ''
  },
  'installation-id': {
    description: "The App's installation id. Empty: looked up for 'owner', or for this repository.",
    default: ''
  },
  owner: {
    description: "Account (organization or user) the App is installed on, when it is not this repository's owner.",
    default: ''
  },
  'request-timeout-seconds': {
    description: 'Longest time one API request may take (answer and whole body); a slower one is retried as a transient failure.',
    default: String(CLIENT_DEFAULTS.requestTimeoutMs / 1000)
  },
  'max-retries': {
    description: 'Retries of an API request after a transient failure (network error, 5xx, 524, rate limit), with exponential backoff. 0 turns retries off.',
    default: String(CLIENT_DEFAULTS.retries)
  }
} as const

export type ClientInputName = keyof typeof clientInputs

const MAX_RETRIES_LIMIT = 20

/** Turns literal "\n" (a key pasted on one line) back into newlines and trims. */
function normalizePrivateKey(raw: string): string {
  const key = raw.includes('\n') ? raw : raw.replace(/\\n/g, '\n')
  return key.trim()
}

/**
 * Pure: client options from the inputs (defaults applied, errors name them by `label`) and
 * the runner environment (GITHUB_API_URL, GITHUB_REPOSITORY).
 */
export function parseClientSettings(
  inputs: InputSource<ClientInputName>,
  env: Readonly<Record<string, string | undefined>> = process.env
): GitHubClientOptions {
  const get = (name: ClientInputName): string => inputs.get(name)
  const bad = (name: ClientInputName, value: string, expected: string): Error => inputError(inputs.label(name), value, expected)
  const appId = get('app-id').trim()
  const privateKey = normalizePrivateKey(get('private-key'))
  const owner = get('owner').trim()

  let auth: AuthConfig
  if (appId !== '' || privateKey !== '') {
    if (appId === '') throw new Error("Input 'app-id' is empty but 'private-key' is set: give the GitHub App's id too, or remove 'private-key' to use 'github-token'.")
    if (privateKey === '') throw new Error(`Input 'private-key' is empty but 'app-id' is '${appId}': pass the App's private key from a secret, e.g. 'private-key: \${{ secrets.APP_PRIVATE_KEY }}'.`)
    if (!/^(\d+|Iv[0-9A-Za-z.]+)$/.test(appId)) throw bad('app-id', appId, "write the App's numeric id (or its client id, 'Iv...').")
    // Never quote the key itself in an error.
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
      throw new Error("Input 'private-key' is not a PEM private key: paste the whole .pem file the App settings page gave you, including the BEGIN and END lines.")
    }
    checkPrivateKey(privateKey)
    const installationId = parsePositiveIntegerInput(inputs, 'installation-id', "the App's installation id (or leave it empty to look it up)")
    if (owner !== '' && !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(owner)) throw bad('owner', owner, 'write an organization or user login.')
    const repository = parseRepository(env['GITHUB_REPOSITORY'])
    auth = {
      kind: 'app',
      appId,
      privateKey,
      ...(installationId !== undefined ? { installationId } : {}),
      ...(owner !== '' ? { owner } : {}),
      ...(repository !== undefined ? { repository } : {})
    }
  } else {
    const token = get('github-token').trim()
    if (token === '') {
      throw new Error("Input 'github-token' is empty: leave it at its default '${{ github.token }}', pass a token, or set 'app-id' and 'private-key'.")
    }
    auth = { kind: 'token', token }
  }

  const requestTimeoutMs = parseSecondsInput(inputs, 'request-timeout-seconds', { above: 0 })
  const retriesText = get('max-retries').trim()
  if (!/^[0-9]+$/.test(retriesText) || Number(retriesText) > MAX_RETRIES_LIMIT) {
    throw bad('max-retries', retriesText, `write a whole number from 0 to ${MAX_RETRIES_LIMIT}, e.g. '${CLIENT_DEFAULTS.retries}'.`)
  }
  const rawUrl = env['GITHUB_API_URL']?.trim()
  const baseUrl = rawUrl ? checkApiUrl(rawUrl, 'GITHUB_API_URL', (secret) => core.setSecret(secret)) : undefined
  return Object.freeze({
    auth: Object.freeze(auth),
    ...(baseUrl ? { baseUrl } : {}),
    requestTimeoutMs,
    retries: Number(retriesText)
  })
}

/** 'owner/repo' from GITHUB_REPOSITORY, or undefined when unset or malformed. */
function parseRepository(value: string | undefined): { owner: string; repo: string } | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? '')
  return match ? { owner: match[1]!, repo: match[2]! } : undefined
}

/** Reads the client inputs through @actions/core (as action.yml defaults them) and validates them. */
export function readClientSettings(env: Readonly<Record<string, string | undefined>> = process.env): GitHubClientOptions {
  // getInput returns '' for an input the workflow left out only when action.yml gives no default; specInputSource
  // falls back to ours, except for 'github-token': its default '${{ github.token }}' is an expression, so falling
  // back would send that literal text as the token. An empty token stays '' and fails with its own message.
  return parseClientSettings(specInputSource(clientInputs, (name) => core.getInput(name)), env)
}
