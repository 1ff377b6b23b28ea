/**
 * `purple classify [--exit-code N] [--rules FILE] [--json]`: reads a failure's
 * output on stdin and prints its class, the rule that decided and the line it
 * matched, for shell loops that keep their own retry loop.
 */
import { parseArgs } from 'node:util'
import { classifyText } from '../core/failure-engine.js'
import type { CliIo } from './guard-command.js'
import { integerOption, loadRules } from './cli-options.js'
import { EXIT_CODES, UsageError } from './exit-codes.js'
import { jsonDocument } from './json-document.js'

export const CLASSIFY_HELP = `Usage: purple classify [--exit-code N] [--rules FILE] [--json] < output.txt

Reads a failed command's output on stdin and prints how purple retry would see it:
  <class> <rule-id>: <matched line>
where class is transient, rate-limited, auth, permanent or unknown (no rule
matched; purple retry retries it unless --unknown fail). Exits 0 whatever the class.

Options:
  --exit-code N   The command's exit code (126 and 127 mean permanent).
  --rules FILE    Extra rules, checked before the built-in ones:
                  {"version": 1, "rules": [{"id", "class", "pattern", "source"}]}
  --json          Print {"schema":"purple/v1","command":"classify","class","rule","line","summary","source"}.
`

/** Runs `purple classify`. */
export async function classifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'exit-code': { type: 'string' }, rules: { type: 'string' }, json: { type: 'boolean' } }
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}': classify reads the output on stdin`, 'classify')
  const exitCode = integerOption('--exit-code', values['exit-code'], 'classify')
  const rules = loadRules(values.rules, io.cwd, 'classify')
  const verdict = classifyText(await io.readStdin(), { exitCode, rules })
  const rule = verdict.rule?.id ?? ''
  if (values.json) {
    io.stdout(jsonDocument('classify', { class: verdict.class, rule, line: verdict.line, summary: verdict.rule?.summary ?? '', source: verdict.rule?.source ?? '' }))
  } else {
    io.stdout(`${verdict.class}${rule !== '' ? ` ${rule}` : ''}${verdict.line !== '' ? `: ${verdict.line}` : ''}\n`)
  }
  return EXIT_CODES.success
}
