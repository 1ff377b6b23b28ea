/**
 * Reads what guard's marker layer needs from committed objects only (never
 * the working tree: what is committed is what ships): candidate lines of a
 * tree with their neighbours (`git grep` on a commit), lines added by a range
 * (`git diff`, streamed), blobs by object id (`git cat-file --batch`), and
 * each path's `conflict-marker-size` attribute at the scanned commit. Paths
 * travel as bytes (latin1 strings) and reach git through stdin, never argv.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { GitCommandError, type Git } from './git.js'
import { lineSplitter } from './line-stream.js'
import { markerPrefix, type NumberedLine } from '../core/markers.js'
import { AddedLineReader, displayPath, type DiffFile } from '../core/unified-diff.js'
import { ownCopy } from '../core/own-copy.js'

/** The lines git printed for one file: the ones `keep` accepts, and the others (the lines before them) by number. */
export interface PrintedFile {
  readonly lines: NumberedLine[]
  readonly known: Map<number, string>
}

/** What a tree search found, and the files git could not read (by name). */
export interface TreeScan {
  /** Path bytes (latin1) -> printed lines. */
  readonly files: Map<string, PrintedFile>
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
export async function grepTree(
  git: Git,
  commit: string,
  ere: string,
  threads: number | null,
  keep: (text: string) => boolean,
  worthKeeping: (file: PrintedFile) => boolean = () => true
): Promise<TreeScan> {
  try {
    return await grepWholeTree(git, commit, ere, threads, keep, worthKeeping)
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
  const files = new Map<string, PrintedFile>()
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
      const path = blobs[index]!.path
      const file = files.get(path) ?? { lines: [], known: new Map<number, string>() }
      file.lines.push({ line, text: markerPrefix(text) })
      files.set(path, file)
    }
  )
  for (const i of binary) files.delete(blobs[i]!.path)
  return { files, unreadable: unreadable.map((i) => displayPath(blobs[i]!.path)) }
}

async function grepWholeTree(
  git: Git,
  commit: string,
  ere: string,
  threads: number | null,
  keep: (text: string) => boolean,
  worthKeeping: (file: PrintedFile) => boolean
): Promise<TreeScan> {
  const files = new Map<string, PrintedFile>()
  const prefix = `${commit}:`
  let file: PrintedFile | null = null
  let path = ''
  // A file is judged as soon as its lines are all in: the many that cannot matter are not kept (nor collected later).
  const done = () => {
    if (file !== null && worthKeeping(file)) files.set(path, file)
  }
  // With --heading git prints "<commit>:<path>" once above a file's lines ("<number>\0<text>"), and "--" between
  // groups: a line without a NUL is a separator or a piece of a heading (a path with a newline comes in pieces).
  let pieces: string[] = []
  const split = lineSplitter((line) => {
    const nul = line.indexOf('\0')
    if (nul < 0) return void pieces.push(line)
    if (pieces.length > 0) {
      // The heading starts at the first piece naming the commit ("--" never does); later pieces are the path's.
      const start = pieces.findIndex((p) => p.startsWith(prefix))
      if (start >= 0) {
        done()
        path = ownCopy(pieces.slice(start).join('\n').slice(prefix.length))
        file = { lines: [], known: new Map<number, string>() }
      }
      pieces = []
    }
    if (file === null) throw new Error(`unexpected 'git grep' output before any file name: '${line.slice(0, 80)}'`)
    const number = Number(line.slice(0, nul))
    const text = markerPrefix(line.slice(nul + 1))
    if (keep(text)) file.lines.push({ line: number, text })
    else file.known.set(number, text)
  })
  // `commit` is a resolved full oid: git 2.39 rejects `--end-of-options` before grep's revisions.
  const threadArgs = threads === null ? [] : ['--threads', String(threads)]
  const args = ['grep', '--no-color', '--no-column', '--heading', ...threadArgs, '-I', '-n', '-z', '-B1', '-E', '-e', ere, commit, '--']
  const r = await git.stream(args, { okExitCodes: [0, 1], onData: split.push })
  split.end()
  done()
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
  /** The commit the lines were diffed from, when known (a diff from the merge base names none). */
  readonly from: string | null
}

/**
 * Lines added from `from` to `to` that `keep` accepts (`keepEre` is the same
 * test as a POSIX ERE, for git's -G), streamed. Renames are
 * followed so a moved file is not "all added"; binary files show no lines.
 * When git cannot produce the whole diff (an unreadable blob), each changed
 * file is read on its own, and the ones that fail are reported by name.
 *
 * With `mergeBase`, the diff starts from the merge base of `from` and `to`
 * (`from...to`, as a pull request shows it) without waiting for it: git finds
 * it inside the diff, and `mergeBase` is called only when that diff fails
 * (no merge base: the whole of from..to; else file by file from it).
 */
export async function addedLinesBetween(
  git: Git,
  from: string,
  to: string,
  keep: (text: string) => boolean,
  keepEre: string,
  maxKept: number,
  mergeBase: (() => Promise<string | null>) | null = null,
  retain: (file: DiffFile) => boolean = () => true
): Promise<AddedScan> {
  const reader = new AddedLineReader(keep, 'b/', maxKept, retain)
  const split = lineSplitter((line) => reader.line(line))
  const revisions = mergeBase === null ? [from, to] : [`${from}...${to}`]
  const diff = git.stream(
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
      ...revisions,
      '--'
    ],
    { onData: split.push }
  )
  try {
    await diff
    split.end()
    return { files: reader.result(), unreadable: [], overflowed: reader.overflowed, degraded: null, from: mergeBase === null ? from : null }
  } catch (e) {
    if (!(e instanceof GitCommandError)) throw e
    if (mergeBase !== null) {
      // No merge base (git refuses `a...b` then): the whole of `from`..`to`.
      const start = await mergeBase()
      if (start === null) return await addedLinesBetween(git, from, to, keep, keepEre, maxKept, null, retain)
      return await addedLinesFileByFile(git, start, to, keep, maxKept, retain, e)
    }
    return await addedLinesFileByFile(git, from, to, keep, maxKept, retain, e)
  }
}

/** The degraded path: one diff per changed file (by blob ids, so no path is ever an argument). */
async function addedLinesFileByFile(
  git: Git,
  from: string,
  to: string,
  keep: (text: string) => boolean,
  maxKept: number,
  retain: (file: DiffFile) => boolean,
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
    const reader = new AddedLineReader(keep, 'b/', maxKept, retain)
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
  return { files, unreadable, overflowed, degraded, from }
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
  listing: Promise<AttributeFiles> = attributeFilesAt(git, commit)
): Promise<Map<string, string>> {
  const values = new Map<string, string>()
  const attributeFiles = (await listing).entries
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

/** The `.gitattributes` files of a commit, and whether any of them can change a marker size. */
export interface AttributeFiles {
  /** One `update-index --index-info` line per file. */
  readonly entries: string[]
  /** Some file names `conflict-marker-size` (a value, an unset, a macro, even a comment): sizes other than git's default may be in use. */
  readonly namesSize: boolean
}

const SIZE_ATTRIBUTE = 'conflict-marker-size'

/**
 * The `.gitattributes` files of the tree at `commit` (a caller may start this
 * early: it depends on nothing else). `git grep -l` with a glob pathspec walks
 * only trees and reads only those files (33 ms on an 80,000-file tree where
 * `ls-tree -r` took 370); their object ids and text come from one `cat-file
 * --batch`, paths through stdin.
 */
export async function attributeFilesAt(git: Git, commit: string): Promise<AttributeFiles> {
  const found = await git.run(['grep', '-l', '-z', '--no-color', '-e', '', commit, '--', ':(glob)**/.gitattributes', '.gitattributes'], {
    okExitCodes: [0, 1],
    encoding: 'latin1'
  })
  const specs = [...new Set(found.stdout.split('\0').filter(Boolean))]
  if (specs.length === 0) return { entries: [], namesSize: false }
  const prefix = `${commit}:`
  const batch = await git.run(['cat-file', '--batch', '-z'], { input: Buffer.from(specs.map((s) => `${s}\0`).join(''), 'latin1'), encoding: 'latin1' })
  const entries: string[] = []
  let namesSize = false
  let at = 0
  for (const spec of specs) {
    // "<oid> blob <size>\n<content>\n", or "<spec> missing\n".
    const nl = batch.stdout.indexOf('\n', at)
    if (nl < 0) break
    const m = /^([0-9a-f]+) blob (\d+)$/.exec(batch.stdout.slice(at, nl))
    at = nl + 1
    if (!m) continue
    const text = batch.stdout.slice(at, at + Number(m[2]))
    at += Number(m[2]) + 1
    namesSize ||= text.includes(SIZE_ATTRIBUTE)
    if (spec.startsWith(prefix)) entries.push(`100644 ${m[1]}\t${spec.slice(prefix.length)}`)
  }
  return { entries, namesSize }
}

/**
 * True unless every attribute file git reads besides the tree's own is known
 * not to name `conflict-marker-size`: `$GIT_DIR/info/attributes`, the global
 * file (core.attributesFile, else the XDG one) and the system file
 * (as git 2.42+ names it, and `<prefix>/etc/gitattributes`, `/etc/gitattributes`
 * when the prefix is /usr). A file that does not exist names nothing; a location that cannot be
 * worked out counts as naming it (the scan then covers every size).
 */
export async function sizeNamedOutsideTree(git: Git, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  // The info file's path is known when the repository was opened: one process fewer.
  const [info, configured, execPath, system] = await Promise.all([
    git.facts?.infoAttributes ?? git.run(['rev-parse', '--git-path', 'info/attributes']).then((r) => r.stdout.trim()),
    git.run(['config', '--type=path', '--get', 'core.attributesFile'], { okExitCodes: [0, 1] }),
    git.run(['--exec-path']),
    // git 2.42 and later name their system file; older ones answer with usage (129).
    git.run(['var', 'GIT_ATTR_SYSTEM'], { okExitCodes: [0, 1, 128, 129] })
  ])
  const exec = execPath.stdout.trim().replace(/\\/g, '/')
  const prefix = /^(.*)\/(?:libexec|lib)\/git-core$/.exec(exec)?.[1]
  if (prefix === undefined) return true
  const xdg = env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'git') : env.HOME ? join(env.HOME, '.config', 'git') : null
  const global = configured.stdout.trim() || (xdg === null ? null : join(xdg, 'attributes'))
  // Windows builds keep etc/ beside the prefix's parent (mingw64/..): read both.
  const named = system.exitCode === 0 && system.stdout.trim() !== '' ? system.stdout.trim() : null
  const files = [info, global, named, `${prefix}/etc/gitattributes`, `${dirname(prefix)}/etc/gitattributes`, '/etc/gitattributes']
  return files.some((file) => file !== null && mayNameSize(resolve(git.cwd, file)))
}

/** False only for a file that does not exist or never names the attribute; one that cannot be read may. */
function mayNameSize(file: string): boolean {
  try {
    return readFileSync(file, 'latin1').includes(SIZE_ATTRIBUTE)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code !== 'ENOENT' && code !== 'ENOTDIR'
  }
}

/** The average size of the repository's objects as stored (bytes, packed and loose together), or null when it has none. */
export async function averageObjectBytes(git: Git): Promise<number | null> {
  const r = await git.run(['count-objects', '-v'])
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? 0)
  const objects = field('count') + field('in-pack')
  return objects > 0 ? ((field('size') + field('size-pack')) * 1024) / objects : null
}

/** Re-exported for the layer: lines under scan as NumberedLine. */
export type { NumberedLine }
