/**
 * Revisions and repository facts guard needs. Every user-influenced name is
 * resolved once here with `rev-parse --verify --end-of-options <name>^{commit}`
 * (a branch named `--output=x` must never become an option); every
 * later call gets full object ids only.
 */
import { resolve } from 'node:path'
import { GitCommandError, type Git, type RepositoryFacts } from './git.js'

const FULL_OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** True for a full SHA-1 or SHA-256 object id. */
export function isFullOid(text: string): boolean {
  return FULL_OID.test(text)
}

/** Resolves a user-given revision to the full commit id; throws naming `what` (the input) when it is not a commit here. */
export async function resolveCommit(git: Git, name: string, what: string): Promise<string> {
  const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`], {
    okExitCodes: [0, 1, 128]
  })
  const sha = r.stdout.trim()
  if (r.exitCode !== 0 || !isFullOid(sha)) {
    throw new Error(
      `${what} '${name}' is not a commit in this repository: fetch it first (actions/checkout with fetch-depth: 0) or pass a branch, tag or sha that exists`
    )
  }
  return sha
}

/** True when the object exists locally as a commit (a force-pushed remote oid may not). */
export async function commitExists(git: Git, oid: string): Promise<boolean> {
  if (!isFullOid(oid)) return false
  const r = await git.run(['cat-file', '-e', `${oid}^{commit}`], { okExitCodes: [0, 1, 128] })
  return r.exitCode === 0
}

/** The merge base of two commits, or null when they share no history. */
export async function mergeBase(git: Git, a: string, b: string): Promise<string | null> {
  const r = await git.run(['merge-base', '--end-of-options', a, b], { okExitCodes: [0, 1] })
  const sha = r.stdout.trim().split('\n')[0] ?? ''
  return r.exitCode === 0 && isFullOid(sha) ? sha : null
}

/** The repository's top-level directory (scans run from there so paths are repository-relative). */
export async function topLevel(git: Git): Promise<string> {
  return (await openFacts(git)).topLevel
}

/**
 * The top-level directory and the facts later steps need, from one
 * `rev-parse` (each further call is a process start of a few ms).
 */
export async function openFacts(git: Git): Promise<RepositoryFacts & { topLevel: string }> {
  let out: string
  try {
    out = (await git.run(['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'info/attributes'])).stdout
  } catch (e) {
    if (e instanceof GitCommandError) {
      throw new Error(`'${git.cwd}' is not inside a git work tree that guard can read: ${e.stderr.trim() || e.message}`, { cause: e })
    }
    throw e
  }
  const [top, shallow, info] = out.split('\n')
  if (top === undefined || top === '' || (shallow !== 'true' && shallow !== 'false') || info === undefined || info === '') {
    throw new Error(`'${git.cwd}': unexpected answer of 'git rev-parse --show-toplevel': '${out.slice(0, 200)}'`)
  }
  // --git-path answers relative to the directory git ran in.
  return { topLevel: top, shallow: shallow === 'true', infoAttributes: resolve(git.cwd, info) }
}

/** True in a shallow clone (actions/checkout's default depth 1 hides merge parents). */
export async function isShallow(git: Git): Promise<boolean> {
  if (git.facts !== null) return git.facts.shallow
  return (await git.run(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true'
}

/**
 * Full commit ids of several user-given revisions from one `rev-parse`, in
 * order, or null when one call cannot tell: a name that is not a commit (the
 * caller then resolves each with resolveCommit, whose errors name the input),
 * a name starting with '-' (rev-parse without --verify could read it as an
 * option), or an answer that is not one full id per name (`a..b` prints two).
 */
export async function resolveCommitsAtOnce(git: Git, names: readonly string[]): Promise<string[] | null> {
  if (names.some((n) => n.startsWith('-'))) return null
  // git 2.39's rev-parse prints --end-of-options back when --verify is absent; later versions consume it.
  const r = await git.run(['rev-parse', '--end-of-options', ...names.map((n) => `${n}^{commit}`)], { okExitCodes: [0, 1, 128] })
  const lines = r.stdout.split('\n').filter((l) => l !== '' && l !== '--end-of-options')
  return r.exitCode === 0 && lines.length === names.length && lines.every(isFullOid) ? lines : null
}

/** Remote names, `origin` first. */
export async function remoteNames(git: Git): Promise<string[]> {
  const names = (await git.run(['remote'])).stdout.split('\n').filter(Boolean)
  return names.sort((a, b) => (a === 'origin' ? -1 : b === 'origin' ? 1 : 0))
}

/**
 * Turns a shallow clone into a full one with every branch of `remote`, so
 * merge parents and allowed refs become visible. Throws when the fetch fails.
 */
export async function unshallow(git: Git, remote: string): Promise<void> {
  // Writing refs would run the repository's reference-transaction hook: guard runs no repository command.
  const config = ['core.hooksPath=/dev/null']
  await git.run([
    'fetch',
    '--quiet',
    '--no-tags',
    '--unshallow',
    '--end-of-options',
    remote,
    `+refs/heads/*:refs/remotes/${remote}/*`
  ], { config })
}

/** The remote's default branch ref (`refs/remotes/origin/HEAD` -> `refs/remotes/origin/main`), or null. */
export async function remoteDefaultBranch(git: Git, remotes: readonly string[], hint: string | null): Promise<string | null> {
  for (const remote of remotes) {
    const r = await git.run(['symbolic-ref', '--quiet', `refs/remotes/${remote}/HEAD`], { okExitCodes: [0, 1, 128] })
    if (r.exitCode === 0 && r.stdout.trim() !== '') return r.stdout.trim()
  }
  const names = hint ? [hint] : ['main', 'master']
  for (const remote of remotes) {
    for (const name of names) {
      const ref = `refs/remotes/${remote}/${name}`
      const r = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
        okExitCodes: [0, 1, 128]
      })
      if (r.exitCode === 0) return ref
    }
  }
  return null
}

/** The upstream ref of the current branch (`refs/remotes/origin/x`), or null. */
export async function upstreamRef(git: Git): Promise<string | null> {
  const r = await git.run(['rev-parse', '--symbolic-full-name', '--verify', '--quiet', '@{upstream}'], {
    okExitCodes: [0, 1, 128]
  })
  return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null
}

/** The current branch name, or null when detached. */
export async function currentBranch(git: Git): Promise<string | null> {
  const r = await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [0, 1, 128] })
  return r.exitCode === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null
}
