/**
 * The failure rules against real output: every rule has at least one line as
 * the tool printed it, copied from the public thread named next to it, and
 * the rule that decides for it is the one named first.
 */
import { checkPattern, classifyText, compileRules, parseRuleFile, withUserRules } from '../../src/core/failure-engine.js'
import { FAILURE_RULES } from '../../src/core/failure-rules.js'

// [rule that must decide, output as printed, where it was printed]
const FIXTURES: ReadonlyArray<readonly [string, string, string]> = [
  [
    'anthropic-credit-balance',
    'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"req_011CbrFTcXhtiMzr3s6EocF7"}',
    'https://github.com/anthropics/claude-code/issues/66314'
  ],
  [
    'anthropic-extra-usage-required',
    'Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Extra usage is required for long context requests."},"request_id":"req_011CYL64bdukTqA77gW8it3b"}',
    'https://github.com/anthropics/claude-code/issues/27252'
  ],
  [
    'openai-insufficient-quota',
    "Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
    'https://github.com/chatanywhere/GPT_API_free/issues/229'
  ],
  [
    'openai-insufficient-quota',
    'Error: insufficient_quota: You exceeded your current quota, please check your plan and billing details.',
    'https://github.com/zurawiki/gptcommit/issues/84'
  ],
  [
    'anthropic-prompt-too-long',
    'Error: 400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 203284 tokens > 200000 maximum"},"request_id":"req_011Cb691naMZfUYHaJNPd2Xh"}',
    'https://github.com/anthropics/claude-code/issues/59696'
  ],
  [
    'openai-context-length',
    "2025-04-15 09:10:10 - ERROR - OpenAI API request failed with error: Error code: 400 - {'error': {'message': \"This model's maximum context length is 8192 tokens. However, you requested 8334 tokens (338 in the messages, 7996 in the completion). Please reduce the length of the messages or completion.\", 'type': 'invalid_request_error', 'param': 'messages', 'code': 'context_length_exceeded'}}.",
    'https://github.com/langroid/langroid/issues/820'
  ],
  [
    'anthropic-authentication-error',
    'API request failed: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
    'https://github.com/cline/cline/issues/12'
  ],
  [
    'openai-invalid-api-key',
    '{"message":"Incorrect API key provided: kk. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}',
    'https://github.com/continuedev/continue/issues/9358'
  ],
  [
    'github-bad-credentials',
    '{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}',
    'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api'
  ],
  // git prints the cause (HTTP 401) and then the consequence (hung up): the cause decides.
  [
    'git-http-auth',
    'error: RPC failed; HTTP 401 curl 22 The requested URL returned error: 401\nfatal: The remote end hung up unexpectedly\nWriting objects: 100% (3446965/3446965), 650.43 MiB | 50.34 MiB/s, done.\nTotal 3446965 (delta 2881846), reused 3446937 (delta 2881827)\nfatal: The remote end hung up unexpectedly\nEverything up-to-date',
    'https://github.com/gogs/gogs/issues/5089'
  ],
  ['git-http-auth', 'error: RPC failed; result=22, HTTP code = 401', 'https://github.com/gogs/gogs/issues/4772'],
  [
    'git-authentication-failed',
    "remote: Support for password authentication was removed on August 13, 2021.\nremote: Please see https://docs.github.com/get-started/getting-started-with-git/about-remote-repositories#cloning-with-https-urls for information on currently recommended modes of authentication.\nfatal: Authentication failed for 'https://github.com/Bushan101/sss.git/'",
    'https://github.com/Shpota/github-activity-generator/issues/75'
  ],
  [
    'git-http-4xx',
    'Writing objects: 100% (1452/1452), 294.35 MiB | 66.83 MiB/s, done.\nTotal 1452 (delta 336), reused 0 (delta 0), pack-reused 0\nerror: RPC failed; HTTP 400 curl 22 The requested URL returned error: 400\nsend-pack: unexpected disconnect while reading sideband packet\nfatal: the remote end hung up unexpectedly\nEverything up-to-date',
    'https://github.com/dear-github/dear-github/issues/433'
  ],
  [
    'git-http-4xx',
    'error: RPC failed; result=22, HTTP code = 413\nfatal: The remote end hung up unexpectedly\nfatal: The remote end hung up unexpectedly',
    'https://github.com/gitlabhq/gitlabhq/issues/10367'
  ],
  ['npm-e401', 'npm ERR! code E401\nnpm ERR! Unable to authenticate, need: Basic realm="Artifactory Realm"', 'https://github.com/zowe/zowe-cli/issues/445'],
  [
    'npm-e401',
    'npm error code E401\nnpm error Incorrect or missing password.\nnpm error If you were trying to login, change your password, create an',
    'https://github.com/0Shark/live-interview/issues/3'
  ],
  [
    'docker-unauthorized',
    'Error response from daemon: Get https://registry-1.docker.io/v2/: unauthorized: incorrect username or password',
    'https://github.com/docker/hub-feedback/issues/1098'
  ],
  [
    'docker-access-denied',
    'f358be10862c: Skipped foreign layer\ndenied: requested access to the resource is denied',
    'https://github.com/docker/for-mac/issues/1271'
  ],
  [
    'node-tls-certificate',
    "Failed to calculate number of tokens, falling back to approximate count TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:11372:11) {\n  cause: Error: certificate has expired\n      at TLSSocket.onConnectSecure (node:_tls_wrap:1600:34) {\n    code: 'CERT_HAS_EXPIRED'\n  }\n}",
    'https://github.com/lobehub/lobe-cli-toolbox/issues/45'
  ],
  // Printed by Node 20 on this machine for `new URL('not a url')`.
  ["node-invalid-url", "TypeError: Invalid URL\n    at new URL (node:internal/url:806:29) {\n  code: 'ERR_INVALID_URL',\n  input: 'not a url'\n}", 'https://nodejs.org/api/errors.html#err_invalid_url'],
  // Purple's own App-auth failure carries this code (src/github/auth.ts).
  ['purple-github-app-auth', 'GITHUB_APP_AUTH', 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app'],
  [
    'anthropic-rate-limit',
    'Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account\'s rate limit. Please try again later."},"request_id":"req_011CYwBRWF1xNRNtAVSzDAfR"}',
    'https://github.com/gsd-build/gsd-2/issues/32'
  ],
  [
    'anthropic-server-limiting',
    'API Error: Server is temporarily limiting requests (not your     usage limit) · Rate limited',
    'https://github.com/anthropics/claude-code/issues/71505'
  ],
  [
    'openai-rate-limit',
    "error_code=None error_message='Rate limit reached for default-gpt-3.5-turbo in organization org-xxx on requests per min. Limit: 3 / min. Please try again in 20s. Contact us through our help center at help.openai.com if you continue to have issues.' error_param=None error_type=requests message='OpenAI API error received' stream_error=False",
    'https://github.com/n3d1117/chatgpt-telegram-bot/pull/341'
  ],
  [
    'docker-toomanyrequests',
    'Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    'https://github.com/docker/hub-feedback/issues/2429'
  ],
  [
    'github-secondary-rate-limit',
    '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits","status":"403"}',
    'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
  ],
  [
    'github-primary-rate-limit',
    '{"message":"API rate limit exceeded for installation ID 51234567.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits","status":"403"}',
    'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits'
  ],
  [
    'http-too-many-requests',
    'ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/rust/manifests/sha256:de6e: 429 Too Many Requests - Server message: too many requests',
    'https://github.com/ScribeMD/docker-cache/issues/829'
  ],
  [
    'anthropic-overloaded',
    'API Error (529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}) · Retrying in 1 seconds… (attempt 1/10)',
    'https://github.com/anthropics/claude-code/issues/5184'
  ],
  [
    'anthropic-overloaded',
    'API Error: 529 Overloaded. This is a server-side issue, usually temporary — try again in a moment.',
    'https://github.com/anthropics/claude-code/issues/63735'
  ],
  [
    'anthropic-api-error',
    '{"error":"Error: 500 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"api_error\\",\\"message\\":\\"Internal server error\\"},\\"request_id\\":\\"req_011CbGwJbzjfDGN6vNFPYMGA\\"}',
    'https://github.com/anthropics/claude-code/issues/61368'
  ],
  [
    'bun-socket-closed',
    'Error request:  ConnectionClosed: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()\n path: "https://appapi2.test.bankid.com/rp/v6.0/auth"',
    'https://github.com/oven-sh/bun/issues/6197'
  ],
  [
    'undici-socket',
    "TypeError: fetch failed\n    at node:internal/deps/undici/undici:12618:11 {\n  cause: SocketError: other side closed\n      at TLSSocket.onSocketEnd (node:internal/deps/undici/undici:9169:26) {\n    code: 'UND_ERR_SOCKET',",
    'https://github.com/e2b-dev/E2B/issues/430'
  ],
  [
    'undici-other-side-closed',
    'Error: other side closed at TLSSocket.onSocketEnd (node:internal/deps/undici/undici:9790:26) at TLSSocket.emit (node:events:526:35)',
    'https://github.com/Javis603/token-monitor/pull/525'
  ],
  [
    'undici-error-code',
    "TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:12789:11) {\n  cause: HeadersTimeoutError: Headers Timeout Error\n      at Timeout.onParserTimeout [as _onTimeout] (node:internal/deps/undici/undici:9457:32) {\n    code: 'UND_ERR_HEADERS_TIMEOUT'\n  }\n}",
    'https://github.com/gmpetrov/openai-chatgpt/issues/3'
  ],
  [
    'node-econnreset',
    "npm ERR! code ECONNRESET\nnpm ERR! network aborted\nnpm ERR! network This is a problem related to network connectivity.",
    'https://github.com/npm/cli/issues/7477'
  ],
  [
    'node-econnreset',
    "APIConnectionError: Connection error.\n    at OpenAI.makeRequest (node_modules/openai/client.js:295:19) {\n  cause: TypeError: fetch failed {\n    [cause]: Error: read ECONNRESET\n        at TLSWrap.onStreamRead (node:internal/stream_base_commons:216:20) {\n      errno: -4077,\n      code: 'ECONNRESET',",
    'https://github.com/chatanywhere/GPT_API_free/issues/425'
  ],
  ['node-socket-hang-up', "When trying to upload a raw body to a express server, I got:\n[Error: socket hang up] code: 'ECONNRESET'", 'https://github.com/request/request/issues/849'],
  ['node-socket-hang-up', 'Error: socket hang up\n    at TLSSocket.onHangUp (_tls_wrap.js:1124:19)', 'https://github.com/postmanlabs/newman/issues/2142'],
  ['node-etimedout', 'npm ERR! code ETIMEDOUT\nnpm ERR! errno ETIMEDOUT\nnpm ERR! syscall connect\n\nnpm ERR! network connect ETIMEDOUT 151.101.64.162:80', 'https://github.com/npm/npm/issues/15889'],
  ['node-eai-again', "Error: getaddrinfo EAI_AGAIN api.github.com\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:60:26)", 'https://github.com/einaregilsson/build-number/issues/8'],
  // Printed by Node 20 on this machine for net.connect(1, '127.0.0.1') and fetch('http://nonexistent.invalid/').
  ['node-econnrefused', 'Error: connect ECONNREFUSED 127.0.0.1:1', 'https://nodejs.org/api/errors.html#common-system-errors'],
  ['node-enotfound', "Error: getaddrinfo ENOTFOUND nonexistent.invalid\n  errno: -3008,\n  code: 'ENOTFOUND',", 'https://nodejs.org/api/errors.html#common-system-errors'],
  // Printed by Node 20 on this machine: stdout piped into `head -c1`, and net.connect(80, '2001:db8::1').
  ['node-epipe', "Error: write EPIPE\n    at WriteWrap.onWriteComplete [as oncomplete] (node:internal/stream_base_commons:95:16) {\n  errno: -32,\n  code: 'EPIPE',\n  syscall: 'write'\n}", 'https://nodejs.org/api/errors.html#common-system-errors'],
  ['node-network-down', "Error: connect EHOSTUNREACH 2001:db8::1:80\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -113,\n  code: 'EHOSTUNREACH',", 'https://nodejs.org/api/errors.html#common-system-errors'],
  [
    'undici-fetch-failed',
    'Sep 26 00:59:22 metaculus-web app[web] error [Frontend]: Fetch error: TypeError: fetch failed\nSep 26 00:59:22 metaculus-web app[web] info [Frontend]:     at node:internal/deps/undici/undici:12345:11',
    'https://github.com/Metaculus/metaculus/issues/660'
  ],
  [
    'undici-terminated',
    'Apr 10 19:10:19 focused-rutherford npx[1836]: TypeError: terminated\nApr 10 19:10:19 focused-rutherford npx[1836]:     at Fetch.onAborted (node:internal/deps/undici/undici:11322:53)',
    'https://github.com/caozhiyuan/copilot-api/issues/169'
  ],
  [
    'api-connection-error',
    '2026-05-16T05:08:16.752Z [ERROR] [OPENAI_ERROR] OpenAI API Error: Connection error.',
    'https://github.com/QwenLM/qwen-code/issues/4194'
  ],
  ['api-request-timed-out', 'openai.APITimeoutError: Request timed out.', 'https://github.com/langchain-ai/langchain/issues/21919'],
  [
    'cloudflare-5xx',
    'openai.error.APIError: HTTP code 522 from API (<!DOCTYPE html>\n<head>\n\n\n<title>oai.hconeai.com | 522: Connection timed out</title>\n<meta charset="UTF-8" />',
    'https://github.com/Helicone/helicone/issues/798'
  ],
  [
    'cloudflare-5xx',
    '  ⎿ API Error: 524 <!DOCTYPE html>\n    <title>newcli.com | 524: A timeout occurred</title>\n    <meta charset="UTF-8" />',
    'https://github.com/anthropics/claude-code/issues/16737'
  ],
  [
    'http-gateway-5xx',
    'npm ERR! 503 Service Unavailable - PUT https://registry.npmjs.org/@umai%2fshop-dashboard - Service Unavailable',
    'https://github.com/npm/cli/issues/1301'
  ],
  ['npm-e5xx', 'npm ERR! code E503\nnpm ERR! 503 Service Unavailable: @angular/cli@latest', 'https://github.com/npm/npm/issues/20555'],
  ['git-http-5xx', 'error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500', 'https://github.com/gitbucket/gitbucket/issues/3340'],
  [
    'git-http-5xx',
    "Cloning into bare repository '/home/bitergia/.perceval/repositories/cdap-git'...\nerror: RPC failed; result=22, HTTP code = 504\nfatal: The remote end hung up unexpectedly",
    'https://github.com/chaoss/grimoirelab/issues/36'
  ],
  [
    'git-curl-transport',
    'Total 80 (delta 62), reused 0 (delta 0), pack-reused 0\nerror: RPC failed; curl 92 HTTP/2 stream 0 was not closed cleanly: CANCEL (err 8)\nfatal: the remote end hung up unexpectedly\nfatal: the remote end hung up unexpectedly\nEverything up-to-date',
    'https://github.com/desktop/desktop/issues/12186'
  ],
  [
    'git-curl-transport',
    'error: RPC failed; result=18, HTTP code = 200iB | 147.00 KiB/s   \nfatal: The remote end hung up unexpectedly\nfatal: early EOF\nfatal: index-pack failed',
    'https://github.com/haddocking/haddock3/issues/829'
  ],
  [
    'git-remote-hung-up',
    'Writing objects: 100% (3/3), 336 bytes | 0 bytes/s, done.\nTotal 3 (delta 2), reused 0 (delta 0)\nfatal: The remote end hung up unexpectedly',
    'https://github.com/brackets-userland/brackets-git/issues/1008'
  ],
  [
    'docker-tls-handshake-timeout',
    'Pulling consul (progrium/consul:latest)...\nGet https://registry-1.docker.io/v2/progrium/consul/manifests/latest: net/http: TLS handshake timeout',
    'https://github.com/docker/hub-feedback/issues/947'
  ],
  [
    'go-io-timeout',
    'go: cloud.google.com/go@v0.38.0: Get https://proxy.golang.org/cloud.google.com/go/@v/v0.38.0.mod: dial tcp: i/o timeout',
    'https://github.com/golang/go/issues/35516'
  ],
  [
    'go-connection-reset',
    'github.com/coreos/etcd@v3.3.25+incompatible: read tcp 192.168.0.26:53028->119.28.201.50:443: read: connection reset by peer',
    'https://github.com/goproxyio/goproxy/issues/181'
  ],
  ['timed-out', 'Connection to api.openai.com timed out. (connect timeout=600)', 'https://github.com/yihong0618/bilingual_book_maker/issues/244'],
  ['network-error', '#0 19.00 npm verb stack Error: aborted', 'https://github.com/jfromaniello/npm-install-retry/issues/14']
]

describe('failure rules: real output decides the expected rule', () => {
  it.each(FIXTURES.map(([id, text, url]) => [id, url, text]))('%s (%s)', (id, _url, text) => {
    const verdict = classifyText(text)
    expect(verdict.rule?.id).toBe(id)
    expect(verdict.line.length).toBeGreaterThan(0)
    expect(text).toContain(verdict.line.replace(/…$/, ''))
  })

  it('every pattern rule has at least one fixture, and every fixture names a known rule', () => {
    const ids = new Set(FAILURE_RULES.map((r) => r.id))
    const covered = new Set(FIXTURES.map(([id]) => id))
    const uncovered = FAILURE_RULES.filter((r) => r.pattern !== undefined && !covered.has(r.id)).map((r) => r.id)
    expect(uncovered).toEqual([])
    expect([...covered].filter((id) => !ids.has(id))).toEqual([])
  })

  it('rule ids are unique and every rule names a public source', () => {
    const ids = FAILURE_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of FAILURE_RULES) expect(rule.source).toMatch(/^https:\/\//)
  })

  it('an exit code of 127 (bash: command not found) is permanent', () => {
    // Printed by bash 5 on this machine for `bash -c definitely-not-a-command-xyz` (exit 127).
    const verdict = classifyText('bash: line 1: definitely-not-a-command-xyz: command not found\n', { exitCode: 127 })
    expect(verdict).toMatchObject({ class: 'permanent', rule: { id: 'command-not-found' } })
  })

  it('output no rule knows is unknown (the caller decides; retry by default)', () => {
    expect(classifyText('Error: ENOSPC is not here but something odd happened', { exitCode: 1 })).toEqual({ class: 'unknown', line: '' })
  })
})

describe('failure rules: the cause decides, not the consequence', () => {
  it.each([
    // A 429 that is really billing: permanent even though rate_limit_error and "429" appear.
    ['anthropic-extra-usage-required', 'Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"Extra usage is required for long context requests."}}'],
    // Transient-looking lines after an auth failure.
    ['anthropic-authentication-error', 'Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}\nRetrying in 1 second… timed out\nTypeError: fetch failed'],
    // A quota message under a 429 that also says Too Many Requests.
    ['openai-insufficient-quota', '429 Too Many Requests\n{"error":{"message":"You exceeded your current quota","type":"insufficient_quota"}}']
  ])('%s', (id, text) => {
    expect(classifyText(text).rule?.id).toBe(id)
  })
})

describe('patterns stay in the linear-time subset', () => {
  it.each([
    ['(a+)+$', 'unbounded'],
    ['(a|aa){1,20}', 'counted quantifier on a group'],
    ['(x)\\1', 'backreferences'],
    ['foo(?=bar)', 'lookahead'],
    ['a*b', 'unbounded'],
    ['.{0,1000}', 'within 0..100'],
    ['a{2,}', 'unbounded'],
    ['.{0,100}.{0,100}', 'too many choices'],
    ['(', 'not closed'],
    ['[abc', 'not closed']
  ])('refuses %j', (pattern, problem) => {
    expect(checkPattern(pattern)).toContain(problem)
  })

  it('accepts every built-in rule', () => {
    for (const rule of FAILURE_RULES) if (rule.pattern !== undefined) expect([rule.id, checkPattern(rule.pattern)]).toEqual([rule.id, undefined])
  })

  // Inputs built to make a backtracking engine work hard: long runs of what a pattern's
  // prefix accepts, near-misses of every fixture, and no line breaks at all.
  const MB = 1_048_576
  const adversarial: Array<[string, string]> = [
    ['one long line of spaces', ' '.repeat(MB)],
    ['line breaks only', '\n'.repeat(MB)],
    ['repeated near-miss of "RPC failed; HTTP 40"', 'RPC failed; result=22, HTTP code = 4'.repeat(MB / 36)],
    ['repeated "time" without "out"', 'time time '.repeat(MB / 10)],
    ['repeated "52" and "UND_ERR_" fragments', '520: 52 UND_ERR_ '.repeat(MB / 17)],
    ['every fixture with its last character dropped, repeated', FIXTURES.map(([, t]) => t.slice(0, -1).replace(/[a-z]$/i, '')).join(' ').repeat(200).slice(0, MB)]
  ]
  function bestOf(runs: number, work: () => void): number {
    work() // compiles and warms up
    // The best run: a machine busy with other tests slows some runs; catastrophic backtracking slows every run by orders of magnitude.
    return Math.min(
      ...Array.from({ length: runs }, () => {
        const start = performance.now()
        work()
        return performance.now() - start
      })
    )
  }

  it.each(adversarial)('every rule scans 1 MB of %s in under 200 ms', (_label, text) => {
    expect(text.length).toBeGreaterThan(MB * 0.9)
    const slow = compileRules(FAILURE_RULES)
      .filter((c) => c.regex !== undefined)
      .map((c) => [c.rule.id, bestOf(2, () => c.regex?.exec(text))] as const)
      .filter(([, ms]) => ms >= 200)
    expect(slow).toEqual([])
  })

  it.each(adversarial)('the whole classification of 1 MB of %s stays well under a second', (_label, text) => {
    expect(bestOf(3, () => classifyText(text, { exitCode: 1 }))).toBeLessThan(1000)
  })
})

describe('user rule files', () => {
  it('adds a user rule ahead of the built-in ones in its tier', () => {
    const user = parseRuleFile(JSON.stringify({ version: 1, rules: [{ id: 'my-flaky-proxy', class: 'transient', pattern: 'proxy said no' }] }), 'rules.json')
    const verdict = classifyText('proxy said no\nfetch failed', { rules: withUserRules(user) })
    expect(verdict).toMatchObject({ class: 'transient', rule: { id: 'my-flaky-proxy', source: 'rules.json' }, line: 'proxy said no' })
  })

  it.each([
    ['{', "is not valid JSON"],
    ['{"rules": 1}', 'must be {"version": 1'],
    ['{"rules": [{"id": "x", "class": "maybe", "pattern": "a"}]}', "'class' must be one of"],
    ['{"rules": [{"id": "x", "class": "transient", "pattern": "(a+)+"}]}', "failure rule 'x': the unbounded quantifier"],
    ['{"rules": [{"id": "x", "class": "transient"}]}', 'neither a pattern nor exit codes']
  ])('refuses %s', (json, message) => {
    expect(() => parseRuleFile(json, 'rules.json')).toThrow(message)
  })

  it('compileRules puts permanent and auth before rate-limited before transient', () => {
    const order = compileRules(FAILURE_RULES).map((c) => c.rule.class)
    const tiers = order.map((c) => (c === 'permanent' || c === 'auth' ? 0 : c === 'rate-limited' ? 1 : 2))
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b))
  })
})
