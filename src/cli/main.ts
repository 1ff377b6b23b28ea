/**
 * The `purple` command line: `guard`, `guard --pre-push`, `install-hook`.
 * It shares guard's layers with the action; only the printing differs.
 */
import { parseArgs } from 'node:util'
import { parseGlobList } from '../core/path-globs.js'
import { parseSourceList } from '../core/merge-policy.js'
import { parsePolicyPath, parseScope } from '../guard/options.js'
import { describeError } from '../core/describe-error.js'
import { guardCommand, prePushCommand, type CliIo } from './guard-command.js'
import { installHookCommand } from './install-hook.js'

export const USAGE = `Usage: purple <command> [options]

Commands:
  guard                 Check committed commits for conflict markers and disallowed merges.
                        Default range: from the merge base with the remote default branch
                        (else the upstream) to HEAD; with neither, the whole tree at HEAD.
  guard --pre-push      Run as git's pre-push hook: reads the pushed refs from stdin.
  install-hook          Install the pre-push hook in this repository (never replaces
                        another hook unless --force; the old one is kept as a backup).

guard options:
  --base <rev>            Base of the range (branch, tag or sha).
  --head <rev>            Head of the range (default HEAD).
  --scope changed|tree    changed: lines added in the range (default); tree: every file at head.
  --exclude <glob>        Path glob never scanned (repeatable).
  --policy-file <path>    Merge-source policy, read from the base commit
                          (default .github/purple-policy.json).
  --allowed-sources <b>   Extra allowed merge sources, comma separated (repeatable).
  --no-fail-safe          Exit 2 when guard itself fails (default: warn and exit 0).
  --json                  Print the whole result as JSON instead of one line per finding.

Exit codes: 0 pass (or a guard error under fail-safe), 1 findings, 2 usage or guard error.
`

/** Runs the CLI; returns the process exit code. `cliPath` is the script the hook should call. */
export async function main(argv: readonly string[], io: CliIo, cliPath: string): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE)
    return command === undefined ? 2 : 0
  }
  try {
    if (command === 'guard') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        options: {
          base: { type: 'string' },
          head: { type: 'string' },
          scope: { type: 'string' },
          exclude: { type: 'string', multiple: true },
          'policy-file': { type: 'string' },
          'allowed-sources': { type: 'string', multiple: true },
          'no-fail-safe': { type: 'boolean' },
          'pre-push': { type: 'boolean' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' }
        }
      })
      if (values.help) {
        io.stdout(USAGE)
        return 0
      }
      const options = {
        base: values.base ?? '',
        head: values.head ?? '',
        scope: parseScope(values.scope ?? 'changed'),
        exclude: (values.exclude ?? []).flatMap(parseGlobList),
        policyFile: parsePolicyPath(values['policy-file'] ?? ''),
        policyFileExplicit: values['policy-file'] !== undefined,
        allowedSources: (values['allowed-sources'] ?? []).flatMap(parseSourceList),
        failSafe: !values['no-fail-safe'],
        json: values.json ?? false
      }
      if (values['pre-push']) return await prePushCommand(options, positionals[0], io)
      if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}': use --base and --head for a range`)
      return await guardCommand(options, io)
    }
    if (command === 'install-hook') {
      const { values } = parseArgs({ args: [...rest], options: { force: { type: 'boolean' } } })
      return await installHookCommand(values.force ?? false, cliPath, io)
    }
    throw new Error(`unknown command '${command}': expected 'guard' or 'install-hook' (see purple --help)`)
  } catch (e) {
    io.stderr(`purple: ${describeError(e).replace(/^input /, '')}\n`)
    return 2
  }
}
