/** The retry action's outputs (every one, on every path) and its job summary. */
import { heading, paragraph, renderSummary, table } from '../../core/summary-html.js'
import { outputWriter, writeSummary, type OutputValues } from '../outputs.js'
import { retrySpec } from './io.js'
import type { RetryResult } from './retry.js'

/** The output values for a result; for a settings error (no result): no attempt ran, the rest empty. */
export function retryOutputValues(result: RetryResult | undefined): OutputValues<typeof retrySpec> {
  if (result === undefined) return { attempts: '0', class: '', rule: '', 'exit-code': '' }
  return { attempts: String(result.attempts), class: result.class, rule: result.rule, 'exit-code': String(result.exitCode) }
}

/** Sets every output and writes the summary (best-effort). */
export async function writeRetryOutputs(result: RetryResult | undefined, prefix = ''): Promise<void> {
  outputWriter(retrySpec, prefix)(retryOutputValues(result))
  if (result === undefined) return
  await writeSummary(
    renderSummary([
      heading(2, `Purple retry: ${result.class === 'success' ? 'succeeded' : `stopped (${result.class})`} after ${result.attempts} attempt(s)`),
      paragraph(result.why),
      table(['exit code', 'class', 'rule', 'matched line'], [[String(result.exitCode), result.class, result.rule, result.line]])
    ])
  )
}
