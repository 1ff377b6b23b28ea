/**
 * Merge commits of a range and whether their parents come from allowed
 * sources, with no per-parent-per-ref spawns (2,000 merges x 20 refs is a
 * minute of processes); the merges come from one `rev-list`, the refs from one
 * `for-each-ref` (plus one for the refs containing head), and reachability of
 * every parent from every allowed tip from one `rev-list --stdin`.
 */
import type { Git } from './git.js'
import type { RefTip } from '../core/merge-policy.js'

export interface MergeCommit {
  readonly commit: string
  readonly parents: readonly string[]
}

/** Merge commits reachable from `head` and not from `base`, with their parents (one call). */
export async function mergesInRange(git: Git, base: string, head: string): Promise<MergeCommit[]> {
  const r = await git.run(['rev-list', '--merges', '--parents', '--end-of-options', head, `^${base}`])
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, ...parents] = line.split(' ')
      return { commit: commit!, parents }
    })
}

/** Every local and remote-tracking branch with its tip (one call). */
export async function branchTips(git: Git): Promise<RefTip[]> {
  const r = await git.run(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/remotes'])
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(' ')
      return { sha: line.slice(0, at), ref: line.slice(at + 1) }
    })
}

/** Branch refs whose history contains `head` (one call): never an allowed source. */
export async function refsContaining(git: Git, head: string, signal?: AbortSignal): Promise<Set<string>> {
  const r = await git.run(['for-each-ref', `--contains=${head}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'], { signal })
  return new Set(r.stdout.split('\n').filter(Boolean))
}

/** The commits among `candidates` that no tip reaches (one `rev-list --stdin` call). */
export async function unreachableFrom(git: Git, candidates: readonly string[], tips: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(candidates)
  if (wanted.size === 0) return new Set()
  if (tips.length === 0) return wanted
  const input = [...wanted, ...new Set(tips)].map((sha, i) => (i < wanted.size ? sha : `^${sha}`)).join('\n') + '\n'
  const r = await git.run(['rev-list', '--stdin'], { input })
  const unreachable = new Set<string>()
  for (const sha of r.stdout.split('\n')) if (wanted.has(sha)) unreachable.add(sha)
  return unreachable
}

/**
 * Human names of commits (`develop~2`) for the report, never naming them
 * after a ref that contains head (that name would say nothing). One call.
 */
export async function nameCommits(git: Git, shas: readonly string[], excludeRefs: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (shas.length === 0) return names
  const excludes = [...excludeRefs].map((ref) => `--exclude=${ref}`)
  const r = await git.run(['name-rev', '--name-only', ...excludes, '--end-of-options', ...shas], { okExitCodes: [0, 1, 128] })
  if (r.exitCode !== 0) return names
  const lines = r.stdout.split('\n')
  shas.forEach((sha, i) => {
    const name = lines[i]?.trim()
    if (name && name !== 'undefined') names.set(sha, name)
  })
  return names
}
