// First writes every action.yml and the README's generated tables from the
// declarations (src/actions/*/io.ts), then bundles every action entry point with
// ncc into dist/<action>/index.js and refuses a bundle that ncc wrote around a
// missing module (it exits 0 then). A dynamic import() becomes a chunk beside
// index.js (dist/cli loads each command but guard on demand); ncc writes one
// license file per chunk, which the build merges into the one licenses.txt.
// `node scripts/build.mjs --metadata-only` (npm run metadata) does the first step alone.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
process.chdir(root)
const entries = [
  { src: 'src/actions/guard/index.ts', out: 'dist/guard' },
  { src: 'src/actions/wait-ci/index.ts', out: 'dist/wait-ci' },
  { src: 'src/actions/merge/index.ts', out: 'dist/merge' },
  { src: 'src/actions/pipeline/index.ts', out: 'dist/pipeline' },
  { src: 'src/actions/retry/index.ts', out: 'dist/retry' },
  { src: 'src/cli/index.ts', out: 'dist/cli' }
]
const args = process.argv.slice(2)
const metadataOnly = args.includes('--metadata-only')
const only = args.filter((arg) => !arg.startsWith('--'))
const ncc = createRequire(import.meta.url)('@vercel/ncc')

/**
 * Bundles `src` into `out` with ncc's API as CommonJS (Node 20 loads an ES module bundle ~5 ms slower) and without
 * ncc's cache, whose key ignores the output format (docs/decisions.md, "CommonJS bundles"), failing on a bundle that
 * references a missing module. `out/package.json` says so, since the repository's own says "module".
 */
async function bundle(src, out, license) {
  if (!existsSync(src)) throw new Error(`build: entry '${src}' does not exist`)
  rmSync(out, { recursive: true, force: true })
  const { code, assets } = await ncc(resolve(src), { esm: false, cache: false, quiet: true, ...(license ? { license } : {}) })
  const files = [['index.js', code], ...Object.entries(assets).map(([name, asset]) => [name, asset.source])]
  files.push(['package.json', '{\n  "type": "commonjs"\n}\n'])
  for (const [name, source] of files) {
    mkdirSync(dirname(join(out, name)), { recursive: true })
    writeFileSync(join(out, name), source)
    if (name.endsWith('.js') && String(source).includes('webpackMissingModule')) {
      throw new Error(`build: ${out}/${name} references a module ncc could not bundle`)
    }
  }
}

/**
 * Merges ncc's per-chunk license files (`<chunk>.licenses.txt`, the entry's first)
 * into `licenses.txt`: each package once, in first-seen order. An entry starts
 * with a line naming an installed package, at the start or after a blank line.
 */
function mergeLicenses(out) {
  const files = readdirSync(out).filter((name) => name.endsWith('.licenses.txt'))
  files.sort((a, b) => (a === 'main.licenses.txt' ? -1 : b === 'main.licenses.txt' ? 1 : a.localeCompare(b)))
  const entries = new Map()
  for (const file of files) {
    const text = readFileSync(join(out, file), 'utf8')
    const starts = [...text.matchAll(/(?<=^|\n\n)((?:@[\w.-]+\/)?[\w.-]+)\n/g)].filter((m) => existsSync(join('node_modules', m[1], 'package.json')))
    starts.forEach((m, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].index - 2 : text.length
      if (!entries.has(m[1])) entries.set(m[1], text.slice(m.index, end))
    })
    rmSync(join(out, file))
  }
  writeFileSync(join(out, 'licenses.txt'), [...entries.values()].join('\n\n'))
}

// Under node_modules/.cache: git-ignored, skipped by eslint, and modules resolve from there.
const metadataOut = join('node_modules', '.cache', 'purple-metadata')
await bundle('src/actions/write-metadata.ts', metadataOut)
execFileSync(process.execPath, [join(metadataOut, 'index.js'), ...(args.includes('--check') ? ['--check'] : [])], { stdio: 'inherit' })

if (!metadataOnly) {
  for (const { src, out } of entries) {
    if (only.length > 0 && !only.some((name) => out.endsWith(`/${name}`))) continue
    await bundle(src, out, '[name].licenses.txt')
    mergeLicenses(out)
  }
}
