/**
 * Conditional GETs: send the stored ETag as If-None-Match; GitHub answers 304
 * Not Modified, which does not count against the primary rate limit, so a
 * long wait costs few counted requests. Octokit throws a 304 as a
 * RequestError; here it becomes `{ notModified: true }` with the cached data.
 */

/** What getWithEtag keeps per request: the ETag and the data it labelled. */
export interface EtagEntry {
  readonly etag: string
  readonly data: unknown
}

/** Storage for ETags; a Map works. */
export interface EtagCache {
  get(key: string): EtagEntry | undefined
  set(key: string, entry: EtagEntry): void
}

export type ConditionalResult<T> =
  | { readonly notModified: true; readonly data: T; readonly etag: string }
  | { readonly notModified: false; readonly data: T; readonly etag?: string; readonly headers: Record<string, string | number | undefined> }

// Structural: any Octokit's `request` fits.
type RequestLike = (route: string, parameters?: Record<string, unknown>) => Promise<{ data: unknown; headers: Record<string, string | number | undefined> }>

/** A new in-memory ETag cache. */
export function createEtagCache(): EtagCache {
  return new Map<string, EtagEntry>()
}

function keyOf(route: string, parameters: Record<string, unknown>): string {
  const sorted = Object.keys(parameters)
    .filter((k) => k !== 'headers' && k !== 'request')
    .sort()
    .map((k) => [k, parameters[k]])
  return `${route} ${JSON.stringify(sorted)}`
}

function isNotModified(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 304
}

/**
 * GET `route` with If-None-Match from `cache`. `validate` checks (and types)
 * a fresh body before it is cached, so a malformed answer is never replayed.
 */
export async function getWithEtag<T = unknown>(
  request: RequestLike,
  route: string,
  parameters: Record<string, unknown>,
  cache: EtagCache,
  validate: (data: unknown) => T = (data) => data as T
): Promise<ConditionalResult<T>> {
  const key = keyOf(route, parameters)
  const cached = cache.get(key)
  const headers = { ...((parameters.headers as Record<string, string> | undefined) ?? {}), ...(cached ? { 'if-none-match': cached.etag } : {}) }
  try {
    const response = await request(route, { ...parameters, headers })
    const data = validate(response.data)
    const etag = response.headers.etag
    if (typeof etag === 'string' && etag !== '') cache.set(key, { etag, data })
    return { notModified: false, data, headers: response.headers, ...(typeof etag === 'string' ? { etag } : {}) }
  } catch (error) {
    if (isNotModified(error) && cached) return { notModified: true, data: cached.data as T, etag: cached.etag }
    throw error
  }
}
