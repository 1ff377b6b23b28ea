/**
 * Secrets known to the process, and their removal from text that leaves it
 * through a channel the runner does not mask. The runner masks the log and the
 * summary (core.setSecret), never GITHUB_OUTPUT, and an error body can echo a
 * token back: see docs/decisions.md, "Outputs never carry a secret".
 */

const known = new Set<string>()

/** Remembers a secret (and each of its lines of 8+ characters) for `redactSecrets`. */
export function rememberSecret(secret: string): void {
  if (secret.trim().length < 4) return
  known.add(secret)
  for (const line of secret.split(/\r?\n/)) {
    const part = line.trim()
    if (part.length >= 8 && !part.startsWith('-----')) known.add(part)
  }
}

/** The text with every remembered secret replaced by `***`, longest first. */
export function redactSecrets(text: string): string {
  if (known.size === 0 || text === '') return text
  let out = text
  for (const secret of [...known].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***')
  return out
}
