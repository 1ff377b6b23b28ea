/**
 * The diff reader as production feeds it: git's real `diff -U0` bytes, split
 * into lines from chunks that may end anywhere (one decode per chunk), then
 * read line by line with only marker-first lines offered to `keep`. Whatever
 * the chunk boundaries, no marker is dropped and no neighbour misread.
 */
import { lineSplitter } from '../../src/git/line-stream.js'
import { isMarkerCandidate } from '../../src/core/markers.js'
import { AddedLineReader, type DiffFile } from '../../src/core/unified-diff.js'
import { tempRepo } from '../git/temp-repo.js'

function diffBytes(): Buffer {
  const repo = tempRepo()
  const base = repo.commit('base', { 'app.txt': 'one\ntwo\n', 'guide.md': 'Intro\n' })
  const head = repo.commit('head', {
    // A conflict left in, a line that only looks like a header, and text that merely contains marker characters.
    'app.txt': 'one\n<<<<<<< ours\n+++ b/not-a-header\n=======\ntwo x<<<<<<< y\n>>>>>>> theirs\ntwo\n',
    // A setext heading (text above the underline) and a lone separator after a blank line.
    'guide.md': 'Intro\n\nTitle\n=======\n\n=======\nafter\n|||||||\n'
  })
  const out = repo.git(['-c', 'core.quotePath=true', 'diff', '-U0', '--full-index', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', base, head, '--'])
  return Buffer.from(`${out}\n`, 'utf8')
}

function read(bytes: Buffer, cuts: readonly number[]): DiffFile[] {
  const asked: string[] = []
  const reader = new AddedLineReader((text) => (asked.push(text), isMarkerCandidate(text)))
  const split = lineSplitter((line) => reader.line(line))
  let at = 0
  for (const cut of [...cuts, bytes.length]) {
    split.push(bytes.subarray(at, cut))
    at = cut
  }
  split.end()
  // Only marker-first lines are ever offered to keep (the others are never sliced).
  for (const text of asked) expect('<=>|').toContain(text[0])
  return reader.result()
}

const view = (files: DiffFile[]) => files.map((f) => ({ path: f.path, lines: f.lines, known: [...f.known].sort((a, b) => a[0] - b[0]) }))

// Read from the real diff above, line numbers of the new files.
const expected = [
  {
    path: 'app.txt',
    lines: [
      { line: 2, text: '<<<<<<< ours' },
      { line: 4, text: '=======' },
      { line: 6, text: '>>>>>>> theirs' }
    ],
    // The added lines right above a kept one, and the two below a kept `=` line.
    known: [
      [3, '+++ b/not-a-header'],
      [5, 'two x<<<<<<< y']
    ]
  },
  {
    path: 'guide.md',
    lines: [
      { line: 4, text: '=======' },
      { line: 6, text: '=======' },
      { line: 8, text: '|||||||' }
    ],
    known: [
      [3, 'Title'],
      [5, ''],
      [7, 'after']
    ]
  }
]

describe('the diff reader over chunks', () => {
  const bytes = diffBytes()

  it('reads the whole diff in one chunk', () => {
    expect(view(read(bytes, []))).toEqual(expected)
  })

  it.each([...Array(bytes.length).keys()].map((i) => [i + 1]))('gives the same markers and neighbours with a chunk boundary after byte %i', (cut) => {
    expect(view(read(bytes, [cut]))).toEqual(expected)
  })

  it('gives the same with every byte its own chunk', () => {
    expect(view(read(bytes, [...Array(bytes.length).keys()].slice(1)))).toEqual(expected)
  })
})
