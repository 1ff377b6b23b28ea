/**
 * Credentials for the client: a static token, or a GitHub App whose
 * installation token Purple mints and refreshes itself (a borrowed token can
 * already be expired on arrival: whoever holds the refresh capability
 * refreshes before use).
 */
import { createAppAuth } from '@octokit/auth-app'
import { rememberSecret } from '../core/redaction.js'
import { ConfigurationError, messageOf } from './configuration.js'

/** A static token (the job's GITHUB_TOKEN or a PAT): cannot be refreshed. */
export interface TokenAuthConfig {
  readonly kind: 'token'
  readonly token: string
}

/** A GitHub App: Purple mints installation tokens with the private key and refreshes them. */
export interface AppAuthConfig {
  readonly kind: 'app'
  readonly appId: string
  readonly privateKey: string
  /** Skips the installation lookup when given. */
  readonly installationId?: number
  /** Account the App is installed on when it differs from the repository owner. */
  readonly owner?: string
  /** Repository used to look the installation up (default: GITHUB_REPOSITORY via readClientSettings). */
  readonly repository?: { readonly owner: string; readonly repo: string }
}

export type AuthConfig = TokenAuthConfig | AppAuthConfig

/** Refresh an installation token once less than this remains (nothing to do while more than 5 minutes remain). */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000

/**
 * Masks a secret in the log, line by line too (the runner masks a multi-line
 * value only whole), and remembers it so outputs are redacted as well.
 */
export function maskSecret(secret: string, setSecret: (s: string) => void): void {
  if (secret.trim() === '') return
  rememberSecret(secret)
  setSecret(secret)
  for (const line of secret.split(/\r?\n/)) {
    const part = line.trim()
    // PEM armor lines are public text; masking them would only star out harmless log lines.
    if (part.length >= 8 && part !== secret && !part.startsWith('-----')) setSecret(part)
  }
}

interface TokenCache {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
}

/**
 * auth-app's own cache keeps a token 59 minutes from when it was minted,
 * whatever `expires_at` says. This one reads `expires_at` (third `|` field of
 * auth-app's cache value) and drops a token with less than `marginMs` left,
 * so auth-app mints a new one; `onToken` sees every minted token (to mask it).
 */
export function expiringTokenCache(now: () => number, marginMs: number, onToken: (token: string) => void): TokenCache {
  const entries = new Map<string, string>()
  return {
    async get(key) {
      const value = entries.get(key)
      if (value === undefined) return undefined
      const expiresAt = Date.parse(value.split('|')[2] ?? '')
      if (!(expiresAt - now() > marginMs)) {
        entries.delete(key)
        return undefined
      }
      return value
    },
    async set(key, value) {
      onToken(value.split('|')[0] ?? '')
      entries.set(key, value)
    }
  }
}

// Routes that authenticate as the App itself (a JWT), never with an installation token.
const APP_ROUTE = /^\/(app(\/|$)|repos\/[^/]+\/[^/]+\/installation$|orgs\/[^/]+\/installation$|users\/[^/]+\/installation$)/

interface EndpointLike {
  url: string
  baseUrl?: string
  headers: Record<string, string | number | undefined>
  [key: string]: unknown
}

// Octokit's request function as the hook sees it (loosely typed: @octokit/types is not a direct dependency).
type RequestFn = ((route: unknown, parameters?: unknown) => Promise<unknown>) & {
  endpoint: { merge(route: unknown, parameters?: unknown): EndpointLike; DEFAULTS: { baseUrl: string } }
}

interface StrategyOptions {
  readonly config: AppAuthConfig
  readonly now: () => number
  readonly refreshMarginMs: number
  readonly setSecret: (s: string) => void
  readonly log: (message: string) => void
  readonly sleep: (ms: number) => Promise<void>
  readonly reauthDelayMs: number
}

type InstallationAuth = ReturnType<typeof createAppAuth>

function pathOf(url: string, baseUrl: string): string {
  const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : new URL(url, 'http://x').pathname
  return path.split('?')[0] ?? path
}

/**
 * GitHub refused the App itself (JWT rejected, not installed, installation
 * suspended): permanent, with what to check. No `status`, so the classifier
 * does not give the static-token 401 advice; the original is the cause.
 */
export class GitHubAppAuthError extends Error {
  override readonly name = 'GitHubAppAuthError'
  readonly code = 'GITHUB_APP_AUTH'
}

function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } }).response?.data
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') return (data as { message: string }).message
  return error instanceof Error ? error.message : String(error)
}

/** Rethrows a 401/403/404 from an App route as GitHubAppAuthError saying what to check; anything else unchanged. */
function explainAppFailure(error: unknown, what: string, advice: Readonly<Record<number, string>>): never {
  const status = statusOf(error)
  const hint = status !== undefined ? advice[status] : undefined
  if (status === undefined || hint === undefined) throw error
  throw new GitHubAppAuthError(`${what}: GitHub answered ${status} '${githubMessage(error)}': ${hint}`, { cause: error })
}

/**
 * An error auth-app raised before any request left (no status, no request:
 * the JWT could not be signed, e.g. `error:1E08010C:DECODER routines::unsupported`)
 * becomes a ConfigurationError naming 'private-key'; anything else unchanged.
 */
function asSigningError(error: unknown): unknown {
  // Duck-typed: WebCrypto's DataError is a DOMException, not always an Error of this realm.
  if (typeof error !== 'object' || error === null || error instanceof ConfigurationError || error instanceof GitHubAppAuthError) return error
  if (statusOf(error) !== undefined || 'request' in error || 'response' in error) return error
  return new ConfigurationError(
    'private-key',
    `Input 'private-key' cannot be used to sign the App's token: ${messageOf(error)}. Paste the whole .pem file from the App's settings page, unchanged.`,
    'GITHUB_APP_AUTH'
  )
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined
}

/**
 * An Octokit `authStrategy` for a GitHub App: looks the installation up once
 * (unless given), mints installation tokens through @octokit/auth-app with a
 * cache that refreshes before `expires_at`, masks each token, and on a 401
 * mints a fresh token and tries once more (a token revoked or expired under a
 * long wait must not end the run).
 */
export function createAppAuthStrategy(options: StrategyOptions) {
  return (core: { request: RequestFn; log?: unknown }) => {
    const { config } = options
    const cache = expiringTokenCache(options.now, options.refreshMarginMs, (token) => maskSecret(token, options.setSecret))
    const base = { appId: config.appId, privateKey: config.privateKey, request: core.request, cache, log: { warn: options.log } }
    const appAuth = createAppAuth(base as Parameters<typeof createAppAuth>[0])
    let installation: Promise<InstallationAuth> | undefined

    async function lookUp(): Promise<InstallationAuth> {
      if (config.installationId !== undefined) {
        return createAppAuth({ ...base, installationId: config.installationId } as Parameters<typeof createAppAuth>[0])
      }
      const repo = config.repository
      const useOwner = config.owner !== undefined && config.owner !== '' && (repo === undefined || config.owner.toLowerCase() !== repo.owner.toLowerCase())
      let response: unknown
      const jwtAdvice = "check that 'app-id' and 'private-key' belong to the same App, and that the runner's clock is right"
      try {
        if (useOwner) {
          response = await core.request('GET /users/{username}/installation', { username: config.owner })
        } else if (repo !== undefined) {
          response = await core.request('GET /repos/{owner}/{repo}/installation', { owner: repo.owner, repo: repo.repo })
        } else {
          throw new GitHubAppAuthError("GitHub App auth: cannot find the App's installation: set 'installation-id' or 'owner', or run where GITHUB_REPOSITORY is set")
        }
      } catch (error) {
        const where = useOwner ? `account '${config.owner}'` : `repository '${repo?.owner}/${repo?.repo}'`
        explainAppFailure(error, `GitHub App '${config.appId}': looking up its installation on ${where}`, {
          401: jwtAdvice,
          404: `the App is not installed there: install it on ${where}, or set 'installation-id' (or 'owner' for another account)`
        })
      }
      const id = (response as { data?: { id?: unknown } }).data?.id
      if (typeof id !== 'number') throw new Error('GitHub App auth: the installation lookup returned no numeric id')
      options.log(`GitHub App ${config.appId}: using installation ${id}`)
      return createAppAuth({ ...base, installationId: id } as Parameters<typeof createAppAuth>[0])
    }

    function installationAuth(): Promise<InstallationAuth> {
      installation ??= lookUp().catch((error: unknown) => {
        installation = undefined
        throw error
      })
      return installation
    }

    async function auth(authOptions?: { type?: string; refresh?: boolean }): Promise<unknown> {
      const type = authOptions?.type ?? 'installation'
      if (type === 'app') return appAuth({ type: 'app' })
      const inst = await installationAuth()
      return inst({ type: 'installation', ...(authOptions?.refresh === true ? { refresh: true } : {}) })
    }

    const mintAdvice = {
      401: "check that 'app-id' and 'private-key' belong to the same App, and that the runner's clock is right",
      403: 'the installation may be suspended, or the App lacks a permission it requests',
      404: "no such installation for this App: check 'installation-id', or leave it empty to look it up"
    }

    async function mint(inst: InstallationAuth, refresh: boolean): Promise<string> {
      try {
        const result = (await inst({ type: 'installation', ...(refresh ? { refresh: true } : {}) })) as { token: string }
        return result.token
      } catch (error) {
        return explainAppFailure(asSigningError(error), `GitHub App '${config.appId}': minting an installation token`, mintAdvice)
      }
    }

    async function hook(request: RequestFn, route: unknown, parameters?: unknown): Promise<unknown> {
      const endpoint = request.endpoint.merge(route, parameters)
      if (APP_ROUTE.test(pathOf(endpoint.url, endpoint.baseUrl ?? request.endpoint.DEFAULTS.baseUrl))) {
        // Every JWT is masked the moment it is about to leave: a 401 body can echo the authorization header.
        const masking = Object.assign(
          (sent: EndpointLike) => {
            const jwt = /^bearer\s+(\S+)$/i.exec(String(sent.headers.authorization ?? ''))?.[1]
            if (jwt !== undefined) maskSecret(jwt, options.setSecret)
            return request(sent)
          },
          { endpoint: request.endpoint, defaults: (request as unknown as { defaults: unknown }).defaults }
        )
        try {
          return await appAuth.hook(masking as never, route as never, parameters as never)
        } catch (error) {
          throw asSigningError(error)
        }
      }
      const inst = await installationAuth()
      endpoint.headers.authorization = `token ${await mint(inst, false)}`
      try {
        return await request(endpoint)
      } catch (error) {
        if (statusOf(error) !== 401) throw error
        // A fresh token can also 401 for a moment (replication): the short wait covers that too.
        options.log('GitHub answered 401 to the App installation token: minting a new token and trying once more')
        await options.sleep(options.reauthDelayMs)
        endpoint.headers.authorization = `token ${await mint(inst, true)}`
        try {
          return await request(endpoint)
        } catch (again) {
          const sent = (again as { request?: { method?: string; url?: string } }).request
          const label = `${sent?.method ?? 'GET'} ${pathOf(sent?.url ?? endpoint.url, endpoint.baseUrl ?? request.endpoint.DEFAULTS.baseUrl)}`
          return explainAppFailure(again, `GitHub App '${config.appId}': ${label}`, {
            401: 'GitHub refused a freshly minted installation token too: the App may have been uninstalled or lost access to this repository'
          })
        }
      }
    }

    return Object.assign(auth, { hook })
  }
}
