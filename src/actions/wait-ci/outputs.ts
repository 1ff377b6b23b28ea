/**
 * wait-ci's outputs (every one, on every path) and its job summary, built
 * from escaped parts so a check name or a GitHub message renders as text.
 */
import type { CheckVerdict } from '../../core/check-state.js'
import { formatMs } from '../../core/durations.js'
import type { BlockerKind, Diagnosis } from '../../core/diagnosis.js'
import { renderDiagnosisHtml } from '../../core/diagnosis-report.js'
import { code, heading, link, list, paragraph, renderSummary, table, type Html, type Inline } from '../../core/summary-html.js'
import { outputWriter, writeSummary, type OutputValues } from '../outputs.js'
import { waitCiSpec } from './io.js'
import type { WaitCiResult } from './wait-ci.js'

type WaitCiOutputs = OutputValues<typeof waitCiSpec>

/** The output values of a finished wait. */
export function waitCiOutputValues(result: WaitCiResult): WaitCiOutputs {
  return {
    conclusion: result.conclusion,
    sha: result.sha,
    required: JSON.stringify(
      result.checks.map((c) => ({ name: c.name, ...(c.appId !== undefined ? { app_id: c.appId } : {}), sources: c.sources, state: c.state }))
    ),
    failed: JSON.stringify(result.checks.filter((c) => c.state === 'failed').map((c) => ({ name: c.name, conclusion: c.detail, url: c.url ?? null }))),
    pending: JSON.stringify(
      result.checks.filter((c) => c.state === 'pending' || c.state === 'missing').map((c) => ({ name: c.name, state: c.state, detail: c.detail }))
    ),
    'api-requests': JSON.stringify({ counted: result.requests.counted, not_modified: result.requests.notModified, total: result.requests.total })
  }
}

/** The output values when the wait could not start (bad input, unreadable event): a failure, nothing observed. */
function waitCiErrorOutputValues(): WaitCiOutputs {
  return { conclusion: 'failure', sha: '', required: '[]', failed: '[]', pending: '[]', 'api-requests': JSON.stringify({ counted: 0, not_modified: 0, total: 0 }) }
}

const stateLabel: Record<CheckVerdict['state'], string> = {
  success: '✅ success',
  pending: '⏳ pending',
  failed: '❌ failed',
  missing: '⌛ not registered',
  self: '↩️ this job'
}

// The table above already shows the required checks; the diagnosis adds only the other gates.
const CHECK_KINDS: ReadonlySet<BlockerKind> = new Set(['check-failing', 'check-pending', 'check-missing'])

/** The diagnosis's blocks without the check blockers; one line when nothing else was found. */
function otherGatesBlocks(diagnosis: Diagnosis): Html[] {
  const title = 'What else blocks the merge'
  const blockers = diagnosis.blockers.filter((b) => !CHECK_KINDS.has(b.kind))
  if (blockers.length === 0) return [heading(3, title), paragraph('Nothing besides the checks was found blocking the merge.')]
  const reason = `besides the checks, ${blockers.map((b) => b.evidence).join('; ')}`
  return renderDiagnosisHtml({ ...diagnosis, verdict: 'blocked', reason, blockers }, title)
}

/** The job summary of a finished wait, as HTML. */
export function waitCiSummary(result: WaitCiResult): string {
  const head: Inline = result.sha ? code(result.sha.slice(0, 12)) : '(unknown)'
  const what: Inline =
    result.target.kind === 'merge-group' ? ['Merge group into ', code(result.target.baseRef), ', sha '] : [`Pull request #${result.target.number}, head `]
  const blocks: Html[] = [heading(2, `wait-ci: ${result.conclusion}`), paragraph([...what, head, `. ${result.message}`])]
  if (result.checks.length > 0) {
    blocks.push(
      table(
        ['check', 'state', 'source', 'link', 'time to complete'],
        result.checks.map((c) => [
          c.name + (c.appId !== undefined ? ` (app ${c.appId})` : ''),
          `${stateLabel[c.state]} (${c.detail})`,
          c.sources.join(', '),
          c.url ? link(c.url, 'details') : '',
          c.durationMs !== undefined ? formatMs(c.durationMs) : ''
        ])
      )
    )
  } else {
    blocks.push(paragraph('No required checks were observed.'))
  }
  if (result.diagnosis !== undefined) blocks.push(...otherGatesBlocks(result.diagnosis))
  blocks.push(heading(3, 'Gate sources'), list(result.gateNotes.length > 0 ? result.gateNotes : ['the gate was not read']))
  const r = result.requests
  blocks.push(
    paragraph(
      `API requests: ${r.counted} counted against the rate limit, ${r.notModified} answered 304 Not Modified (free), ${r.total} in all, over ${result.polls} poll(s) in ${formatMs(result.elapsedMs)}.`
    )
  )
  return renderSummary(blocks)
}

/** Sets every output and writes the job summary (best-effort); never fails the step. */
export async function writeWaitCiOutputs(result: WaitCiResult, prefix = ''): Promise<void> {
  outputWriter(waitCiSpec, prefix)(waitCiOutputValues(result))
  await writeSummary(waitCiSummary(result))
}

/** Sets every output and a summary saying why the wait could not start. */
export async function writeWaitCiError(message: string, prefix = ''): Promise<void> {
  outputWriter(waitCiSpec, prefix)(waitCiErrorOutputValues())
  await writeSummary(renderSummary([heading(2, 'wait-ci: failure'), paragraph(`The wait could not start: ${message}`)]))
}
