/**
 * The root action's outputs and its one job summary. Every declared output
 * (its own, and each stage's) is written on every path: a stage that did not
 * run leaves its outputs empty ('false' for `merged`). The summary is rendered
 * once, each stage's section in order, and ends with what stands between the
 * pull request and a merge when it was not merged.
 */
import { renderDiagnosisHtml } from '../../core/diagnosis-report.js'
import { heading, paragraph, renderSummary } from '../../core/summary-html.js'
import { guardOutputValues, guardSummary, writeGuardAnnotations } from '../guard/outputs.js'
import { mergeSpec } from '../merge/io.js'
import type { MergeResult } from '../merge/merge.js'
import { mergeOutputValues, mergeSummary } from '../merge/outputs.js'
import { outputWriter, writeSummary, type OutputValues } from '../outputs.js'
import { guardSpec } from '../guard/io.js'
import { waitCiSpec } from '../wait-ci/io.js'
import { waitCiOutputValues, waitCiSummary } from '../wait-ci/outputs.js'
import { pipelineSpec } from './io.js'
import { finalRound, type PipelineResult, type StageEnd } from './pipeline.js'

/** What `stage` says when no stage ran: an input, the event or the pull request was not usable. */
export const INPUTS_STAGE = 'inputs'

const notRun = <S extends typeof guardSpec | typeof waitCiSpec | typeof mergeSpec>(spec: S): OutputValues<S> =>
  Object.fromEntries(Object.keys(spec.outputs).map((name) => [name, ''])) as OutputValues<S>

function mergeStageValues(result: MergeResult | undefined): OutputValues<typeof mergeSpec> {
  if (result === undefined) return { ...notRun(mergeSpec), merged: 'false' }
  return mergeOutputValues(result)
}

/** Every output of a finished pipeline; the stages' outputs describe the final round. */
export function pipelineOutputValues(result: PipelineResult): OutputValues<typeof pipelineSpec> {
  const last = finalRound(result)
  return {
    ...guardOutputValues(last.guard),
    ...(last.waitCi ? waitCiOutputValues(last.waitCi) : notRun(waitCiSpec)),
    ...mergeStageValues(last.merge),
    stage: result.stage,
    'stage-message': result.message,
    updates: String(result.updates)
  }
}

const withoutDiagnosis = ({ diagnosis: _, ...merge }: MergeResult): MergeResult => merge

/** The one job summary: the outcome, each round's stages in order, then what stands between the PR and a merge. */
export function pipelineSummary(result: PipelineResult): string {
  const title = result.stage === 'none' ? 'Purple: merged' : `Purple: stopped at ${result.stage}`
  const updates = result.updates > 0 ? [paragraph(`The branch was updated from its base ${result.updates} time(s); each new head was guarded, waited on and merged pinned to it.`)] : []
  const sections = result.rounds.map((round, i) => {
    const label = result.rounds.length > 1 ? renderSummary([heading(2, i === 0 ? 'Round 1' : `Round ${i + 1}, after a branch update`)]) : ''
    // merge's own diagnosis is the pipeline's (read once when merge stopped): shown once, at the end.
    return [label, guardSummary(round.guard), round.waitCi ? waitCiSummary(round.waitCi) : '', round.merge ? mergeSummary(withoutDiagnosis(round.merge)) : ''].join('')
  })
  const diagnosis = result.diagnosis ? renderSummary(renderDiagnosisHtml(result.diagnosis)) : ''
  return renderSummary([heading(1, title), paragraph(result.message), ...updates]) + sections.join('') + diagnosis
}

/** Prints a stage's annotations as it ends, so each stage's lines come before the next stage's (wait-ci and merge log as they go). */
export function printStageEnd(end: StageEnd): void {
  if (end.stage === 'guard') writeGuardAnnotations(end.result)
}

/** Sets every output and writes the one summary (best-effort). */
export async function writePipelineOutputs(result: PipelineResult): Promise<void> {
  outputWriter(pipelineSpec)(pipelineOutputValues(result))
  await writeSummary(pipelineSummary(result))
}

/** Every output when no stage ran (bad input, unreadable event, no pull request), and the reason in the summary. */
export async function writePipelineInputError(message: string): Promise<void> {
  outputWriter(pipelineSpec)({
    ...notRun(guardSpec),
    ...notRun(waitCiSpec),
    ...mergeStageValues(undefined),
    stage: INPUTS_STAGE,
    'stage-message': `No stage ran: ${message}`,
    updates: '0'
  })
  await writeSummary(renderSummary([heading(1, 'Purple: no stage ran'), paragraph(message)]))
}
