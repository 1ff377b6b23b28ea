import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { changelogSection, movingTags, releaseVersion } from '../scripts/release-version.mjs'

const root = resolve(import.meta.dirname, '..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')
const packageJson = read('package.json')
const changelog = read('CHANGELOG.md')
const version = (JSON.parse(packageJson) as { version: string }).version

// invented: a package.json and CHANGELOG of version 1.2.3, in the Keep a Changelog form
const pkg123 = JSON.stringify({ name: 'x', version: '1.2.3' })
const log123 = '# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-01-02\n\n### Fixed\n\n- a fix\n\n## [1.2.2] - 2026-01-01\n\n- older\n\n[1.2.3]: https://example.invalid\n'

describe('releaseVersion: the release workflow refuses a tag that is not the version being released', () => {
  it('accepts the tag of package.json\'s version when CHANGELOG.md has its section', () => {
    expect(releaseVersion('v1.2.3', pkg123, log123)).toBe('1.2.3')
  })

  it.each([
    ['v1.2.4', "does not match package.json's version '1.2.3'"],
    ['v1.2.2', "does not match package.json's version '1.2.3'"],
    ['1.2.3', 'is not a release tag'],
    ['v1.2', 'is not a release tag'],
    ['v1', 'is not a release tag'],
    ['v01.2.3', 'is not a release tag'],
    ['v1.2.3-rc.1', 'is not a release tag'],
    ['v1.2.3\n', 'is not a release tag']
  ])('refuses %j', (tag, why) => {
    const result = releaseVersion(tag, pkg123, log123)
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toContain(why)
  })

  it('refuses a version CHANGELOG.md says nothing about', () => {
    const result = releaseVersion('v1.2.3', pkg123, log123.replace('## [1.2.3] - 2026-01-02', '## [1.2.1] - 2026-01-02'))
    expect((result as Error).message).toContain("CHANGELOG.md has no '## [1.2.3]' section")
  })
})

describe('scripts/release-version.mjs check, as the workflow runs it', () => {
  it('passes for this repository: package.json and CHANGELOG.md agree on the version to release', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'release-version.mjs'), 'check', `v${version}`], { cwd: root, encoding: 'utf8' })
    expect(out).toBe(`version=${version}\n`)
  })

  it('exits 1 for a tag of another version, naming both, and writes nothing for GITHUB_OUTPUT', () => {
    const [major, minor, patch] = version.split('.').map(Number)
    const other = `v${major}.${minor}.${patch! + 1}`
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'release-version.mjs'), 'check', other], { cwd: root, encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`release refused: tag ${other} does not match package.json's version '${version}'`)
  })
})

describe('changelogSection: the release notes', () => {
  it('is the body of the version\'s section, without the next section or the link references', () => {
    expect(changelogSection(log123, '1.2.3')).toBe('### Fixed\n\n- a fix')
    expect(changelogSection(log123, '1.2.2')).toBe('- older')
    expect(changelogSection(log123, '9.9.9')).toBeUndefined()
  })

  it("holds this repository's current version, in the Keep a Changelog form", () => {
    expect(changelog).toMatch(/^## \[Unreleased\]$/m)
    expect(changelog).toMatch(new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
    expect(changelogSection(changelog, version)?.length).toBeGreaterThan(0)
  })
})

describe('movingTags: vX and vX.Y follow only the newest release of their line', () => {
  const tags = ['refs/tags/v1.0.0', 'refs/tags/v1.1.0', 'refs/tags/v1.1.1', 'refs/tags/v1', 'refs/tags/v1.1', 'refs/tags/v2.0.0']
  it.each([
    ['1.1.2', ['v1', 'v1.1']],
    ['1.0.1', ['v1.0']],
    ['1.2.0', ['v1', 'v1.2']],
    ['2.0.1', ['v2', 'v2.0']],
    ['3.0.0', ['v3', 'v3.0']],
    ['1.1.1', ['v1', 'v1.1']]
  ])('%s moves %j', (release, expected) => {
    expect(movingTags(release, tags)).toEqual(expected)
  })
})

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  needs?: string | string[]
  permissions?: Record<string, string>
  steps?: Step[]
  uses?: string
}
interface Workflow {
  on: unknown
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const workflowDir = join(root, '.github', 'workflows')
const workflowNames = readdirSync(workflowDir).filter((name) => name.endsWith('.yml'))
const workflows = workflowNames.map((name) => [name, readFileSync(join(workflowDir, name), 'utf8')] as const)

describe('the release workflow', () => {
  const release = parse(read('.github/workflows/release.yml')) as Workflow
  const needs = (job: string): string[] => {
    const direct = release.jobs[job]?.needs ?? []
    const list = Array.isArray(direct) ? direct : [direct]
    return [...new Set([...list, ...list.flatMap(needs)])]
  }

  it('runs on a pushed vX.Y.Z tag only', () => {
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } })
  })

  it('checks the tag against package.json first: every other job waits for that check', () => {
    const check = release.jobs.version!.steps!.find((step) => step.run?.includes('scripts/release-version.mjs check'))
    expect(check?.env).toEqual({ TAG: '${{ github.ref_name }}' })
    for (const job of Object.keys(release.jobs).filter((name) => name !== 'version')) expect(needs(job)).toContain('version')
  })

  it("releases and publishes only after the project's CI and check-dist passed on the tagged commit", () => {
    expect(release.jobs.ci!.uses).toBe('./.github/workflows/ci.yml')
    expect(release.jobs['check-dist']!.uses).toBe('./.github/workflows/check-dist.yml')
    for (const job of ['release', 'publish']) expect(needs(job)).toEqual(expect.arrayContaining(['ci', 'check-dist']))
  })

  it('grants contents: write only to the job that writes the release and tags, id-token: write only to publishing', () => {
    expect(release.permissions).toEqual({})
    const grants = Object.fromEntries(Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]))
    expect(grants).toEqual({
      version: { contents: 'read' },
      ci: { contents: 'read' },
      'check-dist': { contents: 'read' },
      release: { contents: 'write' },
      publish: { contents: 'read', 'id-token': 'write' }
    })
  })

  it('publishes to npm with provenance', () => {
    const runs = release.jobs.publish!.steps!.map((step) => step.run ?? '')
    expect(runs).toContain('npm publish --provenance --access public')
  })
})

describe.each(workflows)("this repository's workflow %s", (name, text) => {
  const workflow = parse(text) as Workflow
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])

  it('pins every action by full commit sha, with its version in a comment', () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)].map((m) => `${m[1]}${m[2]}`).filter((u) => !u.startsWith('./'))
    expect(uses.filter((u) => !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(u))).toEqual([])
  })

  it('checks out without persisting the token in the clone', () => {
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'))
    expect(checkouts.filter((step) => step.with?.['persist-credentials'] !== false)).toEqual([])
  })

  it("grants nothing at the top and at most read to a job (the release workflow's writes are checked above)", () => {
    expect(workflow.permissions).toEqual({})
    for (const job of Object.values(workflow.jobs)) {
      expect(job.permissions).toBeDefined()
      if (name !== 'release.yml') expect(Object.values(job.permissions!).filter((access) => access !== 'read')).toEqual([])
    }
  })

  it('never expands an expression inside run:', () => {
    expect(steps.filter((step) => step.run?.includes('${{'))).toEqual([])
  })
})

it('Dependabot keeps both the npm dependencies and the pinned actions current', () => {
  const config = parse(read('.github/dependabot.yml')) as { version: number; updates: Array<{ 'package-ecosystem': string }> }
  expect(config.version).toBe(2)
  expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
})
