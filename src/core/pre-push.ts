/**
 * git's pre-push hook input (githooks(5)): one line per pushed ref,
 * `<local ref> SP <local oid> SP <remote ref> SP <remote oid> LF`. Pure
 * parsing; the CLI decides the ranges with git.
 */

/** What a pushed ref asks guard to do. */
export type PushUpdate =
  | { readonly kind: 'delete'; readonly remoteRef: string }
  | { readonly kind: 'create'; readonly localRef: string; readonly localOid: string; readonly remoteRef: string }
  | {
      readonly kind: 'update'
      readonly localRef: string
      readonly localOid: string
      readonly remoteRef: string
      readonly remoteOid: string
    }

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
const ZERO = /^0+$/

/** Parses the hook's stdin; throws on a line that is not four fields with object ids (SHA-1 or SHA-256). */
export function parsePrePushInput(text: string): PushUpdate[] {
  const updates: PushUpdate[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') continue
    const fields = line.split(' ')
    if (fields.length !== 4 || !OID.test(fields[1]!) || !OID.test(fields[3]!)) {
      throw new Error(`unexpected pre-push input line '${line}': expected '<local ref> <local oid> <remote ref> <remote oid>'`)
    }
    const [localRef, localOid, remoteRef, remoteOid] = fields as [string, string, string, string]
    if (ZERO.test(localOid)) updates.push({ kind: 'delete', remoteRef })
    else if (ZERO.test(remoteOid)) updates.push({ kind: 'create', localRef, localOid, remoteRef })
    else updates.push({ kind: 'update', localRef, localOid, remoteRef, remoteOid })
  }
  return updates
}

/** `refs/heads/x` -> `x`; other refs (tags, notes) have no branch name. */
export function branchOfPushedRef(ref: string): string | null {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
}
