/**
 * merge's outputs and job summary. Every declared output is written on every
 * path (a settings error included), and the summary says why the step ended;
 * GitHub's messages are outside text, escaped by summary-html.
 */
import { formatSeconds } from '../../core/durations.js'
import type { MergeReason } from '../../core/merge-outcome.js'
import { queueSummaryBlocks } from '../../core/merge-queue.js'
import { renderDiagnosisHtml } from '../../core/diagnosis-report.js'
import { code, heading, paragraph, renderSummary, table, type Html } from '../../core/summary-html.js'
import { outputWriter, writeSummary, type OutputValues } from '../outputs.js'
import { mergeSpec } from './io.js'
import type { MergeResult } from './merge.js'

/** Every merge output of a finished merge, as the action sets them (the root action and the CLI read the same). */
export function mergeOutputValues(result: MergeResult): OutputValues<typeof mergeSpec> {
  return {
    merged: result.merged ? 'true' : 'false',
    'merge-commit-sha': result.mergeCommitSha,
    attempts: String(result.attempts),
    reason: result.reason,
    message: result.message,
    'updated-sha': result.updatedSha,
    'merge-group-sha': result.mergeGroupSha,
    blockers: blockersOutput(result)
  }
}

/** Sets every merge output (names prefixed for the root action) and writes the summary. */
export async function writeMergeOutputs(result: MergeResult, prefix = ''): Promise<void> {
  outputWriter(mergeSpec, prefix)(mergeOutputValues(result))
  await writeSummary(mergeSummary(result))
}

/** Sets every merge output for a run that ended before any call (bad input, no pull request), and says why in the summary. */
export async function writeMergeInputError(message: string, prefix = ''): Promise<void> {
  const reason: MergeReason = 'invalid-input'
  outputWriter(mergeSpec, prefix)({ merged: 'false', 'merge-commit-sha': '', attempts: '0', reason, message, 'updated-sha': '', 'merge-group-sha': '', blockers: '' })
  await writeSummary(renderSummary([heading(2, `Purple merge: ${reason}`), paragraph(['Nothing was called: ', message])]))
}

/** The 'blockers' output: the diagnosis's blockers as JSON, '' when there is none (merged, or unreadable). */
export function blockersOutput(result: MergeResult): string {
  if (result.diagnosis === undefined) return ''
  return JSON.stringify(result.diagnosis.blockers.map((b) => ({ kind: b.kind, source: b.source, evidence: b.evidence, who: b.who })))
}

/** The job summary section: outcome, then one row per merge call, then what blocks when not merged. */
export function mergeSummary(result: MergeResult): string {
  const blocks: Html[] = [
    heading(2, `Purple merge: ${result.merged ? 'merged' : result.reason}`),
    paragraph([
      `Pull request #${result.pullNumber} at `,
      code(result.sha),
      result.shaPinned ? '' : ' (not pinned: no sha was given)',
      ...(result.merged ? [', merge commit ', code(result.mergeCommitSha)] : []),
      ...(result.updatedSha ? [', updated to ', code(result.updatedSha), ' (not merged)'] : []),
      '.'
    ]),
    ...(result.mergeGroupSha !== '' || result.failingGroupChecks.length > 0
      ? queueSummaryBlocks({ message: result.message, mergeGroupSha: result.mergeGroupSha, mergeCommitSha: result.mergeCommitSha, failingChecks: result.failingGroupChecks })
      : [paragraph(result.message)])
  ]
  if (result.timeline.length > 0) {
    blocks.push(
      table(
        ['#', 'at', 'method', 'answer', 'decision', 'next try in'],
        result.timeline.map((a) => [
          String(a.attempt),
          `+${formatSeconds(a.atMs)}`,
          a.method,
          `${a.status === undefined ? 'no answer' : `HTTP ${a.status}`}${a.message ? `: ${a.message}` : ''}`,
          a.decision,
          a.waitMs === undefined ? '' : formatSeconds(a.waitMs)
        ])
      )
    )
  }
  if (result.diagnosis !== undefined) blocks.push(...renderDiagnosisHtml(result.diagnosis))
  return renderSummary(blocks)
}
