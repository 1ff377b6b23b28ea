/**
 * Reads the lines a unified diff adds (guard's `changed` scope). Pure: the
 * shell runs `git diff -U0 --full-index --src-prefix=a/ --dst-prefix=b/` with
 * quotePath on and feeds the output here one line at a time, so a diff of any
 * size is read in bounded memory. Paths are kept as bytes (a latin1 string,
 * one character per byte) so a name that is not UTF-8 can be handed back to git.
 */
import { markerCut, type NumberedLine } from './markers.js'
import { ownCopy } from './own-copy.js'

/** Undoes git's C-style path quoting ("a\tb", "\303\251") into the path's bytes (a latin1 string). */
export function unquoteGitPathBytes(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text
  const body = text.slice(1, -1)
  const simple: Record<string, string> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '"': '"', '\\': '\\' }
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      out += c
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      out += simple[next] ?? next
      i += 1
    }
  }
  return out
}

/** A path's bytes (latin1 string) as text for people: UTF-8, with U+FFFD where the bytes are not UTF-8. */
export function displayPath(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** One file of the diff: its new path (bytes), new blob, and the kept added lines. */
export interface DiffFile {
  /** The new path as bytes (latin1 string). */
  readonly path: string
  /** The full object id of the new blob, when the diff named it (`--full-index`). */
  newOid: string | null
  /** A symbolic link: its "content" is a target path, never scanned. */
  symlink: boolean
  readonly lines: NumberedLine[]
  /**
   * Added lines next to kept ones, by number: the line right above each kept
   * line and the two below a kept `=` line, when they were added too (what
   * tells an underline from a separator left alone: isOrphanSeparator).
   */
  readonly known: Map<number, string>
  /** The file is new: the diff added every line of it, so nothing else of it exists to be read. */
  whole: boolean
}

const PLUS = 0x2b
const MINUS = 0x2d
const BACKSLASH = 0x5c
const LT = 0x3c
const EQ = 0x3d
const GT = 0x3e
const PIPE = 0x7c

/** "index <old>..<new>[ <mode>]": the new blob id, and the mode when it is there. */
const INDEX_LINE = /^index [0-9a-f]+\.\.([0-9a-f]+)(?: ([0-9]+))?/

interface Hunk {
  oldLeft: number
  newLeft: number
  lineNo: number
  /** The last added line of this hunk with its `+` (its number is lineNo - 1 while it is the line just above). */
  previous: string | null
  /** Added lines still to keep in `known` below a kept `=` line. */
  below: number
}

/**
 * A file's own copies of what it keeps: while it is read, its path, blob id and lines are slices of git's
 * decoded output (see src/core/own-copy.ts), copied only once the file is kept, so a dropped file copies nothing.
 */
function ownFile(file: DiffFile): DiffFile {
  const known = new Map<number, string>()
  for (const [n, text] of file.known) known.set(n, ownCopy(text))
  return {
    path: ownCopy(file.path),
    newOid: file.newOid === null ? null : ownCopy(file.newOid),
    symlink: file.symlink,
    lines: file.lines.map((l) => ({ line: l.line, text: ownCopy(l.text) })),
    known,
    whole: file.whole
  }
}

/**
 * A line-at-a-time reader of a `-U0`-style diff that keeps the added lines
 * `keep` accepts (cut as markerPrefix cuts them); `keep` is asked only about lines that
 * start with `<`, `=`, `>` or `|` (no other line can be a marker). Hunk bodies are consumed by their
 * counts, so an added line that reads "+++ x" is content, never a header.
 */
export class AddedLineReader {
  private readonly files: DiffFile[] = []
  private file: DiffFile | null = null
  private mode: string | null = null
  /** The new blob named by the current file's `index` line, until its `+++` header arrives. */
  private pendingOid: string | null = null
  /** The current file's `---` header named /dev/null: a new file. */
  private fromNothing = false
  private hunk: Hunk | null = null
  private kept = 0
  /** True once more lines were accepted than `maxKept`; the rest were counted, not kept. */
  overflowed = false

  /**
   * `retain` says whether a finished file with kept lines is still wanted (asked only while nothing overflowed);
   * the file it is shown still holds slices of git's decoded output, so it copies (ownCopy) whatever it keeps.
   */
  constructor(
    private readonly keep: (text: string) => boolean,
    private readonly dstPrefix = 'b/',
    private readonly maxKept = Number.POSITIVE_INFINITY,
    private readonly retain: (file: DiffFile) => boolean = () => true
  ) {}

  /** Starts a file whose header the caller read itself (a diff of two blobs names no path). */
  startFile(path: string, newOid: string): void {
    this.file = { path, newOid, symlink: false, lines: [], known: new Map(), whole: false }
    this.files.push(this.file)
  }

  /** Feeds one line of the diff (without its LF). */
  line(line: string): void {
    if (this.hunk !== null && (this.hunk.oldLeft > 0 || this.hunk.newLeft > 0)) return this.body(line)
    this.hunk = null
    // Headers are told apart by their first character first: a large diff has several per file.
    const first = line.charCodeAt(0)
    if (first === 0x64 /* d */ && line.startsWith('diff --git ')) {
      this.endFile()
      this.file = null
      this.mode = null
      this.pendingOid = null
      this.fromNothing = false
    } else if (first === 0x6e /* n */ && line.startsWith('new file mode ')) {
      this.mode = line.slice('new file mode '.length)
    } else if (first === 0x69 /* i */ && line.startsWith('index ')) {
      this.indexLine(line)
    } else if (first === MINUS && line === '--- /dev/null') {
      this.fromNothing = true
    } else if (first === PLUS && line.startsWith('+++ ')) {
      const path = this.newPath(line)
      const symlink = this.mode === '120000'
      this.file = path === null ? null : { path, newOid: this.pendingOid, symlink, lines: [], known: new Map(), whole: this.fromNothing }
      if (this.file) this.files.push(this.file)
    } else if (first === 0x40 /* @ */) {
      const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (h) {
        this.hunk = { oldLeft: h[1] === undefined ? 1 : Number(h[1]), newLeft: h[3] === undefined ? 1 : Number(h[3]), lineNo: Number(h[2]), previous: null, below: 0 }
      }
    }
  }

  /** "index <old>..<new>[ <mode>]" (the mode is there when it did not change): the new blob, and the mode. */
  private indexLine(line: string): void {
    const m = INDEX_LINE.exec(line)
    if (m === null) return
    this.pendingOid = m[1]!
    if (m[2] !== undefined) this.mode = m[2]
  }

  private body(line: string): void {
    const hunk = this.hunk!
    const tag = line.charCodeAt(0)
    if (tag === BACKSLASH) return // "\ No newline at end of file"
    if (tag === MINUS) {
      hunk.oldLeft--
      return
    }
    if (tag === PLUS) {
      if (this.file !== null && !this.file.symlink) this.added(this.file, hunk, line)
      hunk.previous = line
      hunk.newLeft--
    } else {
      hunk.oldLeft--
      hunk.newLeft--
      hunk.previous = null
      hunk.below = 0
    }
    hunk.lineNo++
  }

  /**
   * Keeps an added line (`line` still carries its `+`) that `keep` accepts, and the added lines around it that the
   * rules may look at. Only a line starting with a marker character is offered to `keep`: most added lines of a
   * large diff are then never sliced.
   */
  private added(file: DiffFile, hunk: Hunk, line: string): void {
    if (!this.accepts(line)) {
      if (hunk.below > 0) {
        file.known.set(hunk.lineNo, markerCut(line.slice(1)))
        hunk.below--
      }
      return
    }
    if (this.kept >= this.maxKept) {
      this.overflowed = true
      this.kept++
      return
    }
    this.kept++
    const kept = markerCut(line.slice(1))
    file.lines.push({ line: hunk.lineNo, text: kept })
    if (hunk.previous !== null && !this.accepts(hunk.previous)) file.known.set(hunk.lineNo - 1, markerCut(hunk.previous.slice(1)))
    hunk.below = kept[0] === '=' ? 2 : Math.max(0, hunk.below - 1)
  }

  /** Whether `keep` accepts an added line (with its `+`); a line not starting with a marker character never is. */
  private accepts(line: string): boolean {
    const c = line.charCodeAt(1)
    return (c === LT || c === EQ || c === GT || c === PIPE) && this.keep(line.slice(1))
  }

  /** Path bytes from a `+++ b/<path>` header, or null for `/dev/null`. */
  private newPath(header: string): string | null {
    let name = header.slice(4)
    if (name === '/dev/null') return null
    // git appends a TAB after a name that contains a space (diff.c), so patch(1) can find its end.
    if (name.endsWith('\t')) name = name.slice(0, -1)
    name = unquoteGitPathBytes(name)
    return name.startsWith(this.dstPrefix) ? name.slice(this.dstPrefix.length) : name
  }

  /**
   * Drops the file just read when nothing of it will be used: kept until the end of a diff of thousands of
   * files, each would survive young-generation collections and be copied by every one of them.
   */
  private endFile(): void {
    const file = this.file
    if (file === null || file !== this.files[this.files.length - 1]) return
    if (file.symlink || file.lines.length === 0 || (!this.overflowed && !this.retain(file))) this.files.pop()
    else this.files[this.files.length - 1] = ownFile(file)
  }

  /** The files read so far that have kept lines and are retained, symlinks left out. */
  result(): DiffFile[] {
    this.endFile()
    this.file = null
    return this.files.filter((f) => !f.symlink && f.lines.length > 0)
  }
}
