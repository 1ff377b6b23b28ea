/**
 * Errors in what the workflow gave Purple, found before any request leaves:
 * a private key that cannot sign, an API URL that is not one or carries
 * credentials. No retry can fix them, so they end the step at once, name the
 * input, and never quote a secret. See docs/decisions.md, "Configuration
 * errors are not transient".
 */
import { createPrivateKey } from 'node:crypto'
import { rememberSecret } from '../core/redaction.js'

/**
 * A configuration error: permanent. `code` is one the failure classifier
 * already calls permanent (a bad key: GITHUB_APP_AUTH; a bad URL:
 * ERR_INVALID_URL), so callers that only classify also stop at once.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError'
  constructor(
    /** The input or variable to fix, e.g. 'private-key' or 'GITHUB_API_URL'. */
    readonly input: string,
    message: string,
    readonly code: 'GITHUB_APP_AUTH' | 'ERR_INVALID_URL'
  ) {
    super(message)
  }
}

/** The first line of an error's message; duck-typed, as crypto errors can come from another realm. */
export function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined
  return (typeof message === 'string' ? message : String(error)).split('\n')[0] ?? ''
}

/** True for an error in the workflow's configuration (never worth a retry). */
export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError
}

/** Throws ConfigurationError naming 'private-key' when the key cannot be decoded (the key is never quoted). */
export function checkPrivateKey(privateKey: string): void {
  try {
    createPrivateKey(privateKey)
  } catch (error) {
    const why = messageOf(error)
    throw new ConfigurationError(
      'private-key',
      `Input 'private-key' cannot be used to sign: ${why}. Paste the whole .pem file from the App's settings page (BEGIN and END lines included), unchanged.`,
      'GITHUB_APP_AUTH'
    )
  }
}

/**
 * The API root without a trailing slash; throws ConfigurationError naming
 * `source` when it is not an http(s) URL or carries credentials (whose
 * password is masked by `setSecret` and never printed).
 */
export function checkApiUrl(url: string, source: string, setSecret: (secret: string) => void): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // Unparseable: a password could still be in it, so the value is not quoted.
    throw new ConfigurationError(source, `${source} is not a URL: write the API root, e.g. 'https://api.github.com' or 'https://HOST/api/v3'.`, 'ERR_INVALID_URL')
  }
  if (parsed.username !== '' || parsed.password !== '') {
    for (const secret of [parsed.password, decodeURIComponent(parsed.password)]) {
      if (secret !== '') {
        setSecret(secret)
        rememberSecret(secret)
      }
    }
    const shown = `${parsed.protocol}//***@${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
    throw new ConfigurationError(
      source,
      `${source} '${shown}' has credentials in it: remove 'user:password@' and authenticate with 'github-token' or 'app-id' and 'private-key'.`,
      'ERR_INVALID_URL'
    )
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(source, `${source} '${parsed.protocol}//${parsed.host}' is not an http(s) URL: write the API root, e.g. 'https://api.github.com'.`, 'ERR_INVALID_URL')
  }
  return url.replace(/\/+$/, '')
}
