/**
 * The gate as a long wait knows it: the last reading of each source and the
 * required set built from them. A source is replaced only by a reading that
 * succeeded, or by a refusal when it was never read well before: a failed
 * re-read never shrinks the set (a 404 mid-wait must not drop `test` and let
 * the rest pass early).
 */
import { buildRequiredSet, type GateReading, type NoGatePolicy, type RequiredSet } from './required-checks.js'

export type GateSourceName = 'protection' | 'ruleset'

/** One read of a source: a reading (read, or refused for good), or a transient failure to try again. */
export type SourceAnswer = { readonly reading: GateReading } | { readonly pending: string }

export interface GateState {
  readonly readings: Readonly<Partial<Record<GateSourceName, GateReading>>>
  /** Why the gate is not read in full yet (a source never read failed transiently). */
  readonly pendingWhy?: string
  /** When every source was last read (ms). */
  readonly lastReadAt?: number
  readonly required?: RequiredSet
}

/** What one read of both sources did to the gate. */
export interface GateUpdate {
  readonly state: GateState
  /** The required set is new or differs from the last one. */
  readonly changed: boolean
  /** Sources whose re-read was refused while an earlier good reading was kept, and why. */
  readonly kept: readonly { readonly source: GateSourceName; readonly reason: string }[]
}

export const initialGate: GateState = Object.freeze({ readings: Object.freeze({}) })

/** The name of a source in messages. */
export function sourceLabel(source: GateSourceName): string {
  return source === 'protection' ? 'branch protection' : 'rulesets'
}

/** Read the gate this poll: never read in full yet, or the planner says a re-read is due. */
export function gateReadDue(state: GateState, refreshDue: boolean): boolean {
  return state.required === undefined || state.pendingWhy !== undefined || refreshDue
}

/** Folds one read of both sources into the gate (pure: keep-last-good and the rebuilt set). */
export function updateGate(
  state: GateState,
  answers: Readonly<Record<GateSourceName, SourceAnswer>>,
  at: number,
  input: { readonly required: string; readonly onNoGate: NoGatePolicy }
): GateUpdate {
  const readings: Partial<Record<GateSourceName, GateReading>> = { ...state.readings }
  const kept: { source: GateSourceName; reason: string }[] = []
  let pendingWhy: string | undefined
  for (const source of ['protection', 'ruleset'] as const) {
    const answer = answers[source]
    const previous = state.readings[source]
    if ('reading' in answer) {
      if (answer.reading.ok || previous === undefined || !previous.ok) readings[source] = answer.reading
      else kept.push({ source, reason: answer.reading.reason })
    } else if (previous === undefined) {
      pendingWhy = `${sourceLabel(source)}: ${answer.pending}`
    }
  }
  if (pendingWhy !== undefined) {
    return { state: { ...state, readings, pendingWhy }, changed: false, kept }
  }
  const required = buildRequiredSet([readings.protection!, readings.ruleset!], input.required, input.onNoGate)
  const changed = state.required === undefined || JSON.stringify(required.checks) !== JSON.stringify(state.required.checks)
  return { state: { readings, lastReadAt: at, required }, changed, kept }
}
