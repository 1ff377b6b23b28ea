"use strict";
exports.id = 131;
exports.ids = [131];
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

/***/ 7131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MERGE_HELP: () => (/* binding */ MERGE_HELP),
  mergeCommand: () => (/* binding */ mergeCommand)
});

// UNUSED EXPORTS: mergeDocumentFields, mergeExitCode

// EXTERNAL MODULE: ./src/core/escaping.ts
var escaping = __webpack_require__(811);
// EXTERNAL MODULE: ./src/core/durations.ts
var durations = __webpack_require__(778);
// EXTERNAL MODULE: ./src/core/summary-html.ts
var summary_html = __webpack_require__(5873);
// EXTERNAL MODULE: ./src/core/records.ts
var records = __webpack_require__(5033);
;// CONCATENATED MODULE: ./src/core/merge-queue.ts
/**
 * Decisions about GitHub's merge queue over plain data: whether a branch
 * requires the queue, what an observed queue entry means for the next step,
 * which checks of a merge group failed, and the words Purple says about each
 * outcome. Purple enqueues (never arms auto-merge) and follows the entry to
 * its end; see docs/decisions.md, "Merge queue: enqueue the verified head and
 * follow it".
 */




const numberOrNull = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOrNull = (value) => (typeof value === 'string' && value !== '' ? value : null);
/**
 * The `merge_queue` rule in a `GET /repos/{o}/{r}/rules/branches/{b}` answer
 * (all pages), or null. That endpoint lists only rules of active rulesets, so
 * any `merge_queue` rule there is enforced.
 */
function mergeQueueRuleOf(rules) {
    const rule = rules.find((r) => (0,records/* isRecord */.u)(r) && r.type === 'merge_queue');
    if (!(0,records/* isRecord */.u)(rule))
        return null;
    const p = (0,records/* isRecord */.u)(rule.parameters) ? rule.parameters : {};
    return {
        rulesetId: numberOrNull(rule.ruleset_id),
        checkResponseTimeoutMinutes: numberOrNull(p.check_response_timeout_minutes),
        mergeMethod: stringOrNull(p.merge_method),
        groupingStrategy: stringOrNull(p.grouping_strategy)
    };
}
// The direct-merge refusal on a queue-only branch: plain or under the ruleset header.
const QUEUE_REFUSAL = /changes must be made through the merge queue/i;
/** True when a merge answer is GitHub's refusal of a direct merge on a branch that requires the queue. */
function isMergeQueueRefusal(status, message) {
    return status === 405 && QUEUE_REFUSAL.test(message);
}
/**
 * Whether a queue is required: from the branch's rules when they were read,
 * else from a merge refusal. No rule and no refusal means no queue.
 */
function queueRequirement(input) {
    const rule = input.rules ? mergeQueueRuleOf(input.rules) : null;
    if (rule)
        return { required: true, source: 'rule', rule };
    const refusal = input.refusal;
    if (refusal && isMergeQueueRefusal(refusal.status, refusal.message))
        return { required: true, source: 'refusal', message: refusal.message };
    return { required: false };
}
/** What merge does: merge directly (no queue), enqueue (`auto` with a queue), or stop naming the queue (`off`). */
function queuePath(requirement, mode) {
    if (!requirement.required)
        return 'merge';
    return mode === 'auto' ? 'enqueue' : 'refuse';
}
/** The message when the branch requires the queue and `merge-queue` is `off`. */
function queueOffMessage(requirement) {
    const how = requirement.required && requirement.source === 'refusal' ? ` (GitHub: ${(0,escaping/* logText */.kc)(requirement.message.trim())})` : '';
    return `The base branch takes changes only through the merge queue${how}, and 'merge-queue' is 'off': nothing was merged. Set 'merge-queue: auto' to let merge enqueue the verified head and follow it.`;
}
/**
 * Default wait before a commit GitHub should have started workflows on (a merge group, the head a branch
 * update made) is called never-started: GitHub creates check suites within seconds of the event, and without
 * them a wait only runs out its budget. Three minutes ends well inside merge's default 300 s budget.
 */
const NEVER_STARTED_AFTER_MS = 3 * 60_000;
/**
 * The one never-started rule, for merge groups and updated heads alike: events made with the job's
 * GITHUB_TOKEN start no workflow runs, so a commit with no check suite and no workflow run after
 * `neverStartedAfterMs` never will. `probe`: old enough, look (again) for a suite or run.
 * See docs/decisions.md, "Never started: one rule for merge groups and updated heads".
 */
function startVerdict(facts) {
    if (facts.started === true)
        return 'started';
    if (facts.ageMs < facts.neverStartedAfterMs)
        return 'too-young';
    return facts.started === false ? 'never-started' : 'probe';
}
const groupVerdict = (entry, facts) => entry?.state === 'AWAITING_CHECKS' && entry.groupSha !== null
    ? startVerdict({ ageMs: facts.groupAgeMs, started: facts.groupStarted, neverStartedAfterMs: facts.neverStartedAfterMs })
    : 'too-young';
/** True when the follower should look for a check suite or workflow run of the group sha. */
function shouldProbeGroup(entry, facts) {
    const verdict = groupVerdict(entry, facts);
    return verdict === 'probe' || verdict === 'never-started';
}
/**
 * Decides the next step from one read. `merged` decides first: GitHub records
 * a removal from the queue on a successful merge too, and the two land in
 * either order, so an entry that vanished unmerged is confirmed by a second
 * read before it counts as an ejection.
 */
function nextQueueStep(snapshot, facts) {
    if (snapshot.merged || snapshot.pullState === 'MERGED')
        return { kind: 'merged', mergeCommitSha: snapshot.mergeCommitSha };
    const entry = snapshot.entry;
    if (entry === null) {
        const closed = snapshot.pullState === 'CLOSED';
        // A removal that says `merged` is a merge GitHub has not shown on the pull request yet: never an ejection.
        const mergingNow = snapshot.removal?.reason === 'merged';
        if (!closed && (mergingNow || facts.readsWithoutEntry < 2))
            return { kind: 'waiting', entry: null, probeGroup: false };
        return { kind: 'ejected', reason: snapshot.removal?.reason ?? null, closed };
    }
    const verdict = groupVerdict(entry, facts);
    if (verdict === 'never-started' && entry.groupSha !== null)
        return { kind: 'group-never-started', groupSha: entry.groupSha };
    return { kind: 'waiting', entry, probeGroup: verdict === 'probe' };
}
const FAILED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale']);
const FAILED_STATES = new Set(['failure', 'error']);
/**
 * The failing checks of a merge group, newest run per name, by name. After an
 * ejection the pull request's own checks still read green: the group's checks
 * ran on another sha, so they are the only evidence of what failed.
 */
function failingGroupChecks(checks) {
    const newest = new Map();
    for (const check of checks) {
        const key = `${check.kind}\u0000${check.name}`;
        const current = newest.get(key);
        if (!current || check.order > current.order)
            newest.set(key, check);
    }
    return [...newest.values()]
        .filter((c) => (c.kind === 'check-run' ? FAILED_CONCLUSIONS.has(c.outcome) : FAILED_STATES.has(c.outcome)))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** Why Purple enqueues with an App: the job token's merge group starts no workflows. */
const APP_AUTH_ADVICE = "Use GitHub App auth ('app-id' and 'private-key'; Purple refreshes the App token itself): events made with the job's GITHUB_TOKEN start no workflow runs, so a merge group it creates runs no merge_group workflows and waits until the queue removes it (see docs/decisions.md, \"Merge queue: enqueue the verified head and follow it\").";
/** The warning before enqueueing with the job's token, or with one that may be it; null for an App's or a person's. */
function tokenAuthWarning(owner) {
    if (owner === 'other')
        return null;
    if (owner === 'actions')
        return `Enqueueing with the job's GITHUB_TOKEN: the merge group it creates will start no workflows. ${APP_AUTH_ADVICE}`;
    return `Enqueueing with a token that may be the job's GITHUB_TOKEN: if it is, the merge group will start no workflows. ${APP_AUTH_ADVICE}`;
}
/** The warning after a branch update made with the job's token, or with one that may be it; null for an App's or a person's. */
function branchUpdateWarning(owner, sha) {
    if (owner === 'other')
        return null;
    const who = owner === 'actions' ? "the job's GITHUB_TOKEN" : "a token that may be the job's GITHUB_TOKEN";
    return (`The branch was updated with ${who}: GitHub starts no workflow for a push made with a workflow's GITHUB_TOKEN, so checks may never start on ${sha}. ` +
        "Use GitHub App auth ('app-id' and 'private-key') or a personal token so the new head gets its checks.");
}
/** Plain words for a removal reason (GraphQL `RemovedFromMergeQueueEvent.reason`); unknown reasons are quoted. */
function removalReasonText(reason) {
    if (reason === null || reason.trim() === '')
        return 'GitHub gave no reason';
    if (reason === 'failed_checks')
        return "the merge group's required checks failed";
    return `reason '${(0,escaping/* logText */.kc)(reason)}'`;
}
const merge_queue_short = (sha) => (sha ? sha.slice(0, 7) : 'unknown');
/** The message for a pull request the queue merged. */
function queueMergedMessage(pull, mergeCommitSha, groupSha) {
    const group = groupSha ? ` (merge group ${merge_queue_short(groupSha)})` : '';
    return `The merge queue merged pull request #${pull}${group}: merge commit ${merge_queue_short(mergeCommitSha)}.`;
}
/** The message for an entry the queue removed without merging, naming each failing group check with its link. */
function queueEjectedMessage(input) {
    const how = input.closed ? 'was closed while in the merge queue' : 'was removed from the merge queue without merging';
    const parts = [`Pull request #${input.pull} ${how}: ${removalReasonText(input.reason)}.`];
    if (input.failing.length > 0) {
        const named = input.failing.map((c) => `'${(0,escaping/* logText */.kc)(c.name)}' (${(0,escaping/* logText */.kc)(c.outcome)}${c.url ? `: ${(0,escaping/* logText */.kc)(c.url)}` : ''})`);
        parts.push(`Failing checks of merge group ${merge_queue_short(input.groupSha)}: ${named.join(', ')}.`);
    }
    else if (input.groupSha) {
        parts.push(`No failing check was found on merge group ${merge_queue_short(input.groupSha)}.`);
    }
    parts.push("The pull request's own checks may still read green: fix what failed in the group, then enqueue again.");
    return parts.join(' ');
}
/** Why nothing started for a merge group, by whose token enqueued it (an App's or a person's starts workflows). */
function groupCause(owner) {
    if (owner === 'actions')
        return `The enqueue was made with the job's GITHUB_TOKEN. ${APP_AUTH_ADVICE}`;
    if (owner === 'other') {
        return "The enqueue was not made with the job's GITHUB_TOKEN, so the likely cause is that no workflow has a 'merge_group:' trigger: add one to the workflows that report the required checks.";
    }
    return `Either the enqueue was made with the job's GITHUB_TOKEN or no workflow has a 'merge_group:' trigger. ${APP_AUTH_ADVICE}`;
}
/** The message for a merge group that started nothing; `owner`: whose token enqueued it. */
function groupNeverStartedMessage(pull, groupSha, waitedMs, owner) {
    return (`Merge group ${merge_queue_short(groupSha)} of pull request #${pull} has no check suite and no workflow run after ${(0,durations/* formatMs */._V)(waitedMs)}: ` +
        `nothing will report its required checks, and the queue will remove the entry when its check timeout ends. ${groupCause(owner)}`);
}
/** The message for the head a branch update made when nothing started on it (see startVerdict); `owner`: whose token updated it. */
function updatedHeadNeverStartedMessage(sha, waitedMs, owner) {
    const start = `No check suite and no workflow run exists for the updated head ${sha} after ${formatMs(waitedMs)}: `;
    const advice = "Use GitHub App auth ('app-id' and 'private-key'; Purple refreshes the App token itself) so the new head gets its checks.";
    if (owner === 'other') {
        return `${start}the update was not made with the job's GITHUB_TOKEN, so the likely cause is the 'pull_request' triggers (types, branches, paths) of the workflows that report the required checks.`;
    }
    const who = owner === 'actions' ? "a branch update made with the job's GITHUB_TOKEN" : "a branch update made with the job's GITHUB_TOKEN (which this token may be)";
    return `${start}${who} starts no workflows, so its required checks will never report. ${advice}`;
}
/** The message when the budget ends first; carries the never-started diagnosis when nothing started for the group. */
function queueTimeoutMessage(input) {
    const where = input.entry
        ? `still in the merge queue (${input.entry.state}${input.entry.position !== null ? `, position ${input.entry.position}` : ''})`
        : 'not merged';
    const parts = [`Pull request #${input.pull} is ${where} after ${(0,durations/* formatMs */._V)(input.waitedMs)}, the 'timeout-seconds' budget; it stays queued.`];
    if (input.groupStarted === false && input.entry?.groupSha) {
        parts.push(`Its merge group ${merge_queue_short(input.entry.groupSha)} has no check suite and no workflow run. ${groupCause(input.owner)}`);
    }
    if (input.checkResponseTimeoutMinutes !== null) {
        parts.push(`The queue waits up to ${input.checkResponseTimeoutMinutes} minutes for required checks: give 'timeout-seconds' about ${input.checkResponseTimeoutMinutes * 60} to follow an entry to its end.`);
    }
    return parts.join(' ');
}
/** The message for an enqueue GitHub refused: its own words, which name the blocker precisely. */
function enqueueRefusedMessage(pull, githubMessage) {
    return `GitHub refused to add pull request #${pull} to the merge queue: ${(0,escaping/* logText */.kc)(githubMessage)}`;
}
/** The note for `delete-branch` when the queue merged: the queue deletes or keeps the head branch by its own setting. */
const QUEUE_DELETE_BRANCH_NOTE = "delete-branch skipped: the merge queue merged this pull request, and the repository's own setting decides whether its head branch is deleted.";
/** Job-summary blocks for a queue outcome: the message, the group and merge commit, and each failing group check linked. */
function merge_queue_queueSummaryBlocks(outcome) {
    const blocks = [paragraph(outcome.message)];
    const facts = [
        ['merge group', outcome.mergeGroupSha],
        ['merge commit', outcome.mergeCommitSha]
    ];
    const shown = facts.filter(([, sha]) => sha !== '');
    if (shown.length > 0)
        blocks.push(table(['', 'sha'], shown.map(([label, sha]) => [label, code(sha)])));
    if (outcome.failingChecks.length > 0) {
        const rows = outcome.failingChecks.map((c) => [c.url ? link(c.url, c.name) : c.name, c.kind === 'status' ? 'status' : 'check run', c.outcome]);
        blocks.push(table(['failing check of the merge group', 'kind', 'outcome'], rows));
    }
    return blocks;
}

// EXTERNAL MODULE: ./src/core/diagnosis-report.ts
var diagnosis_report = __webpack_require__(9777);
// EXTERNAL MODULE: ./src/actions/outputs.ts
var outputs = __webpack_require__(8721);
// EXTERNAL MODULE: ./src/github/inputs.ts
var inputs = __webpack_require__(5446);
// EXTERNAL MODULE: ./src/actions/spec.ts
var spec = __webpack_require__(4588);
;// CONCATENATED MODULE: ./src/actions/merge/io.ts


/** Production defaults of the pending-retry budget. */
const MERGE_DEFAULTS = Object.freeze({ timeoutSeconds: 300, intervalSeconds: 5 });
/** merge's own inputs (without the shared token inputs); the root pipeline prefixes them with `merge-`. */
const io_mergeOwnInputs = {
    'pull-request': {
        description: 'Number of the pull request to merge. Empty: the pull request of the triggering event.',
        default: ''
    },
    sha: {
        description: "The head sha that was verified, normally wait-ci's 'sha' output. GitHub refuses the merge if the head moved since. Empty: the head read at start, with a warning that nothing verified it.",
        default: ''
    },
    method: {
        description: "Merge method: 'merge', 'squash' or 'rebase'. Empty: the first one the repository allows.",
        default: ''
    },
    'commit-title': {
        description: "Title of the merge or squash commit. Empty: GitHub's default.",
        default: ''
    },
    'commit-message': {
        description: "Body of the merge or squash commit. Empty: GitHub's default.",
        default: ''
    },
    'delete-branch': {
        description: "Delete the head branch after the merge ('true' or 'false'); never for a branch of a fork.",
        default: 'false'
    },
    'update-branch': {
        description: "When the branch must be up to date and the base moved ('behind'): 'true' updates the branch from its base once, pinned to the verified sha, and ends with 'branch-updated' (the new head is not merged: verify it first); 'false' ends with 'behind'.",
        default: 'false'
    },
    'merge-queue': {
        description: "When the base branch takes changes only through the merge queue: 'auto' adds the verified head to the queue (or follows its entry when it is already queued) and waits until the queue merges or removes it; 'off' ends with 'permanent', naming the queue. The branch's rules are read only when GitHub refuses a direct merge, so a branch without a queue costs no extra request.",
        default: 'auto'
    },
    'merge-queue-jump': {
        description: "'true' puts the pull request at the front of the merge queue (GitHub's 'jump'), which rebuilds the groups behind it; only when you mean it.",
        default: 'false'
    },
    'timeout-seconds': {
        description: "Budget for retrying while GitHub still reports required checks as expected (or is computing mergeability, or the base just moved), from the first merge call. Through a merge queue it is also the wait for the queue: set it near the queue's own check response timeout.",
        default: String(MERGE_DEFAULTS.timeoutSeconds)
    },
    'interval-seconds': {
        description: 'Wait before the first retry; later waits grow 1.5 times up to six times this. The merge queue is read every three intervals. Fractions allowed.',
        default: String(MERGE_DEFAULTS.intervalSeconds)
    }
};
/** merge's outputs; the root pipeline prefixes them with `merge-`. */
const mergeOutputs = {
    merged: { description: "'true' when the pull request is merged at the verified sha (also when an earlier attempt merged it), else 'false'." },
    'merge-commit-sha': { description: 'The sha of the merge (or squash/rebase) commit; empty when not merged.' },
    attempts: { description: 'How many times the merge endpoint was called.' },
    reason: {
        description: "Why it ended: 'merged', 'pending-timeout' (checks still expected when the budget ran out), 'unreachable' (GitHub failed transiently until the budget ran out), 'unknown-outcome' (a merge call's answer was lost and whether it merged could not be read back: look at the pull request), 'head-moved' (re-verify the new head), 'behind' (the base moved and the branch must be up to date), 'branch-updated' (the branch was updated from its base: verify 'updated-sha'), 'merge-queue-ejected' (the queue removed the pull request; the message names the failing checks of its merge group), 'merge-queue-timeout' (still queued when the budget ran out), 'merge-queue-refused' (GitHub refused to enqueue; its words are in 'message'), 'merge-queue-never-started' (the merge group started no workflow; 'message' says whether the job's token or a missing 'merge_group:' trigger is the likely cause), 'permanent' (GitHub refused; see 'message'), or 'invalid-input' (an input or the event was not usable; nothing was called)."
    },
    message: { description: "GitHub's own message for the outcome, and what to do about it." },
    'updated-sha': { description: "The new head after 'update-branch' updated the branch (reason 'branch-updated'); empty otherwise." },
    blockers: {
        description: "When merge stopped without merging: what stands between the pull request and a merge, read once after the refusal, as a JSON array of {kind, source, evidence, who} (e.g. kind 'review-required'); '[]' when that read found nothing blocking. Empty when merged, or when the read failed (best effort: it never changes the outcome)."
    },
    'merge-group-sha': { description: 'The head sha of the merge group the merge queue built for the pull request (the merge commit when the queue merged it); empty when no merge queue was used.' }
};
/** merge's inputs and outputs, declared once. */
const io_mergeSpec = (0,spec/* defineAction */.Q)({
    dir: 'merge',
    name: 'Purple merge',
    description: 'Merges the verified head sha, retrying while GitHub still reports required checks as expected.',
    inputs: { ...inputs/* clientInputs */.HC, ...io_mergeOwnInputs },
    outputs: mergeOutputs
});

;// CONCATENATED MODULE: ./src/actions/merge/outputs.ts
/**
 * merge's outputs and job summary. Every declared output is written on every
 * path (a settings error included), and the summary says why the step ended;
 * GitHub's messages are outside text, escaped by summary-html.
 */






/** Every merge output of a finished merge, as the action sets them (the root action and the CLI read the same). */
function mergeOutputValues(result) {
    return {
        merged: result.merged ? 'true' : 'false',
        'merge-commit-sha': result.mergeCommitSha,
        attempts: String(result.attempts),
        reason: result.reason,
        message: result.message,
        'updated-sha': result.updatedSha,
        'merge-group-sha': result.mergeGroupSha,
        blockers: blockersOutput(result)
    };
}
/** Sets every merge output (names prefixed for the root action) and writes the summary. */
async function writeMergeOutputs(result, prefix = '') {
    outputWriter(mergeSpec, prefix)(mergeOutputValues(result));
    await writeSummary(mergeSummary(result));
}
/** Sets every merge output for a run that ended before any call (bad input, no pull request), and says why in the summary. */
async function writeMergeInputError(message, prefix = '') {
    const reason = 'invalid-input';
    outputWriter(mergeSpec, prefix)({ merged: 'false', 'merge-commit-sha': '', attempts: '0', reason, message, 'updated-sha': '', 'merge-group-sha': '', blockers: '' });
    await writeSummary(renderSummary([heading(2, `Purple merge: ${reason}`), paragraph(['Nothing was called: ', message])]));
}
/** The 'blockers' output: the diagnosis's blockers as JSON, '' when there is none (merged, or unreadable). */
function blockersOutput(result) {
    if (result.diagnosis === undefined)
        return '';
    return JSON.stringify(result.diagnosis.blockers.map((b) => ({ kind: b.kind, source: b.source, evidence: b.evidence, who: b.who })));
}
/** The job summary section: outcome, then one row per merge call, then what blocks when not merged. */
function mergeSummary(result) {
    const blocks = [
        heading(2, `Purple merge: ${result.merged ? 'merged' : result.reason}`),
        paragraph([
            `Pull request #${result.pullNumber} at `,
            code(result.sha),
            result.shaPinned ? '' : ' (not pinned: no sha was given)',
            ...(result.merged ? [', merge commit ', code(result.mergeCommitSha)] : []),
            ...(result.updatedSha ? [', updated to ', code(result.updatedSha), ' (not merged)'] : []),
            '.'
        ]),
        ...(result.mergeGroupSha !== '' || result.failingGroupChecks.length > 0
            ? queueSummaryBlocks({ message: result.message, mergeGroupSha: result.mergeGroupSha, mergeCommitSha: result.mergeCommitSha, failingChecks: result.failingGroupChecks })
            : [paragraph(result.message)])
    ];
    if (result.timeline.length > 0) {
        blocks.push(table(['#', 'at', 'method', 'answer', 'decision', 'next try in'], result.timeline.map((a) => [
            String(a.attempt),
            `+${formatSeconds(a.atMs)}`,
            a.method,
            `${a.status === undefined ? 'no answer' : `HTTP ${a.status}`}${a.message ? `: ${a.message}` : ''}`,
            a.decision,
            a.waitMs === undefined ? '' : formatSeconds(a.waitMs)
        ])));
    }
    if (result.diagnosis !== undefined)
        blocks.push(...renderDiagnosisHtml(result.diagnosis));
    return renderSummary(blocks);
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/core/transient.ts
var core_transient = __webpack_require__(2633);
;// CONCATENATED MODULE: ./src/core/merge-errors.ts
/**
 * Classifies every answer of GitHub's merge endpoint (PUT /pulls/{n}/merge)
 * into what the merge action does next. Pure: the shell passes the failure
 * (status + GitHub's message, or the network error) and a fresh read of the
 * pull request; nothing here talks to GitHub.
 *
 * Why this exists: GitHub says both `Required status check "x" is expected.`
 * and "N of M required status checks are expected." while a check has not
 * registered yet (both are worth waiting for), and a merge whose answer was
 * lost must be recognised as done, never reported as "not mergeable" (see
 * docs/decisions.md, "The merge call is never retried blindly").
 *
 * Every regular expression here runs in linear time on any input: a message
 * is outside text of any length.
 */

const ADVICE = {
    'check-failing': 'A required check failed on the verified head: fix the failure and push, then run wait-ci and merge again.',
    'review-required': 'The base branch requires approving reviews: get an approval from a reviewer with write access (or change the rule), then run merge again.',
    'method-not-allowed': "Set the 'method' input to a merge method the repository allows (Settings > General > Pull Requests), or leave it empty to use the first allowed one.",
    conflict: 'The pull request conflicts with its base branch: merge or rebase the base into it, resolve the conflicts, push, and run the pipeline again.',
    draft: 'The pull request is a draft: mark it ready for review, then run merge again.',
    'merge-queue': 'The base branch requires the merge queue: add the pull request to the queue (merge queue UI or `gh pr merge --auto`) instead of merging it directly.',
    'rule-violation': 'A repository rule blocks this merge: read the rule named in the message under Settings > Rules > Rulesets (or ask an admin), then run merge again.',
    closed: 'The pull request is closed without being merged: reopen it if it should still be merged.',
    'merged-other-head': 'The pull request was merged at a head that Purple did not verify: review what was merged on the base branch.',
    forbidden: "The token may not merge into this branch: give the job 'contents: write' and 'pull-requests: write', or use a token or GitHub App that branch protection allows to merge.",
    'not-found': "The pull request or repository was not found with this token: check 'pull-request' and that the token can read the repository.",
    'invalid-request': "GitHub rejected the request itself: check the 'method', 'commit-title' and 'commit-message' inputs.",
    'not-mergeable': 'GitHub reports the pull request as not mergeable for a reason other than a pending check: open it on GitHub to see what blocks it.'
};
// GitHub wraps ruleset refusals as a header line followed by one line per
// violation, e.g. "Repository rule violations found\n\nRequired status check
// \"test\" is expected.\n\n" (akuity/kargo#6397) or "...\n\nWaiting on 1 more
// approval from a reviewer with write access ...\n\n" (microsoft/winget-pkgs#379724).
const RULESET_HEADER = /^\s*repository rule violations? found\s*$/i;
/** Splits a merge message into the violations GitHub lists (one entry when it is not a ruleset refusal). */
function listViolations(message) {
    // Non-empty runs only: a megabyte of blank lines allocates nothing.
    const lines = (message.match(/[^\r\n]+/g) ?? []).map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length > 0 && RULESET_HEADER.test(lines[0]))
        return lines.slice(1);
    return [message.trim()];
}
// Order matters: a failing check is final even if the same text also says
// something is expected, and the merge must never be retried after it.
const VIOLATION_RULES = [
    // `Required status check "test" is failing.`; `... "continuous-integration/jenkins/branch" is errored.` (alphagov/bulk-merger
    // README); "2 of 2 required status checks have not succeeded: 1 failing." (lyra-os-linux/vegad#52)
    { test: /\bis failing\b|\bare failing\b|\bis errored\b|\bha(?:s|ve) failed\b|\bhas an error\b|\b\d+ (?:failing|failed|errored)\b/i, verdict: { kind: 'permanent', category: 'check-failing' } },
    // pascalgn/automerge-action#235: "Changes must be made through the merge queue"
    { test: /merge queue/i, verdict: { kind: 'permanent', category: 'merge-queue' } },
    // Mergifyio/mergify#1812 and akuity/kargo#6490: "Merge commits are not allowed on this repository." (and squash/rebase);
    // chdsbd/kodiak#295: "This branch must not contain merge commits." (required linear history: squash or rebase still work).
    // No `.*` between words: on a long message that is quadratic.
    {
        test: /\b(?:merge commits|squash merges|rebase merges) are not allowed\b|\bmerge method \w+ (?:is )?not allowed\b|\bmust not contain merge commits\b/i,
        verdict: { kind: 'permanent', category: 'method-not-allowed' }
    },
    // lindell/multi-gitter#622: "Pull Request is still a draft"
    { test: /\bdraft\b/i, verdict: { kind: 'permanent', category: 'draft' } },
    // Reviewable/Reviewable#561: "At least 1 approving review is required by reviewers with write access."
    // winget-pkgs#379724: "Waiting on 1 more approval from a reviewer with write access ..."
    {
        test: /approving review|\bapprovals?\b|review is required|reviews? required|code owner|changes requested|review thread|conversation/i,
        verdict: { kind: 'permanent', category: 'review-required' }
    },
    // akuity/kargo#6397 and PennyDreadfulMTG/Penny-Dreadful-Tools#6226: singular `Required status check "x" is expected.`,
    // plural "N of M required status checks are expected.": any "expected" block is pending.
    { test: /\bexpected\b/i, verdict: { kind: 'pending' } },
    // `Required status check "x" is in progress.`: the check is running, not failed.
    { test: /\bin progress\b|\bis pending\b|\bare pending\b/i, verdict: { kind: 'pending' } },
    // KnpLabs/php-github-api#497, cli/cli#12748: GitHub recomputes after the base moved; retrying is the documented fix.
    { test: /base branch was modified/i, verdict: { kind: 'pending' } },
    // "N of M required status checks have not succeeded." without an "expected": some failed.
    { test: /\bnot succeeded\b/i, verdict: { kind: 'permanent', category: 'check-failing' } },
    { test: /not authorized to push|resource not accessible|must have (?:admin|write|push)|permission/i, verdict: { kind: 'permanent', category: 'forbidden' } },
    { test: /\bconflicts?\b/i, verdict: { kind: 'permanent', category: 'conflict' } }
];
/** What one violation line asks for: wait, give up (with the category), or unknown. */
function classifyViolation(text) {
    // Judge GitHub's words, not the check's name: `Required status check "draft-review" is expected.` is pending.
    const words = text.replace(/"[^"]*"|'[^']*'/g, '"…"');
    for (const rule of VIOLATION_RULES)
        if (rule.test.test(words))
            return rule.verdict;
    return { kind: 'unknown' };
}
function permanent(category, message) {
    return { kind: 'permanent', category, message, advice: ADVICE[category] };
}
/** What to do about a pull request that was found merged or closed, or whose head moved; undefined when it is open at the verified sha. */
function judgePullState(pull, verifiedSha) {
    if (pull.merged) {
        // A retry after a lost answer finds the merge already done: success, if it was our head
        // (see docs/decisions.md, "The merge call is never retried blindly").
        if (pull.headSha === verifiedSha) {
            return {
                kind: 'already-merged',
                mergeCommitSha: pull.mergeCommitSha ?? '',
                message: `Pull request is already merged at the verified head ${verifiedSha}.`
            };
        }
        return permanent('merged-other-head', `Pull request was merged at head ${pull.headSha}, not at the verified head ${verifiedSha}.`);
    }
    if (pull.state === 'closed')
        return permanent('closed', 'Pull request is closed without being merged.');
    if (pull.headSha !== verifiedSha) {
        return {
            kind: 'head-moved',
            headSha: pull.headSha,
            message: `Head branch moved from the verified ${verifiedSha} to ${pull.headSha}; the new head must be verified before it is merged.`
        };
    }
    return undefined;
}
// A pull request GitHub itself reads as mergeable: a "not mergeable" refusal next to it is a stale computation.
const MERGEABLE_STATES = new Set(['clean', 'unstable', 'has_hooks']);
function classifyNotMergeable(message, pull) {
    // `mergeable: null` means GitHub is still computing; a retry will get a real answer.
    if (pull === undefined || pull.mergeable === null || pull.mergeableState === 'unknown')
        return { kind: 'pending', message };
    if (pull.mergeable === false || pull.mergeableState === 'dirty')
        return permanent('conflict', message);
    if (pull.draft || pull.mergeableState === 'draft')
        return permanent('draft', message);
    if (pull.mergeableState === 'behind')
        return { kind: 'behind', message };
    // strands-labs/robots#2578: "Pull Request is not mergeable", then the same merge went through at once.
    if (MERGEABLE_STATES.has(pull.mergeableState))
        return { kind: 'pending', message: `${message} (GitHub reads the pull request as ${pull.mergeableState}: a stale answer)` };
    return permanent('not-mergeable', `${message} (mergeable_state: ${pull.mergeableState})`);
}
// gabrielkoerich/orch#3371: 409 "Head branch is out of date. Review and try the merge again."; cli/cli's
// merge command words GitHub's BEHIND state as "the head branch is not up to date with the base branch".
const OUT_OF_DATE = /\bout of date\b|\bout-of-date\b|\bnot up to date\b/i;
/** How much of a message the rules read (GitHub's own are far shorter). */
const CLASSIFIED_CHARS = 8192;
function violationsHeader(message) {
    const end = message.search(/\r?\n/);
    return end < 0 ? message : message.slice(0, end);
}
/**
 * Classifies one failed merge call. `pull` is a read of the pull request made
 * after the failure (undefined when that read failed too); `verifiedSha` is the
 * head sha that was verified and sent with the merge call.
 */
function classifyMergeFailure(failure, pull, verifiedSha, context = {}) {
    // The pull request's state outranks any message: a lost answer to a merge
    // that went through, then a 405 "not mergeable" on the retry, is a success.
    if (pull !== undefined) {
        const byState = judgePullState(pull, verifiedSha);
        if (byState !== undefined)
            return byState;
    }
    const message = failure.message.trim() || `HTTP ${failure.status ?? 'error'} without a message`;
    // Judged on its head only: GitHub's merge messages are a few short lines, and a megabyte of outside text
    // would make even linear rules slow. The whole message is still reported.
    const words = message.length > CLASSIFIED_CHARS ? message.slice(0, CLASSIFIED_CHARS) : message;
    const clipped = { ...failure, message: words };
    // The base moved on a branch that must be up to date: the head is where it was (checked above), so this is
    // never head-moved. Right after an update GitHub may still say "out of date" while it recomputes: a read
    // that shows the head current and not behind makes that pending.
    if (failure.status === 409 || failure.status === 405) {
        if (pull?.mergeableState === 'behind' && (failure.status === 409 || OUT_OF_DATE.test(words)))
            return { kind: 'behind', message };
        if (OUT_OF_DATE.test(words))
            return pull === undefined ? { kind: 'behind', message } : { kind: 'pending', message };
    }
    // dlang/dlang-bot#77: 409 "Head branch was modified. Review and try the merge again." is
    // GitHub refusing because the sha we sent is no longer the head. Never retried blindly.
    if (failure.status === 409 || /head branch was modified/i.test(words)) {
        return { kind: 'head-moved', message, ...(pull ? { headSha: pull.headSha } : {}) };
    }
    if (failure.status === 403) {
        // A 403 with rate-limit signs (retry-after, "secondary rate limit") is the client layer's call: wait, then retry.
        const transport = (0,core_transient/* classifyFailure */.XE)(clipped);
        if (transport.kind !== 'permanent')
            return { kind: 'transient', message, answer: describeAnswer(failure), ...retryAfter(transport) };
    }
    if (failure.status === 405 || failure.status === 422 || failure.status === 403) {
        const violations = listViolations(words);
        const kinds = violations.map(classifyViolation);
        // Classify on every violation GitHub lists: pending only if all of them are pending.
        const blocking = kinds.findIndex((k) => k.kind === 'permanent');
        if (blocking >= 0) {
            const kind = kinds[blocking];
            return permanent(kind.category, message);
        }
        const unknown = kinds.findIndex((k) => k.kind === 'unknown');
        if (unknown < 0)
            return { kind: 'pending', message };
        const text = violations[unknown];
        if (/not mergeable/i.test(text))
            return context.outcomeUnknown ? judgeUnsettled(pull, verifiedSha, message) : classifyNotMergeable(message, pull);
        if (RULESET_HEADER.test(violationsHeader(words)))
            return permanent('rule-violation', message);
        if (failure.status === 403)
            return permanent('forbidden', message);
        if (failure.status === 422)
            return permanent('invalid-request', message);
        // An unknown 405 while GitHub is still computing mergeability: give it the budget.
        if (pull?.mergeable === null)
            return { kind: 'pending', message };
        return permanent('not-mergeable', message);
    }
    if (failure.status === 404)
        return permanent('not-found', message);
    const transport = (0,core_transient/* classifyFailure */.XE)(clipped);
    if (transport.kind === 'permanent') {
        if (failure.status === 401)
            return permanent('forbidden', message);
        return permanent('invalid-request', message);
    }
    return { kind: 'transient', message, answer: describeAnswer(failure), ...retryAfter(transport) };
}
function retryAfter(transport) {
    return transport.retryAfterMs === undefined ? {} : { retryAfterMs: transport.retryAfterMs };
}
/** Whether a verdict ends the merge step (anything but pending, transient and unsettled). */
function isFinal(verdict) {
    return verdict.kind !== 'pending' && verdict.kind !== 'transient' && verdict.kind !== 'unsettled';
}
/** What came back, in a few words: "HTTP 502", or "no answer (read ECONNRESET)". */
function describeAnswer(failure) {
    return failure.status === undefined ? `no answer (${failure.message})` : `HTTP ${failure.status}`;
}
// Node's codes for a connection that was never made (refused, or the host name did not resolve).
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** The error codes of a failure and its causes (fetch puts the network's reason in `cause`). */
function errorCodes(failure) {
    const codes = [];
    let current = failure;
    for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            codes.push(code);
        current = current.cause;
    }
    return codes;
}
/**
 * Whether, after this merge call, it is unknown if the pull request merged.
 * An answer that never arrived, a server error or a cut 200 may hide a merge
 * GitHub made; a refusal that names a reason (a check expected) proves the
 * pull request was open; a rate limit and another "not mergeable" prove nothing.
 */
function outcomeUnknownAfter(previous, failure, verdict) {
    if (isFinal(verdict))
        return false;
    // A connection that was never made carried no request.
    if (failure.status === undefined && errorCodes(failure).some((code) => NEVER_SENT.has(code)))
        return previous;
    if (failure.status === undefined || failure.status >= 500 || failure.status < 300)
        return true;
    return verdict.kind === 'pending' ? false : previous;
}
/**
 * Judges a read of the pull request made while a merge's outcome is unknown:
 * merged, closed, a moved head or a conflict settle it; anything else (a read
 * that may be stale, or no read at all) leaves it unsettled.
 */
function judgeUnsettled(pull, verifiedSha, message) {
    if (pull === undefined)
        return { kind: 'unsettled', message };
    const byState = judgePullState(pull, verifiedSha);
    if (byState !== undefined)
        return byState;
    // A merge that went through cannot leave a conflict behind: `dirty` proves it did not merge.
    if (pull.mergeable === false || pull.mergeableState === 'dirty')
        return permanent('conflict', message);
    return { kind: 'unsettled', message };
}

;// CONCATENATED MODULE: ./src/core/merge-outcome.ts
const notMerged = { merged: false, mergeCommitSha: '' };
/** The outcome of an answer that ends the run; `readMergeCommitSha` fills in a merge commit the answer did not carry. */
function fromVerdict(verdict, readMergeCommitSha = '') {
    switch (verdict.kind) {
        case 'merged':
            return { merged: true, mergeCommitSha: verdict.mergeCommitSha, reason: 'merged', message: verdict.message };
        case 'already-merged':
            return {
                merged: true,
                mergeCommitSha: verdict.mergeCommitSha || readMergeCommitSha,
                reason: 'merged',
                message: `${verdict.message} (an earlier attempt merged it; its answer may have been lost)`
            };
        case 'head-moved':
            return { ...notMerged, reason: 'head-moved', message: `${verdict.message} Run wait-ci on the new head, then merge its verified sha.` };
        case 'behind':
            return {
                ...notMerged,
                reason: 'behind',
                message: `GitHub refused the merge: '${verdict.message}'. The base branch moved and this branch must be up to date with it; the head is still the verified one. Update the branch from its base (or set 'update-branch: true'), then verify and merge the new head.`
            };
        case 'permanent':
            return { ...notMerged, reason: 'permanent', category: verdict.category, message: `GitHub refused the merge: '${verdict.message}'. ${verdict.advice}` };
    }
}
function afterUnreachable(stop) {
    if (!stop.readBack)
        return 'Whether the last attempt merged could not be read back: look at the pull request before running merge again.';
    // A read right after a lost answer may not show the merge yet.
    if (stop.outcomeUnknown)
        return `The last read showed ${stop.pullUrl} unmerged, but a read right after a lost answer can lag: look at it before running merge again (running it again is safe: it only merges ${stop.sha}).`;
    return 'The pull request is not merged; run merge again.';
}
/** The outcome of a run that ran out of budget: never a definite "not merged" when the merge may have happened. */
function stopOutcome(stop) {
    const { verdict, attempts, why } = stop;
    // A lost answer that no later read settled: the merge may have happened.
    if (verdict.kind === 'unsettled' || (stop.outcomeUnknown && !stop.readBack)) {
        return {
            ...notMerged,
            reason: 'unknown-outcome',
            message: `Whether pull request #${stop.pullNumber} merged is unknown: a merge call got no usable answer, and until ${why} GitHub neither showed it merged nor gave an answer that proves it was not (last: '${verdict.message}'). Open ${stop.pullUrl}: if it is merged at ${stop.sha}, the merge is done; if it is still open, run merge again (it only ever merges ${stop.sha}).`
        };
    }
    if (verdict.kind === 'pending') {
        return {
            ...notMerged,
            reason: 'pending-timeout',
            message: `GitHub still held the merge back after ${attempts} attempts: '${verdict.message}'. Stopped because ${why}. Raise 'timeout-seconds' if checks take longer to register, or check that the required checks run on this pull request.`
        };
    }
    return {
        ...notMerged,
        reason: 'unreachable',
        message: `GitHub could not be reached reliably for the merge after ${attempts} attempts (last: ${verdict.answer} '${verdict.message}'). Stopped because ${why}. ${afterUnreachable(stop)}`
    };
}
/** What an update by this token means for the new head's checks: nothing to say for an App's or a person's token. */
function updateTokenNote(owner) {
    if (owner === 'other')
        return '';
    const who = owner === 'actions' ? "The job's GITHUB_TOKEN made the update, so" : "If the job's GITHUB_TOKEN made the update,";
    return ` ${who} no workflow starts on the new head (a workflow's token does not trigger workflows): use a GitHub App token ('app-id', 'private-key').`;
}
/**
 * The outcome of a run that updated (or tried to update) a branch behind its base, and the new head to verify ('' when
 * none); `owner`: whose token updated it.
 */
function updateOutcome(end, behind, pullNumber, sha, owner) {
    const noWorkflows = updateTokenNote(owner);
    switch (end.kind) {
        case 'updated':
            return {
                updatedSha: end.newHead,
                outcome: {
                    ...notMerged,
                    reason: 'branch-updated',
                    message: `The branch was behind its base and was updated once (from the verified ${sha}); its new head ${end.newHead} is not verified, so it was not merged. Run wait-ci on ${end.newHead}, then merge that sha.${end.answerLost ? ` (The update's answer was lost; ${end.newHead} is the head GitHub shows now: verify it either way.)` : ''}${noWorkflows}`
                }
            };
        case 'not-shown':
            return end.answerLost
                ? {
                    updatedSha: '',
                    outcome: {
                        ...notMerged,
                        reason: 'behind',
                        message: `${fromVerdict(behind).message} The update's answer was lost and no new head showed within the budget: look at pull request #${pullNumber}; if its head is still ${sha}, update it again.`
                    }
                }
                : {
                    updatedSha: '',
                    outcome: {
                        ...notMerged,
                        reason: 'branch-updated',
                        message: `GitHub accepted the update of pull request #${pullNumber} from its base, but the new head did not show within the budget. Verify the new head once it shows (run wait-ci), then merge its sha.${noWorkflows}`
                    }
                };
        case 'refused':
            return { updatedSha: '', outcome: { ...fromVerdict(behind), message: `${fromVerdict(behind).message} Updating the branch failed: ${end.answer} '${end.message}'.` } };
        case 'head-moved':
            return {
                updatedSha: '',
                outcome: fromVerdict({
                    kind: 'head-moved',
                    message: `Head branch moved from the verified ${sha} to ${end.newHead} before the update (GitHub refused it: ${end.answer} '${end.message}'); the new head must be verified before it is merged.`
                })
            };
    }
}

// EXTERNAL MODULE: ./src/core/backoff.ts
var backoff = __webpack_require__(3915);
;// CONCATENATED MODULE: ./src/core/merge-schedule.ts
/**
 * When the merge action tries again after a pending or transient answer, and
 * when it gives up. Pure: the shell passes the clock reading; every number is
 * a parameter so tests run the whole budget in milliseconds. The growth of
 * the waits is the shared schedule of src/core/backoff.ts.
 */


/** The backoff policy of a merge budget. */
function mergeBackoffPolicy(budget) {
    return {
        baseMs: budget.intervalMs,
        maxMs: budget.maxIntervalMs ?? budget.intervalMs * 6,
        factor: budget.factor ?? 1.5,
        jitter: budget.jitter ?? 0.2
    };
}
/**
 * Decides the next step after `failures` failed attempts. A wait is clipped to
 * the time left, so the last attempt happens at the deadline instead of never;
 * a server's retry-after longer than the time left stops the run (re-asking
 * before retry-after is what gets a token blocked).
 */
function nextMergeStep(budget, state, random = Math.random) {
    const left = budget.timeoutMs - state.elapsedMs;
    if (left <= 0)
        return { kind: 'stop', why: `the ${(0,durations/* formatSeconds */.Xo)(budget.timeoutMs)} budget is used up` };
    if (state.retryAfterMs !== undefined && state.retryAfterMs > left) {
        return { kind: 'stop', why: `GitHub asked to wait ${(0,durations/* formatSeconds */.Xo)(state.retryAfterMs)}, more than the ${(0,durations/* formatSeconds */.Xo)(left)} left` };
    }
    const wait = (0,backoff/* nextDelay */.rM)(state.failures, mergeBackoffPolicy(budget), state.retryAfterMs, random);
    return { kind: 'wait', ms: Math.min(wait, left) };
}

// EXTERNAL MODULE: ./src/github/token-owner.ts
var token_owner = __webpack_require__(3592);
;// CONCATENATED MODULE: ./src/github/merge-queue.ts
/**
 * GitHub's merge queue through the API: detect whether the base branch
 * requires it, read a pull request's queue state, enqueue the verified head
 * (adopting an entry that is already there), and follow the entry until it is
 * merged, ejected, never starts, or the caller's budget ends. Decisions live in
 * src/core/merge-queue.ts; see docs/decisions.md, "Merge queue: enqueue the
 * verified head and follow it".
 */



const PER_PAGE = 100;
// A bound on rules pages: a branch with 1,000 active rules is far past any real one.
const MAX_RULE_PAGES = 10;
/**
 * Whether `base` requires the merge queue. With `rules` (a rules list the
 * caller already read from GET /rules/branches/{base}) it costs no request;
 * otherwise one (more only past 100 rules).
 */
async function detectMergeQueue(client, where, known = {}) {
    if (known.rules)
        return queueRequirement({ rules: known.rules });
    const rules = [];
    for (let page = 1; page <= MAX_RULE_PAGES; page++) {
        const answer = await client.octokit.request('GET /repos/{owner}/{repo}/rules/branches/{branch}', {
            owner: where.owner,
            repo: where.repo,
            branch: where.base,
            per_page: PER_PAGE,
            page
        });
        const list = answer.data;
        if (!Array.isArray(list))
            throw new Error(`malformed response: rules of branch '${(0,escaping/* logText */.kc)(where.base)}': expected a list`);
        rules.push(...list);
        if (list.length < PER_PAGE)
            break;
    }
    return queueRequirement({ rules });
}
/** The read Purple makes each poll; exported so a test validates it against GitHub's schema. */
const QUEUE_STATE_QUERY = `query PurpleMergeQueueState($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      id
      state
      merged
      headRefOid
      mergeCommit { oid }
      isInMergeQueue
      isMergeQueueEnabled
      mergeQueueEntry { state position headCommit { oid } }
      timelineItems(last: 5, itemTypes: [REMOVED_FROM_MERGE_QUEUE_EVENT]) {
        nodes { ... on RemovedFromMergeQueueEvent { reason createdAt beforeCommit { oid } } }
      }
    }
  }
}`;
/** The enqueue Purple makes: always pinned to the verified head. */
const ENQUEUE_MUTATION = `mutation PurpleEnqueue($pullRequestId: ID!, $expectedHeadOid: GitObjectID!, $jump: Boolean) {
  enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid, jump: $jump }) {
    mergeQueueEntry { state position headCommit { oid } }
  }
}`;
const ENTRY_STATES = new Set(['QUEUED', 'AWAITING_CHECKS', 'MERGEABLE', 'UNMERGEABLE', 'LOCKED']);
function toEntry(raw) {
    if (!raw || typeof raw.state !== 'string' || !ENTRY_STATES.has(raw.state))
        return null;
    return {
        state: raw.state,
        position: typeof raw.position === 'number' ? raw.position : null,
        groupSha: typeof raw.headCommit?.oid === 'string' ? raw.headCommit.oid : null
    };
}
/** Reads the pull request's queue state in one GraphQL request; `since` (ms) drops removals older than it. */
async function readQueueState(client, target, since = 0) {
    const data = await client.octokit.graphql(QUEUE_STATE_QUERY, {
        owner: target.owner,
        name: target.repo,
        number: target.pullNumber
    });
    const pull = data?.repository?.pullRequest;
    if (!pull)
        throw new Error(`Pull request #${target.pullNumber} was not found in ${target.owner}/${target.repo} (GraphQL answered no pullRequest)`);
    if (typeof pull.id !== 'string' || typeof pull.headRefOid !== 'string' || typeof pull.state !== 'string') {
        throw new Error(`malformed response: queue state of pull request #${target.pullNumber}: no id, state or headRefOid`);
    }
    const removals = (pull.timelineItems?.nodes ?? [])
        .filter((n) => n !== null && typeof n.createdAt === 'string')
        .map((n) => ({
        reason: typeof n.reason === 'string' ? n.reason : null,
        at: n.createdAt,
        groupSha: typeof n.beforeCommit?.oid === 'string' ? n.beforeCommit.oid : null
    }))
        .filter((r) => Date.parse(r.at) >= since);
    const last = removals[removals.length - 1];
    return {
        pullRequestId: pull.id,
        headSha: pull.headRefOid,
        isMergeQueueEnabled: pull.isMergeQueueEnabled === true,
        removals,
        snapshot: {
            merged: pull.merged === true,
            pullState: pull.state,
            mergeCommitSha: typeof pull.mergeCommit?.oid === 'string' ? pull.mergeCommit.oid : null,
            entry: toEntry(pull.mergeQueueEntry),
            removal: last ? { reason: last.reason, at: last.at } : null
        }
    };
}
/** GitHub's GraphQL errors (`UNPROCESSABLE` and others) from a failed call, or null for a failure without an answer. */
function graphqlErrors(error) {
    const errors = error?.errors;
    if (!Array.isArray(errors) || errors.length === 0)
        return null;
    return errors.map((e) => ({
        type: typeof e?.type === 'string' ? e.type : null,
        message: typeof e?.message === 'string' ? e.message : String(e)
    }));
}
/**
 * Adds the pull request to the queue at the verified sha, once. An entry
 * already there is adopted, never enqueued again (that would restart its
 * checks); a head other than `sha` is never enqueued. The mutation carries
 * `expectedHeadOid: sha`, so GitHub refuses if the head moved in between.
 */
async function enqueueVerifiedHead(client, target, options) {
    const state = options.state ?? (await readQueueState(client, target));
    if (state.headSha !== options.sha)
        return { kind: 'head-moved', headSha: state.headSha };
    if (state.snapshot.entry)
        return { kind: 'adopted', entry: state.snapshot.entry };
    try {
        const answer = await client.octokit.graphql(ENQUEUE_MUTATION, {
            pullRequestId: state.pullRequestId,
            expectedHeadOid: options.sha,
            ...(options.jump === true ? { jump: true } : {}),
            // One mutation per call: after a lost answer the re-read below decides, never a blind resend.
            request: { retries: 0 }
        });
        return { kind: 'enqueued', entry: toEntry(answer?.enqueuePullRequest?.mergeQueueEntry) };
    }
    catch (error) {
        // Whatever the answer, the queue itself says whether the enqueue landed (an answer can be lost after it did).
        const after = await readQueueState(client, target).catch(() => null);
        if (after?.snapshot.entry && after.headSha === options.sha)
            return { kind: 'enqueued', entry: after.snapshot.entry };
        // A push between the read and the enqueue: GitHub refused because of expectedHeadOid, and the new head is unverified.
        if (after && after.headSha !== options.sha)
            return { kind: 'head-moved', headSha: after.headSha };
        const said = graphqlErrors(error);
        if (said)
            return { kind: 'refused', message: said.map((e) => e.message).join('; ') };
        throw error;
    }
}
const DEFAULT_INTERVAL_MS = 15_000;
// Removals up to this long before the follow began may be ours (GitHub's clock and ours differ).
const CLOCK_SLACK_MS = 60_000;
/** True when the group sha has a check suite or a workflow run; a failed read counts as started (never a false alarm). */
async function probeGroup(client, target, groupSha, log) {
    try {
        return await commitStarted(client, target, groupSha);
    }
    catch (error) {
        log.info(`merge queue: could not read the check suites or workflow runs of merge group ${groupSha.slice(0, 7)} (${(0,escaping/* logText */.kc)(error instanceof Error ? error.message : String(error))})`);
        return true;
    }
}
/** Whether anything started on `sha`: a check suite or a workflow run exists for it (a merge group's, an updated head's). */
async function commitStarted(client, repository, sha) {
    const where = { owner: repository.owner, repo: repository.repo };
    const suites = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-suites', { ...where, ref: sha, per_page: 1 });
    if (suites.data.total_count !== 0)
        return true;
    const runs = await client.octokit.request('GET /repos/{owner}/{repo}/actions/runs', { ...where, head_sha: sha, per_page: 1 });
    return runs.data.total_count !== 0;
}
/** The check runs and commit statuses of the group sha, as GroupChecks. */
async function groupChecks(client, target, groupSha) {
    const where = { owner: target.owner, repo: target.repo, ref: groupSha, per_page: PER_PAGE };
    const runs = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', where);
    const status = await client.octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/status', where);
    const fromRuns = (runs.data.check_runs ?? []).map((r) => ({
        name: r.name,
        outcome: r.status === 'completed' ? (r.conclusion ?? 'completed') : r.status,
        url: r.html_url ?? r.details_url ?? null,
        kind: 'check-run',
        order: Number(r.id)
    }));
    const fromStatuses = (status.data.statuses ?? []).map((s) => ({ name: s.context, outcome: s.state, url: s.target_url ?? null, kind: 'status', order: s.id }));
    return [...fromRuns, ...fromStatuses];
}
/**
 * Follows the pull request's queue entry until it is merged, ejected (with
 * the failing checks of its merge group), its group never starts, or the
 * budget ends. Transient read failures are logged and the next poll retries.
 */
async function followQueue(client, target, options, runtime, enqueued = true) {
    const { now, sleep } = runtime;
    const deadline = now() + options.timeoutMs;
    const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    const follower = createFollower(client, target, options, runtime, enqueued);
    for (;;) {
        const ended = await follower.poll();
        if (ended)
            return ended;
        if (now() >= deadline)
            return follower.timeout();
        await sleep(Math.max(0, Math.min(interval, deadline - now())));
    }
}
/** What one follow remembers between reads: the group shas seen, when, and whether each started. */
function createFollower(client, target, options, runtime, enqueued) {
    const { now, log } = runtime;
    const start = now();
    const neverStartedAfterMs = options.neverStartedAfterMs ?? NEVER_STARTED_AFTER_MS;
    const firstSeen = new Map();
    const started = new Map();
    let groupSha = null;
    let entry = null;
    let readsWithoutEntry = 0;
    let polls = 0;
    let lastLine = '';
    const end = (reason, message, extra = {}) => ({
        reason,
        merged: false,
        mergeCommitSha: '',
        mergeGroupSha: groupSha ?? '',
        message,
        failingChecks: [],
        removalReason: null,
        enqueued,
        polls,
        ...extra
    });
    const facts = () => ({
        groupAgeMs: groupSha !== null && firstSeen.has(groupSha) ? now() - (firstSeen.get(groupSha) ?? now()) : 0,
        groupStarted: groupSha !== null ? (started.get(groupSha) ?? null) : null,
        neverStartedAfterMs,
        readsWithoutEntry
    });
    const remember = (state) => {
        entry = state.snapshot.entry;
        if (entry?.groupSha) {
            groupSha = entry.groupSha;
            if (!firstSeen.has(groupSha))
                firstSeen.set(groupSha, now());
        }
        groupSha ??= state.removals[state.removals.length - 1]?.groupSha ?? null;
        readsWithoutEntry = entry || state.snapshot.merged ? 0 : readsWithoutEntry + 1;
        const line = entry
            ? `${entry.state}${entry.position !== null ? `, position ${entry.position}` : ''}${entry.groupSha ? `, merge group ${entry.groupSha.slice(0, 7)}` : ''}`
            : 'not in the queue';
        if (line !== lastLine)
            log.info(`merge queue: pull request #${target.pullNumber} ${line}`);
        lastLine = line;
    };
    return {
        /** One read and its decision: the outcome when the entry reached its end, else null. */
        async poll() {
            let state;
            try {
                state = await readQueueState(client, target, start - CLOCK_SLACK_MS);
                polls++;
            }
            catch (error) {
                log.info(`merge queue: reading pull request #${target.pullNumber} failed (${(0,escaping/* logText */.kc)(error instanceof Error ? error.message : String(error))}); reading again`);
                return null;
            }
            remember(state);
            let step = nextQueueStep(state.snapshot, facts());
            if (step.kind === 'waiting' && step.probeGroup && groupSha !== null) {
                started.set(groupSha, await probeGroup(client, target, groupSha, log));
                step = nextQueueStep(state.snapshot, facts());
            }
            switch (step.kind) {
                case 'merged':
                    return end('merged', queueMergedMessage(target.pullNumber, step.mergeCommitSha, groupSha), { merged: true, mergeCommitSha: step.mergeCommitSha ?? '' });
                case 'group-never-started':
                    return end('merge-queue-never-started', groupNeverStartedMessage(target.pullNumber, step.groupSha, facts().groupAgeMs, await (0,token_owner/* tokenOwner */.nh)(client)));
                case 'ejected': {
                    const failing = groupSha !== null ? failingGroupChecks(await groupChecks(client, target, groupSha).catch(() => [])) : [];
                    const message = queueEjectedMessage({ pull: target.pullNumber, reason: step.reason, closed: step.closed, groupSha, failing });
                    return end('merge-queue-ejected', message, { failingChecks: failing, removalReason: step.reason });
                }
                default:
                    return null;
            }
        },
        /** The outcome when the budget ends; it carries the never-started diagnosis when nothing started for the group. */
        async timeout() {
            const current = entry;
            const sha = current?.groupSha ?? null;
            if (sha !== null && current?.state === 'AWAITING_CHECKS' && !started.has(sha))
                started.set(sha, await probeGroup(client, target, sha, log));
            const groupStarted = sha !== null ? (started.get(sha) ?? null) : null;
            const message = queueTimeoutMessage({
                pull: target.pullNumber,
                entry: current,
                waitedMs: now() - start,
                groupStarted,
                checkResponseTimeoutMinutes: options.checkResponseTimeoutMinutes ?? null,
                // Whose token matters only to a group that started nothing.
                owner: groupStarted === false ? await (0,token_owner/* tokenOwner */.nh)(client) : 'unknown'
            });
            return end('merge-queue-timeout', message);
        }
    };
}
/**
 * Enqueues the verified head (or adopts its entry) and follows it to its end:
 * what merge calls when the base branch requires the queue.
 */
async function mergeThroughQueue(client, target, options, runtime) {
    const state = await readQueueState(client, target);
    // Warned before the enqueue: a job-token merge group starts no workflows, and that shows only much later.
    if (state.headSha === options.sha && !state.snapshot.entry) {
        const warning = tokenAuthWarning(await (0,token_owner/* tokenOwner */.nh)(client));
        if (warning)
            runtime.log.warning(warning);
    }
    const result = await enqueueVerifiedHead(client, target, { sha: options.sha, state, ...(options.jump === undefined ? {} : { jump: options.jump }) });
    const base = { merged: false, mergeCommitSha: '', mergeGroupSha: '', failingChecks: [], removalReason: null, enqueued: false, polls: 0 };
    if (result.kind === 'head-moved') {
        return {
            ...base,
            reason: 'head-moved',
            message: `The head of pull request #${target.pullNumber} is ${result.headSha.slice(0, 7)}, not the verified ${options.sha.slice(0, 7)}: nothing was enqueued. Verify the new head, then merge again.`
        };
    }
    if (result.kind === 'refused') {
        return { ...base, reason: 'merge-queue-refused', message: enqueueRefusedMessage(target.pullNumber, result.message) };
    }
    if (result.kind === 'adopted') {
        runtime.log.info(`merge queue: pull request #${target.pullNumber} is already queued (${result.entry.state}); following that entry, not enqueueing again`);
    }
    else {
        runtime.log.info(`merge queue: enqueued pull request #${target.pullNumber} at ${options.sha.slice(0, 7)}`);
    }
    return followQueue(client, target, options, runtime, result.kind === 'enqueued');
}

// EXTERNAL MODULE: ./src/github/merge-facts.ts
var merge_facts = __webpack_require__(4037);
// EXTERNAL MODULE: ./src/core/diagnosis.ts
var diagnosis = __webpack_require__(8410);
// EXTERNAL MODULE: ./src/github/responses.ts
var responses = __webpack_require__(3499);
// EXTERNAL MODULE: ./src/github/configuration.ts
var configuration = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/github/retrying.ts
var retrying = __webpack_require__(8809);
;// CONCATENATED MODULE: ./src/github/retry.ts
/**
 * The retry loop the actions put around a whole call, for what no HTTP layer
 * can see: a 200 whose body is not the shape the action relies on (a cut body
 * resolves as `data: ""`). An HTTP or network failure the client already
 * retried is not retried again (the client marks it), so retries never
 * multiply (see docs/decisions.md, "Retries happen in one place"). Decisions
 * come from classifyFailure, waits from the shared backoff; sleep and clock
 * are injected.
 */




/**
 * A call that failed for good: GitHub's answer and Purple's verdict in one
 * message. Keeps `status` and `response` of the original error so callers can
 * still inspect them; the original is the `cause`.
 */
class GitHubCallError extends Error {
    verdict;
    attempts;
    name = 'GitHubCallError';
    status;
    response;
    constructor(message, verdict, attempts, cause) {
        super(message, { cause });
        this.verdict = verdict;
        this.attempts = attempts;
        const data = (0,core_transient/* toFailureData */.GN)(cause);
        if (data.status !== undefined)
            this.status = data.status;
        if (typeof cause === 'object' && cause !== null && 'response' in cause)
            this.response = cause.response;
    }
}
const PERMANENT_CONFIGURATION = { kind: 'permanent', reason: 'a configuration error: fix the input it names' };
/**
 * Runs `fn` until it succeeds, a failure is permanent or already retried by
 * the client, or the retries are spent; throws GitHubCallError naming
 * `label`, the attempts and the reason.
 */
async function withRetry(label, fn, policy) {
    const now = policy.now ?? Date.now;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            const options = { maxRateLimitWaitMs: policy.maxRateLimitWaitMs, now: now() };
            const { verdict, description: described } = (0,configuration/* isConfigurationError */.p0)(error)
                ? { verdict: PERMANENT_CONFIGURATION, description: error.message }
                : (0,core_transient/* explainFailure */.SP)(error, options);
            // The client made its own attempts at this failure: they are this call's budget.
            const handled = (0,retrying/* clientAttempts */.u)(error);
            const spent = handled !== undefined || attempt > policy.retries;
            if (verdict.kind === 'permanent' || spent || verdict.waitCapped === true) {
                const attempts = handled ?? attempt;
                const why = verdict.kind === 'permanent' ? '' : verdict.waitCapped === true ? ' (rate-limit wait too long)' : described.includes(`after ${attempts} attempt`) ? '' : ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
                throw new GitHubCallError(`${label} failed${why}: ${described}`, verdict, attempts, error);
            }
            const delay = (0,backoff/* nextDelay */.rM)(attempt, policy.backoff, verdict.retryAfterMs, policy.random);
            policy.onRetry?.(verdict.kind);
            policy.log?.(`${label}: attempt ${attempt} of ${policy.retries + 1} failed: ${described}; retrying in ${delay} ms`);
            await policy.sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/actions/input-source.ts
var input_source = __webpack_require__(8477);
;// CONCATENATED MODULE: ./src/actions/merge/settings.ts





const MERGE_METHODS = ['merge', 'squash', 'rebase'];
/**
 * Pure: merge's options from its inputs. Where they are read under another
 * name (the root action's `merge-…`), the source's labels say so, and an
 * error names the input the user actually wrote.
 */
function parseMergeOptions(inputs) {
    const pullRequest = (0,core_inputs/* parsePullRequestInput */.gF)(inputs, 'pull-request');
    const sha = (0,core_inputs/* parseShaInput */.AW)(inputs, 'sha');
    const method = inputs.get('method').trim().toLowerCase();
    if (method !== '' && !MERGE_METHODS.includes(method)) {
        throw (0,core_inputs/* inputError */.Xu)(inputs.label('method'), method, "write 'merge', 'squash' or 'rebase', or leave it empty for the first one the repository allows.");
    }
    const deleteBranch = (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'delete-branch');
    const updateBranch = (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'update-branch');
    const mergeQueue = inputs.get('merge-queue').trim().toLowerCase();
    if (mergeQueue !== 'auto' && mergeQueue !== 'off') {
        throw (0,core_inputs/* inputError */.Xu)(inputs.label('merge-queue'), mergeQueue, "write 'auto' (enqueue when the base branch requires the merge queue) or 'off'.");
    }
    const mergeQueueJump = (0,core_inputs/* parseBooleanInput */.S8)(inputs, 'merge-queue-jump');
    const timeoutMs = (0,core_inputs/* parseSecondsInput */.lp)(inputs, 'timeout-seconds', { min: 0 });
    const intervalMs = (0,core_inputs/* parseSecondsInput */.lp)(inputs, 'interval-seconds', { min: 0.001 });
    const title = inputs.get('commit-title');
    const message = inputs.get('commit-message');
    return Object.freeze({
        ...(pullRequest === undefined ? {} : { pullRequest }),
        ...(sha === undefined ? {} : { sha }),
        ...(method === '' ? {} : { method: method }),
        ...(title.trim() === '' ? {} : { commitTitle: title.trim() }),
        ...(message.trim() === '' ? {} : { commitMessage: message }),
        deleteBranch,
        updateBranch,
        mergeQueue: mergeQueue,
        mergeQueueJump,
        timeoutMs,
        intervalMs
    });
}
/** Reads merge's inputs, the token inputs and the runner's context into frozen settings. */
function readMergeSettings(env = process.env) {
    const options = parseMergeOptions(actionInputs(mergeOwnInputs));
    const client = readClientSettings(env);
    const context = readGitHubContext(env);
    const pull = requirePullRequest(context, options.pullRequest);
    return Object.freeze({ ...options, client, repository: context.repository, pullNumber: pull.number });
}

;// CONCATENATED MODULE: ./src/actions/merge/merge.ts
/**
 * The merge action's work: merge the verified head sha, retrying within a
 * budget while GitHub says required checks are still "expected", and treating
 * a merge whose answer was lost as done. The merge call runs with the client's
 * retries off and this loop decides (see docs/decisions.md, "The merge call is
 * never retried blindly").
 *
 * Invariants the tests assert from the simulator's request log:
 * - every merge (and branch update) call carries the verified sha, so GitHub refuses if the head moved;
 * - no merge call follows an answer that said a required check failed;
 * - after a lost answer, a "not mergeable" is never reported as a refusal;
 * - through the merge queue, only the verified sha is enqueued (an entry already queued is adopted).
 */














function toPullRead(data) {
    const pr = (0,responses/* expectPullRequest */.q0)('pull request', data);
    const raw = data;
    return {
        snapshot: {
            state: pr.state === 'closed' ? 'closed' : 'open',
            merged: pr.merged === true,
            mergeCommitSha: pr.merge_commit_sha,
            headSha: pr.head.sha,
            mergeable: pr.mergeable,
            mergeableState: pr.mergeable_state ?? 'unknown',
            draft: pr.draft === true
        },
        headRef: pr.head.ref,
        headRepo: typeof raw.head?.repo?.full_name === 'string' ? raw.head.repo.full_name : '',
        htmlUrl: typeof raw.html_url === 'string' ? raw.html_url : '',
        baseRef: pr.base.ref
    };
}
/** GitHub's `message` from an error's JSON body, else the error's own message. */
function failureOf(error) {
    const data = (0,core_transient/* toFailureData */.GN)(error);
    const body = error?.response?.data;
    const said = typeof body === 'object' && body !== null && typeof body.message === 'string' ? body.message : undefined;
    return { ...data, message: said ?? data.message ?? String(error) };
}
async function readAfter(session, what) {
    try {
        return await session.readPull();
    }
    catch (readError) {
        session.deps.log.info(`Could not read pull request #${session.pull_number} ${what}: ${(0,escaping/* logText */.kc)(failureOf(readError).message)}`);
        return undefined;
    }
}
async function callMerge(session, method, outcomeUnknown) {
    const { owner, repo, pull_number, sha, target } = session;
    try {
        const response = await session.deps.client.octokit.rest.pulls.merge({
            owner,
            repo,
            pull_number,
            sha,
            ...(method ? { merge_method: method } : {}),
            ...(target.commitTitle ? { commit_title: target.commitTitle } : {}),
            ...(target.commitMessage ? { commit_message: target.commitMessage } : {}),
            // Off for this call only: a retried merge can hide a merge that happened.
            request: { retries: 0 }
        });
        const body = (0,responses/* expectShape */.hG)('merge answer', response.data, { merged: 'boolean', sha: 'string' });
        if (body.merged !== true)
            throw new responses/* MalformedResponseError */.f7(`malformed response: merge answer says merged: ${String(body.merged)}`);
        return { verdict: { kind: 'merged', mergeCommitSha: body.sha, message: body.message ?? 'Pull Request successfully merged' }, status: response.status, mergeCalled: true };
    }
    catch (error) {
        const failure = failureOf(error);
        // Whatever the answer (or its absence), the PR's state decides first: a lost answer may hide a merge that happened.
        const read = await readAfter(session, 'after the merge call');
        const verdict = classifyMergeFailure(failure, read?.snapshot, sha, { outcomeUnknown });
        return { verdict, failure, ...(failure.status === undefined ? {} : { status: failure.status }), ...(read ? { read } : {}), mergeCalled: true };
    }
}
/** A read instead of a merge call, while a lost answer may hide a merge. */
async function reread(session, message) {
    const read = await readAfter(session, 'to learn whether it merged');
    return { verdict: judgeUnsettled(read?.snapshot, session.sha, message), ...(read ? { read } : {}), mergeCalled: false };
}
/**
 * Merges the pull request at the verified sha within the pending-retry
 * budget; when it stops without merging, adds the diagnosis of what blocks.
 */
async function merge(target, deps) {
    const result = await mergeOnce(target, deps);
    // After an update the head is new and unchecked: the next step is to verify it, not a list of blockers.
    if (result.merged || result.sha === '' || result.reason === 'branch-updated')
        return result;
    const diagnosis = await diagnoseAfter(target, deps);
    return diagnosis === undefined ? result : { ...result, diagnosis };
}
// Rereads of an UNKNOWN mergeability after the refusal: a few seconds, not the merge budget.
const DIAGNOSIS_READS = 3;
/** One read of the merge facts after merge stopped; best effort: a failed read never changes merge's outcome. */
async function diagnoseAfter(target, deps) {
    try {
        const facts = await (0,merge_facts/* readMergeFacts */.Wd)(deps.client, target.repository, target.pullNumber, {
            sleep: deps.sleep,
            maxReads: DIAGNOSIS_READS,
            log: (m) => deps.log.info(m)
        });
        return (0,diagnosis/* diagnose */.h4)(facts);
    }
    catch (error) {
        deps.log.info(`Could not read what blocks pull request #${target.pullNumber} (${(0,escaping/* logText */.kc)(failureOf(error).message)}); the outcome above stands, without a diagnosis.`);
        return undefined;
    }
}
async function mergeOnce(target, deps) {
    const { owner, repo } = target.repository;
    const pull_number = target.pullNumber;
    const readPull = () => withRetry(`GET pull request #${pull_number}`, async () => toPullRead((await deps.client.octokit.rest.pulls.get({ owner, repo, pull_number })).data), deps.client.retryPolicy);
    let start;
    try {
        start = await readPull();
    }
    catch (error) {
        // Outputs are set in every case: a PR that cannot be read is a result, not a crash.
        const permanent = (0,core_transient/* classifyFailure */.XE)(error).kind === 'permanent';
        return {
            merged: false,
            mergeCommitSha: '',
            attempts: 0,
            reason: permanent ? 'permanent' : 'unreachable',
            message: `Could not read pull request #${pull_number}, so nothing was merged: ${error instanceof Error ? error.message : String(error)}`,
            pullNumber: pull_number,
            sha: target.sha ?? '',
            shaPinned: target.sha !== undefined,
            timeline: [],
            updatedSha: '',
            mergeGroupSha: '',
            failingGroupChecks: []
        };
    }
    const sha = target.sha ?? start.snapshot.headSha;
    if (target.sha === undefined) {
        deps.log.warning(`Input 'sha' is empty: merging the head read now (${sha}), which nothing verified. Pass the sha that wait-ci verified, e.g. 'sha: \${{ steps.wait.outputs.sha }}'.`);
    }
    const session = { deps, target, owner, repo, pull_number, sha, readPull };
    const pullUrl = start.htmlUrl || `pull request #${pull_number} of ${owner}/${repo}`;
    const timeline = [];
    const finish = (outcome, extra = {}) => ({
        ...outcome,
        pullNumber: pull_number,
        sha,
        shaPinned: target.sha !== undefined,
        attempts: timeline.length,
        timeline,
        updatedSha: extra.updatedSha ?? '',
        mergeGroupSha: extra.mergeGroupSha ?? '',
        failingGroupChecks: extra.failingGroupChecks ?? [],
        ...(extra.branchDeleted === undefined ? {} : { branchDeleted: extra.branchDeleted })
    });
    const before = judgePullState(start.snapshot, sha);
    if (before !== undefined)
        return finish(fromVerdict(before, start.snapshot.mergeCommitSha ?? ''));
    const startedAt = deps.now();
    const methods = await methodsToTry(target, deps, owner, repo);
    const loop = await mergeLoop(session, methods, timeline);
    if (loop.kind === 'stopped')
        return finish(stopOutcome({ ...loop.stop, attempts: timeline.length, pullNumber: pull_number, pullUrl, sha }));
    const queue = queueRefusalOf(loop.verdict, timeline);
    if (queue.required)
        return finish(...(await throughQueue(session, queue, start.baseRef, startedAt)));
    return finish(...(await afterFinal(session, loop.verdict, loop.read)));
}
/**
 * Whether the last merge call was GitHub's refusal of a direct merge on a
 * branch that takes changes only through the merge queue. Read from the
 * refusal itself, so a branch without a queue costs no extra request.
 */
function queueRefusalOf(verdict, timeline) {
    const last = timeline[timeline.length - 1];
    if (verdict.kind !== 'permanent' || last === undefined)
        return { required: false };
    return queueRequirement({ refusal: { ...(last.status === undefined ? {} : { status: last.status }), message: last.message } });
}
/**
 * The base requires the merge queue: with 'merge-queue: off' end naming it;
 * else enqueue the verified head (or adopt its entry) and follow the entry
 * within what is left of the budget.
 */
async function throughQueue(session, refusal, base, startedAt) {
    const { deps, target, owner, repo, pull_number, sha } = session;
    if (queuePath(refusal, target.mergeQueue) === 'refuse') {
        return [{ merged: false, mergeCommitSha: '', reason: 'permanent', category: 'merge-queue', message: queueOffMessage(refusal) }, {}];
    }
    // The rule carries the queue's own check timeout, for the timeout message; one read, made only when a queue exists.
    const rule = await detectMergeQueue(deps.client, { owner, repo, base }).catch((error) => {
        deps.log.info(`Could not read the rules of '${(0,escaping/* logText */.kc)(base)}' (${(0,escaping/* logText */.kc)(failureOf(error).message)}); following the queue without its check timeout.`);
        return refusal;
    });
    const checkResponseTimeoutMinutes = rule.required && rule.source === 'rule' ? rule.rule.checkResponseTimeoutMinutes : null;
    deps.log.info(`The base branch '${(0,escaping/* logText */.kc)(base)}' takes changes only through the merge queue: enqueueing the verified head ${sha}.`);
    const followed = await mergeThroughQueue(deps.client, { owner, repo, pullNumber: pull_number }, {
        sha,
        timeoutMs: Math.max(0, target.timeoutMs - (deps.now() - startedAt)),
        // A queue entry moves in minutes, not seconds: no need to read it at the retry pace.
        intervalMs: target.intervalMs * 3,
        checkResponseTimeoutMinutes,
        ...(target.mergeQueueJump ? { jump: true } : {})
    }, deps);
    if (followed.merged && target.deleteBranch)
        deps.log.info(QUEUE_DELETE_BRANCH_NOTE);
    const outcome = { merged: followed.merged, mergeCommitSha: followed.mergeCommitSha, reason: followed.reason, message: followed.message };
    return [outcome, { mergeGroupSha: followed.mergeGroupSha, failingGroupChecks: followed.failingChecks, ...(followed.merged && target.deleteBranch ? { branchDeleted: false } : {}) }];
}
/** Calls merge (or, while the outcome is unknown, reads) until a final answer or the end of the budget. */
async function mergeLoop(session, methods, timeline) {
    const { deps, target } = session;
    const startedAt = deps.now();
    let methodIndex = 0;
    let outcomeUnknown = false;
    let rereadOnly = false;
    for (let round = 1;; round++) {
        const method = methods[methodIndex];
        const atMs = deps.now() - startedAt;
        const step = rereadOnly ? await reread(session, 'whether the merge happened is not known yet') : await callMerge(session, method, outcomeUnknown);
        const { verdict } = step;
        if (step.failure)
            outcomeUnknown = outcomeUnknownAfter(outcomeUnknown, step.failure, verdict);
        rereadOnly = verdict.kind === 'unsettled';
        const entry = step.mergeCalled ? record(session, timeline, step, method, atMs) : undefined;
        if (step.mergeCalled && isMethodFallback(verdict, target, methodIndex, methods.length)) {
            // The method was our guess, not the user's: GitHub refused before doing anything, so try the next one.
            timeline.push({ ...entry, waitMs: 0 });
            methodIndex++;
            continue;
        }
        if (isFinal(verdict)) {
            if (entry)
                timeline.push(entry);
            return { kind: 'final', verdict, ...(step.read ? { read: step.read } : {}) };
        }
        const next = nextMergeStep(target, { failures: round, elapsedMs: deps.now() - startedAt, ...retryAfterOf(verdict) }, deps.random);
        if (next.kind === 'stop') {
            if (entry)
                timeline.push(entry);
            return { kind: 'stopped', stop: { verdict, why: next.why, readBack: step.read !== undefined, outcomeUnknown } };
        }
        if (entry)
            timeline.push({ ...entry, waitMs: next.ms });
        deps.log.info(`  ${rereadOnly ? 'reading the pull request again' : 'retrying'} in ${(0,durations/* formatSeconds */.Xo)(next.ms)} (${verdict.kind}: ${(0,escaping/* logText */.kc)(verdict.message)})`);
        await deps.sleep(next.ms);
    }
}
function isMethodFallback(verdict, target, methodIndex, methodCount) {
    return verdict.kind === 'permanent' && verdict.category === 'method-not-allowed' && target.method === undefined && methodIndex + 1 < methodCount;
}
function retryAfterOf(verdict) {
    return verdict.kind === 'transient' && verdict.retryAfterMs !== undefined ? { retryAfterMs: verdict.retryAfterMs } : {};
}
/** Logs one merge call and returns its timeline entry (without the wait). */
function record(session, timeline, step, method, atMs) {
    const attempt = timeline.length + 1;
    const said = step.failure ? step.failure.message : step.verdict.kind === 'merged' ? step.verdict.message : '';
    const answer = step.failure ? `${describeAnswer(step.failure)} '${(0,escaping/* logText */.kc)(said)}'` : 'merged';
    session.deps.log.info(`Merge attempt ${attempt}${method ? ` (${method})` : ''}: ${answer} -> ${step.verdict.kind}`);
    return { attempt, atMs, method: method ?? 'default', ...(step.status === undefined ? {} : { status: step.status }), message: said, decision: step.verdict.kind };
}
/** What follows a final answer: delete the branch after a merge, update it when behind and asked to. */
async function afterFinal(session, verdict, read) {
    const outcome = fromVerdict(verdict, read?.snapshot.mergeCommitSha ?? '');
    if (outcome.merged && session.target.deleteBranch) {
        return [outcome, { branchDeleted: await deleteBranch(session, read ?? (await session.readPull().catch(() => undefined))) }];
    }
    if (verdict.kind === 'behind' && session.target.updateBranch)
        return updateBranch(session, verdict);
    return [outcome];
}
/**
 * Updates the branch from its base once, pinned to the verified sha (GitHub
 * refuses when the head moved), and reads the new head back. The new head is
 * never merged here: nothing has verified it.
 */
async function updateBranch(session, behind) {
    const end = await runUpdate(session);
    // Whose token updated matters only when GitHub took the update (the new head then may get no checks).
    const owner = end.kind === 'updated' || end.kind === 'not-shown' ? await (0,token_owner/* tokenOwner */.nh)(session.deps.client) : 'unknown';
    const { outcome, updatedSha } = updateOutcome(end, behind, session.pull_number, session.sha, owner);
    if (updatedSha)
        session.deps.log.info(`Updated the branch from its base: new head ${updatedSha} (not merged: it must be verified first).`);
    return [outcome, { updatedSha }];
}
async function runUpdate(session) {
    const { deps, owner, repo, pull_number, sha } = session;
    let answerLost = false;
    try {
        // Once, without the client's retries: a second update would merge the base again.
        await deps.client.octokit.rest.pulls.updateBranch({ owner, repo, pull_number, expected_head_sha: sha, request: { retries: 0 } });
    }
    catch (error) {
        const failure = failureOf(error);
        answerLost = failure.status === undefined || failure.status >= 500;
        if (!answerLost) {
            // GitHub refused, so nothing was updated: a head that moved anyway is someone else's push.
            const head = (await readAfter(session, 'after the refused branch update'))?.snapshot.headSha;
            const said = { answer: describeAnswer(failure), message: failure.message };
            return head !== undefined && head !== sha ? { kind: 'head-moved', newHead: head, ...said } : { kind: 'refused', ...said };
        }
    }
    const newHead = await awaitNewHead(session);
    return newHead === undefined ? { kind: 'not-shown', answerLost } : { kind: 'updated', newHead, answerLost };
}
/** Reads the pull request until its head is no longer the verified sha (GitHub updates in the background); undefined when the budget ends first. */
async function awaitNewHead(session) {
    const { deps, target, sha } = session;
    const startedAt = deps.now();
    for (let round = 1;; round++) {
        const read = await readAfter(session, 'after the branch update');
        if (read !== undefined && read.snapshot.headSha !== sha)
            return read.snapshot.headSha;
        const next = nextMergeStep(target, { failures: round, elapsedMs: deps.now() - startedAt }, deps.random);
        if (next.kind === 'stop')
            return undefined;
        await deps.sleep(next.ms);
    }
}
/** The explicit method, else the repository's allowed ones in GitHub's order, else all three (GitHub refuses a wrong one before merging). */
async function methodsToTry(target, deps, owner, repo) {
    if (target.method !== undefined)
        return [target.method];
    try {
        const data = await withRetry('GET repository', async () => (await deps.client.octokit.rest.repos.get({ owner, repo })).data, deps.client.retryPolicy);
        const flags = {
            merge: data.allow_merge_commit,
            squash: data.allow_squash_merge,
            rebase: data.allow_rebase_merge
        };
        // The allow_* fields are only there for tokens that may see the settings; absent means unknown, not "no".
        const allowed = MERGE_METHODS.filter((m) => flags[m] !== false);
        if (allowed.length > 0)
            return allowed;
    }
    catch (error) {
        deps.log.warning(`Could not read the repository's allowed merge methods (${(0,escaping/* logText */.kc)(failureOf(error).message)}); trying merge, squash, rebase in turn.`);
    }
    return MERGE_METHODS;
}
async function deleteBranch(session, read) {
    const { deps, owner, repo } = session;
    if (read === undefined || read.headRef === '') {
        deps.log.warning("'delete-branch' is true but the head branch could not be read; not deleting it.");
        return false;
    }
    const ref = (0,escaping/* logText */.kc)(read.headRef);
    if (read.headRepo !== `${owner}/${repo}`) {
        deps.log.info(`Not deleting '${ref}': it belongs to ${(0,escaping/* logText */.kc)(read.headRepo) || 'a deleted fork'}, not ${owner}/${repo}.`);
        return false;
    }
    try {
        // Each segment encoded, the slashes kept: GitHub's ref path (`heads/feature/x`), safe for any branch name.
        const path = read.headRef.split('/').map(encodeURIComponent).join('/');
        await withRetry(`DELETE branch '${ref}'`, () => deps.client.octokit.request(`DELETE /repos/{owner}/{repo}/git/refs/heads/${path}`, { owner, repo }), deps.client.retryPolicy);
        deps.log.info(`Deleted the head branch '${ref}'.`);
        return true;
    }
    catch (error) {
        // The merge is done; a branch left behind is not a failure (it may be protected or already gone).
        deps.log.warning(`Merged, but could not delete the head branch '${ref}': ${(0,escaping/* logText */.kc)(failureOf(error).message)}`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/cli/verified-document.ts
/**
 * The sha a `purple wait-ci --json` document verified, for `purple merge --verified FILE`:
 * an orchestrator hands merge the wait's own answer instead of copying a sha out of it,
 * and a wait that did not succeed can never be merged from.
 */

/** The verified sha of a wait-ci document, or an error message saying what is wrong with it. */
function verifiedSha(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return { error: 'it is not JSON: write the document `purple wait-ci --json` printed' };
    }
    if (!(0,records/* isRecord */.u)(doc) || doc['schema'] !== 'purple/v1' || doc['command'] !== 'wait-ci') {
        return { error: 'it is not a purple/v1 document of `purple wait-ci --json`' };
    }
    if (doc['conclusion'] !== 'success') {
        return { error: `the wait it records did not succeed (conclusion '${String(doc['conclusion'])}'): nothing it names is verified` };
    }
    const sha = doc['sha'];
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
        return { error: 'it names no full commit sha' };
    return { sha };
}

// EXTERNAL MODULE: ./src/cli/api-command.ts + 1 modules
var api_command = __webpack_require__(6572);
// EXTERNAL MODULE: ./src/cli/github-auth.ts
var github_auth = __webpack_require__(5706);
;// CONCATENATED MODULE: ./src/cli/merge-command.ts
/**
 * `purple merge`: the merge action's work (src/actions/merge) from a terminal
 * or an orchestrator's container. It merges only the sha it is given (the one
 * wait-ci verified): every merge call carries it, so GitHub refuses a moved head.
 */











const MERGE_HELP = `Usage: purple merge [--repo <owner/name>] --pr <number> --sha <sha> [options]

Merges the pull request at --sha, the head wait-ci verified; GitHub refuses if the
head moved. While GitHub still reports required checks as expected (or is computing
mergeability), it tries again within --timeout. A merge call whose answer was lost is
never repeated blindly: the pull request is read back first.

Options:
  --repo <owner/name>     Default: the GitHub repository of the 'origin' remote here.
  --pr <number>           The pull request to merge.
  --sha <sha>             The verified head sha (wait-ci's 'sha'); required unless --verified.
  --verified <file>       The document 'purple wait-ci --json' printed: merge the sha it verified
                          (refused unless that wait succeeded).
  --method <m>            merge, squash or rebase (default: the first the repository allows).
  --timeout <s>           Budget for retrying while checks are expected (default ${MERGE_DEFAULTS.timeoutSeconds}).
  --interval <s>          First wait between tries (default ${MERGE_DEFAULTS.intervalSeconds}); it grows.
  --max-retries <n>       Retries of one read after a transient failure (default 4).
  --request-timeout <s>   Longest time one API request may take (default 30).
  --json                  Print one purple/v1 document with the outputs; progress as JSON lines on stderr.

Token: GH_TOKEN, else GITHUB_TOKEN; or a GitHub App: PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE
(or PURPLE_PRIVATE_KEY). API: GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 merged, 1 not merged (refused, head-moved, behind, or unknown-outcome: look
at the pull request), 2 usage, 4 authentication, 8 checks still expected at --timeout,
75 GitHub could not be reached.
`;
const FLAGS = {
    'pull-request': 'pr',
    sha: 'sha',
    method: 'method',
    'timeout-seconds': 'timeout',
    'interval-seconds': 'interval'
};
/** The exit code of a finished merge, from its reason and whether GitHub refused the credential. */
function mergeExitCode(result, requests) {
    if (result.merged)
        return exit_codes/* EXIT_CODES */.ai.success;
    if (requests.authRefused)
        return exit_codes/* EXIT_CODES */.ai.auth;
    if (result.reason === 'pending-timeout')
        return exit_codes/* EXIT_CODES */.ai.notYet;
    if (result.reason === 'unreachable')
        return exit_codes/* EXIT_CODES */.ai.transientExhausted;
    // unknown-outcome included: nothing says it merged, so a caller must not go on as if it had.
    return exit_codes/* EXIT_CODES */.ai.failure;
}
/** merge's outputs under the action's names, as JSON values. */
function mergeDocumentFields(result) {
    return {
        merged: result.merged,
        'merge-commit-sha': result.mergeCommitSha,
        attempts: result.attempts,
        reason: result.reason,
        message: result.message,
        'updated-sha': result.updatedSha,
        'merge-group-sha': result.mergeGroupSha,
        // The blockers as JSON values, not a string of JSON.
        blockers: result.diagnosis === undefined ? null : JSON.parse(blockersOutput(result))
    };
}
/** The sha a wait-ci document at `path` verified; a usage error saying what is wrong otherwise. */
async function readVerified(path, cwd) {
    let text;
    try {
        text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8');
    }
    catch (error) {
        throw new exit_codes/* UsageError */.eb(`--verified '${path}' cannot be read (${error.code ?? 'error'})`, 'merge');
    }
    const answer = verifiedSha(text);
    if ('error' in answer)
        throw new exit_codes/* UsageError */.eb(`--verified '${path}': ${answer.error}`, 'merge');
    return answer.sha;
}
/** `purple merge`; returns the exit code. */
async function mergeCommand(args, io, deps = api_command/* processDeps */._i) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: [...args],
        allowPositionals: true,
        options: {
            ...api_command/* API_FLAGS */.HO,
            method: { type: 'string' },
            verified: { type: 'string' }
        }
    });
    if (positionals.length > 0)
        throw new exit_codes/* UsageError */.eb(`unexpected argument '${positionals[0]}': use --pr and --sha`, 'merge');
    const json = values.json ?? false;
    const fromWait = values.verified === undefined ? undefined : await readVerified(values.verified, io.cwd);
    if (fromWait !== undefined && values.sha !== undefined && values.sha.toLowerCase() !== fromWait) {
        throw new exit_codes/* UsageError */.eb(`--sha '${values.sha}' is not the sha '${fromWait}' that --verified records: give one of them`, 'merge');
    }
    const flags = fromWait === undefined ? values : { ...values, sha: fromWait };
    const options = (0,api_command/* parseFlags */.bQ)('merge', () => parseMergeOptions((0,api_command/* flagInputs */.Cp)(io_mergeOwnInputs, FLAGS, flags)));
    const pullNumber = (0,api_command/* requireFlag */.eP)(options.pullRequest, 'merge', 'missing --pr: write the pull request number, e.g. --pr 42');
    // Unlike the action, no fallback to the head read now: the command line merges only a verified sha.
    (0,api_command/* requireFlag */.eP)(options.sha, 'merge', "missing --sha: pass the sha wait-ci verified (its 'sha'), or --verified with its --json document, so nothing unverified is merged");
    const words = (0,api_command/* cliWords */.q3)(FLAGS);
    return await (0,api_command/* runApiCommand */.D)('merge', json, io, async () => {
        const repository = await (0,api_command/* resolveRepository */.BN)(values.repo, io.cwd, deps.env, 'merge');
        const clientOptions = (0,github_auth/* readCliClientSettings */.L4)(deps.env, values, repository, { cwd: io.cwd, command: 'merge' });
        const log = (0,api_command/* cliLog */.$F)(io, 'merge', json, words);
        // --timeout is a hard limit: past it the client starts no retry or rate-limit wait.
        const { client, requests } = (0,api_command/* createCliClient */.OX)(clientOptions, log, deps, deps.now() + options.timeoutMs);
        const result = await merge({ ...options, repository, pullNumber }, { client, now: deps.now, sleep: deps.sleep, log });
        const what = result.merged ? `merged at ${result.sha} as ${result.mergeCommitSha}` : `not merged (${result.reason})`;
        return {
            code: mergeExitCode(result, requests),
            fields: mergeDocumentFields(result),
            lines: [`merge: pull request #${pullNumber} ${what}: ${result.message}`]
        };
    }, words);
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