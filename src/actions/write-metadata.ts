/**
 * Entry of `npm run build`'s first step: writes every action.yml and the README's
 * generated tables from the declarations (see metadata.ts). With --check it
 * writes nothing and exits 1 naming each file that differs.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generatedFiles } from './metadata.js'

const root = process.cwd()
const check = process.argv.includes('--check')
const stale: string[] = []
for (const [path, content] of generatedFiles(readFileSync(join(root, 'README.md'), 'utf8'))) {
  const file = join(root, path)
  if (readFileSync(file, 'utf8') === content) continue
  stale.push(path)
  if (!check) writeFileSync(file, content)
}
if (check && stale.length > 0) {
  console.error(`metadata: ${stale.join(', ')} differ from the declarations in src/actions/*/io.ts; run 'npm run build'.`)
  process.exitCode = 1
} else if (stale.length > 0) {
  console.log(`metadata: wrote ${stale.join(', ')}`)
}
