"use strict";
exports.id = 509;
exports.ids = [509];
exports.modules = {

/***/ 509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oF: () => (/* binding */ classifyText),
  wb: () => (/* binding */ parseRuleFile),
  FY: () => (/* binding */ withUserRules)
});

// UNUSED EXPORTS: MAX_CLASSIFIED_CHARS, builtInRules, checkPattern, compileRules

;// CONCATENATED MODULE: ./src/core/failure-rules.ts
/**
 * The failure rules: which output lines mean "try again", "wait for the rate
 * limit", "fix the credentials" or "stop, nothing will change". Data only; the
 * engine that runs them is src/core/failure-engine.ts, and both the GitHub
 * client (transient.ts) and `purple retry` / `purple classify` read this list.
 *
 * Every rule names a public thread where the tool printed the line; the test
 * __tests__/core/failure-rules.test.ts holds at least one real fixture per rule.
 * Patterns are case-insensitive, multi-line regular expressions restricted to a
 * linear-time subset (see `checkPattern`): no `*` or `+`, bounded `{m,n}` only.
 * Bump FAILURE_RULES_VERSION when a rule changes what it matches.
 */
const FAILURE_RULES_VERSION = 1;
/**
 * The rules, in the order they are checked within a class tier; permanent and
 * auth rules run before rate-limited before transient, so a transient-looking
 * consequence ("the remote end hung up") cannot hide its cause ("HTTP 401").
 */
const FAILURE_RULES = [
    // Permanent and auth: a retry sends the same request and gets the same answer.
    {
        id: 'anthropic-credit-balance',
        class: 'permanent',
        pattern: 'credit balance is too low',
        summary: 'the API account has no credit left',
        source: 'https://github.com/anthropics/claude-code/issues/66314'
    },
    {
        id: 'anthropic-extra-usage-required',
        class: 'permanent',
        pattern: 'extra usage is required',
        summary: 'the plan does not cover this request (answered as a 429, but no wait fixes it)',
        source: 'https://github.com/anthropics/claude-code/issues/27252'
    },
    {
        id: 'openai-insufficient-quota',
        class: 'permanent',
        pattern: 'insufficient_quota|exceeded your current quota',
        summary: 'the API quota or billing is exhausted (answered as a 429, but no wait fixes it)',
        source: 'https://github.com/chatanywhere/GPT_API_free/issues/229'
    },
    {
        id: 'anthropic-prompt-too-long',
        class: 'permanent',
        pattern: 'prompt is too long|request_too_large',
        summary: 'the request is larger than the model accepts',
        source: 'https://github.com/anthropics/claude-code/issues/59696'
    },
    {
        id: 'openai-context-length',
        class: 'permanent',
        pattern: "context_length_exceeded|model's maximum context length is",
        summary: 'the request is larger than the model accepts',
        source: 'https://github.com/langroid/langroid/issues/820'
    },
    {
        id: 'anthropic-authentication-error',
        class: 'auth',
        pattern: 'authentication_error|invalid x-api-key',
        summary: 'the API key was refused',
        source: 'https://github.com/cline/cline/issues/12'
    },
    {
        id: 'openai-invalid-api-key',
        class: 'auth',
        pattern: 'incorrect api key provided|invalid_api_key',
        summary: 'the API key was refused',
        source: 'https://github.com/continuedev/continue/issues/9358'
    },
    {
        id: 'github-bad-credentials',
        class: 'auth',
        pattern: '\\bbad credentials\\b',
        summary: 'GitHub refused the token',
        source: 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api'
    },
    {
        id: 'git-http-auth',
        class: 'auth',
        pattern: 'RPC failed; (?:result=\\d{1,3}, )?HTTP(?: code =)? 40[13]\\b',
        summary: 'the git server refused the credentials',
        source: 'https://github.com/gogs/gogs/issues/4718'
    },
    {
        id: 'git-authentication-failed',
        class: 'auth',
        pattern: 'fatal: Authentication failed for|support for password authentication was removed',
        summary: 'the git server refused the credentials',
        source: 'https://github.com/Shpota/github-activity-generator/issues/75'
    },
    {
        id: 'git-http-4xx',
        class: 'permanent',
        // 4xx but 408 (timeout) and 429 (rate limit): the request itself is refused or too large.
        pattern: 'RPC failed; (?:result=\\d{1,3}, )?HTTP(?: code =)? 4(?:0[0-79]|1\\d|2[0-8])\\b',
        summary: 'the git server refused the request (4xx): too large or not allowed',
        source: 'https://github.com/dear-github/dear-github/issues/433'
    },
    {
        id: 'npm-e401',
        class: 'auth',
        pattern: '\\bcode E401\\b',
        summary: 'the npm registry refused the credentials',
        source: 'https://github.com/zowe/zowe-cli/issues/445'
    },
    {
        id: 'docker-unauthorized',
        class: 'auth',
        pattern: 'unauthorized: incorrect username or password|unauthorized: authentication required',
        summary: 'the container registry refused the credentials',
        source: 'https://github.com/docker/hub-feedback/issues/1098'
    },
    {
        id: 'docker-access-denied',
        class: 'permanent',
        pattern: 'denied: requested access to the resource is denied',
        summary: 'the container registry refused access to the repository',
        source: 'https://github.com/docker/for-mac/issues/1271'
    },
    {
        id: 'node-tls-certificate',
        class: 'permanent',
        pattern: 'CERT_HAS_EXPIRED|certificate has expired|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|ERR_TLS_CERT_ALTNAME_INVALID',
        summary: "the server's TLS certificate cannot be trusted (expired, self-signed or for another name)",
        source: 'https://github.com/lobehub/lobe-cli-toolbox/issues/45'
    },
    {
        id: 'node-invalid-url',
        class: 'permanent',
        pattern: '\\bERR_INVALID_URL\\b|TypeError: Invalid URL',
        summary: 'the URL is not valid (check GITHUB_API_URL or the base URL)',
        source: 'https://nodejs.org/api/errors.html#err_invalid_url'
    },
    {
        id: 'purple-github-app-auth',
        class: 'auth',
        // Set by src/github/auth.ts when GitHub refuses the App itself (bad key, not installed).
        pattern: '\\bGITHUB_APP_AUTH\\b',
        summary: 'the GitHub App cannot authenticate',
        source: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app'
    },
    {
        id: 'command-not-found',
        class: 'permanent',
        exitCodes: [126, 127],
        summary: 'the command was not found or is not executable',
        source: 'https://www.gnu.org/software/bash/manual/html_node/Exit-Status.html'
    },
    // Rate limited: wait (for the server's hint when it gives one), then try again.
    {
        id: 'anthropic-rate-limit',
        class: 'rate-limited',
        pattern: '\\brate_limit_error\\b',
        summary: 'rate limited by the API',
        source: 'https://github.com/gsd-build/gsd-2/issues/32'
    },
    {
        id: 'anthropic-server-limiting',
        class: 'rate-limited',
        pattern: 'temporarily limiting requests',
        summary: 'the server is temporarily limiting requests',
        source: 'https://github.com/anthropics/claude-code/issues/71505'
    },
    {
        id: 'openai-rate-limit',
        class: 'rate-limited',
        pattern: '\\brate_limit_exceeded\\b|rate limit reached for',
        summary: 'rate limited by the API',
        source: 'https://github.com/n3d1117/chatgpt-telegram-bot/pull/341'
    },
    {
        id: 'docker-toomanyrequests',
        class: 'rate-limited',
        pattern: '\\btoomanyrequests\\b',
        summary: 'the container registry pull rate limit',
        source: 'https://github.com/docker/hub-feedback/issues/2429'
    },
    {
        id: 'github-secondary-rate-limit',
        class: 'rate-limited',
        pattern: 'secondary rate limit|abuse detection',
        summary: 'GitHub secondary rate limit',
        source: 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
    },
    {
        id: 'github-primary-rate-limit',
        class: 'rate-limited',
        pattern: 'API rate limit exceeded',
        summary: 'GitHub primary rate limit used up',
        source: 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits'
    },
    {
        id: 'http-too-many-requests',
        class: 'rate-limited',
        pattern: 'too many requests',
        summary: 'too many requests (HTTP 429)',
        source: 'https://github.com/ScribeMD/docker-cache/issues/829'
    },
    // Transient: the network or the far end hiccupped; the same request can succeed.
    {
        id: 'anthropic-overloaded',
        class: 'transient',
        pattern: '\\boverloaded_error\\b|\\b529 Overloaded\\b',
        summary: 'the API is overloaded (529)',
        source: 'https://github.com/anthropics/claude-code/issues/5184'
    },
    {
        id: 'anthropic-api-error',
        class: 'transient',
        pattern: '\\bapi_error\\b',
        summary: 'the API had an internal error',
        source: 'https://github.com/anthropics/claude-code/issues/61368'
    },
    {
        id: 'bun-socket-closed',
        class: 'transient',
        pattern: 'socket connection was closed unexpectedly',
        summary: 'the socket connection was closed unexpectedly',
        source: 'https://github.com/oven-sh/bun/issues/6197'
    },
    {
        id: 'undici-socket',
        class: 'transient',
        pattern: '\\bUND_ERR_SOCKET\\b',
        summary: 'socket closed by the other side',
        source: 'https://github.com/e2b-dev/E2B/issues/430'
    },
    {
        id: 'undici-other-side-closed',
        class: 'transient',
        pattern: 'other side closed',
        summary: 'connection closed by the other side',
        source: 'https://github.com/nodejs/undici/issues/2400'
    },
    {
        id: 'undici-error-code',
        class: 'transient',
        pattern: '\\bUND_ERR_\\w{1,40}',
        summary: 'undici network error',
        source: 'https://github.com/nodejs/undici/issues/2235'
    },
    {
        id: 'node-socket-hang-up',
        class: 'transient',
        pattern: 'socket hang ?up',
        summary: 'socket hang up',
        source: 'https://github.com/request/request/issues/849'
    },
    {
        id: 'node-econnreset',
        class: 'transient',
        pattern: '\\bECONNRESET\\b',
        summary: 'connection reset',
        source: 'https://github.com/npm/cli/issues/7477'
    },
    {
        id: 'node-etimedout',
        class: 'transient',
        pattern: '\\bETIMEDOUT\\b',
        summary: 'connection timed out',
        source: 'https://github.com/npm/npm/issues/15889'
    },
    {
        id: 'node-eai-again',
        class: 'transient',
        pattern: '\\bEAI_AGAIN\\b',
        summary: 'DNS lookup failed temporarily',
        source: 'https://github.com/einaregilsson/build-number/issues/8'
    },
    {
        id: 'node-econnrefused',
        class: 'transient',
        pattern: '\\bECONNREFUSED\\b',
        summary: 'connection refused',
        source: 'https://nodejs.org/api/errors.html#common-system-errors'
    },
    {
        id: 'node-enotfound',
        class: 'transient',
        pattern: '\\bENOTFOUND\\b',
        summary: 'DNS lookup failed',
        source: 'https://nodejs.org/api/errors.html#common-system-errors'
    },
    {
        id: 'node-epipe',
        class: 'transient',
        pattern: '\\bEPIPE\\b|broken pipe',
        summary: 'broken pipe (the other side closed the connection)',
        source: 'https://nodejs.org/api/errors.html#common-system-errors'
    },
    {
        id: 'node-network-down',
        class: 'transient',
        pattern: '\\bE(?:NETUNREACH|HOSTUNREACH|NETDOWN|CONNABORTED)\\b',
        summary: 'network unreachable or connection aborted',
        source: 'https://nodejs.org/api/errors.html#common-system-errors'
    },
    {
        id: 'undici-fetch-failed',
        class: 'transient',
        pattern: '\\bfetch failed\\b',
        summary: 'fetch failed',
        source: 'https://github.com/nodejs/undici/issues/2400'
    },
    {
        id: 'undici-terminated',
        class: 'transient',
        pattern: '(?:TypeError: |^)terminated\\b',
        summary: 'response terminated mid-stream',
        source: 'https://github.com/ericc-ch/copilot-api/issues/148'
    },
    {
        id: 'api-connection-error',
        class: 'transient',
        pattern: '\\bConnection error\\.',
        summary: 'the API client could not connect',
        source: 'https://github.com/chatanywhere/GPT_API_free/issues/425'
    },
    {
        id: 'api-request-timed-out',
        class: 'transient',
        pattern: '\\bRequest timed out\\.',
        summary: 'the API client timed out',
        source: 'https://github.com/langchain-ai/langchain/issues/21919'
    },
    {
        id: 'cloudflare-5xx',
        class: 'transient',
        pattern: '\\b52[0-7]: (?:Web server is returning an unknown error|Web server is down|Connection timed out|Origin is unreachable|A timeout occurred|SSL handshake failed|Invalid SSL certificate)|\\bError code 52[0-7]\\b|\\borigin_response_timeout\\b',
        summary: 'a Cloudflare 52x page: the origin behind it failed',
        source: 'https://github.com/Helicone/helicone/issues/798'
    },
    {
        id: 'npm-e5xx',
        class: 'transient',
        pattern: '\\bcode E5\\d\\d\\b',
        summary: 'the npm registry answered a server error',
        source: 'https://github.com/npm/npm/issues/20555'
    },
    {
        id: 'http-gateway-5xx',
        class: 'transient',
        pattern: '\\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time-?out)\\b',
        summary: 'a gateway or the server is unavailable (502/503/504)',
        source: 'https://github.com/npm/cli/issues/1302'
    },
    {
        id: 'git-http-5xx',
        class: 'transient',
        pattern: 'RPC failed; (?:result=\\d{1,3}, )?HTTP(?: code =)? 5\\d\\d\\b',
        summary: 'the git server answered a server error',
        source: 'https://github.com/gitbucket/gitbucket/issues/3340'
    },
    {
        id: 'git-curl-transport',
        class: 'transient',
        // curl 7 connect, 18 partial file, 28 timeout, 52 empty reply, 55/56 send/receive failure, 92 HTTP/2 stream.
        pattern: 'RPC failed; (?:curl |result=)(?:7|18|28|52|55|56|92)\\b',
        summary: 'the connection to the git server broke',
        source: 'https://github.com/desktop/desktop/issues/12186'
    },
    {
        id: 'git-remote-hung-up',
        class: 'transient',
        pattern: 'the remote end hung up unexpectedly|fatal: early EOF|unexpected disconnect while reading sideband packet',
        summary: 'the git server closed the connection',
        source: 'https://github.com/fracz/git-exercises/issues/22'
    },
    {
        id: 'docker-tls-handshake-timeout',
        class: 'transient',
        pattern: 'TLS handshake timeout',
        summary: 'TLS handshake timed out',
        source: 'https://github.com/docker/hub-feedback/issues/947'
    },
    {
        id: 'go-io-timeout',
        class: 'transient',
        pattern: '\\bi/o timeout\\b',
        summary: 'network i/o timed out',
        source: 'https://github.com/golang/go/issues/35516'
    },
    {
        id: 'go-connection-reset',
        class: 'transient',
        pattern: 'connection reset by peer',
        summary: 'connection reset',
        source: 'https://github.com/goproxyio/goproxy/issues/181'
    },
    {
        id: 'timed-out',
        class: 'transient',
        pattern: '\\btimed? ?out\\b|\\btimeout\\b',
        summary: 'timed out',
        source: 'https://github.com/yihong0618/bilingual_book_maker/issues/244'
    },
    {
        id: 'network-error',
        class: 'transient',
        pattern: '\\bpremature close\\b|\\bnetwork\\b|\\baborted\\b',
        summary: 'network error',
        source: 'https://github.com/jfromaniello/npm-install-retry/issues/14'
    }
];

// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(5033);
;// CONCATENATED MODULE: ./src/core/failure-engine.ts
/**
 * The rule engine behind every failure classification in Purple: compiles the
 * rules of src/core/failure-rules.ts (plus a user's own), checks each pattern
 * stays in a linear-time subset, and finds the rule that decides for a piece
 * of output. Pure: text and exit code in, verdict out.
 *
 * See docs/decisions.md, "Failure rules: permanent first, unknown retried".
 */


/** Longest pattern accepted, in characters. */
const MAX_PATTERN_LENGTH = 400;
/** Largest count in a `{m,n}` quantifier. */
const MAX_REPEAT = 100;
/** Cap on the product of choices (alternatives, optional parts, repeat ranges) one match start can try. */
const MAX_BRANCHING = 256;
/** Output looked at: the tail, as the cause of a failure is printed last. */
const MAX_CLASSIFIED_CHARS = 1_048_576;
const TIER = { permanent: 0, auth: 0, 'rate-limited': 1, transient: 2 };
/**
 * Why a pattern is refused, or undefined when it is in the linear-time subset:
 * no backreference or lookaround, no count on a group (`?` is fine), no unbounded
 * quantifier (`*`, `+`, `{m,}`), counts at most 100, and a bounded number of
 * choices per match start. With these, V8's backtracking does at most a
 * constant amount of work per input position, so a match is linear in the input.
 */
function checkPattern(pattern) {
    if (pattern.length === 0)
        return 'the pattern is empty';
    if (pattern.length > MAX_PATTERN_LENGTH)
        return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
    let branching = 1;
    const alternatives = [1];
    let i = 0;
    let lastAtomWasGroup = false;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '\\') {
            const next = pattern[i + 1] ?? '';
            if (/[1-9]/.test(next) || next === 'k')
                return 'backreferences are not allowed';
            i += 2;
            lastAtomWasGroup = false;
            continue;
        }
        if (c === '[') {
            const end = classEnd(pattern, i);
            if (end < 0)
                return 'a character class is not closed';
            i = end + 1;
            lastAtomWasGroup = false;
            continue;
        }
        if (c === '(') {
            if (/^\(\?<?[=!]/.test(pattern.slice(i, i + 4)))
                return 'lookahead and lookbehind are not allowed';
            alternatives.push(1);
            const named = pattern.startsWith('(?<', i) ? pattern.indexOf('>', i) : -1;
            i = pattern.startsWith('(?:', i) ? i + 3 : named > 0 ? named + 1 : i + 1;
            lastAtomWasGroup = false;
            continue;
        }
        if (c === ')') {
            branching *= alternatives.pop() ?? 1;
            if (alternatives.length === 0)
                return 'a group is closed that was never opened';
            i += 1;
            lastAtomWasGroup = true;
            continue;
        }
        if (c === '|') {
            alternatives.push((alternatives.pop() ?? 1) + 1);
            i += 1;
            continue;
        }
        if (c === '*' || c === '+')
            return `the unbounded quantifier '${c}' is not allowed: use {0,${MAX_REPEAT}} or {1,${MAX_REPEAT}}`;
        if (c === '?' || c === '{') {
            // An optional group is fine (its choices are counted below); a repeated one multiplies them per repetition.
            if (lastAtomWasGroup && c === '{')
                return 'a counted quantifier on a group is not allowed';
            const range = c === '?' ? { min: 0, max: 1, length: 1 } : parseBraces(pattern, i);
            if (typeof range === 'string')
                return range;
            branching *= range.max - range.min + 1;
            i += range.length;
            if (pattern[i] === '?')
                i += 1; // lazy modifier
            continue;
        }
        i += 1;
        lastAtomWasGroup = false;
    }
    if (alternatives.length !== 1)
        return 'a group is not closed';
    branching *= alternatives[0] ?? 1;
    if (branching > MAX_BRANCHING)
        return `the pattern has too many choices per position (${branching} > ${MAX_BRANCHING})`;
    try {
        new RegExp(pattern, 'im');
    }
    catch (e) {
        return `it is not a valid regular expression (${e instanceof Error ? e.message : String(e)})`;
    }
    return undefined;
}
function classEnd(pattern, start) {
    let i = start + 1;
    if (pattern[i] === '^')
        i += 1;
    if (pattern[i] === ']')
        i += 1;
    while (i < pattern.length) {
        if (pattern[i] === '\\')
            i += 2;
        else if (pattern[i] === ']')
            return i;
        else
            i += 1;
    }
    return -1;
}
function parseBraces(pattern, start) {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(pattern.slice(start, start + 12));
    if (m === null)
        return "a '{' must be a bounded count such as {1,40}";
    const min = Number(m[1]);
    if (m[2] !== undefined && m[3] === '')
        return `the unbounded quantifier '{${min},}' is not allowed`;
    const max = m[3] !== undefined ? Number(m[3]) : min;
    if (max < min || max > MAX_REPEAT)
        return `a count must lie within 0..${MAX_REPEAT}`;
    return { min, max, length: m[0].length };
}
/** Validates and compiles rules, permanent and auth first, then rate-limited, then transient; throws naming the rule. */
function compileRules(rules) {
    const compiled = rules.map((rule, index) => {
        if (rule.pattern === undefined && (rule.exitCodes === undefined || rule.exitCodes.length === 0)) {
            throw new Error(`failure rule '${rule.id}' has neither a pattern nor exit codes`);
        }
        if (rule.pattern === undefined)
            return { rule, index };
        const problem = checkPattern(rule.pattern);
        if (problem !== undefined)
            throw new Error(`failure rule '${rule.id}': ${problem}`);
        return { rule, regex: new RegExp(rule.pattern, 'im'), index };
    });
    // A stable sort keeps the file order within a tier.
    compiled.sort((a, b) => TIER[a.rule.class] - TIER[b.rule.class] || a.index - b.index);
    return compiled.map(({ rule, regex }) => ({ rule, regex }));
}
let builtIn;
/** The built-in rules, compiled once. */
function builtInRules() {
    builtIn ??= compileRules(FAILURE_RULES);
    return builtIn;
}
function lineAround(text, index) {
    const start = text.lastIndexOf('\n', index) + 1;
    const newline = text.indexOf('\n', index);
    const line = text.slice(start, newline < 0 ? text.length : newline).trim();
    return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
/**
 * The rule that decides for this output and exit code: the first match in tier
 * order (permanent and auth, then rate-limited, then transient), or `unknown`.
 */
function classifyText(text, options = {}) {
    const rules = options.rules ?? builtInRules();
    const tail = text.length > MAX_CLASSIFIED_CHARS ? text.slice(text.length - MAX_CLASSIFIED_CHARS) : text;
    for (const { rule, regex } of rules) {
        if (rule.exitCodes !== undefined && rule.exitCodes.length > 0) {
            if (options.exitCode === undefined || !rule.exitCodes.includes(options.exitCode))
                continue;
            if (regex === undefined)
                return { class: rule.class, rule, line: '' };
        }
        if (regex === undefined)
            continue;
        const match = regex.exec(tail);
        if (match !== null)
            return { class: rule.class, rule, line: lineAround(tail, match.index) };
    }
    return { class: 'unknown', line: '' };
}
const CLASSES = ['transient', 'rate-limited', 'auth', 'permanent'];
/**
 * Reads a user's rule file: `{"version": 1, "rules": [{"id", "class", "pattern" | "exitCodes", "summary"?, "source"?}]}`.
 * Throws an Error naming the file and the rule on anything malformed.
 */
function parseRuleFile(json, fileName) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch (e) {
        throw new Error(`rules file '${fileName}' is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const list = (0,records/* isRecord */.u)(parsed) ? parsed.rules : undefined;
    if (!Array.isArray(list))
        throw new Error(`rules file '${fileName}' must be {"version": 1, "rules": [...]}`);
    const rules = list.map((raw, n) => {
        const r = (0,records/* isRecord */.u)(raw) ? raw : {};
        const where = `rules file '${fileName}', rule ${n + 1}`;
        if (typeof r.id !== 'string' || r.id === '')
            throw new Error(`${where}: 'id' must be a non-empty string`);
        if (!CLASSES.includes(r.class)) {
            throw new Error(`${where} ('${r.id}'): 'class' must be one of ${CLASSES.join(', ')}`);
        }
        if (r.pattern !== undefined && typeof r.pattern !== 'string')
            throw new Error(`${where} ('${r.id}'): 'pattern' must be a string`);
        const codes = r.exitCodes;
        if (codes !== undefined && (!Array.isArray(codes) || !codes.every((c) => Number.isInteger(c)))) {
            throw new Error(`${where} ('${r.id}'): 'exitCodes' must be a list of integers`);
        }
        return {
            id: r.id,
            class: r.class,
            ...(typeof r.pattern === 'string' ? { pattern: r.pattern } : {}),
            ...(codes !== undefined ? { exitCodes: codes } : {}),
            summary: typeof r.summary === 'string' ? r.summary : r.id,
            source: typeof r.source === 'string' ? r.source : fileName
        };
    });
    compileRules(rules); // validates every pattern now, so a bad file fails before the first attempt
    return rules;
}
/** The user's rules ahead of the built-in ones (so they can override), compiled in tier order. */
function withUserRules(user) {
    return user.length === 0 ? builtInRules() : compileRules([...user, ...FAILURE_RULES]);
}


/***/ }),

/***/ 5033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony export asRecord */
/**
 * Reading JSON of unknown shape (GitHub answers, event payloads, rule files):
 * the one test for "an object whose fields may be read".
 */
/** Is `value` a JSON object, i.e. neither null nor an array nor a primitive? */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** `value` when it is a JSON object, else undefined (for `?.` chains over a payload). */
function asRecord(value) {
    return isRecord(value) ? value : undefined;
}


/***/ })

};
;