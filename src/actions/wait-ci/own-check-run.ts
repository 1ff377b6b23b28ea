/**
 * This job's own check run, so the wait never waits on itself: from the
 * `check-run-id` input, else once from the current run's jobs API (asked
 * again next poll after a transient failure).
 */
import { explainFailure } from '../../core/transient.js'
import { logText } from '../../core/escaping.js'
import type { ActionLog } from '../runtime.js'
import { findOwnCheckRun, type Reader } from '../../github/ci-reads.js'
import type { WaitCiRun } from './settings.js'

/** Where the own check run's id came from. */
export interface OwnCheckRun {
  readonly id: number
  readonly via: 'input' | 'jobs-api'
}

/** Finds the own check run at most once successfully; `current` is what is known so far. */
export interface OwnCheckRunResolver {
  current(): OwnCheckRun | undefined
  resolve(reader: Reader): Promise<void>
}

/** A resolver for this job: the input's id, or the jobs API of `run`. */
export function ownCheckRunResolver(checkRunId: number | undefined, run: WaitCiRun, log: ActionLog): OwnCheckRunResolver {
  let own: OwnCheckRun | undefined = checkRunId !== undefined ? { id: checkRunId, via: 'input' } : undefined
  let done = own !== undefined
  return {
    current: () => own,
    async resolve(reader) {
      if (done) return
      done = true
      if (run.runId === undefined) {
        log.info("no 'check-run-id' and no GITHUB_RUN_ID: this job's own check run is unknown (fine outside GitHub Actions)")
        return
      }
      try {
        const found = await findOwnCheckRun(reader, {
          runId: run.runId,
          attempt: run.attempt,
          ...(run.runnerName ? { runnerName: run.runnerName } : {}),
          ...(run.jobKey ? { jobKey: run.jobKey } : {})
        })
        if (found) {
          own = { id: found.checkRunId, via: 'jobs-api' }
          log.info(`this job's check run: ${found.checkRunId} ('${logText(found.name)}'), from the jobs API of run ${run.runId}`)
        } else {
          log.warning(`could not tell this job's check run among the jobs of run ${run.runId}; if its name is a required check, the wait cannot pass`)
        }
      } catch (error) {
        const { verdict, description } = explainFailure(error)
        const why = logText(description)
        if (verdict.kind !== 'permanent') {
          // Not blocking: without the id this job only looks pending, which can never pass early.
          done = false
          log.info(`jobs of run ${run.runId} not read (${why}); trying again next poll`)
        } else {
          log.warning(`could not read the jobs of run ${run.runId} to find this job's check run (${why}); grant 'actions: read' or pass 'check-run-id'`)
        }
      }
    }
  }
}
