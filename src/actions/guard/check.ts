/**
 * The two layers of guard over a resolved range, shared by the action, the
 * CLI and the pre-push hook. Each layer fails on its own: a marker found
 * before the policy turned out malformed still blocks (principle 3: a real
 * finding always blocks, a broken guard only warns).
 */
import type { Git } from '../../git/git.js'
import { addedLinesBetween, grepCommit, markerSizeAttributes } from '../../git/marker-scan.js'
import { branchTips, mergesInRange, nameCommits, refsContaining, unreachableFrom } from '../../git/merges.js'
import { mergeBase, remoteNames } from '../../git/revisions.js'
import {
  ANGLE_CANDIDATE_ERE,
  MARKER_CANDIDATE_ERE,
  hasAngleMarker,
  isMarkerCandidate,
  markerHits,
  parseMarkerSize,
  type NumberedLine
} from '../../core/markers.js'
import { allowedTips, parseMergePolicy, sourcePatterns, type MergePolicy } from '../../core/merge-policy.js'
import { excludeMatcher } from '../../core/path-globs.js'
import type { Finding } from '../../core/guard-verdict.js'
import { describeError } from '../run.js'
import type { GuardRange } from './range.js'
import type { GuardScope } from './settings.js'

export interface CheckOptions {
  readonly scope: GuardScope
  readonly exclude: readonly string[]
  readonly policyFile: string
  readonly allowedSources: readonly string[]
}

export interface CheckReport {
  readonly findings: Finding[]
  readonly notes: string[]
  readonly warnings: string[]
  /** Why a layer could not run; null when both ran. */
  readonly error: string | null
}

/** Runs both layers over `range` in the repository of `git` (its top level). */
export async function checkRange(git: Git, range: GuardRange, options: CheckOptions): Promise<CheckReport> {
  // The layers share nothing, so they run side by side (git grep and rev-list on two cores).
  const markerNotes: string[] = []
  const mergeNotes: string[] = []
  const warnings: string[] = []
  const [markers, merges] = await Promise.allSettled([
    markerFindings(git, range, options, markerNotes),
    mergeFindings(git, range, options, mergeNotes, warnings)
  ])
  const findings: Finding[] = []
  const errors: string[] = []
  if (markers.status === 'fulfilled') findings.push(...markers.value)
  else errors.push(`conflict-marker check failed: ${describeError(markers.reason)}`)
  if (merges.status === 'fulfilled') findings.push(...merges.value)
  else errors.push(`merge-source check failed: ${describeError(merges.reason)}`)
  return { findings, notes: [...markerNotes, ...mergeNotes], warnings, error: errors.length > 0 ? errors.join('; ') : null }
}

async function markerFindings(git: Git, range: GuardRange, options: CheckOptions, notes: string[]): Promise<Finding[]> {
  const excluded = excludeMatcher(options.exclude)
  const treeScan = options.scope === 'tree' || range.base === null
  let scanned: Map<string, NumberedLine[]>
  if (treeScan) {
    scanned = await grepCommit(git, range.head, MARKER_CANDIDATE_ERE)
    notes.push(`conflict markers: scanned the whole tree at ${range.head}`)
  } else {
    // Added lines as a pull request shows them: from the merge base, not from base's tip.
    const from = (await mergeBase(git, range.base!, range.head)) ?? range.base!
    scanned = await addedLinesBetween(git, from, range.head, isMarkerCandidate)
    notes.push(`conflict markers: scanned lines added in ${from}..${range.head}`)
  }
  for (const path of [...scanned.keys()]) if (excluded(path)) scanned.delete(path)

  // An added '='/'|' line counts when the file has a '<'/'>' marker anywhere, added or not.
  const isAngle = (l: NumberedLine) => l.text[0] === '<' || l.text[0] === '>'
  const wholeFile = new Map<string, NumberedLine[]>()
  if (!treeScan) {
    const withBars = [...scanned].filter(([, lines]) => lines.some((l) => !isAngle(l))).map(([p]) => p)
    for (const [p, lines] of await grepCommit(git, range.head, ANGLE_CANDIDATE_ERE, withBars)) wholeFile.set(p, lines)
  }
  // Sizes only matter where a '<'/'>' line of some size exists: elsewhere a lone '=======' is never a finding.
  const sized = [...scanned].filter(([p, lines]) => lines.some(isAngle) || wholeFile.has(p)).map(([p]) => p)
  const attributes = await markerSizeAttributes(git, range.head, sized)

  const findings: Finding[] = []
  for (const path of sized) {
    const lines = scanned.get(path)!
    const size = parseMarkerSize(attributes.get(path))
    const angle = hasAngleMarker(lines, size) || hasAngleMarker(wholeFile.get(path) ?? [], size)
    for (const hit of markerHits(lines, size, angle)) {
      findings.push({ kind: 'conflict-marker', path, line: hit.line, commit: range.head, parent: null, message: hit.message })
    }
  }
  return findings
}

/** Reads the policy file from the BASE commit (one `cat-file --batch` call; the path goes through stdin). */
async function readPolicyAtBase(git: Git, base: string, path: string): Promise<MergePolicy | null> {
  const r = await git.run(['cat-file', '--batch'], { input: `${base}:${path}\n` })
  const header = r.stdout.slice(0, r.stdout.indexOf('\n'))
  if (header.endsWith(' missing') || header.endsWith(' ambiguous')) return null
  const m = /^[0-9a-f]+ (\w+) \d+$/.exec(header)
  if (!m) throw new Error(`could not read '${path}' at the base commit: git answered '${header}'`)
  if (m[1] !== 'blob') throw new Error(`policy file '${path}' at the base commit is a ${m[1]}, not a file`)
  // The size in the header counts bytes; the batch output ends the content with one LF.
  const body = r.stdout.slice(header.length + 1).replace(/\n$/, '')
  return parseMergePolicy(body, `${path}@${base.slice(0, 12)}`)
}

async function mergeFindings(
  git: Git,
  range: GuardRange,
  options: CheckOptions,
  notes: string[],
  warnings: string[]
): Promise<Finding[]> {
  if (range.base === null) {
    const policyNote = 'merge sources: not checked, there is no base to read the policy from or to bound the range'
    if (options.allowedSources.length > 0) warnings.push(policyNote)
    else notes.push(policyNote)
    return []
  }
  const policy = await readPolicyAtBase(git, range.base, options.policyFile)
  if (policy === null && options.allowedSources.length === 0) {
    notes.push(`merge sources: not checked, no '${options.policyFile}' at the base commit and no allowed-sources`)
    return []
  }
  const patterns = sourcePatterns(policy, options.allowedSources, range.headBranch)
  const merges = await mergesInRange(git, range.base, range.head)
  notes.push(`merge sources: ${merges.length} merge commit(s) in range, allowed: ${patterns.map((p) => `'${p}'`).join(', ')} and the base`)
  if (merges.length === 0) return []

  const [refs, containsHead, remotes] = await Promise.all([branchTips(git), refsContaining(git, range.head), remoteNames(git)])
  const { tips, unmatched } = allowedTips(refs, patterns, containsHead, remotes)
  for (const p of unmatched) {
    notes.push(`merge sources: allowed '${p}' matches no branch in this clone (fetch it, e.g. fetch-depth: 0, if merges from it are expected)`)
  }
  const parents = merges.flatMap((m) => m.parents.slice(1))
  const bad = await unreachableFrom(git, parents, [range.base, ...tips.map((t) => t.sha)])
  if (bad.size === 0) return []
  const names = await nameCommits(git, [...bad], containsHead)
  // An allowed branch missing from the clone (depth-1 checkout) would make its merges look foreign: say so in the finding.
  const missing = unmatched.length > 0 ? `; note: ${unmatched.map((p) => `'${p}'`).join(', ')} matched no branch in this clone (fetch-depth: 0 fetches them)` : ''

  const findings: Finding[] = []
  for (const m of merges) {
    m.parents.forEach((parent, i) => {
      if (i === 0 || !bad.has(parent)) return
      const from = names.get(parent)
      const source = from ? ` (from ${from})` : ''
      findings.push({
        kind: 'disallowed-merge',
        path: null,
        line: null,
        commit: m.commit,
        parent,
        message: `merge ${m.commit.slice(0, 12)} brings in parent ${parent.slice(0, 12)}${source}, which no allowed source reaches (allowed: ${patterns.join(', ') || 'the base only'}): undo the merge or add its source to the policy on the base branch${missing}`
      })
    })
  }
  return findings
}
