import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse, parseDocument } from 'yaml'
import { allActions } from '../src/actions/specs.js'
import type { ActionSpec } from '../src/actions/spec.js'
import { exampleWorkflows, wrapSteps, yamlBlocks } from '../scripts/readme-examples.mjs'
import { actionlint, type LintFinding } from './harness/actionlint.js'

const root = resolve(import.meta.dirname, '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const blocks = yamlBlocks(readme)

type Access = 'read' | 'write'
type Permissions = Record<string, Access>
interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Job {
  permissions?: Permissions
  steps?: Step[]
}
interface Workflow {
  on?: unknown
  permissions?: Permissions
  jobs?: Record<string, Job>
}

/** The Purple action a `uses:` names, by the README's placeholder convention; undefined for others. */
function purpleSpec(uses: string): ActionSpec | undefined {
  const match = /^OWNER\/purple(?:\/([a-z-]+))?@/.exec(uses)
  if (!match) return undefined
  const spec = allActions.find((a) => a.spec.dir === (match[1] ?? ''))?.spec
  if (!spec) throw new Error(`no Purple action at '${uses}'`)
  return spec
}

/** The README's "Permissions at a glance" table: what each action needs, by its row name. */
function permissionsTable(): Record<string, Permissions> {
  const start = readme.indexOf('## Permissions at a glance')
  const rows = readme.slice(start).split('\n').filter((line) => line.startsWith('|'))
  const header = rows[0]!.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, ''))
  const table: Record<string, Permissions> = {}
  for (const row of rows.slice(2)) {
    const cells = row.split('|').slice(1, -1).map((cell) => cell.trim())
    const needs: Permissions = {}
    header.slice(1).forEach((scope, i) => {
      const access = /^(read|write)\b/.exec(cells[i + 1] ?? '')?.[1] as Access | undefined
      if (access) needs[scope] = access
    })
    table[cells[0]!] = needs
  }
  return table
}

const table = permissionsTable()
const rowOf: Record<string, string> = { guard: 'guard', 'wait-ci': 'wait-ci', merge: 'merge', '': 'root pipeline' }

/** The least permissions a job's steps need, per the README's table (checkout reads the repository). */
function neededPermissions(steps: Step[]): Permissions {
  const needs: Permissions = {}
  const add = (extra: Permissions): void => {
    for (const [scope, access] of Object.entries(extra)) if (needs[scope] !== 'write') needs[scope] = access
  }
  for (const step of steps) {
    if (step.uses?.startsWith('actions/checkout@')) add({ contents: 'read' })
    const spec = step.uses ? purpleSpec(step.uses) : undefined
    if (spec) add(table[rowOf[spec.dir]!]!)
  }
  return needs
}

/** Every step of a parsed block: the steps of every job of a workflow, or a fragment's list. */
function stepsOf(value: unknown): Step[] {
  if (Array.isArray(value)) return value as Step[]
  const jobs = (value as Workflow | null)?.jobs ?? {}
  return Object.values(jobs).flatMap((job) => job.steps ?? [])
}

it('the README has YAML examples of every kind the tests below check', () => {
  expect(blocks.filter((b) => b.kind === 'workflow').length).toBeGreaterThanOrEqual(5)
  expect(blocks.filter((b) => b.kind === 'fragment').length).toBeGreaterThanOrEqual(3)
  expect(blocks.filter((b) => b.kind === 'file').map((b) => b.file)).toEqual(['.github/dependabot.yml'])
})

describe.each(blocks.map((b) => [`line ${b.line} (${b.kind})`, b] as const))('README yaml block at %s', (_label, block) => {
  it('parses as YAML', () => {
    const doc = parseDocument(block.text)
    expect(doc.errors.map((e) => e.message)).toEqual([])
  })

  it('never expands an expression inside run: (outputs reach the shell only through env:)', () => {
    const runs = stepsOf(parse(block.text)).flatMap((step) => (step.run === undefined ? [] : [step.run]))
    expect(runs.filter((run) => run.includes('${{'))).toEqual([])
  })

  it("passes Purple's actions only inputs they declare, and reads only outputs they declare", () => {
    const steps = stepsOf(parse(block.text))
    const unknown: string[] = []
    const specById = new Map<string, ActionSpec>()
    for (const step of steps) {
      const spec = step.uses ? purpleSpec(step.uses) : undefined
      if (!spec) continue
      if (step.id) specById.set(step.id, spec)
      for (const name of Object.keys(step.with ?? {})) if (!(name in spec.inputs)) unknown.push(`input ${name} of ${step.uses}`)
    }
    for (const [, id, output] of block.text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
      const spec = specById.get(id!)
      if (spec && !(output! in spec.outputs)) unknown.push(`output ${output} of step ${id}`)
    }
    expect(unknown).toEqual([])
  })

  if (block.kind === 'workflow') {
    it('is a complete workflow: on, permissions and jobs', () => {
      const workflow = parse(block.text) as Workflow
      expect(workflow.on).toBeDefined()
      expect(workflow.permissions).toBeDefined()
      expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0)
    })

    it("grants each job exactly the permissions its steps need, per the README's own table", () => {
      const workflow = parse(block.text) as Workflow
      for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
        const granted = job.permissions ?? workflow.permissions ?? {}
        expect({ job: name, permissions: granted }).toEqual({ job: name, permissions: neededPermissions(job.steps ?? []) })
      }
    })
  }

  if (block.kind === 'file') {
    it('is a Dependabot configuration that keeps pinned actions current', () => {
      const config = parse(block.text) as { version: number; updates: Array<Record<string, unknown>> }
      expect(config.version).toBe(2)
      expect(config.updates.map((u) => u['package-ecosystem'])).toContain('github-actions')
    })
  }
})

// invented: the unsafe pattern the README used to teach, in a minimal workflow
const unsafeWorkflow = [
  'on: pull_request',
  'permissions: {}',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo "${{ github.event.pull_request.title }}"',
  ''
].join('\n')
const exampleFiles = exampleWorkflows(readme).map(([path, data]) => ({ path, data }))
const workflowDir = join(root, '.github', 'workflows')
const workflowFiles = readdirSync(workflowDir).map((name) => ({ path: `.github/workflows/${name}`, data: readFileSync(join(workflowDir, name), 'utf8') }))
const unsafeFiles = [{ path: 'unsafe.yml', data: unsafeWorkflow }]

// One actionlint process for all three groups (starting its WebAssembly runtime is most of its cost);
// each finding names its file, so every test sees exactly its own group's findings.
let findings: LintFinding[] | undefined
function findingsFor(files: ReadonlyArray<{ path: string }>): LintFinding[] {
  findings ??= actionlint([...exampleFiles, ...workflowFiles, ...unsafeFiles])
  const paths = new Set(files.map((f) => f.path))
  return findings.filter((f) => paths.has(f.path))
}

it('the lint groups do not share a file name, so findings map back to one group', () => {
  const all = [...exampleFiles, ...workflowFiles, ...unsafeFiles].map((f) => f.path)
  expect(new Set(all).size).toBe(all.length)
})

it('actionlint finds nothing in the README examples (fragments of steps linted inside a one-job workflow)', () => {
  expect(exampleFiles.length).toBe(blocks.filter((b) => b.kind === 'workflow').length + blocks.filter((b) => b.kind === 'fragment' && wrapSteps(b.text)).length)
  expect(findingsFor(exampleFiles)).toEqual([])
})

it("actionlint finds nothing in this repository's own workflows", () => {
  expect(workflowFiles.length).toBeGreaterThan(0)
  expect(findingsFor(workflowFiles)).toEqual([])
})

it('the lint harness does report a real problem: an expression expanded inside run:', () => {
  expect(findingsFor(unsafeFiles).map((f) => [f.path, f.kind])).toEqual([['unsafe.yml', 'expression']])
})
