/**
 * Reads the lines a unified diff adds (scope `changed` of guard, issue 2).
 * Pure: the shell runs `git diff -U0 --src-prefix=a/ --dst-prefix=b/` with
 * quotePath on and hands the text here.
 */
import type { NumberedLine } from './markers.js'

/** Undoes git's C-style path quoting ("a\tb", "\303\251") into the UTF-8 path. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text
  const body = text.slice(1, -1)
  const bytes: number[] = []
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 }
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\') {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b)
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Path from a `+++ b/<path>` header, or null for `/dev/null`. */
function newPath(header: string, dstPrefix: string): string | null {
  let name = header.slice(4)
  if (name === '/dev/null') return null
  // git appends a TAB after a name that contains a space (diff.c), so patch(1) can find its end.
  if (name.endsWith('\t')) name = name.slice(0, -1)
  name = unquoteGitPath(name)
  return name.startsWith(dstPrefix) ? name.slice(dstPrefix.length) : name
}

/**
 * Added lines per path (new-file line numbers) of a `-U0`-style diff, keeping
 * only the lines `keep` accepts. Hunk bodies are consumed by their counts, so
 * an added line that reads "+++ x" is content, never a header.
 */
export function addedLines(
  diff: string,
  keep: (text: string) => boolean,
  dstPrefix = 'b/'
): Map<string, NumberedLine[]> {
  const result = new Map<string, NumberedLine[]>()
  const lines = diff.split('\n')
  let path: string | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.startsWith('diff --git ')) {
      path = null
      continue
    }
    if (line.startsWith('+++ ')) {
      path = newPath(line, dstPrefix)
      continue
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (!hunk) continue
    let oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1])
    let newLeft = hunk[3] === undefined ? 1 : Number(hunk[3])
    let lineNo = Number(hunk[2])
    while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
      const body = lines[++i]!
      const tag = body[0]
      if (tag === '\\') continue // "\ No newline at end of file"
      if (tag === '-') {
        oldLeft--
      } else if (tag === '+') {
        const text = body.slice(1)
        if (path !== null && keep(text)) {
          const list = result.get(path) ?? []
          list.push({ line: lineNo, text })
          result.set(path, list)
        }
        lineNo++
        newLeft--
      } else {
        oldLeft--
        newLeft--
        lineNo++
      }
    }
  }
  return result
}
