/**
 * The two layers of guard over a resolved range, shared by the action, the
 * CLI and the pre-push hook. Each layer runs when it can and fails on its
 * own: a marker found before the policy turned out malformed still blocks (a
 * real finding always blocks, a broken guard only warns), and a layer that
 * cannot run says why while the other one runs.
 */
import { availableParallelism } from 'node:os'
import type { Git } from '../git/git.js'
import {
  addedLinesBetween,
  attributeFilesAt,
  averageObjectBytes,
  blobSpecsAt,
  grepTree,
  type AttributeFiles,
  type PrintedFile,
  markerSizeAttributes,
  readBlobLines,
  sizeNamedOutsideTree
} from '../git/marker-scan.js'
import { branchTips, mergesInRange, nameCommits, refsContaining, unreachableFrom, type MergeCommit } from '../git/merges.js'
import { mergeBase, remoteNames } from '../git/revisions.js'
import {
  DEFAULT_MARKER_SIZE,
  MARKER_CANDIDATE_ERE,
  hasAngleMarker,
  isMarkerCandidate,
  markerHits,
  markerOf,
  markerEreForSize,
  markerPrefix,
  markerSizeProblem,
  parseMarkerSize,
  type NumberedLine
} from '../core/markers.js'
import { allowedTips, parseMergePolicy, sourcePatterns, type MergePolicy } from '../core/merge-policy.js'
import { excludeMatcher } from '../core/path-globs.js'
import { displayPath, type DiffFile } from '../core/unified-diff.js'
import { describeError } from '../core/describe-error.js'
import type { Finding } from '../core/guard-verdict.js'
import type { HistoryState, GuardRange } from './range.js'
import { DEFAULT_LIMITS, defaultGrepThreads, type CheckOptions, type GuardLimits } from './options.js'

export interface CheckReport {
  readonly findings: Finding[]
  readonly notes: string[]
  readonly warnings: string[]
  /** Why a layer could not run or could not read everything; null when both ran in full. */
  readonly error: string | null
}

/** One layer's answer. */
interface LayerReport {
  readonly findings: Finding[]
  readonly notes: string[]
  readonly warnings: string[]
  readonly problems: string[]
}

const emptyLayer = (): LayerReport => ({ findings: [], notes: [], warnings: [], problems: [] })

/** Runs both layers over `range` in the repository of `git` (its top level). */
export async function checkRange(
  git: Git,
  range: GuardRange,
  options: CheckOptions,
  context: { readonly limits?: GuardLimits; readonly history?: HistoryState } = {}
): Promise<CheckReport> {
  const limits = context.limits ?? DEFAULT_LIMITS
  // Without a base neither layer of a `changed` check can run: the reason is the whole answer.
  if (range.base === null && range.baseProblem && options.scope === 'changed') {
    return { findings: [], notes: [], warnings: [], error: range.baseProblem }
  }
  // The layers share nothing, so they run side by side (git grep and rev-list on two cores).
  const [markers, merges] = await Promise.all([
    guarded('conflict-marker check', () => markerLayer(git, range, options, limits)),
    guarded('merge-source check', () => mergeLayer(git, range, options, context.history?.problem ?? null))
  ])
  const problems = [...markers.problems, ...merges.problems]
  return {
    findings: [...markers.findings, ...merges.findings],
    notes: [...markers.notes, ...merges.notes],
    warnings: [...markers.warnings, ...merges.warnings],
    error: problems.length > 0 ? problems.join('; ') : null
  }
}

/** A layer that throws (any failure, a bug included) becomes that layer's problem, never the caller's exception. */
async function guarded(name: string, layer: () => Promise<LayerReport>): Promise<LayerReport> {
  try {
    const report = await layer()
    return { ...report, problems: report.problems.map((p) => `${name} ${p}`) }
  } catch (e) {
    return { ...emptyLayer(), problems: [`${name} failed: ${describeError(e)}`] }
  }
}

/** Marker-shaped lines of one file under scan, and what else of the file the rules may look at. */
interface ScannedFile {
  /** Path bytes (latin1 string), as git wrote it. */
  readonly path: string
  readonly lines: NumberedLine[]
  /** Other lines of the file by number (neighbours, angle candidates elsewhere in the file). */
  readonly known: Map<number, string>
}

async function markerLayer(git: Git, range: GuardRange, options: CheckOptions, limits: GuardLimits): Promise<LayerReport> {
  const report = emptyLayer()
  const matcher = excludeMatcher(options.exclude)
  // With nothing excluded no path needs decoding for the test.
  const excluded = options.exclude.length === 0 ? () => false : (path: string) => matcher(displayPath(path))
  const scanned =
    options.scope === 'tree' || range.base === null
      ? await scanTree(git, range.head, excluded, limits, report)
      : await scanChanged(git, range.base, range.head, excluded, limits, report)
  return judge(scanned.files, scanned.attributes, range, report)
}

interface Scanned {
  readonly files: readonly ScannedFile[]
  readonly attributes: Map<string, string>
}

/** Every candidate line of the tree at `head`, with its neighbours. */
async function scanTree(git: Git, head: string, excluded: (path: string) => boolean, limits: GuardLimits, report: LayerReport): Promise<Scanned> {
  // Where no attribute file names conflict-marker-size every path has git's default size, and git need not print the
  // `> quote` lines and other-length underlines of a docs tree: that search starts first, and is redone for every
  // size only when a file names the attribute. The attribute files are read while it runs.
  const threads = await grepThreads(git, limits.grepThreads)
  const quick = grepTree(git, head, markerEreForSize(DEFAULT_MARKER_SIZE), threads, isMarkerCandidate, mayMatter)
  quick.catch(() => undefined)
  const listing = attributeFilesAt(git, head)
  const defaultSizes = await onlyDefaultSizes(git, listing)
  const scan = defaultSizes ? await quick : await grepTree(git, head, MARKER_CANDIDATE_ERE, threads, isMarkerCandidate, mayMatter)
  report.notes.push(`conflict markers: scanned the whole tree at ${head}`)
  if (scan.unreadable.length > 0) report.problems.push(unreadableProblem(scan.unreadable))
  const files: ScannedFile[] = []
  for (const [path, printed] of scan.files) if (!excluded(path)) files.push({ path, ...printed })
  // A `=` line after a line of text is an underline, never an orphan: only the others may need the rest of their file.
  // Their blob ids do not depend on the attributes: find both at once.
  const separated = files.filter((f) => f.lines.some((l) => l.text[0] === '=' && !afterText(f, l.line)))
  const [attributes, specs] = await Promise.all([
    defaultSizes ? new Map<string, string>() : markerSizeAttributes(git, head, files.map((f) => f.path), listing),
    blobSpecsAt(git, head, separated.map((f) => f.path))
  ])
  const specOf = new Map(separated.map((f, i) => [f.path, specs[i]!]))
  // Only a `=======` with no angle marker in its file depends on its neighbours: read just those files.
  const orphanable = separated.filter((f) => {
    const size = parseMarkerSize(attributes.get(f.path))
    return !hasAngleMarker(f.lines, size) && f.lines.some((l) => markerOf(l.text, size) === '=' && !afterText(f, l.line))
  })
  const unread = await readNeighbours(git, orphanable.map((f) => specOf.get(f.path)!), orphanable)
  if (unread.length > 0) report.problems.push(unreadableProblem(unread))
  return { files, attributes }
}

/** git grep's thread count: as configured, or chosen from the cores and the repository's object sizes. */
async function grepThreads(git: Git, configured: GuardLimits['grepThreads']): Promise<number | null> {
  if (configured !== 'adaptive') return configured
  const cores = availableParallelism()
  return defaultGrepThreads(cores, cores <= 1 ? null : await averageObjectBytes(git))
}

/**
 * False for a file whose printed lines cannot hold a finding at any marker
 * size: no `<`/`>` candidate (so no `|` or `=` line pairs with one) and every
 * `=` line right after a line of text (an underline, never an orphan). The
 * tree search prints every candidate line of a file with the line before it.
 */
function mayMatter(file: PrintedFile): boolean {
  for (const l of file.lines) {
    const c = l.text[0]
    if (c === '<' || c === '>') return true
    if (c === '=' && !afterText(file, l.line)) return true
  }
  return false
}

/**
 * True for a new file whose added marker-shaped lines are all `=` lines right
 * after a line of text: the diff holds the whole file, so it has no angle
 * marker, and an underline is never an orphan, at any marker size. Such a
 * file (a docs page with headings) needs neither its attributes nor more reads.
 */
function underlinesOnly(file: DiffFile): boolean {
  return file.whole && file.lines.every((l) => l.text[0] === '=' && afterText(file, l.line))
}

// Kept lines by number, built once per file and only when a line is not among the known ones (a search per
// lookup would be quadratic in a file of many marker-shaped lines).
const keptByNumber = new WeakMap<PrintedFile, Map<number, string>>()

/** The text of line `n` of a scanned file, kept or known; undefined when git printed neither. */
function textAt(file: PrintedFile, n: number): string | undefined {
  const known = file.known.get(n)
  if (known !== undefined) return known
  let kept = keptByNumber.get(file)
  if (kept === undefined) keptByNumber.set(file, (kept = new Map(file.lines.map((l) => [l.line, l.text]))))
  return kept.get(n)
}

/** True when the line before `line` is known and is text (not blank): then `line` cannot be an orphan separator. */
function afterText(file: PrintedFile, line: number): boolean {
  const before = textAt(file, line - 1)
  return before !== undefined && !/^[ \t\r]*$/.test(before)
}

/** Candidate lines added in base..head (from the merge base, as a pull request shows them), and what the rest of each file says. */
async function scanChanged(
  git: Git,
  base: string,
  head: string,
  excluded: (path: string) => boolean,
  limits: GuardLimits,
  report: LayerReport
): Promise<Scanned> {
  // Most ranges add no marker-shaped line: the attribute files are read only once the diff shows one, while it runs.
  let reads: { listing: Promise<AttributeFiles>; defaultSizes: Promise<boolean> } | null = null
  const startReads = () => {
    if (reads !== null) return reads
    const listing = attributeFilesAt(git, head)
    const defaultSizes = onlyDefaultSizes(git, listing)
    defaultSizes.catch(() => undefined)
    return (reads = { listing, defaultSizes })
  }
  const keep = (text: string) => {
    if (!isMarkerCandidate(text)) return false
    // A `=` line is most often a heading underline that no size can make a finding (see underlinesOnly): the reads
    // start early only for the other shapes, and after the diff when a file still needs them.
    if (text[0] !== '=') startReads()
    return true
  }
  // git finds the merge base inside the diff (`base...head`): asking for it first would be one more process before
  // the diff could start, and only the fallbacks need it.
  // Underline-only new files (a docs page's headings) are dropped as the diff streams, not kept to its end.
  const added = await addedLinesBetween(git, base, head, keep, MARKER_CANDIDATE_ERE, limits.maxKeptLines, () => mergeBase(git, base, head), (f) => !underlinesOnly(f))
  report.notes.push(`conflict markers: scanned lines added in ${added.from === null ? `${base}...${head}` : `${added.from}..${head}`}`)
  if (added.degraded) report.warnings.push(`conflict markers: ${added.degraded}`)
  if (added.unreadable.length > 0) report.problems.push(unreadableProblem(added.unreadable))
  if (added.overflowed) report.problems.push(`stopped keeping marker-shaped lines after ${limits.maxKeptLines}: the rest of the range was not checked`)
  // Underline-only new files were dropped by the reader (a file read only in part, after an overflow, is kept).
  const files = added.files.filter((f) => !excluded(f.path))
  if (files.length === 0) return { files, attributes: new Map() }
  const { listing, defaultSizes } = startReads()
  // An added `=`/`|` line depends on the rest of its file (an angle marker anywhere, its neighbours); a new file's
  // rest is all in the diff already.
  const wanted = files.filter((f): f is typeof f & { newOid: string } => !f.whole && f.newOid !== null && f.lines.some((l) => !isAngle(l.text)))
  // The rest of the files and their attributes are independent reads: both at once.
  const [unread, attributes] = await Promise.all([
    readNeighbours(git, wanted.map((f) => f.newOid), wanted),
    defaultSizes.then((only) => (only ? new Map<string, string>() : markerSizeAttributes(git, head, files.map((f) => f.path), listing)))
  ])
  if (unread.length > 0) report.problems.push(unreadableProblem(unread))
  return { files, attributes }
}

/**
 * True when every path has git's default marker size: no attribute file, in
 * the tree or outside it, names conflict-marker-size. Then no path's
 * attributes need reading. See docs/decisions.md, "Markers are searched at
 * the default size unless an attribute file names another".
 */
async function onlyDefaultSizes(git: Git, listing: Promise<AttributeFiles>): Promise<boolean> {
  const [files, outside] = await Promise.all([listing, sizeNamedOutsideTree(git)])
  return !files.namesSize && !outside
}

/** Applies the marker rules to each scanned file at its own conflict-marker-size. */
function judge(files: readonly ScannedFile[], attributes: Map<string, string>, range: GuardRange, report: LayerReport): LayerReport {
  for (const file of files) {
    const value = attributes.get(file.path)
    const problem = markerSizeProblem(value)
    if (problem !== null) report.warnings.push(`${displayPath(file.path)}: ${problem}`)
    const size = parseMarkerSize(value)
    const angle = hasAngleMarker(file.lines, size) || hasAngleMarker(file.known.values(), size)
    for (const hit of markerHits(file.lines, size, angle, (n) => textAt(file, n))) {
      report.findings.push({ kind: 'conflict-marker', path: displayPath(file.path), line: hit.line, commit: range.head, parent: null, message: hit.message })
    }
  }
  return report
}

const isAngle = (text: string) => text[0] === '<' || text[0] === '>'
const LT = 0x3c
const GT = 0x3e

/**
 * What the rest of each file says: its angle candidates anywhere and the
 * neighbours of its `=` lines (isOrphanSeparator), read in one `cat-file
 * --batch` (`specs[i]` names the blob of `files[i]`) and kept in `known`.
 * Returns the names of the files git could not read.
 */
async function readNeighbours(git: Git, specs: readonly string[], files: readonly ScannedFile[]): Promise<string[]> {
  if (files.length === 0) return []
  const neighbours = files.map((f) => new Set(f.lines.filter((l) => l.text[0] === '=').flatMap((l) => [l.line - 1, l.line + 1, l.line + 2])))
  const unreadable = await readBlobLines(
    git,
    specs,
    (index, line, text) => {
      if ((isAngle(text) && isMarkerCandidate(text)) || neighbours[index]!.has(line)) files[index]!.known.set(line, markerPrefix(text))
    },
    (index, line, first) => first === LT || first === GT || neighbours[index]!.has(line)
  )
  return unreadable.map((i) => displayPath(files[i]!.path))
}

function unreadableProblem(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((n) => `'${n}'`).join(', ')
  const more = names.length > 20 ? ` and ${names.length - 20} more` : ''
  return `could not read ${names.length} file(s), which were not checked: ${shown}${more} (a missing or corrupt object: run 'git fsck')`
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

async function mergeLayer(git: Git, range: GuardRange, options: CheckOptions, historyProblem: string | null): Promise<LayerReport> {
  const report = emptyLayer()
  if (historyProblem !== null) {
    report.problems.push(`could not run: ${historyProblem}`)
    return report
  }
  if (range.base === null) {
    if (range.baseProblem) {
      report.problems.push(`could not run: ${range.baseProblem}`)
      return report
    }
    const policyNote = 'merge sources: not checked, there is no base to read the policy from or to bound the range'
    if (options.allowedSources.length > 0) report.warnings.push(policyNote)
    else report.notes.push(policyNote)
    return report
  }
  // The policy and the range's merges are independent reads: both at once.
  const [policy, merges] = await Promise.all([readPolicyAtBase(git, range.base, options.policyFile), mergesInRange(git, range.base, range.head)])
  if (policy === null && options.policyFileExplicit) {
    // A named policy that is not there must not silently turn the check off.
    report.problems.push(`could not use the policy: '${options.policyFile}' was named explicitly but does not exist at the base commit ${range.base}`)
  }
  if (policy === null && options.allowedSources.length === 0) {
    report.notes.push(`merge sources: not checked, no '${options.policyFile}' at the base commit and no allowed-sources`)
    return report
  }
  report.findings.push(...(await disallowedMerges(git, range, policy, merges, options, report.notes)))
  return report
}

async function disallowedMerges(
  git: Git,
  range: GuardRange,
  policy: MergePolicy | null,
  merges: readonly MergeCommit[],
  options: CheckOptions,
  notes: string[]
): Promise<Finding[]> {
  const base = range.base!
  const patterns = sourcePatterns(policy, options.allowedSources, range.headBranch)
  notes.push(`merge sources: ${merges.length} merge commit(s) in range, allowed: ${patterns.map((p) => `'${p}'`).join(', ')} and the base`)
  if (merges.length === 0) return []
  // Which refs contain head is a history walk per ref (the slowest read here). It starts at once, beside the
  // reachability call, which also says whether any allowed tip reaches head (head rides along as a candidate):
  // when none does and nothing needs a name, the walk is ended unfinished.
  const walk = new AbortController()
  const containment = refsContaining(git, range.head, walk.signal)
  containment.catch(() => undefined)
  const [refs, remotes] = await Promise.all([branchTips(git), remoteNames(git)])
  // A ref at head's own commit (the pull request's branch, its remote-tracking ref) contains head: known without a walk.
  const atHead = new Set(refs.filter((r) => r.sha === range.head).map((r) => r.ref))
  let { tips, unmatched } = allowedTips(refs, patterns, atHead, remotes)
  const parents = merges.flatMap((m) => m.parents.slice(1))
  let bad = await unreachableFrom(git, [...parents, range.head], [base, ...tips.map((t) => t.sha)])
  if (!bad.delete(range.head)) {
    ;({ tips, unmatched } = allowedTips(refs, patterns, await containment, remotes))
    bad = await unreachableFrom(git, parents, [base, ...tips.map((t) => t.sha)])
  }
  if (bad.size === 0) walk.abort()
  for (const p of unmatched) {
    notes.push(`merge sources: allowed '${p}' matches no branch in this clone (fetch it, e.g. fetch-depth: 0, if merges from it are expected)`)
  }
  if (bad.size === 0) return []
  // No allowed tip reaches a flagged parent, so naming need not walk their histories either.
  const names = await nameCommits(git, [...bad], [...(await containment), ...tips.map((t) => t.ref)])
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
