import { parseRepositoryName, repositoryOfRemote, webHostOfApi, withoutCredentials } from '../../src/core/github-remote.js'

const demo = { owner: 'octo-org', repo: 'purple-demo' }

describe('repositoryOfRemote', () => {
  // The clone URL forms of https://docs.github.com/en/get-started/git-basics/about-remote-repositories
  // (https, ssh scp-like) and git's own URL syntax (https://git-scm.com/docs/git-clone#_git_urls: ssh://, git://, a port).
  it.each([
    ['https://github.com/octo-org/purple-demo.git', demo],
    ['https://github.com/octo-org/purple-demo', demo],
    ['https://github.com/octo-org/purple-demo/', demo],
    ['git@github.com:octo-org/purple-demo.git', demo],
    ['github.com:octo-org/purple-demo.git', demo],
    ['ssh://git@github.com/octo-org/purple-demo.git', demo],
    ['ssh://git@github.com:22/octo-org/purple-demo.git', demo],
    ['git://github.com/octo-org/purple-demo.git', demo],
    ['https://x-access-token:ghs_abc@github.com/octo-org/purple-demo.git', demo],
    ['https://GitHub.com/octo-org/purple-demo.git', demo],
    ['https://github.com/octo-org/my.dotted.repo.git', { owner: 'octo-org', repo: 'my.dotted.repo' }],
    ['https://ghe.example.com/octo-org/purple-demo.git', demo]
  ])('%s -> %j', (url, expected) => {
    expect(repositoryOfRemote(url, ['github.com', 'ghe.example.com'])).toEqual(expected)
  })

  it.each([
    'https://gitlab.com/octo-org/purple-demo.git',
    'https://github.com/octo-org/group/purple-demo.git',
    'https://github.com/octo-org',
    'file:///srv/git/purple-demo.git',
    '/srv/git/purple-demo.git',
    '../purple-demo',
    'https://github.com.evil.example/octo-org/purple-demo.git',
    ''
  ])('%s is no repository on github.com', (url) => {
    expect(repositoryOfRemote(url, ['github.com'])).toBeUndefined()
  })
})

describe('parseRepositoryName', () => {
  it.each([
    ['octo-org/purple-demo', demo],
    [' octo-org/purple-demo ', demo]
  ])('%j -> %j', (text, expected) => expect(parseRepositoryName(text)).toEqual(expected))

  it.each(['octo-org', 'octo-org/purple-demo/extra', '-octo/purple', 'octo-org/..', 'octo org/purple', ''])('%j is not owner/name', (text) => {
    expect(parseRepositoryName(text)).toBeUndefined()
  })
})

describe('withoutCredentials and webHostOfApi', () => {
  it.each([
    ['https://oauth2:glpat-secret@gitlab.com/a/b.git', 'https://***@gitlab.com/a/b.git'],
    ['https://x-access-token:ghs_abc@github.com/a/b', 'https://***@github.com/a/b'],
    ['git@github.com:a/b.git', 'git@github.com:a/b.git'],
    ['https://github.com/a/b', 'https://github.com/a/b']
  ])('%s -> %s', (url, shown) => expect(withoutCredentials(url)).toBe(shown))

  it.each([
    ['https://api.github.com', 'github.com'],
    ['https://ghe.example.com/api/v3', 'ghe.example.com'],
    ['https://api.octocorp.ghe.com', 'octocorp.ghe.com'],
    ['not a url', undefined]
  ])('%s -> %s', (api, host) => expect(webHostOfApi(api)).toBe(host))
})
