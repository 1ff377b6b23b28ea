/**
 * `purple install-hook`: writes a pre-push hook that runs `purple guard
 * --pre-push`. An existing hook that Purple did not write is never replaced
 * silently: without --force it is left alone and the command fails saying how
 * to chain it; with --force it is kept as `pre-push.purple-backup`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createGit } from '../git/git.js'
import { topLevel } from '../git/revisions.js'
import type { CliIo } from './guard-command.js'

/** Marks a hook as Purple's own, so a re-install may update it. */
export const HOOK_SIGNATURE = '# purple pre-push hook'

/** The one line the hook prints when it finds no Purple to run; the push then goes on. */
export const HOOK_MISSING_WARNING =
  'purple: pre-push check skipped: Purple is not installed here (npm install --save-dev @purple-actions/cli); the push goes on.'

/** A POSIX shell single-quoted word. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * The hook script. It looks Purple up at push time, because the CLI that installed
 * it may be gone by then (an npx cache cleaned, node_modules reinstalled): this
 * project's node_modules/.bin, then PATH, then the installing CLI if it still exists.
 * When none can run it warns in one line and lets the push proceed: a missing tool
 * never blocks a push (see docs/decisions.md, "The pre-push hook never blocks on a missing Purple").
 */
export function hookScript(cliPath: string): string {
  return [
    '#!/bin/sh',
    `${HOOK_SIGNATURE} (written by 'purple install-hook'; remove this file to uninstall).`,
    '# Blocks a push that adds conflict markers or merges a branch the policy does not allow.',
    '# Purple is looked up at every push; when it cannot be found the push goes on with a warning.',
    `installed=${shellQuote(cliPath)}`,
    'if command -v node >/dev/null 2>&1; then',
    '  top=$(git rev-parse --show-toplevel 2>/dev/null)',
    '  if [ -n "$top" ] && [ -x "$top/node_modules/.bin/purple" ]; then',
    '    exec "$top/node_modules/.bin/purple" guard --pre-push "$@"',
    '  fi',
    '  if command -v purple >/dev/null 2>&1; then',
    '    exec purple guard --pre-push "$@"',
    '  fi',
    '  if [ -f "$installed" ]; then',
    '    exec node "$installed" guard --pre-push "$@"',
    '  fi',
    'fi',
    `echo ${shellQuote(HOOK_MISSING_WARNING)} >&2`,
    'exit 0',
    ''
  ].join('\n')
}

/** Installs the hook in the repository of io.cwd (honouring core.hooksPath). Returns the exit code. */
export async function installHookCommand(force: boolean, cliPath: string, io: CliIo): Promise<number> {
  // From the top level: a relative core.hooksPath is relative to it, as is git's answer for .git/hooks.
  const top = await topLevel(createGit(io.cwd))
  const hooksDir = resolve(top, (await createGit(top).run(['rev-parse', '--git-path', 'hooks'])).stdout.trim())
  const hook = join(hooksDir, 'pre-push')
  const script = hookScript(cliPath)
  mkdirSync(hooksDir, { recursive: true })
  if (existsSync(hook)) {
    const current = readFileSync(hook, 'utf8')
    if (current === script) {
      io.stdout(`purple: the pre-push hook at ${hook} is already installed\n`)
      return 0
    }
    if (!current.includes(HOOK_SIGNATURE)) {
      if (!force) {
        io.stderr(
          `purple: ${hook} already exists and was not written by purple; left it unchanged.\n` +
            `  Re-run with --force to replace it (the old hook is kept as pre-push.purple-backup),\n` +
            `  or add this line to your hook: if [ -x node_modules/.bin/purple ]; then node_modules/.bin/purple guard --pre-push "$@" || exit 1; fi\n`
        )
        return 1
      }
      const backup = `${hook}.purple-backup`
      renameSync(hook, backup)
      io.stdout(`purple: moved the existing pre-push hook to ${backup}\n`)
    } else {
      io.stdout(`purple: updating purple's pre-push hook at ${hook}\n`)
    }
  }
  writeFileSync(hook, script)
  chmodSync(hook, 0o755)
  io.stdout(`purple: installed the pre-push hook at ${hook}\n`)
  return 0
}
