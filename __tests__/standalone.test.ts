/**
 * The product stands alone: its code, scripts and docs give every reason in place or link
 * docs/decisions.md, and never cite a record a reader of the repository cannot open (a numbered
 * issue or incident of the team's tracker, the project brief, private notes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

/** What is checked, relative to the repository root (a folder is read recursively): what users have. */
const CHECKED = ['src', 'docs', 'scripts', 'bench', 'README.md', '.github']

/** A citation of a private record: "issue 7", "incident 3", the brief, the team's notes. */
const CITATION = /\b(?:issue|incident|principle) #?\d+\b|\bbrief\b|TOOLCHAIN|STYLE\.md|\/work\/shared|\bresearch\/|\bclient\.md\b|\bmerge\.md\b/i

/** Every file under `entry` (itself when it is a file). */
function filesUnder(entry: string): string[] {
  const path = join(root, entry)
  if (statSync(path).isFile()) return [path]
  return readdirSync(path, { withFileTypes: true }).flatMap((child) => filesUnder(relative(root, join(path, child.name))))
}

/** `path:line: text` for every line of `files` that cites a private record. */
function citations(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (CITATION.test(line) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : []))
  )
}

describe('a citation of a private record', () => {
  it.each([
    ['// see issue 7, part 2'],
    ['* (issue 3: the client mints installation tokens'],
    ['(issue #12)'],
    ['singular "expected", incident 4'],
    ['// Fail-safe (brief, principle 3): a guard that broke warns'],
    ['as the brief says'],
    ['verified in TOOLCHAIN.md'],
    ['see /work/shared/research/merge.md'],
    ['details in client.md']
  ])('is found in %j', (line) => {
    expect(CITATION.test(line)).toBe(true)
  })

  it.each([
    ['GitHub only briefly held back the merge'],
    ['[gogs/gogs#5089](https://github.com/gogs/gogs/issues/5089)'],
    ['see docs/decisions.md, "The merge call is never retried blindly"'],
    ['merged.md and clients.md are other files'],
    ['an issue with 3 causes']
  ])('is not found in ordinary text %j', (line) => {
    expect(CITATION.test(line)).toBe(false)
  })
})

it('appears nowhere in the product: every offender is listed as path:line', () => {
  expect(citations(CHECKED.flatMap(filesUnder))).toEqual([])
})
