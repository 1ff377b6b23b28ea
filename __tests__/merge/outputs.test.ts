/** merge's job summary as GitHub renders it: GitHub's words are text, the outcome a heading, every cell closed. */
import { mergeSummary } from '../../src/actions/merge/outputs.js'
import type { MergeResult } from '../../src/actions/merge/merge.js'
import { renderGfm } from '../harness/gfm.js'

const SHA = 'a'.repeat(40)
// invented: a hostile message, as any text GitHub echoes back could be.
const hostile = 'Nope <img src=x onerror=alert(1)> [click](https://evil.example) | pipe\n::error::pwned'

const result: MergeResult = {
  merged: false,
  mergeCommitSha: '',
  reason: 'permanent',
  message: `GitHub refused the merge: '${hostile}'.`,
  attempts: 1,
  pullNumber: 1,
  sha: SHA,
  shaPinned: true,
  timeline: [{ attempt: 1, atMs: 0, method: 'merge', status: 405, message: hostile, decision: 'permanent' }],
  updatedSha: '',
  mergeGroupSha: '',
  failingGroupChecks: []
}

describe('mergeSummary', () => {
  it('renders the outcome as a heading and GitHub\'s message as text', () => {
    const html = renderGfm(mergeSummary(result))
    expect(html).toContain('<h2>Purple merge: permanent</h2>')
    expect(html).not.toMatch(/<img|<a href="https:\/\/evil/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toMatch(/<tr><td>1<\/td><td>\+0 s<\/td><td>merge<\/td><td>HTTP 405: Nope &lt;img[^<]*\| pipe<br>::error::pwned<\/td><td>permanent<\/td><td><\/td><\/tr>/)
  })

  it('names the merge commit when merged, and the new head after a branch update', () => {
    expect(renderGfm(mergeSummary({ ...result, merged: true, reason: 'merged', mergeCommitSha: 'c'.repeat(40) }))).toMatch(
      new RegExp(`<h2>Purple merge: merged</h2>\\n<p>Pull request #1 at <code>${SHA}</code>, merge commit <code>c{40}</code>\\.</p>`)
    )
    expect(renderGfm(mergeSummary({ ...result, reason: 'branch-updated', updatedSha: 'd'.repeat(40) }))).toMatch(/updated to <code>d{40}<\/code> \(not merged\)/)
  })
})
