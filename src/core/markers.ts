/**
 * Conflict markers by git's own rule (incident 1 of the brief: a half-resolved
 * merge shipped literal `<<<<<<<` lines). Pure: the shell hands in lines and
 * the path's `conflict-marker-size`; nothing here reads git.
 *
 * git's rule (diff.c is_conflict_marker, rerere.c is_cmarker): a line that
 * starts at column 0 with exactly N copies of one of `<` `=` `>` `|`, then for
 * `<` and `>` a space, a tab or the end of the line, for `=` and `|` any
 * whitespace or the end of the line (a CR of a CRLF line is whitespace).
 */

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

/** POSIX ERE for the `<`/`>` candidates only (used to ask whether a file has an angle marker). */
export const ANGLE_CANDIDATE_ERE = '^(<+|>+)([[:space:]]|$)'

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

/** True when any line is a `<` or `>` marker of the given size. */
export function hasAngleMarker(lines: readonly NumberedLine[], size: number): boolean {
  return lines.some((l) => {
    const m = markerOf(l.text, size)
    return m === '<' || m === '>'
  })
}

/**
 * Marker findings of one file. `lines` are the lines under scan (every
 * candidate line of the file, or only the added ones); `fileHasAngleMarker`
 * says whether the whole file at the scanned commit has a `<`/`>` marker.
 * A lone `=======` or `|||||||` is a Markdown/reST heading underline
 * ("License\n=======") unless the file also has a `<`/`>` marker, so it only
 * counts then: no false positives on docs.
 */
export function markerHits(lines: readonly NumberedLine[], size: number, fileHasAngleMarker: boolean): MarkerHit[] {
  const hits: MarkerHit[] = []
  for (const l of lines) {
    const marker = markerOf(l.text, size)
    if (marker === null) continue
    if ((marker === '=' || marker === '|') && !fileHasAngleMarker) continue
    hits.push({ line: l.line, marker, size, message: markerMessage(marker, size) })
  }
  return hits
}

/**
 * Parses a `conflict-marker-size` attribute value as `git check-attr` prints
 * it ('unspecified', 'set', 'unset' or a number); git falls back to the
 * default for anything that is not a positive integer.
 */
export function parseMarkerSize(value: string | undefined): number {
  // git uses atoi(): leading digits count, anything else or <= 0 means the default.
  const digits = value === undefined ? null : /^\s*\+?(\d+)/.exec(value)
  const n = digits ? Number(digits[1]) : 0
  return n > 0 ? n : DEFAULT_MARKER_SIZE
}
