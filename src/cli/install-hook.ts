/**
 * `purple install-hook`: writes a pre-push hook that runs `purple guard
 * --pre-push`. An existing hook that Purple did not write is never replaced
 * silently (issue 2): without --force it is left alone and the command fails
 * saying how to chain it; with --force it is kept as `pre-push.purple-backup`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createGit } from '../git/git.js'
import { topLevel } from '../git/revisions.js'
import type { CliIo } from './guard-command.js'

/** Marks a hook as Purple's own, so a re-install may update it. */
export const HOOK_SIGNATURE = '# purple pre-push hook'

/** The hook script: runs this installation's CLI with git's arguments and stdin. */
export function hookScript(cliPath: string): string {
  const quoted = `'${cliPath.replace(/'/g, `'\\''`)}'`
  return [
    '#!/bin/sh',
    `${HOOK_SIGNATURE} (written by 'purple install-hook'; remove this file to uninstall).`,
    '# Blocks a push that adds conflict markers or merges a branch the policy does not allow.',
    `exec node ${quoted} guard --pre-push "$@"`,
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
            `  or add this line to your hook: node ${JSON.stringify(cliPath)} guard --pre-push "$@" || exit 1\n`
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
