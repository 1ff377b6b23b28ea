#!/usr/bin/env node
/**
 * Writes __tests__/sim/openapi-slice.json: the response schemas of just the REST operations the loopback
 * simulator implements, cut from GitHub's published OpenAPI description (@octokit/openapi), so a test can
 * validate every simulator response and the simulator cannot drift from GitHub unnoticed.
 *
 * @octokit/openapi is 385 MB, so it is not a dependency: this script installs the pinned version into a temp
 * prefix on demand (`npm install --no-save --prefix <tmp>`), or reads OPENAPI_DEREF=<path to api.github.com.deref.json>.
 * Usage: node scripts/openapi-slice.mjs [--check]   (--check: exit 1 if the committed slice's schemas differ)
 * OPENAPI_VERSION=<version|latest> cuts from another version of the description.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

// OPENAPI_VERSION=latest (the weekly drift workflow) compares the slice with GitHub's newest description.
const VERSION = process.env.OPENAPI_VERSION || '23.0.2'
const root = resolve(import.meta.dirname, '..')
const out = join(root, '__tests__', 'sim', 'openapi-slice.json')

/** The operations the simulator serves: [method, OpenAPI path]. Keep in step with __tests__/sim/routes.ts. */
export const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['put', '/repos/{owner}/{repo}/pulls/{pull_number}/merge'],
  ['put', '/repos/{owner}/{repo}/pulls/{pull_number}/update-branch'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/compare/{basehead}'],
  ['get', '/repos/{owner}/{repo}/rulesets/{ruleset_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/status'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/statuses'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs'],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs'],
  ['get', '/repos/{owner}/{repo}/installation'],
  ['get', '/users/{username}/installation'],
  ['get', '/orgs/{org}/installation'],
  ['post', '/app/installations/{installation_id}/access_tokens'],
  ['get', '/rate_limit'],
  ['get', '/repos/{owner}/{repo}/actions/runs'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-suites']
]

let installedPrefix

function locateDeref() {
  if (process.env.OPENAPI_DEREF) return process.env.OPENAPI_DEREF
  const prefix = mkdtempSync(join(tmpdir(), 'purple-openapi-'))
  installedPrefix = prefix
  console.error(`installing @octokit/openapi@${VERSION} into ${prefix} (large download)`)
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `@octokit/openapi@${VERSION}`], {
    stdio: 'inherit'
  })
  return join(prefix, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.deref.json')
}

/** Drops documentation-only keys (not property names) so the committed slice stays reviewable. */
function strip(node, parentKey) {
  if (Array.isArray(node)) return node.map((n) => strip(n, undefined))
  if (node === null || typeof node !== 'object') return node
  const result = {}
  for (const [k, v] of Object.entries(node)) {
    const isPropertyMap = parentKey === 'properties' || parentKey === 'patternProperties'
    if (!isPropertyMap && ['description', 'example', 'examples', 'externalDocs', 'x-github'].includes(k)) continue
    result[k] = strip(v, k)
  }
  return result
}

const derefPath = locateDeref()
if (!existsSync(derefPath)) throw new Error(`OpenAPI description not found at '${derefPath}'`)
const spec = JSON.parse(readFileSync(derefPath, 'utf8'))
// The package is 385 MB: do not leave it behind in the temp dir.
if (installedPrefix) rmSync(installedPrefix, { recursive: true, force: true })
const operations = {}
for (const [method, path] of OPERATIONS) {
  const op = spec.paths[path]?.[method]
  if (!op) throw new Error(`operation ${method.toUpperCase()} ${path} is missing from @octokit/openapi@${VERSION}`)
  const responses = {}
  for (const [status, response] of Object.entries(op.responses)) {
    const schema = response.content?.['application/json']?.schema ?? null
    responses[status] = schema === null ? null : strip(schema, undefined)
  }
  operations[`${method.toUpperCase()} ${path}`] = { operationId: op.operationId, responses }
}
const basicError = spec.paths['/repos/{owner}/{repo}'].get.responses['404'].content['application/json'].schema
const slice = {
  source: `@octokit/openapi@${VERSION} generated/api.github.com.deref.json`,
  generatedBy: 'node scripts/openapi-slice.mjs',
  basicError: strip(basicError, undefined),
  operations
}
const text = JSON.stringify(slice, null, 1) + '\n'
if (process.argv.includes('--check')) {
  // Only the schemas count: the 'source' line names the version the slice was cut from.
  const shapes = (json) => JSON.stringify({ basicError: json.basicError, operations: json.operations })
  const current = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {}
  if (shapes(current) !== shapes(slice)) {
    console.error(`${out} is out of date: run node scripts/openapi-slice.mjs`)
    process.exit(1)
  }
  console.log('openapi slice is current')
} else {
  writeFileSync(out, text)
  console.log(`wrote ${out} (${Object.keys(operations).length} operations, ${text.length} bytes)`)
}
