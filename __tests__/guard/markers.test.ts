import {
  hasAngleMarker,
  isMarkerCandidate,
  markerHits,
  markerOf,
  markerSizeProblem,
  parseMarkerSize,
  type NumberedLine
} from '../../src/core/markers.js'

describe('markerOf: git rule for one line', () => {
  it.each([
    // [line, size, expected]
    ['<<<<<<< HEAD', 7, '<'],
    ['<<<<<<< ours:app.txt', 7, '<'],
    ['<<<<<<<\tHEAD', 7, '<'],
    ['<<<<<<<', 7, '<'],
    ['<<<<<<<\r', 7, '<'],
    ['<<<<<<< HEAD\r', 7, '<'],
    ['=======', 7, '='],
    ['=======\r', 7, '='],
    ['======= ', 7, '='],
    ['>>>>>>> feature/x', 7, '>'],
    ['>>>>>>> 1a2b3c4 (theirs)', 7, '>'],
    ['>>>>>>>', 7, '>'],
    ['||||||| base', 7, '|'],
    ['||||||| merged common ancestors', 7, '|'],
    ['|||||||', 7, '|'],
    // not markers
    ['========', 7, null], // 8 '=' under size 7
    ['<<<<<<<<', 7, null],
    ['<<<<<<', 7, null], // 6
    ['<<<<<<<HEAD', 7, null], // no separator
    ['<<<<<<<\rx', 7, null],
    ['=======x', 7, null],
    [' <<<<<<< HEAD', 7, null], // indented
    ['\t=======', 7, null],
    ['// <<<<<<< HEAD', 7, null], // commented
    ['# >>>>>>> theirs', 7, null],
    ['a <<<<<<< b', 7, null],
    ['->>>>>>> x', 7, null],
    ['', 7, null],
    // conflict-marker-size=12
    ['<<<<<<<<<<<< HEAD', 12, '<'],
    ['============', 12, '='],
    ['>>>>>>>>>>>> theirs', 12, '>'],
    ['<<<<<<< HEAD', 12, null],
    ['=======', 12, null],
    ['=============', 12, null]
  ])('%j at size %i -> %s', (line, size, expected) => {
    expect(markerOf(line, size)).toBe(expected)
  })
})

describe('isMarkerCandidate: the git grep prefilter accepts every marker of any size', () => {
  it.each([
    ['<<<<<<< HEAD', true],
    ['<<<<<<<<<<<< HEAD', true],
    ['========', true],
    ['=======\r', true],
    ['|||||||', true],
    ['> quoted', true],
    ['<div>', false],
    ['==x', false],
    [' =======', false]
  ])('%j -> %s', (line, expected) => {
    expect(isMarkerCandidate(line)).toBe(expected)
  })
})

const lines = (text: string): NumberedLine[] => text.split('\n').map((t, i) => ({ line: i + 1, text: t }))

describe('markerHits: one file', () => {
  it('reports every line of a diff3 conflict', () => {
    const file = lines('a\n<<<<<<< HEAD\nours\n||||||| base\nbase\n=======\ntheirs\n>>>>>>> other\nz')
    const hits = markerHits(file, 7, hasAngleMarker(file, 7))
    expect(hits.map((h) => [h.line, h.marker])).toEqual([
      [2, '<'],
      [4, '|'],
      [6, '='],
      [8, '>']
    ])
    expect(hits[0]!.message).toContain("'<<<<<<<'")
  })

  it.each([
    ['Markdown setext heading', 'License\n=======\n\nMIT'],
    ['reStructuredText underline', 'Install\n=======\n'],
    ['lone base bar line', 'table\n|||||||\n'],
    ['heading plus a longer rule', 'Title\n=======\n\n========']
  ])('a lone =/| line is not a finding: %s', (_label, text) => {
    const file = lines(text)
    expect(markerHits(file, 7, hasAngleMarker(file, 7))).toEqual([])
  })

  it('a lone ======= counts once the file has a < or > marker', () => {
    const file = lines('Title\n=======\n>>>>>>> theirs')
    expect(markerHits(file, 7, hasAngleMarker(file, 7)).map((h) => h.line)).toEqual([2, 3])
  })

  it('a file given conflict-marker-size=32 keeps its 7-character examples', () => {
    const file = lines('<<<<<<< example\n=======\n>>>>>>> example')
    expect(markerHits(file, 32, hasAngleMarker(file, 32))).toEqual([])
  })
})

describe('parseMarkerSize: check-attr values', () => {
  it.each([
    ['unspecified', 7],
    ['set', 7],
    ['unset', 7],
    ['12', 12],
    ['32', 32],
    ['0', 7],
    ['-3', 7],
    ['12abc', 7], // git >= 2.48 warns and uses the default (older git read the leading digits)
    [undefined, 7]
  ])('%j -> %i', (value, size) => {
    expect(parseMarkerSize(value)).toBe(size)
  })
})

describe('peer cases from other projects', () => {
  it.each([
    // pre-commit-hooks check-merge-conflict and rustc's diff-marker tests: both angle lines deleted, the separator left.
    ['======= first line, code below (pre-commit-hooks check_merge_conflict)', '=======\nlet x = 1;\n', [1]],
    ['======= after a blank line, code below (rustc tests/ui/parser/diff-markers)', 'fn a() {}\n\n=======\nfn b() {}\n', [3]],
    // Must keep passing: setext/reST headings (GitLab's conflict parser treats only full conflicts as conflicts).
    ['Markdown setext heading', 'License\n=======\n\nMIT\n', []],
    ['reStructuredText title with overline', '=======\nGuide\n=======\n\ntext\n', []],
    ['reStructuredText transition (blank both sides)', 'a\n\n=======\n\nb\n', []],
    ['======= as the last line after a blank', 'a\n\n=======', []]
  ])('%s', (_label, text, expected) => {
    const file = lines(text)
    const byLine = new Map(file.map((l) => [l.line, l.text]))
    expect(markerHits(file, 7, hasAngleMarker(file, 7), (n) => byLine.get(n)).map((h) => h.line)).toEqual(expected)
  })

  it("longer angle markers with a 7-character ||||||| (git's diff --check flags it: t/t4015-diff-whitespace.sh, conflict-marker-size)", () => {
    const file = lines('<<<<<<<<< ours\na\n||||||| base\nb\n=========\nc\n>>>>>>>>> theirs')
    expect(markerHits(file, 7, hasAngleMarker(file, 7)).map((h) => [h.line, h.marker])).toEqual([[3, '|']])
    expect(markerHits(file, 9, hasAngleMarker(file, 9)).map((h) => h.line)).toEqual([1, 5, 7])
  })

  it.each([
    // git >= 2.48 merge-ll.c: "invalid marker-size '%s', expecting an integer", then the default.
    ['3a', 7, true],
    ['12', 12, false],
    [' 12', 12, false],
    ['0', 7, true],
    ['unspecified', 7, false]
  ])('conflict-marker-size=%j -> %i (warns: %s)', (value, size, warns) => {
    expect(parseMarkerSize(value)).toBe(size)
    expect(markerSizeProblem(value) !== null).toBe(warns)
  })
})
