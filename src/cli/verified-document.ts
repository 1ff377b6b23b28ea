/**
 * The sha a `purple wait-ci --json` document verified, for `purple merge --verified FILE`:
 * an orchestrator hands merge the wait's own answer instead of copying a sha out of it,
 * and a wait that did not succeed can never be merged from.
 */
import { isRecord } from '../core/records.js'

/** The verified sha of a wait-ci document, or an error message saying what is wrong with it. */
export function verifiedSha(text: string): { sha: string } | { error: string } {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { error: 'it is not JSON: write the document `purple wait-ci --json` printed' }
  }
  if (!isRecord(doc) || doc['schema'] !== 'purple/v1' || doc['command'] !== 'wait-ci') {
    return { error: 'it is not a purple/v1 document of `purple wait-ci --json`' }
  }
  if (doc['conclusion'] !== 'success') {
    return { error: `the wait it records did not succeed (conclusion '${String(doc['conclusion'])}'): nothing it names is verified` }
  }
  const sha = doc['sha']
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) return { error: 'it names no full commit sha' }
  return { sha }
}
