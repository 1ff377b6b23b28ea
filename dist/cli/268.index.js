"use strict";
exports.id = 268;
exports.ids = [268];
exports.modules = {

/***/ 8477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony export actionInputs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/**
 * The one reader of action inputs through @actions/core: an InputSource with
 * the action.yml defaults applied (core.getInput gives '' for a left-out
 * input only when action.yml has no default, e.g. when run outside the runner).
 */


/** The action's inputs as the runner passes them, defaults applied; `prefix` and `shared` as in specInputSource. */
function actionInputs(inputs, prefix = '', shared = []) {
    return specInputSource(inputs, (label) => core.getInput(label), prefix, shared);
}


/***/ }),

/***/ 8721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports outputWriter, writeSummary */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _core_redaction_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3862);
/**
 * How every action reports: a typed output setter built from the action's
 * declaration (a renamed or forgotten output is a compile error), and a job
 * summary written best-effort (core.summary.write() throws when
 * GITHUB_STEP_SUMMARY is unset, as outside the runner).
 */


/** A setter that writes every declared output of `spec` (names prefixed for the root action), secrets redacted. */
function outputWriter(spec, prefix = '') {
    return (values) => {
        for (const name of Object.keys(spec.outputs)) {
            core.setOutput(`${prefix}${name}`, redactSecrets(values[name] ?? ''));
        }
    };
}
/** Appends HTML to the job summary; a summary that cannot be written never fails the step. */
async function writeSummary(html) {
    try {
        await core.summary.addRaw(redactSecrets(html), true).write();
    }
    catch (error) {
        core.debug(`job summary not written: ${error instanceof Error ? error.message : String(error)}`);
    }
    finally {
        core.summary.emptyBuffer();
    }
}


/***/ }),

/***/ 4588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ defineAction)
/* harmony export */ });
/** Declares an action spec, keeping its literal input/output names as types. */
function defineAction(spec) {
    return Object.freeze(spec);
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HO: () => (/* binding */ API_FLAGS),
  $F: () => (/* binding */ cliLog),
  q3: () => (/* binding */ cliWords),
  OX: () => (/* binding */ createCliClient),
  Cp: () => (/* binding */ flagInputs),
  bQ: () => (/* binding */ parseFlags),
  _i: () => (/* binding */ processDeps),
  eP: () => (/* binding */ requireFlag),
  BN: () => (/* binding */ resolveRepository),
  D: () => (/* binding */ runApiCommand)
});

// UNUSED EXPORTS: isAuthFailure

// EXTERNAL MODULE: ./src/core/escaping.ts
var escaping = __webpack_require__(811);
// EXTERNAL MODULE: ./src/core/redaction.ts
var redaction = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/core/transient.ts
var core_transient = __webpack_require__(2633);
;// CONCATENATED MODULE: ./src/core/github-remote.ts
/**
 * A GitHub repository named by a git remote URL (the forms `git clone` accepts
 * for GitHub: https, ssh://, scp-like `git@host:owner/name`, git://), so a
 * command run in a clone can default `--repo` to its `origin`. Pure.
 */
// GitHub's rules for logins and repository names, loose enough for every real one.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const NAME = /^[A-Za-z0-9_.-]+$/;
/** `owner/name` as a user writes it (`--repo`), or undefined when it is not one. */
function parseRepositoryName(text) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(text.trim());
    if (!match || !OWNER.test(match[1]) || !NAME.test(match[2]) || match[2] === '.' || match[2] === '..')
        return undefined;
    return { owner: match[1], repo: match[2] };
}
/** The remote URL with any `user:password@` replaced by `***@`, safe to quote in a message. */
function withoutCredentials(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}
/**
 * The repository a remote URL points at on `hosts` (github.com, plus a GitHub
 * Enterprise Server host); undefined for any other host or path shape.
 */
function repositoryOfRemote(url, hosts) {
    const text = url.trim();
    let host;
    let path;
    const scp = /^(?:[^@/:\s]+@)?([^/:\s]+):(?!\/)(.+)$/.exec(text);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        let parsed;
        try {
            parsed = new URL(text);
        }
        catch {
            return undefined;
        }
        if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol))
            return undefined;
        host = parsed.hostname;
        path = decodeURIComponent(parsed.pathname);
    }
    else if (scp) {
        host = scp[1];
        path = scp[2];
    }
    else {
        return undefined;
    }
    if (!hosts.some((h) => h.toLowerCase() === host.toLowerCase()))
        return undefined;
    return parseRepositoryName(path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/, ''));
}
/** The web host of an API root: github.com for api.github.com, HOST for a GitHub Enterprise Server's https://HOST/api/v3. */
function webHostOfApi(apiUrl) {
    try {
        const host = new URL(apiUrl).hostname.toLowerCase();
        if (host === 'api.github.com')
            return 'github.com';
        // GHE.com (data residency): the API is api.SUBDOMAIN.ghe.com, the web host SUBDOMAIN.ghe.com.
        return host.startsWith('api.') && host.endsWith('.ghe.com') ? host.slice('api.'.length) : host;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/core/describe-error.ts
var describe_error = __webpack_require__(4505);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/github/auth.ts
var auth = __webpack_require__(4921);
// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var github_client = __webpack_require__(3852);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
// EXTERNAL MODULE: ./src/cli/github-auth.ts
var github_auth = __webpack_require__(5706);
// EXTERNAL MODULE: ./src/cli/json-document.ts
var json_document = __webpack_require__(970);
;// CONCATENATED MODULE: ./src/cli/api-command.ts











/** The flags `purple wait-ci` and `purple merge` share (node:util parseArgs options). */
const API_FLAGS = Object.freeze({
    repo: { type: 'string' },
    pr: { type: 'string' },
    sha: { type: 'string' },
    interval: { type: 'string' },
    timeout: { type: 'string' },
    'max-retries': { type: 'string' },
    'request-timeout': { type: 'string' },
    json: { type: 'boolean' }
});
/** The process's environment and clock. */
const processDeps = {
    env: process.env,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
/**
 * An InputSource over parsed flags: each action input with a flag reads it (the
 * action.yml default when left out), the rest keep their defaults; errors name the flag.
 */
function flagInputs(inputs, flagOf, values) {
    return Object.freeze({
        label: (name) => (flagOf[name] === undefined ? name : `--${flagOf[name]}`),
        get: (name) => {
            const flag = flagOf[name];
            const value = flag === undefined ? undefined : values[flag];
            if (typeof value === 'string')
                return value;
            const fallback = inputs[name].default ?? '';
            // An unevaluated `${{ … }}` default means "unset" outside the runner.
            return fallback.startsWith('${{') ? '' : fallback;
        }
    });
}
/** Runs a shared parser; its "Input '--flag' is ..." error becomes a usage error naming the option. */
function parseFlags(command, parse) {
    try {
        return parse();
    }
    catch (e) {
        throw new exit_codes/* UsageError */.eb((0,describe_error/* describeError */.U)(e).replace(/^Input '--/, "option '--"), command);
    }
}
/** A whole number flag that must be given (e.g. --pr); the parsers leave "empty" to the event, the CLI has none. */
function requireFlag(value, command, message) {
    if (value === undefined)
        throw new exit_codes/* UsageError */.eb(message, command);
    return value;
}
/** The repository: --repo, else the GitHub repository the `origin` remote of `cwd` points at. */
async function resolveRepository(flag, cwd, env, command) {
    if (flag !== undefined) {
        const named = parseRepositoryName(flag);
        if (named === undefined)
            throw new exit_codes/* UsageError */.eb(`--repo is '${flag}': write owner/name, e.g. --repo octo-org/app`, command);
        return named;
    }
    const git = (0,git_git/* createGit */.l)(cwd);
    let answer;
    try {
        answer = await git.run(['remote', 'get-url', 'origin'], { okExitCodes: [0, 2, 128] });
    }
    catch (e) {
        throw new exit_codes/* UsageError */.eb(`no --repo, and git could not be asked for the origin remote (${(0,describe_error/* describeError */.U)(e)}): pass --repo owner/name`, command);
    }
    if (answer.exitCode === 128)
        throw new exit_codes/* UsageError */.eb(`no --repo, and ${cwd} is not in a git repository: pass --repo owner/name`, command);
    if (answer.exitCode !== 0)
        throw new exit_codes/* UsageError */.eb("no --repo, and this repository has no 'origin' remote: pass --repo owner/name", command);
    const url = answer.stdout.trim();
    const hosts = ['github.com', ...[webHostOfApi(safeApiUrl(env))].filter((h) => h !== undefined)];
    const named = repositoryOfRemote(url, hosts);
    if (named === undefined) {
        const where = [...new Set(hosts)].join(' or ');
        throw new exit_codes/* UsageError */.eb(`no --repo, and the origin remote '${(0,escaping/* logText */.kc)(withoutCredentials(url))}' is not a repository on ${where}: pass --repo owner/name`, command);
    }
    return named;
}
function safeApiUrl(env) {
    try {
        return (0,github_auth/* envApiUrl */.L$)(env);
    }
    catch {
        return 'https://api.github.com';
    }
}
const asIs = (text) => text;
/**
 * The messages merge and wait-ci share with the actions name action inputs ("raise 'timeout-seconds'"); on the
 * command line they name its flags (--timeout) and the App's environment variables instead. Only the hyphenated
 * inputs a command has a flag for, and the App-auth pair, each as the exact quoted form the messages use.
 */
function cliWords(flagOf) {
    const app = 'PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE';
    const pairs = [
        ["'app-id' and 'private-key'", app],
        ["'app-id', 'private-key'", app],
        ...Object.entries(flagOf).flatMap(([input, flag]) => (flag !== undefined && input.includes('-') ? [[`'${input}'`, `--${flag}`]] : []))
    ];
    return (text) => pairs.reduce((out, [from, to]) => out.replaceAll(from, to), text);
}
/** Progress lines on stderr: human lines, or with --json one JSON object per line. Secrets redacted. */
function cliLog(io, command, json, words = asIs) {
    const line = (level, message) => {
        // The work functions name themselves ("wait-ci: ..."), which the prefix already does.
        const text = (0,redaction/* redactSecrets */.f)(words(message.startsWith(`${command}: `) ? message.slice(command.length + 2) : message));
        if (json)
            io.stderr(`${JSON.stringify({ command, level, message: text })}\n`);
        else
            io.stderr(`purple ${command}: ${level === 'warning' ? 'warning: ' : ''}${(0,escaping/* logText */.kc)(text)}\n`);
    };
    return { info: (m) => line('info', m), warning: (m) => line('warning', m) };
}
/** True for a refused or unusable credential: a 401, GitHub refusing the App, a key that cannot sign. */
function isAuthFailure(error) {
    if (error instanceof auth/* GitHubAppAuthError */.XK)
        return true;
    if (error instanceof github_client/* ConfigurationError */.j1)
        return error.code === 'GITHUB_APP_AUTH';
    return typeof error === 'object' && error !== null && error.status === 401;
}
// A timer and the clock may disagree by a millisecond about when the deadline came.
const DEADLINE_SLACK_MS = 5;
/**
 * Watches every request of the client from outside its retries (a hook registered last runs
 * outermost). A request the deadline cut off says nothing about GitHub and is left out.
 */
function watchRequests(client, now, deadline) {
    const watch = { authRefused: false, lastFailedTransiently: false };
    client.octokit.hook.after('request', () => {
        watch.lastFailedTransiently = false;
    });
    client.octokit.hook.error('request', (error) => {
        if (isAuthFailure(error))
            watch.authRefused = true;
        else if (now() < deadline - DEADLINE_SLACK_MS)
            watch.lastFailedTransiently = (0,core_transient/* classifyFailure */.XE)(error).kind !== 'permanent';
        throw error;
    });
    return watch;
}
/** The client for a CLI run: its retry lines go to the progress log, no mask commands, the run's deadline. */
function createCliClient(options, log, deps, deadline) {
    let client;
    try {
        client = (0,github_client/* createGitHubClient */.LX)({ ...options, deadline, log: (m) => log.info(m), setSecret: () => undefined, now: deps.now, sleep: deps.sleep });
    }
    catch (e) {
        if (isAuthFailure(e))
            throw new github_auth/* AuthError */.lR((0,describe_error/* describeError */.U)(e).replace(/Input 'private-key'/g, 'the private key'), { cause: e });
        throw e;
    }
    return { client, requests: watchRequests(client, deps.now, deadline) };
}
/**
 * Runs an API command's body and prints its end: with --json exactly one
 * purple/v1 document on stdout, else the lines. A credential problem exits 4
 * (with a document under --json); a usage error is left to main (exit 2).
 */
async function runApiCommand(command, json, io, body, words = asIs) {
    let end;
    try {
        end = await body();
    }
    catch (e) {
        const bad = e instanceof github_client/* ConfigurationError */.j1 && e.code === 'ERR_INVALID_URL' ? new exit_codes/* UsageError */.eb(e.message, command) : e;
        if (!(bad instanceof github_auth/* AuthError */.lR))
            throw bad;
        const message = (0,redaction/* redactSecrets */.f)(bad.message);
        io.stderr(`purple ${command}: ${(0,escaping/* logText */.kc)(message)}\n`);
        if (json)
            io.stdout((0,json_document/* jsonDocument */.Q)(command, { 'exit-code': exit_codes/* EXIT_CODES */.ai.auth, error: message }));
        return exit_codes/* EXIT_CODES */.ai.auth;
    }
    const message = end.fields['message'];
    const fields = typeof message === 'string' ? { ...end.fields, message: words(message) } : end.fields;
    if (json)
        io.stdout((0,redaction/* redactSecrets */.f)((0,json_document/* jsonDocument */.Q)(command, { 'exit-code': end.code, ...fields })));
    else
        for (const line of end.lines)
            io.stdout(`${(0,escaping/* logText */.kc)((0,redaction/* redactSecrets */.f)(words(line)))}\n`);
    return end.code;
}


/***/ }),

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WAIT_CI_HELP: () => (/* binding */ WAIT_CI_HELP),
  waitCiCommand: () => (/* binding */ waitCiCommand)
});

// UNUSED EXPORTS: waitCiDocumentFields, waitCiExitCode

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/github/inputs.ts
var inputs = __webpack_require__(5446);
// EXTERNAL MODULE: ./src/actions/spec.ts
var spec = __webpack_require__(4588);
;// CONCATENATED MODULE: ./src/actions/wait-ci/io.ts


/** wait-ci's own inputs (the client's token and tuning inputs are spread in beside them). */
const io_waitCiOwnInputs = {
    'pull-request': {
        description: 'Number of the pull request whose head is verified. Empty: the pull request of the triggering event.'
    },
    sha: {
        description: 'Head sha to verify. Empty: the pull request head read at the start. If given and the pull request head differs, the wait ends with head-moved.'
    },
    required: {
        description: 'Extra required check names, one per line, added to those of branch protection and rulesets (names may contain commas).'
    },
    strict: {
        description: 'A required check that has not registered yet is pending (true) rather than absent (false). Keep true: late-registering checks are how early passes happen.',
        default: 'true'
    },
    'on-no-gate': {
        description: "What to do when no required check is known (no readable gate, empty 'required'): all-observed waits for every check observed on the head (never succeeding on none); fail stops with a failure.",
        default: 'all-observed'
    },
    ignore: {
        description: 'Check names (globs, one per line, * matches anything) not to wait on when waiting on all observed checks. Required checks are never ignored.'
    },
    'timeout-seconds': {
        description: 'Longest wait in seconds; then the conclusion is timed_out, naming what was still pending or missing.',
        default: '3600'
    },
    'interval-seconds': {
        description: 'Poll interval in seconds (fractions allowed): a change is seen within half of it, a quarter on average, because polls start every half interval while the answers are free 304s or bring news. Only while unchanged answers still cost counted requests do polls slow down, from this interval up to twice that.',
        default: '10'
    },
    'fail-fast': {
        description: 'Stop at the first failed required check (true) or wait for all of them to finish (false).',
        default: 'true'
    },
    'fail-queue-fast': {
        description: 'In a merge_group run: stop at the first failed required check (true), so the queue removes the group at once, or let the rest finish (false).',
        default: 'true'
    },
    'check-run-id': {
        description: "This job's own check run id, so the wait never waits on itself (even when the job's name is a required check). Leave the default; where the runner does not expose it, the current run's jobs API is asked (needs actions: read).",
        default: '${{ job.check_run_id }}'
    }
};
/** wait-ci's inputs and outputs, declared once. */
const io_waitCiSpec = (0,spec/* defineAction */.Q)({
    dir: 'wait-ci',
    name: 'Purple wait-ci',
    description: 'Waits until every required check of the gate definition is green on the PR head (or the merge group sha in a merge_group run).',
    inputs: {
        ...inputs/* clientInputs */.HC,
        ...io_waitCiOwnInputs
    },
    outputs: {
        conclusion: { description: 'success | failure | timed_out | head-moved' },
        sha: { description: 'The head sha that was verified (pass it to merge so it merges exactly this commit); in a merge_group run, the group sha.' },
        required: { description: 'JSON array of the required checks: [{"name", "app_id"?, "sources": [...], "state"}].' },
        failed: { description: 'JSON array of required checks that failed: [{"name", "conclusion", "url"}].' },
        pending: { description: 'JSON array of required checks still pending or never registered: [{"name", "state"}].' },
        'api-requests': {
            description: 'API requests made, as JSON: {"counted": n, "not_modified": n, "total": n} (304 answers do not count against the rate limit).'
        }
    }
});

// EXTERNAL MODULE: ./src/core/diagnosis-report.ts
var diagnosis_report = __webpack_require__(9777);
// EXTERNAL MODULE: ./src/core/summary-html.ts
var summary_html = __webpack_require__(5873);
// EXTERNAL MODULE: ./src/actions/outputs.ts
var outputs = __webpack_require__(8721);
;// CONCATENATED MODULE: ./src/actions/wait-ci/outputs.ts





/** The output values of a finished wait. */
function waitCiOutputValues(result) {
    return {
        conclusion: result.conclusion,
        sha: result.sha,
        required: JSON.stringify(result.checks.map((c) => ({ name: c.name, ...(c.appId !== undefined ? { app_id: c.appId } : {}), sources: c.sources, state: c.state }))),
        failed: JSON.stringify(result.checks.filter((c) => c.state === 'failed').map((c) => ({ name: c.name, conclusion: c.detail, url: c.url ?? null }))),
        pending: JSON.stringify(result.checks.filter((c) => c.state === 'pending' || c.state === 'missing').map((c) => ({ name: c.name, state: c.state, detail: c.detail }))),
        'api-requests': JSON.stringify({ counted: result.requests.counted, not_modified: result.requests.notModified, total: result.requests.total })
    };
}
/** The output values when the wait could not start (bad input, unreadable event): a failure, nothing observed. */
function waitCiErrorOutputValues() {
    return { conclusion: 'failure', sha: '', required: '[]', failed: '[]', pending: '[]', 'api-requests': JSON.stringify({ counted: 0, not_modified: 0, total: 0 }) };
}
const stateLabel = {
    success: '✅ success',
    pending: '⏳ pending',
    failed: '❌ failed',
    missing: '⌛ not registered',
    self: '↩️ this job'
};
// The table above already shows the required checks; the diagnosis adds only the other gates.
const CHECK_KINDS = new Set(['check-failing', 'check-pending', 'check-missing']);
/** The diagnosis's blocks without the check blockers; one line when nothing else was found. */
function otherGatesBlocks(diagnosis) {
    const title = 'What else blocks the merge';
    const blockers = diagnosis.blockers.filter((b) => !CHECK_KINDS.has(b.kind));
    if (blockers.length === 0)
        return [heading(3, title), paragraph('Nothing besides the checks was found blocking the merge.')];
    const reason = `besides the checks, ${blockers.map((b) => b.evidence).join('; ')}`;
    return renderDiagnosisHtml({ ...diagnosis, verdict: 'blocked', reason, blockers }, title);
}
/** The job summary of a finished wait, as HTML. */
function waitCiSummary(result) {
    const head = result.sha ? code(result.sha.slice(0, 12)) : '(unknown)';
    const what = result.target.kind === 'merge-group' ? ['Merge group into ', code(result.target.baseRef), ', sha '] : [`Pull request #${result.target.number}, head `];
    const blocks = [heading(2, `wait-ci: ${result.conclusion}`), paragraph([...what, head, `. ${result.message}`])];
    if (result.checks.length > 0) {
        blocks.push(table(['check', 'state', 'source', 'link', 'time to complete'], result.checks.map((c) => [
            c.name + (c.appId !== undefined ? ` (app ${c.appId})` : ''),
            `${stateLabel[c.state]} (${c.detail})`,
            c.sources.join(', '),
            c.url ? link(c.url, 'details') : '',
            c.durationMs !== undefined ? formatMs(c.durationMs) : ''
        ])));
    }
    else {
        blocks.push(paragraph('No required checks were observed.'));
    }
    if (result.diagnosis !== undefined)
        blocks.push(...otherGatesBlocks(result.diagnosis));
    blocks.push(heading(3, 'Gate sources'), list(result.gateNotes.length > 0 ? result.gateNotes : ['the gate was not read']));
    const r = result.requests;
    blocks.push(paragraph(`API requests: ${r.counted} counted against the rate limit, ${r.notModified} answered 304 Not Modified (free), ${r.total} in all, over ${result.polls} poll(s) in ${formatMs(result.elapsedMs)}.`));
    return renderSummary(blocks);
}
/** Sets every output and writes the job summary (best-effort); never fails the step. */
async function writeWaitCiOutputs(result, prefix = '') {
    outputWriter(waitCiSpec, prefix)(waitCiOutputValues(result));
    await writeSummary(waitCiSummary(result));
}
/** Sets every output and a summary saying why the wait could not start. */
async function writeWaitCiError(message, prefix = '') {
    outputWriter(waitCiSpec, prefix)(waitCiErrorOutputValues());
    await writeSummary(renderSummary([heading(2, 'wait-ci: failure'), paragraph(`The wait could not start: ${message}`)]));
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/actions/input-source.ts
var input_source = __webpack_require__(8477);
;// CONCATENATED MODULE: ./src/actions/wait-ci/settings.ts





/** Pure: builds the options from wait-ci's inputs (its own action's, or the root action's `wait-…`). */
function parseWaitCiOptions(inputs) {
    const sha = (0,core_inputs/* parseShaInput */.AW)(inputs, 'sha');
    const onNoGate = inputs.get('on-no-gate').trim();
    if (onNoGate !== 'all-observed' && onNoGate !== 'fail')
        throw (0,core_inputs/* inputError */.Xu)(inputs.label('on-no-gate'), onNoGate, "write 'all-observed' or 'fail'.");
    const pullRequest = (0,core_inputs/* parsePullRequestInput */.gF)(inputs, 'pull-request');
    const options = {
        ...(pullRequest === undefined ? {} : { pullRequest }),
        ...(sha === undefined ? {} : { sha }),
        required: inputs.get('required'),
        strict: (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'strict'),
        onNoGate,
        ignore: inputs
            .get('ignore')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== ''),
        timeoutMs: (0,core_inputs/* parseSecondsInput */.lp)(inputs, 'timeout-seconds', { min: 1 }),
        intervalMs: (0,core_inputs/* parseSecondsInput */.lp)(inputs, 'interval-seconds', { min: 0.01 }),
        failFast: (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'fail-fast'),
        failQueueFast: (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'fail-queue-fast')
    };
    // Empty where the runner has no job.check_run_id (GHES before 3.18): the jobs API is asked instead.
    const checkRunId = (0,core_inputs/* parsePositiveIntegerInput */.Vm)(inputs, 'check-run-id', "the job's check run id");
    return Object.freeze(checkRunId === undefined ? options : { ...options, checkRunId });
}
function positiveInteger(value) {
    const n = Number(value);
    return value !== undefined && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined;
}
/** The run ids the runner sets (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, RUNNER_NAME, GITHUB_JOB). */
function readWaitCiRun(env) {
    const runId = positiveInteger(env['GITHUB_RUN_ID']);
    return Object.freeze({
        ...(runId === undefined ? {} : { runId }),
        attempt: positiveInteger(env['GITHUB_RUN_ATTEMPT']) ?? 1,
        ...(env['RUNNER_NAME'] ? { runnerName: env['RUNNER_NAME'] } : {}),
        ...(env['GITHUB_JOB'] ? { jobKey: env['GITHUB_JOB'] } : {})
    });
}
/**
 * The rest of the settings around already-parsed options (the root action parses its `wait-…`
 * inputs itself): the repository, what to verify (the 'pull-request' input, else a merge_group
 * event's group, else the event's pull request) and the run ids.
 */
function resolveWaitCiSettings(client, options, env) {
    const context = readGitHubContext(env);
    const group = options.pullRequest === undefined ? mergeGroupFromPayload(context.payload) : undefined;
    if (group && options.sha !== undefined && options.sha !== group.headSha) {
        // The queue merges the group's commit, so verifying any other would vouch for a commit that is not merged.
        throw new Error(`Input 'sha' is '${options.sha}', but this merge_group run tests the group commit ${group.headSha}: leave 'sha' empty in merge_group runs.`);
    }
    const target = group
        ? { kind: 'merge-group', headSha: group.headSha, baseRef: group.baseRef }
        : { kind: 'pull-request', number: requirePullRequest(context, options.pullRequest).number };
    return Object.freeze({ client, options, repository: context.repository, target: Object.freeze(target), run: readWaitCiRun(env) });
}
/** Reads and validates every wait-ci input, the environment and the event payload. */
function readWaitCiSettings(env = process.env) {
    return resolveWaitCiSettings(readClientSettings(env), parseWaitCiOptions(actionInputs(waitCiOwnInputs)), env);
}

// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var client = __webpack_require__(3852);
// EXTERNAL MODULE: ./src/github/conditional.ts
var conditional = __webpack_require__(7059);
// EXTERNAL MODULE: ./src/core/escaping.ts
var escaping = __webpack_require__(811);
// EXTERNAL MODULE: ./src/core/transient.ts
var core_transient = __webpack_require__(2633);
// EXTERNAL MODULE: ./src/core/check-state.ts
var check_state = __webpack_require__(5235);
// EXTERNAL MODULE: ./src/core/required-checks.ts
var required_checks = __webpack_require__(1518);
;// CONCATENATED MODULE: ./src/core/gate-tracker.ts
/**
 * The gate as a long wait knows it: the last reading of each source and the
 * required set built from them. A source is replaced only by a reading that
 * succeeded, or by a refusal when it was never read well before: a failed
 * re-read never shrinks the set (a 404 mid-wait must not drop `test` and let
 * the rest pass early).
 */

const initialGate = Object.freeze({ readings: Object.freeze({}) });
/** The name of a source in messages. */
function sourceLabel(source) {
    return source === 'protection' ? 'branch protection' : 'rulesets';
}
/** Read the gate this poll: never read in full yet, or the planner says a re-read is due. */
function gateReadDue(state, refreshDue) {
    return state.required === undefined || state.pendingWhy !== undefined || refreshDue;
}
/** Folds one read of both sources into the gate (pure: keep-last-good and the rebuilt set). */
function updateGate(state, answers, at, input) {
    const readings = { ...state.readings };
    const kept = [];
    let pendingWhy;
    for (const source of ['protection', 'ruleset']) {
        const answer = answers[source];
        const previous = state.readings[source];
        if ('reading' in answer) {
            if (answer.reading.ok || previous === undefined || !previous.ok)
                readings[source] = answer.reading;
            else
                kept.push({ source, reason: answer.reading.reason });
        }
        else if (previous === undefined) {
            pendingWhy = `${sourceLabel(source)}: ${answer.pending}`;
        }
    }
    if (pendingWhy !== undefined) {
        return { state: { ...state, readings, pendingWhy }, changed: false, kept };
    }
    const required = (0,required_checks/* buildRequiredSet */.Ox)([readings.protection, readings.ruleset], input.required, input.onNoGate);
    const changed = state.required === undefined || JSON.stringify(required.checks) !== JSON.stringify(state.required.checks);
    return { state: { readings, lastReadAt: at, required }, changed, kept };
}

// EXTERNAL MODULE: ./src/core/durations.ts
var durations = __webpack_require__(778);
;// CONCATENATED MODULE: ./src/core/poll-schedule.ts
/**
 * When wait-ci polls next: two polls per base interval, start to start, while
 * the answers are free (304 Not Modified) or carry news, so a change waits a
 * quarter of the interval on average and never more than half of it (plus the
 * poll's own time); growing from the base interval only while unchanged answers
 * still cost counted requests; never before a rate-limit wait ends; the gate
 * re-read now and then; and a final poll at the deadline rather than a silent overrun.
 * See docs/decisions.md, "wait-ci polls at a fixed rate while answers are free"
 * and "wait-ci polls twice per interval while answers are free".
 */

/** Production defaults for a given base interval and timeout. */
function defaultPollPolicy(intervalMs, timeoutMs) {
    return {
        intervalMs,
        freeIntervalMs: intervalMs / 2,
        // Reached only while unchanged answers still cost counted requests (no ETag support on the way).
        maxIntervalMs: intervalMs * 2,
        backoffFactor: 1.5,
        gateRefreshMs: Math.max(intervalMs, 5 * 60_000),
        timeoutMs
    };
}
/** Plans the next poll, or says the wait is over. */
function planNextPoll(policy, clock) {
    const deadline = clock.startedAt + policy.timeoutMs;
    if (clock.now >= deadline)
        return { action: 'timeout', reason: `no verdict after ${(0,durations/* formatMs */._V)(policy.timeoutMs)}` };
    // Free answers (all 304s) cost nothing to repeat, so only a poll that spent counted requests backs off.
    const streak = clock.changed || clock.counted === 0 ? 0 : clock.unchangedStreak + 1;
    const interval = streak === 0 ? policy.freeIntervalMs : Math.min(policy.intervalMs * policy.backoffFactor ** streak, Math.max(policy.maxIntervalMs, policy.intervalMs));
    // Start to start: the time the poll took is not added to the gap, so a change waits half a gap on average.
    let delay = Math.max(0, (clock.pollStartedAt ?? clock.now) + interval - clock.now);
    if (clock.notBefore !== undefined) {
        if (clock.notBefore > deadline) {
            return { action: 'timeout', reason: `rate limited until after the deadline (${(0,durations/* formatMs */._V)(policy.timeoutMs)})` };
        }
        delay = Math.max(delay, clock.notBefore - clock.now);
    }
    // The last poll happens at the deadline itself, so a check that went green just before it still counts.
    delay = Math.max(0, Math.min(delay, deadline - clock.now));
    const pollAt = clock.now + delay;
    return {
        action: 'poll',
        delayMs: Math.round(delay),
        unchangedStreak: streak,
        refreshGate: pollAt - clock.lastGateReadAt >= policy.gateRefreshMs
    };
}

// EXTERNAL MODULE: ./src/core/diagnosis.ts
var diagnosis = __webpack_require__(8410);
// EXTERNAL MODULE: ./src/github/merge-facts.ts
var merge_facts = __webpack_require__(4037);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/actions/runtime.ts
/**
 * The production clock, sleep and log every action's deps default to; tests
 * pass their own (a fake clock, a sleep that advances it, a collecting log).
 */


/** The real clock, a real timer and the runner's log. */
const runtime_productionRuntime = Object.freeze({
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    // Every line passes neutralizeCommands: outside text inside a message can start no workflow command.
    log: Object.freeze({ info: (m) => core/* info */.pq((0,escaping/* neutralizeCommands */.Kw)(m)), warning: (m) => core/* warning */.$e(m) })
});

// EXTERNAL MODULE: ./src/github/ci-reads.ts
var ci_reads = __webpack_require__(3783);
;// CONCATENATED MODULE: ./src/actions/wait-ci/own-check-run.ts
/**
 * This job's own check run, so the wait never waits on itself: from the
 * `check-run-id` input, else once from the current run's jobs API (asked
 * again next poll after a transient failure).
 */



/** A resolver for this job: the input's id, or the jobs API of `run`. */
function ownCheckRunResolver(checkRunId, run, log) {
    let own = checkRunId !== undefined ? { id: checkRunId, via: 'input' } : undefined;
    let done = own !== undefined;
    return {
        current: () => own,
        async resolve(reader) {
            if (done)
                return;
            done = true;
            if (run.runId === undefined) {
                log.info("no 'check-run-id' and no GITHUB_RUN_ID: this job's own check run is unknown (fine outside GitHub Actions)");
                return;
            }
            try {
                const found = await (0,ci_reads/* findOwnCheckRun */.BD)(reader, {
                    runId: run.runId,
                    attempt: run.attempt,
                    ...(run.runnerName ? { runnerName: run.runnerName } : {}),
                    ...(run.jobKey ? { jobKey: run.jobKey } : {})
                });
                if (found) {
                    own = { id: found.checkRunId, via: 'jobs-api' };
                    log.info(`this job's check run: ${found.checkRunId} ('${(0,escaping/* logText */.kc)(found.name)}'), from the jobs API of run ${run.runId}`);
                }
                else {
                    log.warning(`could not tell this job's check run among the jobs of run ${run.runId}; if its name is a required check, the wait cannot pass`);
                }
            }
            catch (error) {
                const { verdict, description } = (0,core_transient/* explainFailure */.SP)(error);
                const why = (0,escaping/* logText */.kc)(description);
                if (verdict.kind !== 'permanent') {
                    // Not blocking: without the id this job only looks pending, which can never pass early.
                    done = false;
                    log.info(`jobs of run ${run.runId} not read (${why}); trying again next poll`);
                }
                else {
                    log.warning(`could not read the jobs of run ${run.runId} to find this job's check run (${why}); grant 'actions: read' or pass 'check-run-id'`);
                }
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/actions/wait-ci/wait-ci.ts
/**
 * wait-ci's work: read the gate, then poll the head's check runs and statuses
 * until every required check is green, one fails, the head moves or the time
 * runs out. Never `success` while a required check is missing, pending or
 * failing; an API error is never "zero checks".
 */













/** Production deps: a client from the settings, the real clock and the runner's log. */
function createWaitCiDeps(settings) {
    // timeout-seconds is a hard limit: past it the client starts no retry or rate-limit wait.
    const deadline = productionRuntime.now() + settings.options.timeoutMs;
    return { ...productionRuntime, client: createGitHubClient({ ...settings.client, deadline }) };
}
/** How often a wait where nothing changes says it is still waiting. */
const HEARTBEAT_MS = 5 * 60_000;
/** Waits on the head's required checks and returns a plain result (sets no outputs, throws for no outcome). */
async function waitCi(settings, deps) {
    const { options } = settings;
    const wait = {
        settings,
        deps,
        reader: { client: deps.client, repo: settings.repository, etags: (0,conditional/* createEtagCache */.i)() },
        policy: defaultPollPolicy(options.intervalMs, options.timeoutMs),
        own: ownCheckRunResolver(options.checkRunId, settings.run, deps.log),
        startedAt: deps.now(),
        statsAtStart: deps.client.stats(),
        failFast: settings.target.kind === 'merge-group' ? options.failQueueFast : options.failFast,
        gate: initialGate,
        lastKey: '',
        lastReportAt: deps.now(),
        warnedIgnored: false,
        polls: 0
    };
    const { owner, repo } = settings.repository;
    const what = settings.target.kind === 'merge-group' ? `merge group ${settings.target.headSha} into '${(0,escaping/* logText */.kc)(settings.target.baseRef)}'` : `pull request #${settings.target.number}`;
    deps.log.info(`wait-ci: ${what} of ${owner}/${repo}`);
    const result = await withStatusDurations(finish(wait, await waitLoop(wait)), wait);
    return await withDiagnosis(result, wait);
}
/** Polls once, asks the planner when to poll next, sleeps; until a poll or the planner ends the wait. */
async function waitLoop(wait) {
    let streak = 0;
    let refreshGate = false;
    for (;;) {
        wait.polls++;
        const [pollStartedAt, before] = [wait.deps.now(), wait.deps.client.stats().counted];
        const poll = await pollOnce(wait, refreshGate);
        if ('end' in poll)
            return poll.end;
        const plan = planNextPoll(wait.policy, {
            startedAt: wait.startedAt,
            now: wait.deps.now(),
            pollStartedAt,
            changed: poll.changed,
            counted: wait.deps.client.stats().counted - before,
            unchangedStreak: streak,
            lastGateReadAt: wait.gate.lastReadAt ?? wait.startedAt,
            ...(poll.notBefore !== undefined ? { notBefore: poll.notBefore } : {})
        });
        if (plan.action === 'timeout')
            return { conclusion: 'timed_out', message: timeoutMessage(plan.reason, wait.evaluation, wait.gate.pendingWhy) };
        streak = plan.unchangedStreak;
        refreshGate = plan.refreshGate;
        await wait.deps.sleep(plan.delayMs);
    }
}
/**
 * One poll: the head and base on the first, this job's check run, the gate when due, what the head
 * shows, then the head again: what was observed counts only if the head is still the one it is about.
 * Reading the checks first keeps the time from a change to its detection at half a gap between polls.
 */
async function pollOnce(wait, refreshGate) {
    try {
        const moved = wait.head === undefined ? await readHead(wait) : undefined;
        if (moved)
            return { end: moved };
        await wait.own.resolve(wait.reader);
        const gateChanged = gateReadDue(wait.gate, refreshGate) ? await readGate(wait) : false;
        const outcome = await judgeChecks(wait, gateChanged);
        const movedSince = await readHead(wait);
        return movedSince ? { end: movedSince } : outcome;
    }
    catch (error) {
        const now = wait.deps.now();
        const { verdict, description } = (0,core_transient/* explainFailure */.SP)(error, { now });
        const what = (0,escaping/* logText */.kc)(description);
        if (verdict.kind === 'permanent')
            return { end: { conclusion: 'failure', message: `GitHub refused a read the wait needs: ${what}` } };
        // The client already retried; the wait goes on and asks again at the next poll.
        wait.deps.log.warning(`poll ${wait.polls} failed: ${what}; the wait goes on`);
        const notBefore = verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined ? now + verdict.retryAfterMs : undefined;
        return notBefore === undefined ? { changed: false } : { changed: false, notBefore };
    }
}
/** The head: judged only as first read; a move makes any verdict stale. A merge group's sha cannot move. */
async function readHead(wait) {
    const { target, options } = wait.settings;
    if (target.kind === 'merge-group') {
        // The settings made sure a 'sha' input, if any, is the group's.
        if (wait.head === undefined) {
            wait.head = { sha: target.headSha, baseRef: target.baseRef };
            wait.deps.log.info(`merge group ${wait.head.sha}, base branch '${(0,escaping/* logText */.kc)(target.baseRef)}'`);
        }
        return undefined;
    }
    const pull = await (0,ci_reads/* readPull */.Es)(wait.reader, target.number);
    if (wait.head === undefined) {
        if (options.sha !== undefined && options.sha !== pull.headSha) {
            wait.head = { sha: options.sha, baseRef: pull.baseRef };
            return { conclusion: 'head-moved', message: `the pull request head is ${pull.headSha}, not the 'sha' input ${options.sha}: the verified sha would be stale` };
        }
        wait.head = { sha: pull.headSha, baseRef: pull.baseRef };
        wait.deps.log.info(`head ${pull.headSha}, base branch '${(0,escaping/* logText */.kc)(pull.baseRef)}'`);
    }
    else if (pull.headSha !== wait.head.sha) {
        return { conclusion: 'head-moved', message: `the head moved from ${wait.head.sha} to ${pull.headSha} during the wait: the verified sha would be stale` };
    }
    return undefined;
}
/** Reads one gate source; a permanent failure is a reading that says why, a transient one is retried next poll. */
async function readSource(source, read) {
    try {
        return { reading: { source, ok: true, entries: await read() } };
    }
    catch (error) {
        const { verdict, description } = (0,core_transient/* explainFailure */.SP)(error);
        if (verdict.kind === 'permanent')
            return { reading: { source, ok: false, reason: description } };
        return { pending: description };
    }
}
/** Reads both gate sources and folds them in; true when the required set changed. */
async function readGate(wait) {
    const { log } = wait.deps;
    const branch = wait.head.baseRef;
    const [protection, ruleset] = await Promise.all([
        readSource('protection', () => (0,ci_reads/* readBranchGate */.a5)(wait.reader, branch)),
        readSource('ruleset', () => (0,ci_reads/* readRulesGate */.$i)(wait.reader, branch))
    ]);
    const update = updateGate(wait.gate, { protection, ruleset }, wait.deps.now(), wait.settings.options);
    wait.gate = update.state;
    for (const k of update.kept)
        log.warning(`re-reading ${sourceLabel(k.source)} failed (${(0,escaping/* logText */.kc)(k.reason)}); keeping the last reading`);
    const required = update.state.required;
    if (update.state.pendingWhy !== undefined) {
        if (required === undefined)
            log.info(`gate not read yet (${(0,escaping/* logText */.kc)(update.state.pendingWhy)}); trying again next poll`);
        return false;
    }
    if (update.changed && required !== undefined) {
        for (const note of required.notes)
            log.info(`gate: ${(0,escaping/* logText */.kc)(note)}`);
        for (const r of required.readings) {
            if (!r.ok)
                log.warning(`${sourceLabel(r.source)} of '${(0,escaping/* logText */.kc)(branch)}' could not be read: ${(0,escaping/* logText */.kc)(r.reason)}`);
        }
        log.info(`required: ${(0,escaping/* logText */.kc)(required.checks.map((c) => c.name + (c.appId ? ` (app ${c.appId})` : '')).join(', ')) || '(none)'}`);
    }
    return update.changed;
}
/** Reads what the head shows and judges it against the gate. */
async function judgeChecks(wait, gateChanged) {
    const { deps, settings } = wait;
    const { options } = settings;
    const required = wait.gate.required;
    if (required?.mode === 'fail') {
        wait.evaluation = (0,check_state/* evaluateChecks */.Jn)({ required, runs: [], statuses: [], ignore: [], strict: true, failFast: true });
        return { end: { conclusion: 'failure', message: `no required checks known and on-no-gate is 'fail': ${required.notes.join('; ')}` } };
    }
    const sha = wait.head.sha;
    // With a few required names, query each by name: churn among the other checks then costs nothing.
    const names = required?.mode === 'gate' ? [...new Set(required.checks.map((c) => c.name))] : undefined;
    const byName = names !== undefined && names.length <= ci_reads/* MAX_NAMED_QUERIES */.Ir ? names : undefined;
    const [checkRuns, statuses] = await (0,ci_reads/* allReads */.RC)([
        (0,ci_reads/* readCheckRuns */.zd)(wait.reader, sha, byName),
        (0,ci_reads/* readStatuses */.r_)(wait.reader, sha)
    ]);
    if (required === undefined)
        return { changed: gateChanged };
    const own = wait.own.current();
    const evaluation = (0,check_state/* evaluateChecks */.Jn)({
        required,
        runs: checkRuns.runs,
        statuses,
        ...(own ? { ownCheckRunId: own.id } : {}),
        ignore: options.ignore,
        strict: options.strict,
        failFast: wait.failFast
    });
    wait.evaluation = evaluation;
    if (evaluation.ignoredRequired.length > 0 && !wait.warnedIgnored) {
        wait.warnedIgnored = true;
        deps.log.warning(`'ignore' matches required check(s) ${(0,escaping/* logText */.kc)(evaluation.ignoredRequired.join(', '))}: required checks are never ignored (GitHub would block the merge on them)`);
    }
    const changed = reportProgress(wait, evaluation) || gateChanged;
    // A success needs a consistent listing (pages that shifted may hide a run) and a gate read in full this time round.
    const consistent = checkRuns.runs.length >= checkRuns.totalCount;
    if (evaluation.verdict === 'failure')
        return { end: { conclusion: 'failure', message: evaluation.line } };
    if (evaluation.verdict === 'success' && consistent && wait.gate.pendingWhy === undefined)
        return { end: { conclusion: 'success', message: evaluation.line } };
    return { changed };
}
/** Logs a change, or now and then that the wait is still alive; true when something changed. */
function reportProgress(wait, evaluation) {
    const { deps } = wait;
    const key = (0,check_state/* observationKey */.oL)(evaluation);
    if (key !== wait.lastKey) {
        wait.lastKey = key;
        wait.lastReportAt = deps.now();
        deps.log.info(`poll ${wait.polls}: ${(0,escaping/* logText */.kc)(evaluation.line)}`);
        return true;
    }
    if (deps.now() - wait.lastReportAt >= HEARTBEAT_MS) {
        // A quiet hour-long wait still shows it is alive, and what it costs so far.
        wait.lastReportAt = deps.now();
        const so = requestDelta(deps.client, wait.statsAtStart);
        deps.log.info(`still waiting after ${(0,durations/* formatMs */._V)(deps.now() - wait.startedAt)} (poll ${wait.polls}, ${so.counted} counted requests, ${so.notModified} not modified): ${(0,escaping/* logText */.kc)(evaluation.line)}`);
    }
    return false;
}
function finish(wait, end) {
    const { settings, deps } = wait;
    const required = wait.gate.required;
    const own = wait.own.current();
    return {
        conclusion: end.conclusion,
        sha: wait.head?.sha ?? settings.options.sha ?? '',
        target: settings.target,
        ...(settings.target.kind === 'pull-request' ? { pullRequest: settings.target.number } : {}),
        message: end.message,
        mode: required?.mode ?? 'unknown',
        checks: wait.evaluation?.checks ?? [],
        gateNotes: required?.notes ?? [],
        readings: Object.values(wait.gate.readings).map((r) => (r.ok ? { source: r.source, ok: true } : { source: r.source, ok: false, reason: r.reason })),
        requests: requestDelta(deps.client, wait.statsAtStart),
        polls: wait.polls,
        elapsedMs: deps.now() - wait.startedAt,
        ...(own ? { ownCheckRun: own } : {})
    };
}
function timeoutMessage(reason, evaluation, gatePendingWhy) {
    const parts = [`timed out: ${reason}`];
    if (gatePendingWhy)
        parts.push(`the gate could not be read (${gatePendingWhy})`);
    const checks = evaluation?.checks ?? [];
    const missing = checks.filter((c) => c.state === 'missing').map((c) => c.name);
    const pending = checks.filter((c) => c.state === 'pending').map((c) => `${c.name} (${c.detail})`);
    const failed = checks.filter((c) => c.state === 'failed').map((c) => `${c.name} (${c.detail})`);
    for (const name of missing)
        parts.push(`missing required check: ${name}`);
    if (pending.length > 0)
        parts.push(`still pending: ${pending.join(', ')}`);
    if (failed.length > 0)
        parts.push(`failed: ${failed.join(', ')}`);
    if (evaluation === undefined)
        parts.push('no poll completed');
    else if (checks.length === 0)
        parts.push('no checks were observed on the head');
    return parts.join('; ');
}
function requestDelta(client, start) {
    const now = client.stats();
    return { counted: now.counted - start.counted, notModified: now.notModified - start.notModified, total: now.requests - start.requests };
}
/**
 * Dates the commit statuses that decided (the combined view only has the newest status of a
 * context, created when it finished) from the status history: one request, only when a status
 * was judged, and best effort: the verdict never depends on it.
 */
async function withStatusDurations(result, wait) {
    const dated = result.checks.filter((c) => c.kind === 'status' && c.state !== 'pending');
    if (dated.length === 0 || result.sha === '')
        return result;
    const { client, log } = wait.deps;
    try {
        const durations = (0,check_state/* statusDurations */.We)(await (0,ci_reads/* readStatusHistory */.$9)(wait.reader, result.sha));
        const checks = result.checks.map((c) => c.kind === 'status' && c.state !== 'pending' && durations.has(c.name) ? { ...c, durationMs: durations.get(c.name) } : c);
        return { ...result, checks, requests: requestDelta(client, wait.statsAtStart) };
    }
    catch (error) {
        log.info(`status history not read (${(0,escaping/* logText */.kc)((0,core_transient/* describeFailure */.Ic)(error))}); times to complete of statuses left out`);
        return { ...result, requests: requestDelta(client, wait.statsAtStart) };
    }
}
// Rereads of an UNKNOWN mergeability: a few seconds at most, after the wait already ended.
const DIAGNOSIS_READS = 2;
/**
 * After a failed or timed-out wait on a pull request, reads once what else blocks its merge
 * (reviews, conversations, the branch), so a pipeline sees the next gate before it tries to
 * merge. Best effort: a failed read never changes the conclusion or the outputs.
 */
async function withDiagnosis(result, wait) {
    const { target } = wait.settings;
    if (target.kind !== 'pull-request' || result.sha === '' || (result.conclusion !== 'failure' && result.conclusion !== 'timed_out'))
        return result;
    const { client, log, sleep } = wait.deps;
    try {
        const facts = await (0,merge_facts/* readMergeFacts */.Wd)(client, wait.settings.repository, target.number, { sleep, maxReads: DIAGNOSIS_READS, log: (m) => log.info(m) });
        return { ...result, diagnosis: (0,diagnosis/* diagnose */.h4)(facts), requests: requestDelta(client, wait.statsAtStart) };
    }
    catch (error) {
        log.info(`Could not read what else blocks pull request #${target.number} (${(0,escaping/* logText */.kc)((0,core_transient/* describeFailure */.Ic)(error))}); the outcome above stands, without a diagnosis.`);
        return { ...result, requests: requestDelta(client, wait.statsAtStart) };
    }
}

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
// EXTERNAL MODULE: ./src/cli/api-command.ts + 1 modules
var api_command = __webpack_require__(6572);
// EXTERNAL MODULE: ./src/cli/github-auth.ts
var github_auth = __webpack_require__(5706);
;// CONCATENATED MODULE: ./src/cli/wait-ci-command.ts
/**
 * `purple wait-ci`: the wait-ci action's work (src/actions/wait-ci) from a
 * terminal or an orchestrator's container. Same parsers, same decisions, the
 * same outputs (as JSON values under --json); the exit code routes the caller.
 */








const WAIT_CI_HELP = `Usage: purple wait-ci [--repo <owner/name>] --pr <number> [--sha <sha>] [options]
       purple wait-ci [--repo <owner/name>] --sha <sha> --base <branch> [options]

Waits until every required check of the base branch's gate is green on the pull
request's head (or on --sha with --base: a merge group's commit, or a push). Never
green while a required check is missing, pending or failing.

Options:
  --repo <owner/name>     Default: the GitHub repository of the 'origin' remote here.
  --pr <number>           The pull request whose head is verified.
  --sha <sha>             The head to verify; with --pr, a different head ends with head-moved.
  --base <branch>         With --sha and no --pr: the branch whose gate applies.
  --interval <s>          Poll interval in seconds (default ${io_waitCiOwnInputs['interval-seconds'].default}): a change is seen
                          within half of it (polls run every half interval while answers are free 304s).
  --timeout <s>           Longest wait in seconds (default ${io_waitCiOwnInputs['timeout-seconds'].default}); then timed_out.
  --max-retries <n>       Retries of one API request after a transient failure (default 4).
  --request-timeout <s>   Longest time one API request may take (default 30).
  --json                  Print one purple/v1 document with the outputs; progress as JSON lines on stderr.

Token: GH_TOKEN, else GITHUB_TOKEN; or a GitHub App: PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE
(or PURPLE_PRIVATE_KEY). API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 success, 1 failure or head-moved, 2 usage, 4 authentication,
8 timed out (still pending), 75 timed out while GitHub could not be reached.
`;
/** The flag of each wait-ci input the command line sets; the others keep the action's defaults. */
const FLAGS = { 'pull-request': 'pr', sha: 'sha', 'timeout-seconds': 'timeout', 'interval-seconds': 'interval' };
/** The exit code of a finished wait: the conclusion, a refused credential, or a wait GitHub never answered at its end. */
function waitCiExitCode(conclusion, requests) {
    if (conclusion === 'success')
        return exit_codes/* EXIT_CODES */.ai.success;
    if (requests.authRefused)
        return exit_codes/* EXIT_CODES */.ai.auth;
    if (conclusion === 'timed_out')
        return requests.lastFailedTransiently ? exit_codes/* EXIT_CODES */.ai.transientExhausted : exit_codes/* EXIT_CODES */.ai.notYet;
    return exit_codes/* EXIT_CODES */.ai.failure;
}
/** Output names whose action values are JSON text: the document holds them parsed. */
const JSON_OUTPUTS = new Set(['required', 'failed', 'pending', 'api-requests']);
/** wait-ci's outputs, each as a JSON value, under the action's names. */
function waitCiDocumentFields(result) {
    const values = waitCiOutputValues(result);
    const fields = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON_OUTPUTS.has(name) ? JSON.parse(value) : value]));
    return fields;
}
function humanLines(result) {
    const lines = [`wait-ci: ${result.conclusion}${result.sha ? ` at ${result.sha}` : ''}: ${result.message}`];
    for (const c of result.checks.filter((check) => check.state === 'failed'))
        lines.push(`  failed: ${c.name} (${c.detail})${c.url ? ` ${c.url}` : ''}`);
    return lines;
}
/** `purple wait-ci`; returns the exit code. */
async function waitCiCommand(args, io, deps = api_command/* processDeps */._i) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: [...args],
        allowPositionals: true,
        options: {
            ...api_command/* API_FLAGS */.HO,
            base: { type: 'string' }
        }
    });
    if (positionals.length > 0)
        throw new exit_codes/* UsageError */.eb(`unexpected argument '${positionals[0]}': use --pr, or --sha with --base`, 'wait-ci');
    const json = values.json ?? false;
    const options = (0,api_command/* parseFlags */.bQ)('wait-ci', () => parseWaitCiOptions((0,api_command/* flagInputs */.Cp)(io_waitCiOwnInputs, FLAGS, values)));
    const target = waitTarget(options.pullRequest, options.sha, values.base);
    const words = (0,api_command/* cliWords */.q3)(FLAGS);
    return await (0,api_command/* runApiCommand */.D)('wait-ci', json, io, async () => {
        const repository = await (0,api_command/* resolveRepository */.BN)(values.repo, io.cwd, deps.env, 'wait-ci');
        const clientOptions = (0,github_auth/* readCliClientSettings */.L4)(deps.env, values, repository, { cwd: io.cwd, command: 'wait-ci' });
        const settings = Object.freeze({ client: clientOptions, options, repository, target, run: Object.freeze({ attempt: 1 }) });
        const log = (0,api_command/* cliLog */.$F)(io, 'wait-ci', json, words);
        // --timeout is a hard limit: past it the client starts no retry or rate-limit wait.
        const { client, requests } = (0,api_command/* createCliClient */.OX)(clientOptions, log, deps, deps.now() + options.timeoutMs);
        const result = await waitCi(settings, { client, now: deps.now, sleep: deps.sleep, log });
        return { code: waitCiExitCode(result.conclusion, requests), fields: { ...waitCiDocumentFields(result), message: result.message }, lines: humanLines(result) };
    }, words);
}
/** What to verify: --pr's head, or --sha on --base (a merge group or a push); anything else is a usage error. */
function waitTarget(pullRequest, sha, base) {
    if (base !== undefined) {
        if (pullRequest !== undefined)
            throw new exit_codes/* UsageError */.eb('--base is for a commit without a pull request: give --pr, or --sha with --base, not both', 'wait-ci');
        if (sha === undefined)
            throw new exit_codes/* UsageError */.eb('--base needs --sha: the commit to verify (a merge group sha or a pushed commit)', 'wait-ci');
        if (base.trim() === '' || /\s/.test(base))
            throw new exit_codes/* UsageError */.eb(`--base is '${base}': write the branch name, e.g. --base main`, 'wait-ci');
        return Object.freeze({ kind: 'merge-group', headSha: sha, baseRef: base.trim().replace(/^refs\/heads\//, '') });
    }
    if (pullRequest === undefined)
        throw new exit_codes/* UsageError */.eb('missing --pr: write the pull request number, e.g. --pr 42 (or --sha with --base for a commit without one)', 'wait-ci');
    return Object.freeze({ kind: 'pull-request', number: pullRequest });
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports readRepository, pullRequestFromPayload, mergeGroupFromPayload, readEventPayload, readGitHubContext, requirePullRequest */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Where the action runs: the repository (GITHUB_REPOSITORY) and the pull
 * request of the triggering event (GITHUB_EVENT_PATH). Read on call, never at
 * import, from an env passed in (tests give their own).
 */


/** owner/repo from GITHUB_REPOSITORY; a clear error when it is unset or malformed. */
function readRepository(env = process.env) {
    const value = env['GITHUB_REPOSITORY']?.trim() ?? '';
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
    if (!match) {
        throw new Error(value === ''
            ? 'GITHUB_REPOSITORY is not set: run this inside GitHub Actions, or set it to owner/repo.'
            : `GITHUB_REPOSITORY is '${value}': expected 'owner/repo'.`);
    }
    return { owner: match[1], repo: match[2] };
}
function str(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function fromPullObject(pr) {
    if (typeof pr.number !== 'number' || !Number.isInteger(pr.number) || pr.number <= 0)
        return undefined;
    const head = asRecord(pr.head);
    const base = asRecord(pr.base);
    const ref = { number: pr.number };
    if (str(head?.sha))
        ref.headSha = str(head?.sha);
    if (str(head?.ref))
        ref.headRef = str(head?.ref);
    if (str(base?.ref))
        ref.baseRef = str(base?.ref);
    if (str(base?.sha))
        ref.baseSha = str(base?.sha);
    return ref;
}
/**
 * The pull request an event payload is about: pull_request / pull_request_target /
 * pull_request_review(_comment) (`pull_request`), issue_comment on a PR
 * (`issue.pull_request`), check_suite / check_run / workflow_run (their first
 * `pull_requests` entry). Undefined when the event names none.
 */
function pullRequestFromPayload(payload) {
    const pr = asRecord(payload.pull_request);
    if (pr)
        return fromPullObject(pr);
    const issue = asRecord(payload.issue);
    if (issue && asRecord(issue.pull_request) && typeof issue.number === 'number')
        return { number: issue.number };
    for (const key of ['check_suite', 'check_run', 'workflow_run']) {
        const holder = key === 'check_run' ? asRecord(asRecord(payload.check_run)?.check_suite) ?? asRecord(payload.check_run) : asRecord(payload[key]);
        const list = holder?.pull_requests;
        if (Array.isArray(list) && list.length > 0) {
            const first = asRecord(list[0]);
            if (first)
                return fromPullObject(first);
        }
    }
    return undefined;
}
/**
 * The merge group of a `merge_group` event (`merge_group.head_sha`, and `merge_group.base_ref`
 * written as a full ref, e.g. `refs/heads/main`); undefined when the payload has none.
 */
function mergeGroupFromPayload(payload) {
    const group = asRecord(payload.merge_group);
    const headSha = str(group?.head_sha);
    const baseRef = str(group?.base_ref);
    if (headSha === undefined || baseRef === undefined)
        return undefined;
    return { headSha, baseRef: baseRef.replace(/^refs\/heads\//, '') };
}
/** The triggering event's payload from GITHUB_EVENT_PATH ({} when unset); a clear error when it cannot be read. */
function readEventPayload(env = process.env) {
    const path = env['GITHUB_EVENT_PATH']?.trim() ?? '';
    if (path === '')
        return {};
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        throw new Error(`GITHUB_EVENT_PATH is '${path}' but it cannot be read (${error.message}).`, { cause: error });
    }
    try {
        return asRecord(JSON.parse(text)) ?? {};
    }
    catch (error) {
        throw new Error(`GITHUB_EVENT_PATH '${path}' does not hold JSON: the runner writes the event payload there.`, { cause: error });
    }
}
/** Repository, event name and payload, and the event's pull request, from the runner's environment. */
function readGitHubContext(env = process.env) {
    const repository = readRepository(env);
    const eventName = env['GITHUB_EVENT_NAME']?.trim() ?? '';
    const payload = readEventPayload(env);
    const pullRequest = pullRequestFromPayload(payload);
    return { repository, eventName, payload, ...(pullRequest ? { pullRequest } : {}) };
}
/**
 * The pull request to act on: the explicit number (a 'pull-request' input)
 * when given, else the event's; a clear error naming the input when neither exists.
 */
function requirePullRequest(context, explicit, inputName = 'pull-request') {
    if (explicit !== undefined) {
        return context.pullRequest?.number === explicit ? context.pullRequest : { number: explicit };
    }
    if (context.pullRequest)
        return context.pullRequest;
    const event = context.eventName === '' ? 'this run' : `the '${context.eventName}' event of this run`;
    throw new Error(`Cannot tell which pull request to use: input '${inputName}' is empty and ${event} names no pull request. ` +
        `Run on 'pull_request' events, or set '${inputName}', e.g. '\${{ github.event.pull_request.number }}' or a step output.`);
}


/***/ })

};
;