/**
 * The guard bundle stays slim: guard makes no HTTP call, so no HTTP client
 * (undici, @actions/http-client, Octokit) may be bundled into it. Reads the
 * committed bundle: rebuild dist/ (npm run build) after changing guard's imports.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../harness/run-bundle.js'

describe('dist/guard/index.js', () => {
  const bundle = readFileSync(join(repoRoot, 'dist', 'guard', 'index.js'), 'utf8')

  it.each(['undici', '@actions/http-client', '@octokit/', '@actions/github', 'node_modules/@actions/core'])('carries no %s', (name) => {
    expect(bundle).not.toContain(name)
  })

  it('loads only the Node built-ins guard uses: no node:crypto (its start-up cost buys guard nothing)', () => {
    const builtins = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]).sort()
    expect(builtins).toEqual(['node:child_process', 'node:fs', 'node:os', 'node:path'])
  })

  it('stays small (under 400 KB)', () => {
    expect(bundle.length).toBeLessThan(400_000)
  })
})

// Node 20 starts a CommonJS bundle sooner than an ES module one (docs/decisions.md, "CommonJS bundles").
describe.each(['guard', 'wait-ci', 'merge', 'pipeline', 'retry', 'cli'])('dist/%s', (action) => {
  it('is CommonJS: its package.json says so and the bundle has no ES module syntax', () => {
    const folder = join(repoRoot, 'dist', action)
    expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
    const code = readFileSync(join(folder, 'index.js'), 'utf8')
    expect(code).not.toMatch(/^(import|export) /m)
    expect(code).not.toContain('import.meta')
  })
})
