/**
 * Reads what guard's marker layer needs from committed objects only (never
 * the working tree: what is committed is what ships): candidate lines of a
 * tree with their neighbours (`git grep` on a commit), lines added by a range
 * (`git diff`, streamed), blobs by object id (`git cat-file --batch`), and
 * each path's `conflict-marker-size` attribute at the scanned commit. Paths
 * travel as bytes (latin1 strings) and reach git through stdin, never argv.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitCommandError, type Git } from './git.js'
import { lineSplitter } from './line-stream.js'
import { markerPrefix, type NumberedLine } from '../core/markers.js'
import { AddedLineReader, displayPath, type DiffFile } from '../core/unified-diff.js'

/** Every line git printed for one file: candidate lines and their neighbours, by line number. */
export type FileLines = Map<number, string>

/** What a tree search found, and the files git could not read (by name). */
export interface TreeScan {
  /** Path bytes (latin1) -> printed lines. */
  readonly files: Map<string, FileLines>
  readonly unreadable: string[]
}

/**
 * Lines of the tree at `commit` matching an ERE, each with the line before it
 * (`-B1`), per path, streamed. The line before tells a Markdown heading
 * underline ("Title" then "=======") from a separator left alone after a
 * blank line, so the files of a docs-heavy tree need not be read again; the
 * few that still need their following lines are read afterwards (readBlobLines).
 * Binary blobs and symlinks are skipped by git grep. Exit 1 is "no match";
 * anything else, 128 included, is an error, never "clean". A blob git cannot
 * read is reported by name (git grep says so on stderr and carries on).
 */
export async function grepTree(git: Git, commit: string, ere: string, threads: number | null, keep: (text: string) => boolean): Promise<TreeScan> {
  try {
    return await grepWholeTree(git, commit, ere, threads)
  } catch (e) {
    // A corrupt object ends git grep (exit 128) before it reaches the other files: read them one by one instead.
    if (!(e instanceof GitCommandError) || e.exitCode !== 128) throw e
    return await scanTreeFileByFile(git, commit, keep)
  }
}

/** The degraded tree scan: every blob of the tree through `cat-file --batch`, binary files and symlinks skipped as git grep skips them. */
async function scanTreeFileByFile(git: Git, commit: string, keep: (text: string) => boolean): Promise<TreeScan> {
  const listing = await git.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit], { encoding: 'latin1' })
  const blobs = listing.stdout
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf('\t')
      const [mode, type, oid] = entry.slice(0, tab).split(' ')
      return { mode, type, oid: oid!, path: entry.slice(tab + 1) }
    })
    .filter((b) => b.type === 'blob' && b.mode !== '120000')
  const files = new Map<string, FileLines>()
  const binary = new Set<number>()
  let offset = 0
  const unreadable = await readBlobLines(
    git,
    blobs.map((b) => b.oid),
    (index, line, text) => {
      if (line === 1) offset = 0
      // git's binary test: a NUL in the first 8,000 bytes.
      const nul = text.indexOf('\0')
      if (nul >= 0 && offset + nul < 8000 && !(nul === text.length - 1 && text.length > 8192)) binary.add(index)
      offset += text.length + 1
      if (!keep(text)) return
      const lines = files.get(blobs[index]!.path) ?? new Map<number, string>()
      lines.set(line, markerPrefix(text))
      files.set(blobs[index]!.path, lines)
    }
  )
  for (const i of binary) files.delete(blobs[i]!.path)
  return { files, unreadable: unreadable.map((i) => displayPath(blobs[i]!.path)) }
}

async function grepWholeTree(git: Git, commit: string, ere: string, threads: number | null): Promise<TreeScan> {
  const files = new Map<string, FileLines>()
  const prefix = `${commit}:`
  let pending: string | null = null
  const split = lineSplitter((raw) => {
    // "--" between groups of context; a record always starts with "<commit>:", so this is never a path.
    if (pending === null && raw === '--') return
    const line: string = pending === null ? raw : `${pending}\n${raw}`
    pending = null
    const pathEnd = line.indexOf('\0')
    const numberEnd = pathEnd < 0 ? -1 : line.indexOf('\0', pathEnd + 1)
    // A path with a newline in it arrives in two pieces: join them.
    if (numberEnd < 0) {
      pending = line
      return
    }
    let path = line.slice(0, pathEnd)
    if (path.startsWith(prefix)) path = path.slice(prefix.length)
    const lines = files.get(path) ?? new Map<number, string>()
    lines.set(Number(line.slice(pathEnd + 1, numberEnd)), markerPrefix(line.slice(numberEnd + 1)))
    files.set(path, lines)
  })
  // `commit` is a resolved full oid: git 2.39 rejects `--end-of-options` before grep's revisions.
  const threadArgs = threads === null ? [] : ['--threads', String(threads)]
  const args = ['grep', '--no-color', '--no-column', ...threadArgs, '-I', '-n', '-z', '-B1', '-E', '-e', ere, commit, '--']
  const r = await git.stream(args, { okExitCodes: [0, 1], onData: split.push })
  split.end()
  return { files, unreadable: unreadableFromStderr(r.stderr, prefix).map((name) => displayPath(name)) }
}

/** Names from git's "error: '<commit>:<path>': unable to read <oid>" lines. */
function unreadableFromStderr(stderr: string, prefix: string): string[] {
  const names = new Set<string>()
  for (const m of stderr.matchAll(/^error: '(.*)': unable to read [0-9a-f]+$/gm)) {
    const name = m[1]!
    names.add(name.startsWith(prefix) ? name.slice(prefix.length) : name)
  }
  return [...names]
}

/** Lines added from `from` to `to`, per file, that `keep` accepts, and the files that could not be read. */
export interface AddedScan {
  readonly files: DiffFile[]
  readonly unreadable: string[]
  /** More lines were accepted than `maxKept`: the rest were not kept. */
  readonly overflowed: boolean
  /** Set when the whole-range diff failed and files were read one by one. */
  readonly degraded: string | null
}

/**
 * Lines added from `from` to `to` that `keep` accepts (`keepEre` is the same
 * test as a POSIX ERE, for git's -G), streamed. Renames are
 * followed so a moved file is not "all added"; binary files show no lines.
 * When git cannot produce the whole diff (an unreadable blob), each changed
 * file is read on its own, and the ones that fail are reported by name.
 */
export async function addedLinesBetween(
  git: Git,
  from: string,
  to: string,
  keep: (text: string) => boolean,
  keepEre: string,
  maxKept: number
): Promise<AddedScan> {
  const reader = new AddedLineReader(keep, 'b/', maxKept)
  const split = lineSplitter((line) => reader.line(line))
  try {
    await git.stream(
      [
        '-c',
        'core.quotePath=true',
        'diff',
        '-U0',
        '--full-index',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--no-relative',
        '--find-renames',
        // Only files with an added or removed line `keep` could accept are printed: git skips the rest.
        `-G${keepEre}`,
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '--end-of-options',
        from,
        to,
        '--'
      ],
      { onData: split.push }
    )
    split.end()
    return { files: reader.result(), unreadable: [], overflowed: reader.overflowed, degraded: null }
  } catch (e) {
    if (!(e instanceof GitCommandError)) throw e
    return await addedLinesFileByFile(git, from, to, keep, maxKept, e)
  }
}

/** The degraded path: one diff per changed file (by blob ids, so no path is ever an argument). */
async function addedLinesFileByFile(
  git: Git,
  from: string,
  to: string,
  keep: (text: string) => boolean,
  maxKept: number,
  cause: GitCommandError
): Promise<AddedScan> {
  const raw = await git.run(['diff', '--raw', '-z', '--no-abbrev', '--no-renames', '--end-of-options', from, to, '--'], {
    encoding: 'latin1'
  })
  const fields = raw.stdout.split('\0')
  const files: DiffFile[] = []
  const unreadable: string[] = []
  let overflowed = false
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, , newMode, oldOid, newOid, status] = /^:(\d+) (\d+) ([0-9a-f]+) ([0-9a-f]+) (\w)/.exec(fields[i]!) ?? []
    const path = fields[i + 1]!
    if (status === undefined || status === 'D' || newMode === '120000' || newMode === '160000') continue
    const reader = new AddedLineReader(keep, 'b/', maxKept)
    reader.startFile(path, newOid!)
    try {
      if (status === 'A' || /^0+$/.test(oldOid!)) {
        const split = lineSplitter((line) => reader.line(`+${line}`))
        reader.line(`@@ -0,0 +1,${Number.MAX_SAFE_INTEGER} @@`)
        await git.stream(['cat-file', 'blob', newOid!], { onData: split.push })
        split.end()
      } else {
        let inBody = false
        const split = lineSplitter((line) => {
          inBody ||= line.startsWith('@@')
          if (inBody) reader.line(line)
        })
        await git.stream(['diff', '-U0', '--no-color', '--no-ext-diff', '--no-textconv', oldOid!, newOid!], { onData: split.push })
        split.end()
      }
      files.push(...reader.result())
      overflowed ||= reader.overflowed
    } catch (e) {
      if (!(e instanceof GitCommandError)) throw e
      unreadable.push(displayPath(path))
    }
  }
  const degraded = `the diff of the whole range failed (${cause.message}); read each changed file on its own, renames not followed`
  return { files, unreadable, overflowed, degraded }
}

/**
 * Streams blobs (`git cat-file --batch -z`; each spec an object id or
 * `<commit>:<path bytes>`) and hands each line to `onLine(index, lineNumber,
 * text)`, or only the lines `want` accepts by their first byte (-1: empty). A blob git cannot read ends that git process: it is reported by
 * index and the rest are read by a new one.
 */
export async function readBlobLines(
  git: Git,
  oids: readonly string[],
  onLine: (index: number, line: number, text: string) => void,
  want: ((index: number, line: number, firstByte: number) => boolean) | null = null
): Promise<number[]> {
  const unreadable: number[] = []
  let next = 0
  while (next < oids.length) {
    const start = next
    let answered = start
    let left = -1 // bytes of the current blob still to come; -1 = expecting a header
    let lineNo = 0
    let header = ''
    // Lines `want` refuses are counted, never decoded: most lines of a blob are neither a neighbour nor a candidate.
    const filter = want && { want: (first: number) => want(answered, lineNo + 1, first), skipped: () => void lineNo++ }
    const split = lineSplitter((text) => onLine(answered, ++lineNo, text), filter ?? undefined)
    const onData = (chunk: Buffer) => {
      let at = 0
      while (at < chunk.length) {
        if (left === -2) {
          // The LF git prints after each blob's content.
          at++
          left = -1
          answered++
          continue
        }
        if (left < 0) {
          const nl = chunk.indexOf(10, at)
          if (nl < 0) {
            header += chunk.subarray(at).toString('latin1')
            return
          }
          header += chunk.subarray(at, nl).toString('latin1')
          at = nl + 1
          const m = /^[0-9a-f]+ blob (\d+)$/.exec(header)
          header = ''
          if (m) {
            left = Number(m[1])
            lineNo = 0
          } else {
            unreadable.push(answered++)
          }
          continue
        }
        const take = Math.min(left, chunk.length - at)
        split.push(chunk.subarray(at, at + take))
        left -= take
        at += take
        if (left === 0) {
          split.end()
          left = -2
        }
      }
    }
    try {
      // --buffer: one write per buffer-full, not one per blob (a flush per blob is a process round trip each).
      await git.stream(['cat-file', '--batch', '--buffer', '-z'], { input: Buffer.from(oids.slice(start).map((o) => `${o}\0`).join(''), 'latin1'), onData })
      next = oids.length
    } catch (e) {
      if (!(e instanceof GitCommandError)) throw e
      // The blob being read when git stopped is the unreadable one.
      unreadable.push(answered)
      next = answered + 1
    }
  }
  return unreadable
}

/** Up to this many files, `<commit>:<path>` specs are cheaper than listing the tree once. */
const PATH_SPECS_UP_TO = 100

/**
 * What `readBlobLines` should read for each path (bytes) of the tree at
 * `commit`: its blob id. git resolves a `<commit>:<path>` spec by walking the
 * trees again for every one (40,000 specs took 2.7 s of CPU where their blob
 * ids took 0.12), so beyond a few files the tree is listed once
 * (`ls-tree -r`, streamed) and the ids taken from it.
 */
export async function blobSpecsAt(git: Git, commit: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length <= PATH_SPECS_UP_TO) return paths.map((p) => `${commit}:${p}`)
  const wanted = new Set(paths)
  const oids = new Map<string, string>()
  let rest = ''
  const entry = (e: string) => {
    // "<mode> <type> <oid>\t<path>"
    const tab = e.indexOf('\t')
    const path = e.slice(tab + 1)
    if (wanted.has(path)) oids.set(path, e.slice(e.lastIndexOf(' ', tab) + 1, tab))
  }
  await git.stream(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit], {
    onData: (chunk) => {
      const parts = (rest + chunk.toString('latin1')).split('\0')
      rest = parts.pop()!
      parts.forEach(entry)
    }
  })
  if (rest !== '') entry(rest)
  // A path the listing did not name (it should not happen) is still read by its spec.
  return paths.map((p) => oids.get(p) ?? `${commit}:${p}`)
}

/**
 * The `conflict-marker-size` attribute of each path (bytes) as it is at
 * `commit`. `git check-attr --source` needs git 2.40; on 2.39 the attributes
 * of a commit are read from a temporary index holding that commit's
 * `.gitattributes` files (`update-index --index-info`, then `check-attr
 * --cached`), which works on every git version. Only the attribute files go
 * in: a `read-tree` of an 80,000-file tree took 450 ms, this takes about 40.
 */
export async function markerSizeAttributes(
  git: Git,
  commit: string,
  paths: readonly string[],
  listing: Promise<string[]> = attributeFilesAt(git, commit)
): Promise<Map<string, string>> {
  const values = new Map<string, string>()
  const attributeFiles = await listing
  if (paths.length === 0) return values
  const dir = mkdtempSync(join(tmpdir(), 'purple-attr-'))
  const env = { GIT_INDEX_FILE: join(dir, 'index') }
  try {
    if (attributeFiles.length > 0) {
      // ls-tree's "<mode> blob <oid>\t<path>" is a line update-index --index-info accepts as is.
      await git.run(['update-index', '-z', '--index-info'], { env, input: Buffer.from(attributeFiles.map((e) => `${e}\0`).join(''), 'latin1') })
    }
    const r = await git.run(['check-attr', '--cached', '-z', '--stdin', 'conflict-marker-size'], {
      env,
      encoding: 'latin1',
      input: Buffer.from(paths.map((p) => `${p}\0`).join(''), 'latin1')
    })
    const fields = r.stdout.split('\0')
    for (let i = 0; i + 2 < fields.length; i += 3) values.set(fields[i]!, fields[i + 2]!)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return values
}

/**
 * The `.gitattributes` files of the tree at `commit`, as `update-index
 * --index-info` lines (a caller may start this early: it depends on nothing
 * else). `git grep -l` with a glob pathspec walks only trees and reads only
 * those files (33 ms on an 80,000-file tree where `ls-tree -r` took 370); their
 * object ids come from one `cat-file --batch-check`, paths through stdin.
 */
export async function attributeFilesAt(git: Git, commit: string): Promise<string[]> {
  const found = await git.run(['grep', '-l', '-z', '--no-color', '-e', '', commit, '--', ':(glob)**/.gitattributes', '.gitattributes'], {
    okExitCodes: [0, 1],
    encoding: 'latin1'
  })
  const specs = [...new Set(found.stdout.split('\0').filter(Boolean))]
  if (specs.length === 0) return []
  const prefix = `${commit}:`
  const checked = await git.run(['cat-file', '--batch-check', '-z'], { input: Buffer.from(specs.map((s) => `${s}\0`).join(''), 'latin1'), encoding: 'latin1' })
  const entries: string[] = []
  checked.stdout.split('\n').forEach((line, i) => {
    const m = /^([0-9a-f]+) blob \d+$/.exec(line)
    const spec = specs[i]
    if (m && spec?.startsWith(prefix)) entries.push(`100644 ${m[1]}\t${spec.slice(prefix.length)}`)
  })
  return entries
}

/** Re-exported for the layer: lines under scan as NumberedLine. */
export type { NumberedLine }
