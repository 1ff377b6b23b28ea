/**
 * Validates simulator responses against GitHub's published OpenAPI description (the committed slice made by
 * scripts/openapi-slice.mjs). Any test can call `expect(openApiProblems(sim.log)).toEqual([])` after a
 * scenario, so the simulator cannot drift from GitHub without a test failing.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

export interface Slice {
  source: string
  basicError: object
  operations: Record<string, { operationId: string; responses: Record<string, object | null> }>
}

/** The logged response fields the check needs (a subset of the simulator's LogEntry). */
export interface LoggedResponse {
  operation: string | null
  status: number | null
  responseBody?: unknown
}

let slice: Slice | undefined

/** The committed slice. */
export function openApiSlice(): Slice {
  slice ??= JSON.parse(readFileSync(resolve(import.meta.dirname, 'openapi-slice.json'), 'utf8')) as Slice
  return slice
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
let ajv: Ajv | undefined
const cache = new Map<string, ValidateFunction>()

/** OpenAPI 3.0 `nullable: true` -> JSON Schema (`type: [t, 'null']`, or anyOf with null when there is no type). */
export function toJsonSchema(node: unknown, parentKey?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n))
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) out[k] = toJsonSchema(v, k)
  if (parentKey === 'properties' || out.nullable !== true) return out
  delete out.nullable
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  return { anyOf: [out, { type: 'null' }] }
}

function validator(key: string, schema: object): ValidateFunction {
  ajv ??= addFormats(new Ajv({ strict: false, allErrors: true, validateFormats: true }))
  let v = cache.get(key)
  if (!v) {
    v = ajv.compile(toJsonSchema(schema) as object)
    cache.set(key, v)
  }
  return v
}

/**
 * Problems with one logged response (empty = valid): its operation must be in the slice, its status documented
 * (undocumented error statuses must still be GitHub's basic error), and its body must match the schema.
 * No-body answers (304, 204, faults without a status line), GraphQL and unrouted paths are skipped.
 */
export function responseProblems(e: LoggedResponse): string[] {
  if (!e.operation || e.status === null || e.status === 304 || e.status === 204 || e.operation === 'POST /graphql') return []
  const op = openApiSlice().operations[e.operation]
  if (!op) return [`${e.operation}: not in the slice`]
  const listed = op.responses[String(e.status)]
  const schema = listed ?? (e.status >= 400 ? openApiSlice().basicError : undefined)
  if (schema === undefined) return [`${e.operation}: status ${e.status} is not a documented answer`]
  if (schema === null) return e.responseBody === undefined ? [] : [`${e.operation} ${e.status}: documented without a body`]
  const v = validator(`${e.operation} ${listed ? e.status : 'error'}`, schema)
  if (v(e.responseBody)) return []
  return (v.errors ?? []).slice(0, 5).map((er) => `${e.operation} ${e.status}: ${er.instancePath} ${er.message}`)
}

/** Problems across a whole request log (scripted responses are the test's own and are skipped). */
export function openApiProblems(log: readonly (LoggedResponse & { scripted?: boolean; fault?: string | null })[]): string[] {
  return log.filter((e) => !e.scripted && !e.fault).flatMap(responseProblems)
}

/**
 * Closes a test's simulator and asserts that every answer it gave matched
 * GitHub's published schema, so every scenario doubles as a drift check.
 */
export async function closeChecked(sim: { log: Parameters<typeof openApiProblems>[0]; close(): Promise<void> } | undefined): Promise<void> {
  const problems = sim ? openApiProblems(sim.log) : []
  await sim?.close()
  expect(problems).toEqual([])
}
