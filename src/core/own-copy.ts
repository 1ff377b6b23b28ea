/**
 * Text that is kept, as a string of its own. The line splitter decodes each
 * chunk of git's output once and hands out slices of it; V8 keeps a slice's
 * whole parent string alive, so a few kept lines (or paths) from a huge diff
 * would hold most of its chunks in memory. Concatenating flattens the text
 * into a new string; the slice then refers to that copy, not to the chunk.
 */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1)
}
