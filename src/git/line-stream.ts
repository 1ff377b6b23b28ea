/**
 * Splits streamed git output into lines without ever holding more than one
 * line (cut at a fixed length) in memory. Lines come out as latin1 strings:
 * one character per byte, so paths that are not UTF-8 survive unchanged.
 * Each chunk is decoded once and its lines are slices of that string: a
 * decode per line cost more than the line's own work on a large diff. A slice
 * holds its whole chunk alive: what a consumer keeps goes through ownCopy
 * (src/core/own-copy.ts; markerPrefix does it for kept lines).
 */
/** Longest part of one line kept while splitting (longer lines are cut and end in NUL). */
const MAX_LINE_BYTES = 8192

/** Lets a consumer pass over lines it does not need without decoding them (e.g. blob lines that are neither a neighbour nor a candidate). */
export interface LineFilter {
  /** Whether the next line is wanted, from its first byte (-1 for an empty line). */
  want(firstByte: number): boolean
  /** Called instead of onLine for a line that was not wanted. */
  skipped(): void
}

/** Returns a chunk consumer that calls `onLine` per LF-terminated line, and a `end()` for the last partial line. */
export function lineSplitter(onLine: (line: string) => void, filter?: LineFilter): { push: (chunk: Buffer) => void; end: () => void } {
  // A line whose start came in an earlier chunk: whether it is wanted, and its kept start.
  let open = false
  let openWanted = true
  let rest = ''
  let cut = false
  const finishOpen = () => {
    if (!openWanted) filter!.skipped()
    // A cut line ends in NUL, which no marker rule accepts (consumers then shorten it with markerPrefix).
    else onLine(cut ? `${rest}\u0000` : rest)
    open = false
    rest = ''
    cut = false
  }
  const extend = (piece: string) => {
    if (cut) return
    const room = MAX_LINE_BYTES - rest.length
    if (piece.length > room) {
      rest += piece.slice(0, room)
      cut = true
    } else rest += piece
  }
  return {
    push(chunk) {
      const text = chunk.toString('latin1')
      const n = text.length
      let at = 0
      if (open && n > 0) {
        const nl = text.indexOf('\n')
        if (openWanted) extend(nl < 0 ? text : text.slice(0, nl))
        if (nl < 0) return
        finishOpen()
        at = nl + 1
      }
      while (at < n) {
        const nl = text.indexOf('\n', at)
        const wanted = filter === undefined || filter.want(nl === at ? -1 : text.charCodeAt(at))
        if (nl < 0) {
          open = true
          openWanted = wanted
          if (wanted) extend(text.slice(at))
          return
        }
        if (!wanted) filter!.skipped()
        else if (nl - at <= MAX_LINE_BYTES) onLine(text.slice(at, nl))
        else onLine(`${text.slice(at, at + MAX_LINE_BYTES)}\u0000`)
        at = nl + 1
      }
    },
    end() {
      if (open) finishOpen()
    }
  }
}
