/**
 * Validates simulator responses against GitHub's published OpenAPI description (the committed slice made by
 * scripts/openapi-slice.mjs). Any test can call `expect(openApiProblems(sim.log)).toEqual([])` after a
 * scenario, so the simulator cannot drift from GitHub without a test failing.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import type { Ajv, ValidateFunction } from 'ajv'

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

let sliceText: string | undefined
let slice: Slice | undefined

function openApiSliceText(): string {
  sliceText ??= readFileSync(resolve(import.meta.dirname, 'openapi-slice.json'), 'utf8')
  return sliceText
}

/** The committed slice. */
export function openApiSlice(): Slice {
  slice ??= JSON.parse(openApiSliceText()) as Slice
  return slice
}

const require = createRequire(import.meta.url)
const ajvOptions = { strict: false, allErrors: true, validateFormats: true, code: { source: true } }
let ajv: Ajv | undefined
const cache = new Map<string, ValidateFunction>()
let cacheDir: string | undefined

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

/**
 * Where compiled validators are kept between test files (jest gives every file fresh modules, and compiling
 * the slice's schemas is most of an e2e file's set-up). Keyed by everything the generated code depends on,
 * so an edited slice, conversion or ajv version compiles afresh.
 */
function validatorCacheDir(): string {
  if (cacheDir) return cacheDir
  const ajvVersion = (require('ajv/package.json') as { version: string }).version
  const hash = createHash('sha256')
    .update(openApiSliceText())
    .update(toJsonSchema.toString())
    .update(JSON.stringify(ajvOptions) + ajvVersion)
    .digest('hex')
    .slice(0, 16)
  cacheDir = resolve(import.meta.dirname, '../../node_modules/.cache/purple-openapi', hash)
  mkdirSync(cacheDir, { recursive: true })
  return cacheDir
}

/** Compiles one schema to standalone code (the same validation ajv.compile runs) and stores it atomically. */
function compileToFile(schema: object, file: string): void {
  if (!ajv) {
    const { Ajv: AjvClass } = require('ajv') as typeof import('ajv')
    const addFormats = require('ajv-formats') as (a: Ajv) => Ajv
    ajv = addFormats(new AjvClass(ajvOptions))
  }
  const standaloneCode = require('ajv/dist/standalone').default as (a: Ajv, v: ValidateFunction) => string
  const code = standaloneCode(ajv, ajv.compile(toJsonSchema(schema) as object))
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, code)
  renameSync(temp, file)
}

function validator(key: string, schema: object): ValidateFunction {
  let v = cache.get(key)
  if (!v) {
    const file = resolve(validatorCacheDir(), `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.cjs`)
    if (!existsSync(file)) compileToFile(schema, file)
    v = require(file) as ValidateFunction
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
