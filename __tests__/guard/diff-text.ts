/**
 * Whole-text views over guard's streaming diff reader, for table tests: production reads git's
 * output line by line (src/git), never as one string.
 */
import type { NumberedLine } from '../../src/core/markers.js'
import { AddedLineReader, displayPath, unquoteGitPathBytes } from '../../src/core/unified-diff.js'

/** Undoes git's C-style path quoting into the UTF-8 path (for display). */
export function unquoteGitPath(text: string): string {
  return displayPath(unquoteGitPathBytes(Buffer.from(text, 'utf8').toString('latin1')))
}

/**
 * Added lines per path (new-file line numbers, UTF-8 path) of a whole
 * `-U0`-style diff held as text, keeping only the lines `keep` accepts.
 */
export function addedLines(diff: string, keep: (text: string) => boolean, dstPrefix = 'b/'): Map<string, NumberedLine[]> {
  const reader = new AddedLineReader(keep, dstPrefix)
  for (const line of Buffer.from(diff, 'utf8').toString('latin1').split('\n')) reader.line(line)
  return new Map(reader.result().map((f) => [displayPath(f.path), f.lines]))
}
