/**
 * The `exclude` input of guard: paths never scanned for markers.
 * Globs match the whole repository-relative path; a glob without a '/'
 * also matches a file name anywhere (`*.snap`), like .gitignore. Check names
 * use the other dialect: see docs/decisions.md, "Check-name globs are not path globs".
 */
import { minimatch } from 'minimatch'

/** Splits a newline-separated glob list, dropping blanks and `#` comments. */
export function parseGlobList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'))
}

/** Returns a predicate that is true for excluded paths. */
export function excludeMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false
  const tests = globs.map((g) => {
    const dirGlob = g.endsWith('/') ? `${g}**` : g
    const options = { dot: true, nocomment: true, nonegate: true, matchBase: !dirGlob.includes('/') }
    return (path: string) => minimatch(path, dirGlob, options)
  })
  return (path) => tests.some((t) => t(path))
}
