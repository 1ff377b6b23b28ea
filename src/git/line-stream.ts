/**
 * Splits streamed git output into lines without ever holding more than one
 * line (cut at a fixed length) in memory. Lines come out as latin1 strings:
 * one character per byte, so paths that are not UTF-8 survive unchanged.
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
  let parts: Buffer[] = []
  let size = 0
  let cut = false
  // The wanted-or-not answer for a line whose start came in an earlier chunk.
  let pendingWant: boolean | null = null
  const emit = () => {
    const text = parts.length === 1 ? parts[0]!.toString('latin1') : Buffer.concat(parts).toString('latin1')
    // A cut line ends in NUL, which no marker rule accepts (consumers then shorten it with markerPrefix).
    onLine(cut ? `${text}\u0000` : text)
    parts = []
    size = 0
    cut = false
  }
  const keep = (piece: Buffer) => {
    if (size + piece.length > MAX_LINE_BYTES) {
      piece = piece.subarray(0, MAX_LINE_BYTES - size)
      cut = true
    }
    if (piece.length > 0) parts.push(piece)
    size += piece.length
  }
  return {
    push(chunk) {
      let at = 0
      while (at < chunk.length) {
        const nl = chunk.indexOf(10, at)
        const starting = size === 0 && !cut && pendingWant === null
        let wanted = true
        if (filter) {
          wanted = starting ? filter.want(nl === at ? -1 : chunk[at]!) : (pendingWant ?? true)
        }
        if (nl < 0) {
          if (!wanted) pendingWant = false
          else if (!cut) keep(chunk.subarray(at))
          if (wanted && filter) pendingWant = true
          return
        }
        if (!wanted) {
          filter!.skipped()
        } else if (starting && nl - at <= MAX_LINE_BYTES) {
          // The whole line is in this chunk: decode it in place, no copy.
          onLine(chunk.toString('latin1', at, nl))
        } else {
          if (!cut) keep(chunk.subarray(at, nl))
          emit()
        }
        pendingWant = null
        at = nl + 1
      }
    },
    end() {
      if (pendingWant === false) filter!.skipped()
      else if (size > 0 || cut) emit()
      pendingWant = null
    }
  }
}
