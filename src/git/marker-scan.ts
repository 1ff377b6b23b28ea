/**
 * Reads what guard's marker layer needs from committed objects only (issue 2:
 * "never the working tree: what is committed is what ships"): candidate lines
 * of a tree (`git grep` on a commit), lines added by a range (`git diff`), and
 * each path's `conflict-marker-size` attribute at the scanned commit.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Git } from './git.js'
import type { NumberedLine } from '../core/markers.js'
import { addedLines } from '../core/unified-diff.js'

/** `:(literal)` pathspecs so a path with `*`, `:` or a leading '-' is only ever a path. */
function literal(paths: readonly string[]): string[] {
  return paths.map((p) => `:(literal)${p}`)
}

/** Groups paths so no argv grows past what an OS accepts. */
function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * Lines of the tree at `commit` matching an ERE, per path (`git grep -z`, any
 * path). Binary blobs are skipped (-I). Exit 1 is "no match"; anything else,
 * 128 included, is an error, never "clean".
 */
export async function grepCommit(
  git: Git,
  commit: string,
  ere: string,
  paths?: readonly string[]
): Promise<Map<string, NumberedLine[]>> {
  const result = new Map<string, NumberedLine[]>()
  const groups = paths === undefined ? [undefined] : chunks(paths)
  for (const group of groups) {
    if (group !== undefined && group.length === 0) continue
    // `commit` is a resolved full oid: git 2.39 rejects `--end-of-options` before grep's revisions.
    const args = ['grep', '--no-color', '--no-column', '-I', '-n', '-z', '-E', '-e', ere, commit, '--', ...(group ? literal(group) : [])]
    const r = await git.run(args, { okExitCodes: [0, 1] })
    if (r.exitCode === 1) continue
    parseGrepZ(r.stdout, `${commit}:`, result)
  }
  return result
}

/** Parses `<commit>:<path>\0<line>\0<text>\n` records of `git grep -z -n`. */
function parseGrepZ(out: string, prefix: string, into: Map<string, NumberedLine[]>): void {
  let at = 0
  while (at < out.length) {
    const pathEnd = out.indexOf('\0', at)
    if (pathEnd < 0) break
    const lineEnd = out.indexOf('\0', pathEnd + 1)
    if (lineEnd < 0) break
    let textEnd = out.indexOf('\n', lineEnd + 1)
    if (textEnd < 0) textEnd = out.length
    let path = out.slice(at, pathEnd)
    if (path.startsWith(prefix)) path = path.slice(prefix.length)
    const list = into.get(path) ?? []
    list.push({ line: Number(out.slice(pathEnd + 1, lineEnd)), text: out.slice(lineEnd + 1, textEnd) })
    into.set(path, list)
    at = textEnd + 1
  }
}

/**
 * Lines added from `from` to `to`, per path, that `keep` accepts. Renames are
 * followed so a moved file is not "all added"; binary files show no lines.
 */
export async function addedLinesBetween(
  git: Git,
  from: string,
  to: string,
  keep: (text: string) => boolean
): Promise<Map<string, NumberedLine[]>> {
  const r = await git.run([
    '-c',
    'core.quotePath=true',
    'diff',
    '-U0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-relative',
    '--find-renames',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--end-of-options',
    from,
    to,
    '--'
  ])
  return addedLines(r.stdout, keep, 'b/')
}

/**
 * The `conflict-marker-size` attribute of each path as it is at `commit`.
 * `git check-attr --source` needs git 2.40; on 2.39 the attributes of a commit
 * are read from a temporary index holding that commit's `.gitattributes`
 * files (`update-index --index-info`, then `check-attr --cached`), which works
 * on every git version. Only the attribute files go in: a `read-tree` of an
 * 80,000-file tree took 450 ms in bench/guard.mjs, this takes about 40.
 */
export async function markerSizeAttributes(git: Git, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  const values = new Map<string, string>()
  if (paths.length === 0) return values
  const listing = await git.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit])
  const attributeFiles = listing.stdout
    .split('\0')
    .filter((entry) => entry.endsWith('\t.gitattributes') || entry.endsWith('/.gitattributes'))
  const dir = mkdtempSync(join(tmpdir(), 'purple-attr-'))
  const env = { GIT_INDEX_FILE: join(dir, 'index') }
  try {
    if (attributeFiles.length > 0) {
      // ls-tree's "<mode> blob <oid>\t<path>" is a line update-index --index-info accepts as is.
      await git.run(['update-index', '-z', '--index-info'], { env, input: attributeFiles.map((e) => `${e}\0`).join('') })
    }
    const r = await git.run(['check-attr', '--cached', '-z', '--stdin', 'conflict-marker-size'], {
      env,
      input: paths.map((p) => `${p}\0`).join('')
    })
    const fields = r.stdout.split('\0')
    for (let i = 0; i + 2 < fields.length; i += 3) values.set(fields[i]!, fields[i + 2]!)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return values
}
