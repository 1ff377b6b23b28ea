/**
 * The `purple` command line: a table of commands, each with its help text and
 * a runner. It shares each action's layers; only the printing differs.
 * To add a command, add one entry to COMMANDS.
 */
import { parseArgs } from 'node:util'
import { parseGlobList } from '../core/path-globs.js'
import { parseSourceList } from '../core/merge-policy.js'
import { parsePolicyPath, parseScope } from '../guard/options.js'
import { describeError } from '../core/describe-error.js'
import { guardCommand, prePushCommand, type CliIo } from './guard-command.js'
import { EXIT_CODE_HELP, EXIT_CODES, UsageError } from './exit-codes.js'
import { jsonDocument } from './json-document.js'
import { PURPLE_VERSION } from './version.js'

/** A command's help text and runner, loaded when the command is called. */
export interface LoadedCommand {
  /** The whole text of `purple <name> --help`. */
  readonly help: string
  /** Runs it; returns the exit code. Throws UsageError for a bad call. */
  readonly run: (args: readonly string[], io: CliIo, context: { readonly cliPath: string }) => Promise<number>
}

/** One `purple` command. */
export interface CliCommand {
  readonly name: string
  /** One line for `purple --help`. */
  readonly summary: string
  /**
   * Loads the command. Every command but guard is a dynamic import, bundled as
   * its own chunk: `purple guard` (a git hook people wait for) never loads the
   * GitHub client and its HTTP stack. See docs/decisions.md, "The CLI loads each command on demand".
   */
  readonly load: () => Promise<LoadedCommand>
}

const GUARD_HELP = `Usage: purple guard [options]
       purple guard --pre-push [remote] [url]   (as git's pre-push hook; reads refs on stdin)

Checks committed commits for conflict markers and disallowed merges.
Default range: from the merge base with the remote default branch (else the
upstream) to HEAD; with neither, the whole tree at HEAD.

Options:
  --base <rev>            Base of the range (branch, tag or sha).
  --head <rev>            Head of the range (default HEAD).
  --scope changed|tree    changed: lines added in the range (default); tree: every file at head.
  --exclude <glob>        Path glob never scanned (repeatable).
  --policy-file <path>    Merge-source policy, read from the base commit
                          (default .github/purple-policy.json).
  --allowed-sources <b>   Extra allowed merge sources, comma separated (repeatable).
  --no-fail-safe          Exit 2 when guard itself fails (default: warn and exit 0).
  --json                  Print one purple/v1 document with the whole result.

Exit codes: 0 pass (or a guard error under fail-safe), 1 findings, 2 usage or guard error.
`

const INSTALL_HOOK_HELP = `Usage: purple install-hook [--force]

Installs the pre-push hook in this repository, which runs purple guard --pre-push.
Never replaces another hook unless --force; the old one is then kept as a backup.
`

/** An input error from the shared parsers names the action input; on the command line, name the flag. */
function asFlag<T>(parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    throw new UsageError(describeError(e).replace(/^Input '--/, "option '--"), 'guard')
  }
}

async function runGuard(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
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
      json: { type: 'boolean' }
    }
  })
  const json = values.json ?? false
  const options = {
    base: values.base ?? '',
    head: values.head ?? '',
    scope: asFlag(() => parseScope(values.scope ?? 'changed', '--scope')),
    exclude: (values.exclude ?? []).flatMap(parseGlobList),
    policyFile: asFlag(() => parsePolicyPath(values['policy-file'] ?? '', '--policy-file')),
    policyFileExplicit: values['policy-file'] !== undefined,
    allowedSources: (values['allowed-sources'] ?? []).flatMap(parseSourceList),
    failSafe: !values['no-fail-safe'],
    json
  }
  if (!values['pre-push'] && positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}': use --base and --head for a range`, 'guard')
  }
  // guard prints its result object; --json wraps it in the purple/v1 document.
  let printed = ''
  const guardIo: CliIo = json ? { ...io, stdout: (text) => (printed += text) } : io
  const code = values['pre-push'] ? await prePushCommand(options, positionals[0], guardIo) : await guardCommand(options, guardIo)
  if (json) io.stdout(jsonDocument('guard', { 'exit-code': code, ...(JSON.parse(printed) as Record<string, unknown>) }))
  return code
}

/** Every command, in the order `purple --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  {
    name: 'guard',
    summary: "Check commits for conflict markers and disallowed merges; guard --pre-push as git's hook.",
    load: async () => ({ help: GUARD_HELP, run: runGuard })
  },
  {
    name: 'install-hook',
    summary: 'Install the pre-push hook that runs purple guard.',
    load: async () => {
      const { installHookCommand } = await import('./install-hook.js')
      return {
        help: INSTALL_HOOK_HELP,
        run: async (args, io, context) => {
          const { values } = parseArgs({ args: [...args], options: { force: { type: 'boolean' } } })
          return await installHookCommand(values.force ?? false, context.cliPath, io)
        }
      }
    }
  },
  {
    name: 'retry',
    summary: 'Run a command; retry it when its output shows a transient failure.',
    load: async () => {
      const { retryCommand, RETRY_HELP } = await import('./retry-command.js')
      return { help: RETRY_HELP, run: retryCommand }
    }
  },
  {
    name: 'classify',
    summary: "Read a failure's output on stdin; print its class, rule and line.",
    load: async () => {
      const { classifyCommand, CLASSIFY_HELP } = await import('./classify-command.js')
      return { help: CLASSIFY_HELP, run: classifyCommand }
    }
  },
  {
    name: 'wait-ci',
    summary: "Wait until a pull request's required checks are green on its head; print the verified sha.",
    load: async () => {
      const { waitCiCommand, WAIT_CI_HELP } = await import('./wait-ci-command.js')
      return { help: WAIT_CI_HELP, run: (args, io) => waitCiCommand(args, io) }
    }
  },
  {
    name: 'merge',
    summary: 'Merge a pull request at the verified sha, retrying while checks are still expected.',
    load: async () => {
      const { mergeCommand, MERGE_HELP } = await import('./merge-command.js')
      return { help: MERGE_HELP, run: (args, io) => mergeCommand(args, io) }
    }
  },
  {
    name: 'why',
    summary: 'Say what stands between a pull request and a merge, and who can clear it.',
    load: async () => {
      const { whyCommand, WHY_USAGE } = await import('./why-command.js')
      return { help: WHY_USAGE, run: (args, io) => whyCommand(args, io) }
    }
  }
]

export const USAGE = `Usage: purple <command> [options]
       purple <command> --help | purple --version

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

${EXIT_CODE_HELP}`

function isParseArgsError(e: unknown): boolean {
  // Duck-typed: an error from node:util may come from another realm (a test VM) and fail instanceof.
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

/** Runs the CLI; returns the process exit code. `cliPath` is the script the hook should call. */
export async function main(argv: readonly string[], io: CliIo, cliPath: string): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-V') {
    io.stdout(`${PURPLE_VERSION}\n`)
    return EXIT_CODES.success
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(USAGE)
    return EXIT_CODES.success
  }
  if (name === undefined) {
    io.stderr(USAGE)
    return EXIT_CODES.usage
  }
  const commandName = name === 'help' ? (rest[0] ?? '') : name
  const command = COMMANDS.find((c) => c.name === commandName)
  if (command === undefined) {
    io.stderr(`purple: unknown command '${commandName}': expected one of ${COMMANDS.map((c) => `'${c.name}'`).join(', ')} (see purple --help)\n`)
    return EXIT_CODES.usage
  }
  // `--help` anywhere before a retry's `--` asks for help, never runs the command.
  const own = command.name === 'retry' && rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest
  let loaded: LoadedCommand
  try {
    loaded = await command.load()
  } catch (e) {
    // A command's code is a file beside the CLI's (dist/cli/<n>.index.js): a partial copy or install lacks it.
    // Node's "Cannot find module" message goes on with a require stack: its first line says it.
    const reason = describeError(e).split('\n')[0]
    io.stderr(`purple ${command.name}: could not load the command (${reason}): the installed CLI is incomplete, reinstall it\n`)
    if (own.includes('--json')) io.stdout(jsonDocument(command.name, { 'exit-code': EXIT_CODES.failure, error: 'could not load the command' }))
    return EXIT_CODES.failure
  }
  if (name === 'help' || own.includes('--help') || own.includes('-h')) {
    io.stdout(loaded.help)
    return EXIT_CODES.success
  }
  try {
    return await loaded.run(rest, io, { cliPath })
  } catch (e) {
    const usage = e instanceof UsageError || isParseArgsError(e)
    const message = typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as Error).message : describeError(e)
    const code = usage ? EXIT_CODES.usage : EXIT_CODES.failure
    io.stderr(`purple ${command.name}: ${message}${usage ? ` (see purple ${command.name} --help)` : ''}\n`)
    // --json promises one document on stdout whatever happens.
    if (own.includes('--json')) io.stdout(jsonDocument(command.name, { 'exit-code': code, error: message }))
    return code
  }
}
