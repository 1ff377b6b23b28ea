/**
 * Real temporary git repositories for guard's tests (git is mocked only at
 * the process boundary: never). Identity and config come from the
 * environment, so a CI machine without a git identity or with a personal
 * ~/.gitconfig (merge.conflictStyle, diff.noprefix...) behaves the same.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const gitEnv: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Purple Test',
  GIT_AUTHOR_EMAIL: 'test@purple.invalid',
  GIT_COMMITTER_NAME: 'Purple Test',
  GIT_COMMITTER_EMAIL: 'test@purple.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z'
}

export interface TempRepo {
  readonly dir: string
  /** Runs git in the repo; returns trimmed stdout; throws on a non-zero exit unless `allowFail`. */
  git(args: readonly string[], options?: { allowFail?: boolean; input?: string }): string
  /** Writes files (string or bytes) into the work tree. */
  write(files: Record<string, string | Buffer>): void
  /** Writes files, stages everything, commits; returns the new commit sha. */
  commit(message: string, files?: Record<string, string | Buffer>): string
  sha(rev: string): string
}

/** Creates an empty repository on branch `main` (or wraps `dir` when given). */
export function tempRepo(dir?: string): TempRepo {
  const root = dir ?? mkdtempSync(join(tmpdir(), 'purple-guard-'))
  const run = (args: readonly string[], options: { allowFail?: boolean; input?: string } = {}): string => {
    try {
      return execFileSync('git', args, {
        cwd: root,
        env: { ...process.env, ...gitEnv },
        input: options.input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe']
      }).trim()
    } catch (e) {
      if (options.allowFail) return ((e as { stdout?: string }).stdout ?? '').trim()
      throw e
    }
  }
  if (dir === undefined) run(['init', '--quiet', '--initial-branch=main'])
  const repo: TempRepo = {
    dir: root,
    git: run,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(root, path)
        mkdirSync(dirname(full), { recursive: true })
        writeFileSync(full, content)
      }
    },
    commit(message, files = {}) {
      repo.write(files)
      run(['add', '--all'])
      run(['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message])
      return run(['rev-parse', 'HEAD'])
    },
    sha: (rev) => run(['rev-parse', '--verify', `${rev}^{commit}`])
  }
  return repo
}

/** Two branches that change the same line, merged in `style` and committed with the markers left in. */
export function committedConflict(style: 'merge' | 'diff3' | 'zdiff3', file = 'app.txt'): { repo: TempRepo; base: string; head: string } {
  const repo = tempRepo()
  const base = repo.commit('base', { [file]: 'one\ntwo\nthree\n' })
  repo.git(['checkout', '--quiet', '-b', 'other'])
  repo.commit('theirs', { [file]: 'one\nTWO from other\nthree\n' })
  repo.git(['checkout', '--quiet', 'main'])
  repo.git(['checkout', '--quiet', '-b', 'feature'])
  repo.commit('ours', { [file]: 'one\ntwo from feature\nthree\n' })
  repo.git(['-c', `merge.conflictStyle=${style}`, 'merge', '--no-edit', 'other'], { allowFail: true })
  repo.git(['commit', '--quiet', '--all', '--no-verify', '-m', 'merge other, markers left in'])
  return { repo, base, head: repo.sha('HEAD') }
}
