import { realpathSync } from 'node:fs'
import { main } from './main.js'

// The hook calls back whatever script started this process (bin/purple.js under npx).
const cliPath = realpathSync(process.argv[1] ?? '.')
const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
// Not awaited at the top level: the bundles are CommonJS (docs/decisions.md, "CommonJS bundles").
void main(
  process.argv.slice(2),
  {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin
  },
  cliPath
).then((code) => {
  process.exitCode = code
})
