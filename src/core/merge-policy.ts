/**
 * The merge-source allowlist of guard: an agent that merges `develop` into a
 * pull request aimed at `main` ships every commit of `develop` with it. Pure: parses
 * the policy file, turns it into branch patterns, and decides which refs are
 * allowed sources. The shell reads the file from the BASE commit and asks git
 * about reachability.
 */
import { minimatch } from 'minimatch'

/** `.github/purple-policy.json`: `{"feature": "feature/<name>", "base": "main", "allowed": ["develop", "release/*"]}`. */
export interface MergePolicy {
  readonly feature: string | null
  readonly base: string | null
  readonly allowed: readonly string[]
}

const KEYS = ['feature', 'base', 'allowed']

/** Parses and validates the policy file text; throws an Error naming the file and what to fix. */
export function parseMergePolicy(text: string, source: string): MergePolicy {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new Error(`policy file '${source}' is not valid JSON (${(e as Error).message}): fix it on the base branch`, { cause: e })
  }
  const fix = `expected {"feature": "feature/<name>", "base": "main", "allowed": ["develop", "release/*"]}`
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`policy file '${source}' must hold a JSON object: ${fix}`)
  }
  const record = data as Record<string, unknown>
  const unknown = Object.keys(record).filter((k) => !KEYS.includes(k))
  if (unknown.length > 0) {
    throw new Error(`policy file '${source}' has unknown key(s) ${unknown.map((k) => `'${k}'`).join(', ')}: ${fix}`)
  }
  const text1 = (key: string): string | null => {
    const v = record[key]
    if (v === undefined || v === null) return null
    if (typeof v !== 'string' || v.trim() === '') {
      throw new Error(`policy file '${source}': '${key}' must be a non-empty branch name or glob, got ${JSON.stringify(v)}`)
    }
    return v.trim()
  }
  const allowedRaw = record.allowed ?? []
  if (!Array.isArray(allowedRaw) || allowedRaw.some((a) => typeof a !== 'string' || a.trim() === '')) {
    throw new Error(`policy file '${source}': 'allowed' must be an array of branch names or globs, got ${JSON.stringify(allowedRaw)}`)
  }
  return Object.freeze({
    feature: text1('feature'),
    base: text1('base'),
    allowed: Object.freeze((allowedRaw as string[]).map((a) => a.trim()))
  })
}

/** Splits the `allowed-sources` input (newlines or commas) into patterns. */
export function parseSourceList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

/**
 * Branch patterns that count as allowed sources. A `<placeholder>` in the
 * feature pattern ("feature/<task-id>") is a wildcard; when the branch under
 * test is known and fits it, only that branch counts, so a sibling feature
 * branch is not a free pass.
 */
export function sourcePatterns(policy: MergePolicy | null, inline: readonly string[], headBranch: string | null): string[] {
  const patterns: string[] = []
  if (policy?.feature) {
    const glob = policy.feature.replace(/<[^<>/]*>/g, '*')
    patterns.push(headBranch !== null && branchMatches(headBranch, glob) ? headBranch : glob)
  }
  if (policy?.base) patterns.push(policy.base)
  patterns.push(...(policy?.allowed ?? []), ...inline)
  return [...new Set(patterns)]
}

/** True when a branch name (`release/x`) fits a pattern (`release/*`; `*` stays within one path segment). */
export function branchMatches(branch: string, pattern: string): boolean {
  return branch === pattern || minimatch(branch, pattern, { dot: true, nocomment: true, nonegate: true })
}

/**
 * The branch name of a full ref: `refs/heads/x` -> `x`,
 * `refs/remotes/<remote>/x` -> `x` (remote names given), anything else null.
 */
export function branchOfRef(ref: string, remotes: readonly string[]): string | null {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length)
  if (!ref.startsWith('refs/remotes/')) return null
  const rest = ref.slice('refs/remotes/'.length)
  // Longest remote name first: a remote may itself contain '/'.
  const remote = [...remotes].sort((a, b) => b.length - a.length).find((r) => rest.startsWith(`${r}/`))
  if (remote === undefined) return null // e.g. refs/remotes/pull/1/merge made by actions/checkout
  const branch = rest.slice(remote.length + 1)
  return branch === 'HEAD' || branch === '' ? null : branch
}

export interface RefTip {
  readonly ref: string
  readonly sha: string
}

/**
 * The refs whose history counts as allowed: branch refs fitting a pattern,
 * minus every ref that contains the head under test (the head itself would
 * allow everything it merged).
 */
export function allowedTips(
  refs: readonly RefTip[],
  patterns: readonly string[],
  containsHead: ReadonlySet<string>,
  remotes: readonly string[]
): { tips: RefTip[]; unmatched: string[] } {
  const tips: RefTip[] = []
  const used = new Set<string>()
  for (const r of refs) {
    const branch = branchOfRef(r.ref, remotes)
    if (branch === null) continue
    const hits = patterns.filter((p) => branchMatches(branch, p))
    if (hits.length === 0) continue
    for (const h of hits) used.add(h)
    if (!containsHead.has(r.ref)) tips.push(r)
  }
  return { tips, unmatched: patterns.filter((p) => !used.has(p)) }
}
