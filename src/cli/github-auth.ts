/**
 * Credentials and the API root of the `purple` commands that call GitHub,
 * from the environment: GH_TOKEN, else GITHUB_TOKEN, or a GitHub App from
 * PURPLE_APP_ID with PURPLE_PRIVATE_KEY or PURPLE_PRIVATE_KEY_FILE; the API
 * root from GITHUB_API_URL. A terminal is no runner: nothing here prints a
 * mask command, and no message quotes a secret.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { specInputSource } from '../core/inputs.js'
import { rememberSecret } from '../core/redaction.js'
import { checkApiUrl } from '../github/configuration.js'
import { clientInputs, parseClientSettings, type ClientInputName } from '../github/inputs.js'
import type { GitHubClientOptions } from '../github/client.js'
import { UsageError } from './exit-codes.js'

type Env = Readonly<Record<string, string | undefined>>

/** A credential that is missing or unusable: the commands exit 4 with this message. */
export class AuthError extends Error {
  override readonly name = 'AuthError'
}

/** The token of the environment, GH_TOKEN before GITHUB_TOKEN (as gh reads them); '' when neither is set. */
export function envToken(env: Env): string {
  return (env['GH_TOKEN'] ?? '').trim() || (env['GITHUB_TOKEN'] ?? '').trim()
}

/** The API root: GITHUB_API_URL (a GitHub Enterprise Server's https://HOST/api/v3), else github.com's. */
export function envApiUrl(env: Env): string {
  // Credentials in the URL are refused with the password kept out of the message (and remembered for redaction).
  return checkApiUrl((env['GITHUB_API_URL'] ?? '').trim() || 'https://api.github.com', 'GITHUB_API_URL', rememberSecret)
}

/** The App's private key: PURPLE_PRIVATE_KEY, else the file PURPLE_PRIVATE_KEY_FILE names; '' when neither. */
function envPrivateKey(env: Env, cwd: string): { key: string; label: string } {
  const inline = env['PURPLE_PRIVATE_KEY'] ?? ''
  if (inline.trim() !== '') return { key: inline, label: 'PURPLE_PRIVATE_KEY' }
  const file = (env['PURPLE_PRIVATE_KEY_FILE'] ?? '').trim()
  if (file === '') return { key: '', label: 'PURPLE_PRIVATE_KEY' }
  try {
    return { key: readFileSync(resolve(cwd, file), 'utf8'), label: 'PURPLE_PRIVATE_KEY_FILE' }
  } catch (e) {
    const why = typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'unreadable'
    throw new AuthError(`PURPLE_PRIVATE_KEY_FILE '${file}' cannot be read (${why}): point it at the App's .pem file`)
  }
}

/** Where each client input comes from on the command line: a flag, or an environment variable. */
export interface ClientFlags {
  readonly 'max-retries'?: string
  readonly 'request-timeout'?: string
}

/**
 * Client options from the environment and the tuning flags, through the same
 * parser the actions use (its errors name the flag or the variable). Throws
 * AuthError for a missing or unusable credential, a UsageError for a bad flag.
 */
export function readCliClientSettings(
  env: Env,
  flags: ClientFlags,
  repository: { readonly owner: string; readonly repo: string },
  io: { readonly cwd: string; readonly command: string }
): GitHubClientOptions {
  const appId = (env['PURPLE_APP_ID'] ?? '').trim()
  const { key, label: keyLabel } = envPrivateKey(env, io.cwd)
  const token = envToken(env)
  if (appId === '' && key.trim() !== '') throw new AuthError(`${keyLabel} is set but PURPLE_APP_ID is empty: set the GitHub App's id too`)
  if (appId !== '' && key.trim() === '') throw new AuthError(`PURPLE_APP_ID is '${appId}' but no private key is set: set PURPLE_PRIVATE_KEY_FILE to the App's .pem file (or PURPLE_PRIVATE_KEY to its text)`)
  if (appId === '' && token === '') {
    throw new AuthError('no token: set GH_TOKEN (or GITHUB_TOKEN) to a token that can read the repository, or PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE')
  }
  if (token !== '') rememberSecret(token)
  const values: Partial<Record<ClientInputName, string>> = {
    'github-token': token,
    'app-id': appId,
    'private-key': key,
    'max-retries': flags['max-retries'] ?? '',
    'request-timeout-seconds': flags['request-timeout'] ?? ''
  }
  const labels: Record<ClientInputName, string> = {
    'github-token': (env['GH_TOKEN'] ?? '').trim() ? 'GH_TOKEN' : 'GITHUB_TOKEN',
    'app-id': 'PURPLE_APP_ID',
    'private-key': keyLabel,
    'installation-id': 'installation-id',
    owner: 'owner',
    'max-retries': '--max-retries',
    'request-timeout-seconds': '--request-timeout'
  }
  // Without a prefix the reader is asked by the input's own name; the labels are what errors say.
  const source = specInputSource(clientInputs, (name) => values[name as ClientInputName] ?? '')
  const inputs = { get: source.get, label: (name: ClientInputName) => labels[name] }
  let parsed: GitHubClientOptions
  try {
    // GITHUB_REPOSITORY: the repository whose App installation is looked up.
    parsed = parseClientSettings(inputs, { GITHUB_REPOSITORY: `${repository.owner}/${repository.repo}` })
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // Only the tuning inputs are labelled as flags; every other label is an environment variable.
    if (/^Input '--/.test(message)) throw new UsageError(message.replace(/^Input '--/, "option '--"), io.command)
    // The shared parser names the action inputs; here they are environment variables.
    throw new AuthError(message.replace(/^Input /, '').replace(/Input 'private-key'|'private-key'/g, keyLabel), { cause: e })
  }
  return Object.freeze({ ...parsed, baseUrl: envApiUrl(env) })
}
