/**
 * How guard reports: every declared output on every path, one annotation per
 * finding (on its file and line), warnings when guard itself failed, and the
 * job summary. Nothing here fails the step: index.ts does. File names and
 * messages are outside text: logText before the log, summary-html for the summary.
 */
import { logText } from '../../core/escaping.js'
import { redactSecrets } from '../../core/redaction.js'
import { code, heading, paragraph, renderSummary, table, type Html } from '../../core/summary-html.js'
import type { GuardResult } from '../../guard/result.js'
import type { OutputValues } from '../outputs.js'
import { guardSpec } from './io.js'
import { appendSummary, info, issueCommand, setOutput } from './workflow-commands.js'

type GuardOutputs = OutputValues<typeof guardSpec>

/** A setter that writes every declared output of guard (names prefixed for the root action), secrets redacted. */
export function guardOutputWriter(prefix = ''): (values: GuardOutputs) => void {
  return (values) => {
    for (const name of Object.keys(guardSpec.outputs) as Array<keyof GuardOutputs>) setOutput(`${prefix}${name}`, redactSecrets(values[name]))
  }
}

/** The log guard's engine writes to in the action: plain lines and warning annotations, outside text shown as data. */
export const guardActionLog = Object.freeze({
  info: (message: string) => info(logText(message)),
  warning: (message: string) => issueCommand('warning', logText(message))
})

/** Prints one annotation per finding and a warning when guard itself failed (the root action prints them as guard ends). */
export function writeGuardAnnotations(result: GuardResult): void {
  for (const f of result.findings) {
    if (f.kind === 'conflict-marker') issueCommand('error', logText(f.message), { title: 'Conflict marker', file: logText(f.path!), line: f.line! })
    else issueCommand('error', logText(f.message), { title: 'Disallowed merge source' })
  }
  if (result.error !== null && !result.blocks) {
    issueCommand('warning', logText(`guard could not complete, not blocking (fail-safe): ${result.error}`))
  } else if (result.error !== null && result.findings.length > 0) {
    issueCommand('warning', logText(`guard: part of the check failed: ${result.error}`))
  }
}

/** The output values of a finished guard run. */
export function guardOutputValues(result: GuardResult): GuardOutputs {
  return {
    result: result.result,
    findings: JSON.stringify(result.findings),
    'marker-count': String(result.markerCount),
    'disallowed-merge-count': String(result.disallowedMergeCount)
  }
}

/** Writes outputs, annotations and the job summary of a result. */
export function writeGuardOutputs(result: GuardResult, prefix = ''): void {
  writeGuardAnnotations(result)
  guardOutputWriter(prefix)(guardOutputValues(result))
  appendSummary(redactSecrets(guardSummary(result)))
}

/** Outputs and summary when guard could not even read its settings: every output set, the reason in the summary. */
export function writeGuardSettingsError(message: string, prefix = ''): void {
  guardOutputWriter(prefix)({ result: 'error', findings: '[]', 'marker-count': '', 'disallowed-merge-count': '' })
  appendSummary(renderSummary([heading(3, 'Purple guard: error'), paragraph(['guard did not run: ', message])]))
}

/** The job summary of a result, as HTML (every piece of text escaped). */
export function guardSummary(result: GuardResult): string {
  const blocks: Html[] = [heading(3, `Purple guard: ${result.result}`)]
  if (result.range) {
    blocks.push(paragraph(['Range ', code(`${result.range.base ?? '(none)'}..${result.range.head}`), ` (${result.range.description})`]))
  }
  if (result.error) blocks.push(paragraph(`Guard error: ${result.error}`))
  if (result.findings.length > 0) {
    const rows = result.findings.map((f) => [
      f.kind,
      f.path !== null ? `${f.path}:${f.line}` : f.commit.slice(0, 12),
      f.parent ? f.parent.slice(0, 12) : '',
      f.message
    ])
    blocks.push(table(['kind', 'where', 'parent', 'message'], rows))
  }
  return renderSummary(blocks)
}
