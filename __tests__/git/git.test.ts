/** The one git runner: failures become rejections with a clear message, never an uncaught exception. */
import { join } from 'node:path'
import { createGit } from '../../src/git/git.js'
import { tempRepo } from './temp-repo.js'

describe('createGit', () => {
  it('a consumer that throws while git streams ends that call with its error (no uncaught exception)', async () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'a\n'.repeat(10_000) })
    const git = createGit(repo.dir)
    await expect(
      git.stream(['cat-file', 'blob', 'HEAD:a.txt'], {
        onData: () => {
          throw new RangeError('Invalid string length')
        }
      })
    ).rejects.toThrow('Invalid string length')
  })

  it('a collected answer larger than the bound is refused with a message, not a crash', async () => {
    const repo = tempRepo()
    repo.commit('one', { 'a.txt': 'a\n'.repeat(10_000) })
    await expect(createGit(repo.dir, { maxOutputBytes: 1000 }).run(['cat-file', 'blob', 'HEAD:a.txt'])).rejects.toThrow('printed more than 1000 bytes')
  })

  it.each([
    ['missing-dir', undefined, 'does not exist'],
    ['', '/nonexistent/git', "git was not found ('/nonexistent/git')"]
  ])('spawn failure (directory %j, git %j) is named', async (sub, gitPath, message) => {
    const repo = tempRepo()
    await expect(createGit(join(repo.dir, sub), { gitPath }).run(['status'])).rejects.toThrow(message)
  })
})
