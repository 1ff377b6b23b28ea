/**
 * What guard keeps from a huge diff stays small: the line splitter hands out
 * slices of whole decoded chunks, and a kept slice (a marker line, a path, a
 * blob id) must not hold its chunk in memory. 200 new files of ~260 KB each
 * (52 MB of diff) with one marker line each: what is kept is a few KB.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { lineSplitter } from '../../src/git/line-stream.js'
import { AddedLineReader } from '../../src/core/unified-diff.js'
import { isMarkerCandidate } from '../../src/core/markers.js'
import { ownCopy } from '../../src/core/own-copy.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// invented diff: the shape `git diff -U0 --full-index` prints for a new file
function newFileDiff(n: number): Buffer {
  const filler = `+${'x'.repeat(99)}\n`.repeat(2600)
  const oid = n.toString(16).padStart(40, '0')
  return Buffer.from(
    `diff --git a/docs/file-${n}.txt b/docs/file-${n}.txt\nnew file mode 100644\nindex ${'0'.repeat(40)}..${oid}\n--- /dev/null\n+++ b/docs/file-${n}.txt\n@@ -0,0 +1,2601 @@\n${filler}+<<<<<<< HEAD marker line of file ${n}\n`,
    'latin1'
  )
}

it('keeps the marker lines, paths and blob ids of a 52 MB diff without holding its chunks', () => {
  gc()
  const before = process.memoryUsage().heapUsed
  const reader = new AddedLineReader(isMarkerCandidate, 'b/', 1_000_000)
  const split = lineSplitter((line) => reader.line(line))
  for (let n = 0; n < 200; n++) split.push(newFileDiff(n))
  split.end()
  const files = reader.result()
  gc()
  const grown = process.memoryUsage().heapUsed - before
  expect(files).toHaveLength(200)
  expect(files[7]).toMatchObject({ path: 'docs/file-7.txt', newOid: (7).toString(16).padStart(40, '0') })
  expect(files[7]!.lines).toEqual([{ line: 2601, text: '<<<<<<< HEAD marker line of file 7' }])
  // Slices holding their chunks kept about 52 MB here; own copies keep a few hundred KB.
  expect(grown).toBeLessThan(10_000_000)
})

// invented diff: a new Markdown page with one setext heading, as `git diff -U0 --full-index` prints it
function headingPage(n: number): string {
  const oid = (n + 1).toString(16).padStart(40, '0')
  return `diff --git a/guide/s${n}.md b/guide/s${n}.md\nnew file mode 100644\nindex ${'0'.repeat(40)}..${oid}\n--- /dev/null\n+++ b/guide/s${n}.md\n@@ -0,0 +1,4 @@\n+Section ${n}\n+=======\n+\n+Prose of section ${n}.\n`
}

describe('files the caller does not retain', () => {
  it('are dropped as each one ends, not held to the end of the diff', () => {
    const asked: string[] = []
    const reader = new AddedLineReader(isMarkerCandidate, 'b/', 1_000_000, (file) => {
      // What `retain` is shown is still git's decoded output (a copy is made only for a kept file): a copy to keep.
      asked.push(ownCopy(file.path))
      return file.path.endsWith('s3.md')
    })
    const split = lineSplitter((line) => reader.line(line))
    gc()
    const before = process.memoryUsage().heapUsed
    for (let n = 0; n < 20_000; n++) {
      split.push(Buffer.from(headingPage(n), 'latin1'))
      // Each page is judged as the next one starts, before its lines are read.
      if (n === 5) expect(asked).toEqual(['guide/s0.md', 'guide/s1.md', 'guide/s2.md', 'guide/s3.md', 'guide/s4.md'])
    }
    split.end()
    gc()
    // Each kept page (path, blob id, its lines and neighbours) holds ~800 bytes: all 20,000 kept measured 16 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(3_000_000)
    expect(reader.result().map((f) => f.path)).toEqual(['guide/s3.md'])
    expect(asked).toHaveLength(20_000)
  })

  it('are all kept once more lines were accepted than the reader may keep (a file read only in part is not judged)', () => {
    const asked: string[] = []
    const reader = new AddedLineReader(isMarkerCandidate, 'b/', 2, (file) => (asked.push(file.path), false))
    // The second page has two underlines: its second one is past the reader's limit of two kept lines.
    const twoHeadings = headingPage(1).replace('@@ -0,0 +1,4 @@', '@@ -0,0 +1,6 @@') + '+Second\n+=======\n'
    for (const line of (headingPage(0) + twoHeadings + headingPage(2)).split('\n')) reader.line(line)
    expect(reader.result().map((f) => f.path)).toEqual(['guide/s1.md'])
    expect(reader.overflowed).toBe(true)
    expect(asked).toEqual(['guide/s0.md'])
  })
})
