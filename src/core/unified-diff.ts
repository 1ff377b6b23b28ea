/**
 * Reads the lines a unified diff adds (guard's `changed` scope). Pure: the
 * shell runs `git diff -U0 --full-index --src-prefix=a/ --dst-prefix=b/` with
 * quotePath on and feeds the output here one line at a time, so a diff of any
 * size is read in bounded memory. Paths are kept as bytes (a latin1 string,
 * one character per byte) so a name that is not UTF-8 can be handed back to git.
 */
import { markerPrefix, type NumberedLine } from './markers.js'

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
}

interface Hunk {
  oldLeft: number
  newLeft: number
  lineNo: number
}

/**
 * A line-at-a-time reader of a `-U0`-style diff that keeps the added lines
 * `keep` accepts (cut by markerPrefix). Hunk bodies are consumed by their
 * counts, so an added line that reads "+++ x" is content, never a header.
 */
export class AddedLineReader {
  private readonly files: DiffFile[] = []
  private file: DiffFile | null = null
  private mode: string | null = null
  /** The new blob named by the current file's `index` line, until its `+++` header arrives. */
  private pendingOid: string | null = null
  private hunk: Hunk | null = null
  private kept = 0
  /** True once more lines were accepted than `maxKept`; the rest were counted, not kept. */
  overflowed = false

  constructor(
    private readonly keep: (text: string) => boolean,
    private readonly dstPrefix = 'b/',
    private readonly maxKept = Number.POSITIVE_INFINITY
  ) {}

  /** Starts a file whose header the caller read itself (a diff of two blobs names no path). */
  startFile(path: string, newOid: string): void {
    this.file = { path, newOid, symlink: false, lines: [] }
    this.files.push(this.file)
  }

  /** Feeds one line of the diff (without its LF). */
  line(line: string): void {
    if (this.hunk !== null && (this.hunk.oldLeft > 0 || this.hunk.newLeft > 0)) return this.body(line)
    this.hunk = null
    if (line.startsWith('diff --git ')) {
      this.file = null
      this.mode = null
      this.pendingOid = null
    } else if (line.startsWith('new file mode ')) {
      this.mode = line.slice('new file mode '.length)
    } else if (line.startsWith('index ')) {
      // "index <old>..<new>[ <mode>]": the mode is there when it did not change.
      const m = /^index [0-9a-f]+\.\.([0-9a-f]+)(?: (\d+))?/.exec(line)
      if (m) this.pendingOid = m[1]!
      if (m?.[2]) this.mode = m[2]
    } else if (line.startsWith('+++ ')) {
      const path = this.newPath(line)
      this.file = path === null ? null : { path, newOid: this.pendingOid, symlink: this.mode === '120000', lines: [] }
      if (this.file) this.files.push(this.file)
    } else {
      const h = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (h) this.hunk = { oldLeft: h[1] === undefined ? 1 : Number(h[1]), newLeft: h[3] === undefined ? 1 : Number(h[3]), lineNo: Number(h[2]) }
    }
  }

  private body(line: string): void {
    const hunk = this.hunk!
    const tag = line[0]
    if (tag === '\\') return // "\ No newline at end of file"
    if (tag === '-') {
      hunk.oldLeft--
      return
    }
    if (tag === '+') {
      const text = line.slice(1)
      if (this.file !== null && !this.file.symlink && this.keep(text)) {
        if (this.kept < this.maxKept) this.file.lines.push({ line: hunk.lineNo, text: markerPrefix(text) })
        else this.overflowed = true
        this.kept++
      }
      hunk.newLeft--
    } else {
      hunk.oldLeft--
      hunk.newLeft--
    }
    hunk.lineNo++
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

  /** The files read so far that have kept lines, symlinks left out. */
  result(): DiffFile[] {
    return this.files.filter((f) => !f.symlink && f.lines.length > 0)
  }
}
