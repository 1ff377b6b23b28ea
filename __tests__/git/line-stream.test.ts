import { lineSplitter } from '../../src/git/line-stream.js'

/** Feeds `text` cut into pieces at `cuts` (byte offsets) and returns what came out. */
function split(text: string, cuts: number[], filter?: (first: number) => boolean): { lines: string[]; skipped: number } {
  const lines: string[] = []
  let skipped = 0
  const s = lineSplitter((l) => lines.push(l), filter && { want: filter, skipped: () => void skipped++ })
  const bytes = Buffer.from(text, 'latin1')
  let at = 0
  for (const c of [...cuts, bytes.length]) {
    s.push(bytes.subarray(at, c))
    at = c
  }
  s.end()
  return { lines, skipped }
}

// invented: git output cut at every possible chunk boundary must give the same lines.
const text = '<<<<<<< ours\n\nplain\n=======\n>>>>>>> theirs\nlast'

describe('lineSplitter', () => {
  it.each([...Array(text.length + 1).keys()])('gives the same lines whatever the chunk boundary (cut at %i)', (cut) => {
    expect(split(text, [cut]).lines).toEqual(['<<<<<<< ours', '', 'plain', '=======', '>>>>>>> theirs', 'last'])
  })

  it.each([...Array(text.length + 1).keys()])('passes over unwanted lines without decoding them, and counts them (cut at %i)', (cut) => {
    const angle = (first: number) => first === 0x3c || first === 0x3e
    expect(split(text, [cut], angle)).toEqual({ lines: ['<<<<<<< ours', '>>>>>>> theirs'], skipped: 4 })
  })

  it('asks the filter once per line, with -1 for an empty line', () => {
    const seen: number[] = []
    split('a\n\nb', [1, 2], (first) => (seen.push(first), true))
    expect(seen).toEqual([0x61, -1, 0x62])
  })

  it('cuts a line longer than 8,192 bytes and marks it with a NUL, across chunks too', () => {
    const long = `=${'x'.repeat(20_000)}`
    for (const cuts of [[], [5], [8_000, 9_000]]) {
      const { lines } = split(`${long}\nnext\n`, cuts)
      expect(lines).toEqual([`${long.slice(0, 8192)}\u0000`, 'next'])
    }
  })
})
