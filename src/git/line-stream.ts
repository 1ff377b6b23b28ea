/**
 * Splits streamed git output into lines without ever holding more than one
 * line (cut at a fixed length) in memory. Lines come out as latin1 strings:
 * one character per byte, so paths that are not UTF-8 survive unchanged.
 */
/** Longest part of one line kept while splitting (longer lines are cut and end in NUL). */
const MAX_LINE_BYTES = 8192

/** Returns a chunk consumer that calls `onLine` per LF-terminated line, and a `end()` for the last partial line. */
export function lineSplitter(onLine: (line: string) => void): { push: (chunk: Buffer) => void; end: () => void } {
  let parts: Buffer[] = []
  let size = 0
  let cut = false
  const emit = () => {
    const text = Buffer.concat(parts).toString('latin1')
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
        if (nl < 0) {
          if (!cut) keep(chunk.subarray(at))
          return
        }
        if (!cut) keep(chunk.subarray(at, nl))
        emit()
        at = nl + 1
      }
    },
    end() {
      if (size > 0 || cut) emit()
    }
  }
}
