// Bundles every action entry point with ncc into dist/<action>/index.js and
// refuses a bundle that ncc wrote around a missing module (it exits 0 then).
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const entries = [
  { src: 'src/actions/guard/index.ts', out: 'dist/guard' },
  { src: 'src/actions/wait-ci/index.ts', out: 'dist/wait-ci' },
  { src: 'src/actions/merge/index.ts', out: 'dist/merge' },
  { src: 'src/actions/pipeline/index.ts', out: 'dist/pipeline' },
  { src: 'src/actions/retry/index.ts', out: 'dist/retry' },
  { src: 'src/cli/index.ts', out: 'dist/cli' }
]
const only = process.argv.slice(2)
const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

for (const { src, out } of entries) {
  if (only.length > 0 && !only.some((name) => out.endsWith(`/${name}`))) continue
  if (!existsSync(src)) throw new Error(`build: entry '${src}' does not exist`)
  rmSync(out, { recursive: true, force: true })
  execFileSync(process.execPath, [ncc, 'build', src, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    stdio: 'inherit'
  })
  const bundle = readFileSync(join(out, 'index.js'), 'utf8')
  if (bundle.includes('webpackMissingModule')) {
    throw new Error(`build: ${out}/index.js references a module ncc could not bundle`)
  }
}
