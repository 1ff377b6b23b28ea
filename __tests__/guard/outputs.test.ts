/**
 * guard's summary and annotations with hostile file names: rendered by a GFM
 * renderer as GitHub renders the job summary, and printed lines checked for
 * workflow commands they did not mean to start. The bundle and the CLI run as
 * subprocesses on real repositories.
 */
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { guardSummary } from '../../src/actions/guard/outputs.js'
import { guardResult } from '../../src/guard/result.js'
import type { Finding } from '../../src/core/guard-verdict.js'
import { renderGfm } from '../harness/gfm.js'
import { runBundle } from '../harness/run-bundle.js'
import { gitEnv, tempRepo } from '../git/temp-repo.js'

const HOSTILE = 'a\n::error::pwned <img src=x onerror=alert(1)> & </td>.txt' // invented: a name git accepts
const sha = 'c'.repeat(40)

/** Lines of stdout the runner would read as a workflow command, other than Purple's own error/warning annotations. */
const injected = (stdout: string) => stdout.split('\n').filter((l) => /^\s*::/.test(l) && !/^::(error|warning)( [^:]*)?::/.test(l))

describe('guard summary (rendered as GFM)', () => {
  const finding: Finding = { kind: 'conflict-marker', path: HOSTILE, line: 2, commit: sha, parent: null, message: "conflict marker '<<<<<<<'" }
  const html = renderGfm(guardSummary(guardResult([finding], 'a <b>bold</b> error', true, { range: { base: null, head: sha, description: 'x', headBranch: null }, notes: [], warnings: [] })))

  it('shows the file name as text: no element from it, every cell closed', () => {
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/td&gt;.txt:2')
    expect(html.match(/<td>/g)?.length).toBe(4)
    expect(html.match(/<\/td>/g)?.length).toBe(4)
    expect(html).toContain('<h3>Purple guard: blocked</h3>')
  })
})

describe('a committed file named with a newline and ::error::', () => {
  function hostileRepo() {
    const repo = tempRepo()
    const base = repo.commit('base', { 'a.txt': 'a\n' })
    repo.write({ [HOSTILE.replace(/\//g, '_')]: 'x\n<<<<<<< HEAD\n' })
    repo.git(['add', '--all'])
    repo.git(['commit', '--quiet', '-m', 'hostile'])
    return { repo, base }
  }

  it('the action annotates it without starting a command, and its summary renders it as text', async () => {
    const { repo, base } = hostileRepo()
    const r = await runBundle('dist/guard/index.js', { cwd: repo.dir, inputs: { base, head: 'HEAD' }, env: gitEnv })
    expect(r.outputs['marker-count']).toBe('1')
    expect(injected(r.stdout)).toEqual([])
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error::pwned'))).toEqual([])
    const html = renderGfm(r.summary)
    expect(html).not.toContain('<img')
    expect(html.match(/<td>/g)?.length).toBe(html.match(/<\/td>/g)?.length)
  })

  it('purple guard prints it on one line, never as a workflow command', () => {
    const { repo, base } = hostileRepo()
    const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'purple.js')
    const r = spawnSync(process.execPath, [bin, 'guard', '--base', base], { cwd: repo.dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...gitEnv } })
    expect(r.status).toBe(1)
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1)
    expect(r.stdout).toContain('a\\n::error::pwned')
    expect([...injected(r.stdout), ...injected(r.stderr)]).toEqual([])
    expect(`${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([])
  })
})
