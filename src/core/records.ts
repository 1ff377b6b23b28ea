/**
 * Reading JSON of unknown shape (GitHub answers, event payloads, rule files):
 * the one test for "an object whose fields may be read".
 */

/** Is `value` a JSON object, i.e. neither null nor an array nor a primitive? */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` when it is a JSON object, else undefined (for `?.` chains over a payload). */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined
}
