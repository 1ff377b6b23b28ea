/**
 * Conflict markers by git's own rule: a half-resolved merge must not ship
 * literal `<<<<<<<` lines. Pure: the shell hands in lines and the path's
 * `conflict-marker-size`; nothing here reads git.
 *
 * git's rule (diff.c is_conflict_marker, rerere.c is_cmarker): a line that
 * starts at column 0 with exactly N copies of one of `<` `=` `>` `|`, then for
 * `<` and `>` a space, a tab or the end of the line, for `=` and `|` any
 * whitespace or the end of the line (a CR of a CRLF line is whitespace).
 */
import { ownCopy } from './own-copy.js'

export type MarkerChar = '<' | '=' | '>' | '|'

/** git's default `conflict-marker-size`. */
export const DEFAULT_MARKER_SIZE = 7

const ASCII_SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r'])

function isMarkerChar(c: string | undefined): c is MarkerChar {
  return c === '<' || c === '=' || c === '>' || c === '|'
}

/** The marker character when `line` (without its LF) is a conflict marker of exactly `size`, else null. */
export function markerOf(line: string, size: number = DEFAULT_MARKER_SIZE): MarkerChar | null {
  const c = line[0]
  if (!isMarkerChar(c) || line.length < size) return null
  for (let i = 1; i < size; i++) if (line[i] !== c) return null
  const next = line[size]
  if (next === undefined) return c
  if (c === '<' || c === '>') {
    // "<<<<<<< ours": the label is separated by a space or a tab; "<<<<<<<\r" is a bare CRLF marker.
    if (next === ' ' || next === '\t') return c
    return next === '\r' && line.length === size + 1 ? c : null
  }
  return ASCII_SPACE.has(next) ? c : null
}

/**
 * True for any line that could be a marker of some size: a run of one marker
 * character followed by whitespace or the end. The shell uses the same shape
 * as its `git grep` pattern (MARKER_CANDIDATE_ERE) before sizes are known.
 */
export function isMarkerCandidate(line: string): boolean {
  const c = line[0]
  if (!isMarkerChar(c)) return false
  let i = 1
  while (line[i] === c) i++
  const next = line[i]
  return next === undefined || ASCII_SPACE.has(next)
}

/** POSIX ERE for `git grep -E` matching every line isMarkerCandidate accepts. */
export const MARKER_CANDIDATE_ERE = '^(<+|=+|>+|\\|+)([[:space:]]|$)'

/**
 * POSIX ERE matching every line the rules can look at when every path has
 * marker size `size`: angle runs of `size` or longer (hasAngleMarker) and
 * `=`/`|` runs of exactly `size`, each followed by whitespace or the end. A
 * docs tree's `> quote` lines and longer or shorter underlines do not match.
 */
export function markerEreForSize(size: number): string {
  return `^(<{${size},}|>{${size},}|={${size}}|\\|{${size}})([[:space:]]|$)`
}

export interface NumberedLine {
  /** 1-based line number in the file at the scanned commit. */
  readonly line: number
  readonly text: string
}

export interface MarkerHit {
  readonly line: number
  readonly marker: MarkerChar
  readonly size: number
  readonly message: string
}

const ROLE: Record<MarkerChar, string> = {
  '<': "start of a conflict, 'ours' side",
  '|': 'common ancestor section (diff3/zdiff3 style)',
  '=': 'separator between the two sides',
  '>': "end of a conflict, 'theirs' side"
}

/** Human message for one marker line. */
export function markerMessage(marker: MarkerChar, size: number): string {
  return `conflict marker '${marker.repeat(size)}' (${ROLE[marker]}): resolve the conflict and commit the result`
}

/**
 * True when any line is a `<` or `>` marker of `size` or longer. A conflict
 * written with longer angle markers (another tool, or attributes that were
 * never committed) may still carry 7-character `|||||||` and `=======` lines,
 * and git's own `diff --check` flags those: see docs/decisions.md, "A lone
 * ======= needs a partner marker".
 */
export function hasAngleMarker(lines: Iterable<NumberedLine> | Iterable<string>, size: number): boolean {
  for (const l of lines) {
    const text = typeof l === 'string' ? l : l.text
    const c = text[0]
    if (c !== '<' && c !== '>') continue
    let run = 1
    while (text[run] === c) run++
    if (run >= size && markerOf(text, run) !== null) return true
  }
  return false
}

/** Text of a line of the file by 1-based number; undefined past the end of the file or where the shell did not read it. */
export type LineText = (line: number) => string | undefined

const isBlank = (text: string | undefined): boolean => text !== undefined && /^[ \t\r]*$/.test(text)

/**
 * A `=======` that starts the file or follows a blank line and is followed by
 * a text line is what a conflict leaves when both angle lines were deleted:
 * a setext underline needs a text line above it. A reStructuredText title with
 * an overline (`=======` / Title / `=======`) and a transition (blank lines on
 * both sides) keep passing. See docs/decisions.md, "A lone ======= needs a partner marker".
 */
export function isOrphanSeparator(line: number, textAt: LineText): boolean {
  const before = line === 1 ? '' : textAt(line - 1)
  const after = textAt(line + 1)
  if (!isBlank(before) || after === undefined || isBlank(after)) return false
  const third = textAt(line + 2)
  return !(third !== undefined && /^=+[ \t\r]*$/.test(third))
}

/**
 * Marker findings of one file. `lines` are the lines under scan (every
 * candidate line of the file, or only the added ones); `fileHasAngleMarker`
 * says whether the whole file at the scanned commit has a `<`/`>` marker of
 * this size or longer. A lone `=======` or `|||||||` is a Markdown/reST
 * heading underline ("License\n=======") unless the file also has such a
 * marker or the `=======` stands where no underline can (isOrphanSeparator).
 */
export function markerHits(
  lines: readonly NumberedLine[],
  size: number,
  fileHasAngleMarker: boolean,
  textAt: LineText = () => undefined
): MarkerHit[] {
  const hits: MarkerHit[] = []
  for (const l of lines) {
    const marker = markerOf(l.text, size)
    if (marker === null) continue
    if (marker === '|' && !fileHasAngleMarker) continue
    if (marker === '=' && !fileHasAngleMarker && !isOrphanSeparator(l.line, textAt)) continue
    hits.push({ line: l.line, marker, size, message: markerMessage(marker, size) })
  }
  return hits
}

/**
 * Parses a `conflict-marker-size` attribute value as `git check-attr` prints
 * it ('unspecified', 'set', 'unset' or a value). Since git 2.48 a value that
 * is not a whole number (`3a`) gets a warning and the default, where older
 * git read the leading digits: Purple follows current git. See
 * docs/decisions.md, "conflict-marker-size is read as current git reads it".
 */
export function parseMarkerSize(value: string | undefined): number {
  return markerSizeProblem(value) === null && value !== undefined && /^\s*\+?\d+$/.test(value) ? Number(value.trim()) : DEFAULT_MARKER_SIZE
}

/** Why a `conflict-marker-size` value is not used (git warns about it), or null for a usable or absent value. */
export function markerSizeProblem(value: string | undefined): string | null {
  if (value === undefined || value === 'unspecified' || value === 'set' || value === 'unset') return null
  // strtol_i: optional leading whitespace and sign, then digits to the end.
  const m = /^\s*([+-]?\d+)$/.exec(value)
  if (m && Number(m[1]) > 0) return null
  return `conflict-marker-size '${value}' is not a positive whole number: git uses ${DEFAULT_MARKER_SIZE}, and so does guard`
}

/** Longest line kept whole; the marker rule never looks further than the run and two characters. */
export const MAX_KEPT_LINE = 4096

/**
 * A line as guard keeps it: whole up to MAX_KEPT_LINE characters, else only
 * the run of one character and the two characters after it, ended by a NUL
 * (which no marker rule accepts), so a 100 MB line costs a few bytes.
 * Marker sizes above MAX_KEPT_LINE - 2 are not supported.
 */
export function markerPrefix(text: string): string {
  return ownCopy(markerCut(text))
}

/** markerPrefix without the copy: for a reader that copies only what it ends up keeping. */
export function markerCut(text: string): string {
  if (text.length <= MAX_KEPT_LINE) return text
  let run = 1
  while (run < MAX_KEPT_LINE - 2 && text[run] === text[0]) run++
  return `${text.slice(0, run + 2)}\u0000`
}
