// Packs the `purple` command line as an npm tarball that installs offline: the
// bundled dist/cli and bin/purple.js, and a manifest with no dependencies
// (everything the CLI needs is inside the bundle). The root package.json is the
// source of truth for name, version, bin, files and engines; its dependencies
// serve the build, not the installed CLI, so they are left out.
// Usage: node scripts/pack-cli.mjs [destination directory]   (prints the tarball path)
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const destination = resolve(process.argv[2] ?? root)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
  throw new Error("pack-cli: dist/cli/index.js is missing: run 'npm run build' first")
}

const stage = mkdtempSync(join(tmpdir(), 'purple-pack-'))
try {
  for (const entry of pkg.files) cpSync(join(root, entry), join(stage, entry), { recursive: true })
  for (const doc of ['README.md', 'LICENSE']) if (existsSync(join(root, doc))) cpSync(join(root, doc), join(stage, doc))
  const manifest = {
    name: pkg.name,
    version: pkg.version,
    description: 'The purple command line: guard, retry and classify, bundled with no runtime dependencies.',
    type: pkg.type,
    license: pkg.license,
    engines: pkg.engines,
    bin: pkg.bin,
    files: pkg.files
  }
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' })
  const file = out.trim().split('\n').pop()
  process.stdout.write(`${join(destination, file)}\n`)
} finally {
  rmSync(stage, { recursive: true, force: true })
}
