/**
 * A GitHub repository named by a git remote URL (the forms `git clone` accepts
 * for GitHub: https, ssh://, scp-like `git@host:owner/name`, git://), so a
 * command run in a clone can default `--repo` to its `origin`. Pure.
 */

/** owner/name of a repository. */
export interface RepositoryName {
  readonly owner: string
  readonly repo: string
}

// GitHub's rules for logins and repository names, loose enough for every real one.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/
const NAME = /^[A-Za-z0-9_.-]+$/

/** `owner/name` as a user writes it (`--repo`), or undefined when it is not one. */
export function parseRepositoryName(text: string): RepositoryName | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text.trim())
  if (!match || !OWNER.test(match[1]!) || !NAME.test(match[2]!) || match[2] === '.' || match[2] === '..') return undefined
  return { owner: match[1]!, repo: match[2]! }
}

/** The remote URL with any `user:password@` replaced by `***@`, safe to quote in a message. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@')
}

/**
 * The repository a remote URL points at on `hosts` (github.com, plus a GitHub
 * Enterprise Server host); undefined for any other host or path shape.
 */
export function repositoryOfRemote(url: string, hosts: readonly string[]): RepositoryName | undefined {
  const text = url.trim()
  let host: string
  let path: string
  const scp = /^(?:[^@/:\s]+@)?([^/:\s]+):(?!\/)(.+)$/.exec(text)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL
    try {
      parsed = new URL(text)
    } catch {
      return undefined
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return undefined
    host = parsed.hostname
    path = decodeURIComponent(parsed.pathname)
  } else if (scp) {
    host = scp[1]!
    path = scp[2]!
  } else {
    return undefined
  }
  if (!hosts.some((h) => h.toLowerCase() === host.toLowerCase())) return undefined
  return parseRepositoryName(path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, ''))
}

/** The web host of an API root: github.com for api.github.com, HOST for a GitHub Enterprise Server's https://HOST/api/v3. */
export function webHostOfApi(apiUrl: string): string | undefined {
  try {
    const host = new URL(apiUrl).hostname.toLowerCase()
    if (host === 'api.github.com') return 'github.com'
    // GHE.com (data residency): the API is api.SUBDOMAIN.ghe.com, the web host SUBDOMAIN.ghe.com.
    return host.startsWith('api.') && host.endsWith('.ghe.com') ? host.slice('api.'.length) : host
  } catch {
    return undefined
  }
}
