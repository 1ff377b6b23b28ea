"use strict";
exports.id = 32;
exports.ids = [32];
exports.modules = {

/***/ 5706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ envToken),
/* harmony export */   L$: () => (/* binding */ envApiUrl),
/* harmony export */   L4: () => (/* binding */ readCliClientSettings),
/* harmony export */   lR: () => (/* binding */ AuthError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9114);
/* harmony import */ var _core_redaction_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3862);
/* harmony import */ var _github_configuration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3342);
/* harmony import */ var _github_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5446);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8551);
/**
 * Credentials and the API root of the `purple` commands that call GitHub,
 * from the environment: GH_TOKEN, else GITHUB_TOKEN, or a GitHub App from
 * PURPLE_APP_ID with PURPLE_PRIVATE_KEY or PURPLE_PRIVATE_KEY_FILE; the API
 * root from GITHUB_API_URL. A terminal is no runner: nothing here prints a
 * mask command, and no message quotes a secret.
 */







/** A credential that is missing or unusable: the commands exit 4 with this message. */
class AuthError extends Error {
    name = 'AuthError';
}
/** The token of the environment, GH_TOKEN before GITHUB_TOKEN (as gh reads them); '' when neither is set. */
function envToken(env) {
    return (env['GH_TOKEN'] ?? '').trim() || (env['GITHUB_TOKEN'] ?? '').trim();
}
/** The API root: GITHUB_API_URL (a GitHub Enterprise Server's https://HOST/api/v3), else github.com's. */
function envApiUrl(env) {
    // Credentials in the URL are refused with the password kept out of the message (and remembered for redaction).
    return (0,_github_configuration_js__WEBPACK_IMPORTED_MODULE_3__/* .checkApiUrl */ .Sz)((env['GITHUB_API_URL'] ?? '').trim() || 'https://api.github.com', 'GITHUB_API_URL', _core_redaction_js__WEBPACK_IMPORTED_MODULE_2__/* .rememberSecret */ .G);
}
/** The App's private key: PURPLE_PRIVATE_KEY, else the file PURPLE_PRIVATE_KEY_FILE names; '' when neither. */
function envPrivateKey(env, cwd) {
    const inline = env['PURPLE_PRIVATE_KEY'] ?? '';
    if (inline.trim() !== '')
        return { key: inline, label: 'PURPLE_PRIVATE_KEY' };
    const file = (env['PURPLE_PRIVATE_KEY_FILE'] ?? '').trim();
    if (file === '')
        return { key: '', label: 'PURPLE_PRIVATE_KEY' };
    try {
        return { key: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'utf8'), label: 'PURPLE_PRIVATE_KEY_FILE' };
    }
    catch (e) {
        const why = typeof e === 'object' && e !== null && typeof e.code === 'string' ? e.code : 'unreadable';
        throw new AuthError(`PURPLE_PRIVATE_KEY_FILE '${file}' cannot be read (${why}): point it at the App's .pem file`);
    }
}
/**
 * Client options from the environment and the tuning flags, through the same
 * parser the actions use (its errors name the flag or the variable). Throws
 * AuthError for a missing or unusable credential, a UsageError for a bad flag.
 */
function readCliClientSettings(env, flags, repository, io) {
    const appId = (env['PURPLE_APP_ID'] ?? '').trim();
    const { key, label: keyLabel } = envPrivateKey(env, io.cwd);
    const token = envToken(env);
    if (appId === '' && key.trim() !== '')
        throw new AuthError(`${keyLabel} is set but PURPLE_APP_ID is empty: set the GitHub App's id too`);
    if (appId !== '' && key.trim() === '')
        throw new AuthError(`PURPLE_APP_ID is '${appId}' but no private key is set: set PURPLE_PRIVATE_KEY_FILE to the App's .pem file (or PURPLE_PRIVATE_KEY to its text)`);
    if (appId === '' && token === '') {
        throw new AuthError('no token: set GH_TOKEN (or GITHUB_TOKEN) to a token that can read the repository, or PURPLE_APP_ID with PURPLE_PRIVATE_KEY_FILE');
    }
    if (token !== '')
        (0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_2__/* .rememberSecret */ .G)(token);
    const values = {
        'github-token': token,
        'app-id': appId,
        'private-key': key,
        'max-retries': flags['max-retries'] ?? '',
        'request-timeout-seconds': flags['request-timeout'] ?? ''
    };
    const labels = {
        'github-token': (env['GH_TOKEN'] ?? '').trim() ? 'GH_TOKEN' : 'GITHUB_TOKEN',
        'app-id': 'PURPLE_APP_ID',
        'private-key': keyLabel,
        'installation-id': 'installation-id',
        owner: 'owner',
        'max-retries': '--max-retries',
        'request-timeout-seconds': '--request-timeout'
    };
    // Without a prefix the reader is asked by the input's own name; the labels are what errors say.
    const source = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .specInputSource */ .f0)(_github_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .clientInputs */ .HC, (name) => values[name] ?? '');
    const inputs = { get: source.get, label: (name) => labels[name] };
    let parsed;
    try {
        // GITHUB_REPOSITORY: the repository whose App installation is looked up.
        parsed = (0,_github_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseClientSettings */ .MI)(inputs, { GITHUB_REPOSITORY: `${repository.owner}/${repository.repo}` });
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        // Only the tuning inputs are labelled as flags; every other label is an environment variable.
        if (/^Input '--/.test(message))
            throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(message.replace(/^Input '--/, "option '--"), io.command);
        // The shared parser names the action inputs; here they are environment variables.
        throw new AuthError(message.replace(/^Input /, '').replace(/Input 'private-key'|'private-key'/g, keyLabel), { cause: e });
    }
    return Object.freeze({ ...parsed, baseUrl: envApiUrl(env) });
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   rM: () => (/* binding */ nextDelay)
/* harmony export */ });
/**
 * When to try again: an exponential schedule with a cap and a jitter fraction.
 * Pure: the random source is a parameter, so a test pins it. The client's
 * retry loop and `withRetry` use this one schedule (DEFAULT_BACKOFF unless
 * the client is given other delays).
 */
/** Production defaults: 1 s, 2 s, 4 s ... capped at 30 s, up to a quarter shaved off at random. */
const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1000, maxMs: 30_000, factor: 2, jitter: 0.25 });
/** The delay before retry number `attempt` (1 = first retry), in whole ms. */
function backoffDelay(attempt, policy, random = Math.random) {
    const n = Math.max(1, Math.floor(attempt));
    const base = Math.max(0, policy.baseMs);
    const cap = Math.max(0, policy.maxMs);
    const factor = Math.max(1, policy.factor);
    const jitter = Math.min(1, Math.max(0, policy.jitter));
    // Exponent clamped so a long run (attempt 2000) cannot overflow to Infinity * 0 = NaN.
    const raw = Math.min(cap, base * Math.pow(factor, Math.min(n - 1, 64)));
    const r = Math.min(1, Math.max(0, random()));
    return Math.round(raw * (1 - jitter * r));
}
/**
 * The wait before the next try: the backoff, but never shorter than what the
 * server asked for (retry-after / x-ratelimit-reset), so a rate limit is not re-polled early.
 */
function nextDelay(attempt, policy, serverAskedMs, random = Math.random) {
    const backoff = backoffDelay(attempt, policy, random);
    return serverAskedMs === undefined ? backoff : Math.max(backoff, Math.ceil(serverAskedMs));
}


/***/ }),

/***/ 5235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jn: () => (/* binding */ evaluateChecks),
/* harmony export */   We: () => (/* binding */ statusDurations),
/* harmony export */   oL: () => (/* binding */ observationKey)
/* harmony export */ });
/* unused harmony exports runState, statusState */
/* harmony import */ var _required_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1518);
/**
 * Decides, from plain observations of one head sha, the state of every
 * required check and the overall verdict. Its one promise: never
 * `success` while a required check is missing, pending or failing, and never
 * success on an empty set.
 */

const satisfying = new Set(['success', 'neutral', 'skipped']);
const failing = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale']);
/** Maps a check run to its state: completed runs by conclusion, everything else (queued, in_progress, waiting, requested, pending) is pending. */
function runState(run) {
    if (run.status !== 'completed')
        return 'pending';
    if (run.conclusion === null)
        return 'pending';
    if (satisfying.has(run.conclusion))
        return 'success';
    // Unknown future conclusions fail rather than pass: a false failure costs a re-run, a false success a bad merge.
    if (failing.has(run.conclusion))
        return 'failed';
    return 'failed';
}
/** Maps a commit status state: success passes, error/failure fail, pending (or anything else) waits. */
function statusState(state) {
    if (state === 'success')
        return 'success';
    if (state === 'error' || state === 'failure')
        return 'failed';
    return 'pending';
}
function time(value) {
    if (value === null)
        return Number.POSITIVE_INFINITY;
    const t = Date.parse(value);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
/**
 * Orders runs of one name newest first, by creation: GitHub gives every check run,
 * a re-run included, a new and higher id, while `started_at` is empty until a
 * runner picks it up and comes from the runner's clock. A run that never started
 * but was created before a completed one is therefore not the newest.
 */
function newestFirst(a, b) {
    return b.id - a.id;
}
function durationOf(start, end) {
    if (start === null || end === null)
        return undefined;
    const d = Date.parse(end) - Date.parse(start);
    return Number.isFinite(d) && d >= 0 ? d : undefined;
}
function judge(name, appId, sources, input) {
    const base = { name, ...(appId === undefined ? {} : { appId }), sources };
    const runs = input.runs
        .filter((r) => r.name === name && (appId === undefined || r.appId === appId))
        .sort(newestFirst);
    // The job's own run is the newest of its name while we wait; older runs of the name (a prior attempt) must not decide.
    if (input.ownCheckRunId !== undefined && runs.some((r) => r.id === input.ownCheckRunId)) {
        return { ...base, state: 'self', detail: 'this job', kind: 'check-run' };
    }
    // A status cannot prove which app posted it, so it never satisfies an app-scoped requirement.
    const status = appId === undefined ? input.statuses.find((s) => s.context === name) : undefined;
    const run = runs[0];
    if (run !== undefined && (status === undefined || time(run.startedAt) >= time(status.updatedAt ?? status.createdAt))) {
        const state = runState(run);
        return {
            ...base,
            state,
            detail: run.status === 'completed' ? (run.conclusion ?? 'completed') : run.status,
            kind: 'check-run',
            ...(run.url ? { url: run.url } : {}),
            ...(state !== 'pending' ? withDuration(durationOf(run.startedAt, run.completedAt)) : {})
        };
    }
    if (status !== undefined) {
        const state = statusState(status.state);
        return {
            ...base,
            state,
            detail: status.state,
            kind: 'status',
            ...(status.url ? { url: status.url } : {}),
            ...(state !== 'pending' ? withDuration(durationOf(status.createdAt, status.updatedAt)) : {})
        };
    }
    const otherApps = input.runs.filter((r) => r.name === name).map((r) => r.appSlug ?? String(r.appId));
    const detail = otherApps.length > 0
        ? `not registered by app ${appId}; seen only from ${[...new Set(otherApps)].join(', ')}`
        : 'not registered yet';
    return { ...base, state: 'missing', detail };
}
function withDuration(durationMs) {
    return durationMs === undefined ? {} : { durationMs };
}
/** Judges every required (or, without a gate, every observed) check and the overall verdict. */
function evaluateChecks(input) {
    const ignores = input.ignore.map(_required_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .compileGlob */ .SO);
    const ignored = (name) => ignores.some((g) => g.test(name));
    let checks;
    let ignoredRequired = [];
    if (input.required.mode === 'gate') {
        checks = input.required.checks.map((c) => judge(c.name, c.appId, c.sources, input));
        ignoredRequired = [...new Set(input.required.checks.map((c) => c.name).filter(ignored))];
    }
    else if (input.required.mode === 'all-observed') {
        const ownName = input.runs.find((r) => r.id === input.ownCheckRunId)?.name;
        const names = [
            ...new Set([
                ...input.runs.filter((r) => r.id !== input.ownCheckRunId && r.name !== ownName).map((r) => r.name),
                ...input.statuses.map((s) => s.context)
            ])
        ].filter((n) => !ignored(n));
        checks = names.sort().map((n) => judge(n, undefined, ['observed'], input));
    }
    else {
        return { verdict: 'failure', checks: [], ignoredRequired, line: 'no required checks and on-no-gate is fail' };
    }
    // Without strict mode a required check that never appeared is reported but does not hold the wait.
    const counted = input.strict ? checks : checks.filter((c) => c.state !== 'missing');
    const failed = counted.filter((c) => c.state === 'failed');
    const waiting = counted.filter((c) => c.state === 'pending' || c.state === 'missing');
    const verified = counted.filter((c) => c.state === 'success');
    let verdict;
    if (failed.length > 0 && (input.failFast || waiting.length === 0))
        verdict = 'failure';
    else if (waiting.length > 0 || failed.length > 0)
        verdict = 'pending';
    // Never success on nothing: an empty set (or only this job itself) is pending until something appears.
    else if (verified.length === 0)
        verdict = 'pending';
    else
        verdict = 'success';
    return { verdict, checks, ignoredRequired, line: describe(verdict, counted, waiting, failed) };
}
function describe(verdict, counted, waiting, failed) {
    const list = (cs) => cs.map((c) => `${c.name} (${c.detail})`).join(', ');
    if (verdict === 'success')
        return `all ${counted.length} required check(s) passed`;
    if (verdict === 'failure')
        return `failed: ${list(failed)}`;
    if (counted.length === 0)
        return 'waiting: no checks observed yet';
    return `waiting on ${waiting.length + failed.length} of ${counted.length}: ${list([...failed, ...waiting])}`;
}
/** A stable fingerprint of what was observed, to tell "something changed" from "nothing did". */
function observationKey(evaluation) {
    return evaluation.checks.map((c) => `${c.name}|${c.appId ?? ''}|${c.state}|${c.detail}`).join('\n');
}
/**
 * Time to complete of each status context from its history (`GET /commits/{ref}/statuses`,
 * newest first): every state change is a new immutable status, so the combined view alone
 * cannot tell when a context started. From the first status of the context to the newest.
 */
function statusDurations(history) {
    const spans = new Map();
    for (const status of history) {
        const t = Date.parse(status.createdAt ?? '');
        if (Number.isNaN(t))
            continue;
        const span = spans.get(status.context);
        spans.set(status.context, span ? { first: Math.min(span.first, t), last: Math.max(span.last, t) } : { first: t, last: t });
    }
    return new Map([...spans].map(([context, span]) => [context, span.last - span.first]));
}


/***/ }),

/***/ 9777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ diagnosisDocument),
/* harmony export */   Z6: () => (/* binding */ renderDiagnosisText)
/* harmony export */ });
/* unused harmony export renderDiagnosisHtml */
/* harmony import */ var _escaping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(811);
/* harmony import */ var _summary_html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5873);
/**
 * A diagnosis shown to people: summary-html blocks for a job summary, plain
 * lines for a terminal or a log (outside text kept on one line each), and the
 * JSON document `purple why --json` prints.
 */


const WHO_WORDS = {
    author: 'the author (push a fix, update the branch)',
    reviewer: 'a reviewer',
    admin: 'an admin (settings or token)',
    ci: 'CI (wait, or re-run)',
    anyone: 'anyone (retry)'
};
const VERDICT_WORDS = {
    mergeable: 'mergeable',
    waiting: 'waiting',
    blocked: 'blocked',
    unknown: 'unknown'
};
/** The diagnosis as job-summary blocks: a heading, the verdict, a table of blockers, and what could not be read. */
function renderDiagnosisHtml(diagnosis, title = 'What stands between this PR and a merge') {
    const blocks = [heading(3, title), paragraph([strong(VERDICT_WORDS[diagnosis.verdict]), `: ${diagnosis.reason}.`])];
    if (diagnosis.blockers.length > 0) {
        const evidence = (b) => (b.link ? [b.evidence, ' (', link(b.link, 'details'), ')'] : b.evidence);
        blocks.push(table(['blocker', 'evidence', 'rule', 'who can clear it'], diagnosis.blockers.map((b) => [b.kind, evidence(b), b.source, WHO_WORDS[b.who]])));
    }
    if (diagnosis.unreadable.length > 0) {
        blocks.push(paragraph('Not readable with this token (not guessed):'));
        blocks.push(list(diagnosis.unreadable.map((u) => [strong(u.what), `: ${u.reason}`])));
    }
    return blocks;
}
/** The diagnosis as plain lines (no trailing newlines); outside text cannot break a line or start a workflow command. */
function renderDiagnosisText(diagnosis) {
    const lines = [`${VERDICT_WORDS[diagnosis.verdict]}: ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(diagnosis.reason)}`];
    for (const b of diagnosis.blockers) {
        lines.push(`  - ${b.kind}: ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(b.evidence)}`);
        lines.push(`      rule: ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(b.source)}; who: ${WHO_WORDS[b.who]}${b.link ? `; ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(b.link)}` : ''}`);
    }
    if (diagnosis.unreadable.length > 0) {
        lines.push('  not readable with this token:');
        for (const u of diagnosis.unreadable)
            lines.push(`  - ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(u.what)}: ${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(u.reason)}`);
    }
    return lines;
}
/** The machine-readable document (`schema: purple/v1`). */
function diagnosisDocument(diagnosis, extra = {}) {
    return {
        schema: 'purple/v1',
        command: 'why',
        ...extra,
        verdict: diagnosis.verdict,
        reason: diagnosis.reason,
        blockers: diagnosis.blockers.map((b) => ({ kind: b.kind, source: b.source, evidence: b.evidence, who: b.who, ...(b.link ? { link: b.link } : {}) })),
        unreadable: diagnosis.unreadable.map((u) => ({ what: u.what, reason: u.reason }))
    };
}


/***/ }),

/***/ 8410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ needsReread),
/* harmony export */   h4: () => (/* binding */ diagnose)
/* harmony export */ });
/* unused harmony export ruleSource */
const CLASSIC = 'classic branch protection';
/** How a ruleset is named in a blocker's source. */
function ruleSource(rule) {
    if (rule.rulesetId === undefined)
        return 'a ruleset';
    const where = rule.source ? ` (${rule.sourceType === 'Organization' ? 'organization' : 'repository'} ${rule.source})` : '';
    const name = rule.rulesetName ? ` '${rule.rulesetName}'` : '';
    return `ruleset ${rule.rulesetId}${name}${where}`;
}
function joinSources(rules) {
    return [...new Set(rules.map(ruleSource))].join(', ');
}
function param(rule, name, type) {
    const value = rule.parameters?.[name];
    if (type === 'object')
        return Array.isArray(value) ? value : undefined;
    return typeof value === type ? value : undefined;
}
/** True when GitHub has not finished computing mergeability: the reader reads again before deciding. */
function needsReread(facts) {
    return facts.pull.mergeStateStatus === 'UNKNOWN' || facts.pull.mergeable === 'UNKNOWN';
}
const shortSha = (sha) => sha.slice(0, 7);
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Rules the diagnosis knows how to judge, or that never stop a merge (they govern pushes). */
const PUSH_ONLY_RULES = new Set([
    'creation',
    'update',
    'deletion',
    'non_fast_forward',
    'commit_message_pattern',
    'commit_author_email_pattern',
    'committer_email_pattern',
    'branch_name_pattern',
    'tag_name_pattern',
    'file_path_restriction',
    'max_file_path_length',
    'file_extension_restriction',
    'max_file_size'
]);
const JUDGED_RULES = new Set([
    'required_status_checks',
    'pull_request',
    'merge_queue',
    'required_signatures',
    'required_linear_history',
    'required_deployments'
]);
function checkBlockers(facts, rules) {
    if (!facts.checks.ok)
        return [];
    const sourceOf = (check) => {
        const parts = [];
        if (check.sources.includes('protection'))
            parts.push(CLASSIC);
        const naming = rules.filter((r) => r.type === 'required_status_checks' &&
            (param(r, 'required_status_checks', 'object') ?? []).some((c) => c.context === check.name));
        if (naming.length > 0)
            parts.push(joinSources(naming));
        else if (check.sources.includes('ruleset'))
            parts.push('a ruleset');
        return parts.join(', ') || 'required check';
    };
    const app = (check) => (check.appId !== undefined ? ` (from app ${check.appId})` : '');
    const blockers = [];
    for (const check of facts.checks.value) {
        const common = { source: sourceOf(check), ...(check.url ? { link: check.url } : {}) };
        if (check.state === 'failed') {
            blockers.push({ kind: 'check-failing', ...common, evidence: `required check '${check.name}'${app(check)} concluded ${check.detail}`, who: 'author' });
        }
        else if (check.state === 'pending' || check.state === 'self') {
            blockers.push({ kind: 'check-pending', ...common, evidence: `required check '${check.name}'${app(check)} is ${check.detail}`, who: 'ci' });
        }
        else if (check.state === 'missing') {
            const noSuite = facts.headCheckSuites === 0;
            const evidence = noSuite
                ? `required check '${check.name}'${app(check)} never registered on ${shortSha(facts.pull.headSha)}, and no check suite exists for that head at all: it was likely pushed by a token that starts no workflows (a workflow's GITHUB_TOKEN); push it with another token or an empty commit`
                : `required check '${check.name}'${app(check)} has not registered on ${shortSha(facts.pull.headSha)} (${check.detail}); if no job of that name runs for this pull request, the rule names a check that never comes`;
            blockers.push({ kind: 'check-missing', ...common, evidence, who: noSuite ? 'author' : 'ci' });
        }
    }
    return blockers;
}
function reviewBlockers(facts, rules, unreadable) {
    const blockers = [];
    const prRules = rules.filter((r) => r.type === 'pull_request');
    const head = facts.pull.headSha;
    const dismissStale = prRules.some((r) => param(r, 'dismiss_stale_reviews_on_push', 'boolean') === true);
    const approvals = facts.reviews.filter((r) => r.state === 'APPROVED' && (!dismissStale || r.commitOid === head));
    const requested = facts.reviewRequests.map((r) => r.reviewer);
    const asked = requested.length > 0 ? `; review requested from ${requested.join(', ')}` : '; no reviewer is requested';
    const counting = prRules.filter((r) => (param(r, 'required_approving_review_count', 'number') ?? 0) > 0);
    const needed = Math.max(0, ...counting.map((r) => param(r, 'required_approving_review_count', 'number') ?? 0));
    // GitHub's own reviewDecision counts every review rule, classic ones included: an APPROVED there is final.
    const rulesetShort = needed > approvals.length && facts.reviewDecision !== 'APPROVED';
    if (facts.reviewDecision === 'CHANGES_REQUESTED') {
        const by = facts.reviews.filter((r) => r.state === 'CHANGES_REQUESTED').map((r) => r.author);
        blockers.push({
            kind: 'changes-requested',
            source: prRules.length > 0 ? joinSources(prRules) : 'review requirement (classic protection or a ruleset)',
            evidence: `changes requested${by.length > 0 ? ` by ${by.join(', ')}` : ''}: a new review from them (or a dismissal) is needed`,
            who: 'reviewer'
        });
    }
    else if (rulesetShort || facts.reviewDecision === 'REVIEW_REQUIRED') {
        const classic = facts.protection.ok && facts.protection.value.protected ? CLASSIC : 'review requirement';
        const source = rulesetShort ? joinSources(counting.filter((r) => (param(r, 'required_approving_review_count', 'number') ?? 0) > approvals.length)) : classic;
        const count = rulesetShort ? `${plural(needed, 'approving review')} required, ${approvals.length} given` : 'an approving review is required (GitHub: REVIEW_REQUIRED)';
        blockers.push({ kind: 'review-required', source, evidence: `${count}${asked}`, who: 'reviewer' });
    }
    const owners = prRules.filter((r) => param(r, 'require_code_owner_review', 'boolean') === true);
    const ownerRequests = facts.reviewRequests.filter((r) => r.asCodeOwner).map((r) => r.reviewer);
    if (owners.length > 0 && ownerRequests.length > 0) {
        blockers.push({
            kind: 'code-owner-review',
            source: joinSources(owners),
            evidence: `waiting on code owner review from ${ownerRequests.join(', ')}`,
            who: 'reviewer'
        });
    }
    const lastPush = prRules.filter((r) => param(r, 'require_last_push_approval', 'boolean') === true);
    if (lastPush.length > 0) {
        const onHead = facts.reviews.filter((r) => r.state === 'APPROVED' && r.commitOid === head && r.author !== facts.pull.author);
        if (onHead.length === 0) {
            blockers.push({
                kind: 'last-push-approval',
                source: joinSources(lastPush),
                evidence: `no approving review on the head ${shortSha(head)}: the newest push must be approved by someone other than who pushed it`,
                who: 'reviewer'
            });
        }
        else {
            unreadable.push({
                what: 'who pushed the head',
                reason: `the approval on ${shortSha(head)} by ${onHead.map((r) => r.author).join(', ')} counts only if that reviewer did not push it, and the pusher is not readable`
            });
        }
    }
    const resolve = prRules.filter((r) => param(r, 'required_review_thread_resolution', 'boolean') === true);
    if (resolve.length > 0) {
        const threads = facts.unresolvedThreads;
        if (threads === null)
            unreadable.push({ what: 'review threads', reason: 'the review threads could not be read' });
        else if (threads.count > 0) {
            blockers.push({
                kind: 'unresolved-conversations',
                source: joinSources(resolve),
                evidence: `${threads.complete ? '' : 'at least '}${plural(threads.count, 'unresolved conversation')} on the pull request`,
                who: 'author'
            });
        }
    }
    return blockers;
}
function otherRuleBlockers(facts, rules, unreadable) {
    const blockers = [];
    const ofType = (type) => rules.filter((r) => r.type === type);
    const queue = ofType('merge_queue');
    if (queue.length > 0) {
        const q = facts.mergeQueue;
        blockers.push(q.inQueue
            ? {
                kind: 'merge-queue',
                source: joinSources(queue),
                evidence: `in the merge queue${q.position !== null ? ` at position ${q.position}` : ''}${q.state ? `, ${q.state}` : ''}: the queue merges it when its checks pass`,
                who: 'ci'
            }
            : { kind: 'merge-queue', source: joinSources(queue), evidence: 'the branch takes changes only through the merge queue, and this pull request is not in it: enqueue it', who: 'anyone' });
    }
    const signatures = ofType('required_signatures');
    if (signatures.length > 0) {
        if (facts.commits === null)
            unreadable.push({ what: 'commit signatures', reason: 'the pull request commits could not be read' });
        else if (facts.commits.unsigned.length > 0) {
            blockers.push({
                kind: 'signatures',
                source: joinSources(signatures),
                evidence: `${plural(facts.commits.unsigned.length, 'commit')} without a verified signature: ${facts.commits.unsigned.map(shortSha).join(', ')}`,
                who: 'author'
            });
        }
        else if (!facts.commits.complete)
            unreadable.push({ what: 'commit signatures', reason: 'the pull request has more commits than were read' });
    }
    const linear = ofType('required_linear_history');
    if (linear.length > 0 && facts.commits !== null && facts.commits.merges.length > 0) {
        blockers.push({
            kind: 'linear-history',
            source: joinSources(linear),
            evidence: `merge commit(s) in the pull request: ${facts.commits.merges.map(shortSha).join(', ')}; rebase them away (and merge by squash or rebase)`,
            who: 'author'
        });
    }
    for (const rule of ofType('required_deployments')) {
        const environments = (param(rule, 'required_deployment_environments', 'object') ?? []).filter((e) => typeof e === 'string');
        if (facts.deployments === null) {
            if (environments.length > 0)
                unreadable.push({ what: 'deployments', reason: 'the deployments of the head could not be read' });
            continue;
        }
        const missing = environments.filter((e) => facts.deployments?.[e] !== 'SUCCESS' && facts.deployments?.[e] !== 'ACTIVE');
        if (missing.length > 0) {
            const states = missing.map((e) => `${e} (${facts.deployments?.[e]?.toLowerCase() ?? 'not deployed'})`);
            blockers.push({ kind: 'deployments', source: ruleSource(rule), evidence: `required deployment(s) not successful on the head: ${states.join(', ')}`, who: 'ci' });
        }
    }
    for (const rule of ofType('workflows')) {
        const paths = (param(rule, 'workflows', 'object') ?? []).map((w) => (typeof w.path === 'string' ? w.path : '?'));
        unreadable.push({
            what: `required workflows (${ruleSource(rule)}: ${paths.join(', ') || 'unnamed'})`,
            reason: 'the rule does not name the checks its workflows report, so whether they passed is not readable; the merge or enqueue attempt names an unsatisfied one'
        });
    }
    for (const rule of rules) {
        if (JUDGED_RULES.has(rule.type) || PUSH_ONLY_RULES.has(rule.type) || rule.type === 'workflows')
            continue;
        unreadable.push({ what: `rule '${rule.type}' (${ruleSource(rule)})`, reason: 'not judged here: whether it holds is not readable with this token' });
    }
    return blockers;
}
function stateBlockers(facts, strictRules) {
    const strict = strictRules.length > 0;
    const pull = facts.pull;
    const blockers = [];
    if (pull.state !== 'OPEN') {
        blockers.push({
            kind: 'closed',
            source: 'pull request',
            evidence: pull.state === 'MERGED' ? 'the pull request is already merged' : 'the pull request is closed',
            who: pull.state === 'MERGED' ? 'anyone' : 'author'
        });
        return blockers;
    }
    if (pull.isDraft || pull.mergeStateStatus === 'DRAFT') {
        blockers.push({ kind: 'draft', source: 'pull request', evidence: 'the pull request is a draft: mark it ready for review', who: 'author' });
    }
    if (pull.mergeable === 'CONFLICTING' || pull.mergeStateStatus === 'DIRTY') {
        blockers.push({ kind: 'conflict', source: 'pull request', evidence: `the head conflicts with '${pull.baseRef}': merge or rebase it and resolve the conflicts`, who: 'author' });
    }
    const behind = facts.behindBy ?? 0;
    if (pull.mergeStateStatus === 'BEHIND' || (strict && behind > 0)) {
        const count = facts.behindBy === null ? 'behind' : `${plural(behind, 'commit')} behind`;
        blockers.push({
            kind: 'behind',
            source: strict ? `${joinSources(strictRules)}: checks must pass on the latest base (strict)` : 'GitHub (mergeStateStatus BEHIND)',
            evidence: `the head is ${count} '${pull.baseRef}': update the branch`,
            who: 'author'
        });
    }
    if (facts.workflowFiles !== null && facts.workflowFiles.length > 0 && facts.mergingToken === 'actions') {
        blockers.push({
            kind: 'workflow-file-permission',
            source: 'GitHub Actions token permissions',
            evidence: `the pull request changes ${facts.workflowFiles.join(', ')}, which a workflow's GITHUB_TOKEN may never write: merge with a GitHub App or a token with the workflows permission`,
            who: 'admin'
        });
    }
    return blockers;
}
function unreadableGates(facts, unreadable) {
    if (!facts.rules.ok)
        unreadable.push({ what: 'rulesets', reason: facts.rules.reason });
    unreadable.push({
        what: 'rulesets in evaluate mode',
        reason: 'GET /rules/branches returns only active rules; evaluate-mode rules do not block and are not shown'
    });
    if (!facts.protection.ok)
        unreadable.push({ what: CLASSIC, reason: facts.protection.reason });
    else if (facts.protection.value.protected) {
        unreadable.push({
            what: `${CLASSIC}: review, conversation, signature and linear-history settings`,
            reason: 'the branch endpoint shows only required status checks; the rest needs administration access (GitHub reports the review outcome as reviewDecision)'
        });
    }
    if (!facts.checks.ok)
        unreadable.push({ what: 'required checks', reason: facts.checks.reason });
    unreadable.push({ what: 'rule-suite history', reason: 'GET /rulesets/rule-suites needs administration access' });
}
const WAITING_KINDS = new Set(['check-pending']);
/** Decides the verdict and lists every blocker the facts prove. Pure: same facts, same diagnosis. */
function diagnose(facts) {
    const unreadable = [];
    const rules = facts.rules.ok ? facts.rules.value : [];
    const strict = rules.filter((r) => r.type === 'required_status_checks' && param(r, 'strict_required_status_checks_policy', 'boolean') === true);
    const blockers = stateBlockers(facts, strict);
    if (facts.pull.state === 'OPEN') {
        blockers.push(...checkBlockers(facts, rules), ...reviewBlockers(facts, rules, unreadable), ...otherRuleBlockers(facts, rules, unreadable));
    }
    unreadableGates(facts, unreadable);
    const status = facts.pull.mergeStateStatus;
    if (facts.pull.state === 'OPEN' && needsReread(facts)) {
        // Several reads still UNKNOWN: GitHub has not computed mergeability, so no verdict; the blockers seen so far still stand.
        blockers.push({
            kind: 'unknown',
            source: 'GitHub (mergeStateStatus UNKNOWN)',
            evidence: `GitHub had not computed whether the pull request can merge after ${plural(facts.pull.reads, 'read')}: ask again shortly`,
            who: 'anyone'
        });
        return { verdict: 'unknown', reason: 'GitHub is still computing mergeability', blockers, unreadable };
    }
    // A queued entry is the queue's to merge: waiting, like a pending check.
    const waitingOnly = blockers.every((b) => WAITING_KINDS.has(b.kind) || (b.kind === 'merge-queue' && b.who === 'ci'));
    if (blockers.length > 0 && waitingOnly) {
        return { verdict: 'waiting', reason: 'only pending checks (or the merge queue) stand in the way', blockers, unreadable };
    }
    if (blockers.length > 0) {
        return { verdict: 'blocked', reason: `${plural(blockers.length, 'blocker')} stand${blockers.length === 1 ? 's' : ''} in the way`, blockers, unreadable };
    }
    if (status === 'BLOCKED') {
        const workflowHint = facts.workflowFiles !== null && facts.workflowFiles.length > 0 && facts.mergingToken === 'unknown'
            ? `; the pull request changes ${facts.workflowFiles.join(', ')}, which a workflow's GITHUB_TOKEN cannot merge`
            : '';
        blockers.push({
            kind: 'unknown',
            source: 'GitHub (mergeStateStatus BLOCKED)',
            evidence: `GitHub says blocked, yet every rule readable with this token is satisfied${workflowHint}; the merge (or enqueue) attempt's own message is the one authoritative answer`,
            who: 'anyone'
        });
        return { verdict: 'unknown', reason: 'GitHub says blocked and no readable rule explains it', blockers, unreadable };
    }
    return { verdict: 'mergeable', reason: status === 'UNSTABLE' ? 'mergeable (a check that is not required is failing or pending)' : 'mergeable', blockers, unreadable };
}


/***/ }),

/***/ 778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   Yx: () => (/* binding */ formatWaitSeconds),
/* harmony export */   _V: () => (/* binding */ formatMs)
/* harmony export */ });
/**
 * How Purple writes a duration for people. Two forms, one place:
 * - `formatMs` ("45s", "12m 5s", "1h 0m") for how long something took or
 *   waited: a wait, a check's run time, the queue's time so far;
 * - `formatSeconds` ("90 s", "1.5 s") for an amount compared with a setting
 *   given in seconds (a budget, a wait GitHub asked for, a retry delay), so the
 *   number reads exactly as it is written in `timeout-seconds` or `retry-after`.
 */
/** Renders a duration for messages: `45s`, `12m 5s`, `1h 0m` (under a second: `250ms`). */
function formatMs(ms) {
    const s = Math.round(ms / 1000);
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m ${s % 60}s`;
    return `${Math.floor(m / 60)}h ${m % 60}m`;
}
/** Renders milliseconds as seconds to three significant digits: "90 s", "1.5 s", "0.01 s". */
function formatSeconds(ms) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : Number(s.toPrecision(3))} s`;
}
/** `formatSeconds` of a wait rounded up to whole seconds ("60 s"): a wait told to a person is never shorter than the real one. */
function formatWaitSeconds(ms) {
    return formatSeconds(Math.ceil(ms / 1000) * 1000);
}


/***/ }),

/***/ 3862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ rememberSecret),
/* harmony export */   f: () => (/* binding */ redactSecrets)
/* harmony export */ });
/**
 * Secrets known to the process, and their removal from text that leaves it
 * through a channel the runner does not mask. The runner masks the log and the
 * summary (core.setSecret), never GITHUB_OUTPUT, and an error body can echo a
 * token back: see docs/decisions.md, "Outputs never carry a secret".
 */
const known = new Set();
/** Remembers a secret (and each of its lines of 8+ characters) for `redactSecrets`. */
function rememberSecret(secret) {
    if (secret.trim().length < 4)
        return;
    known.add(secret);
    for (const line of secret.split(/\r?\n/)) {
        const part = line.trim();
        if (part.length >= 8 && !part.startsWith('-----'))
            known.add(part);
    }
}
/** The text with every remembered secret replaced by `***`, longest first. */
function redactSecrets(text) {
    if (known.size === 0 || text === '')
        return text;
    let out = text;
    for (const secret of [...known].sort((a, b) => b.length - a.length))
        out = out.split(secret).join('***');
    return out;
}


/***/ }),

/***/ 1518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ox: () => (/* binding */ buildRequiredSet),
/* harmony export */   SO: () => (/* binding */ compileGlob)
/* harmony export */ });
/* unused harmony exports requiredFromInput, unionRequired */
/**
 * The required set of a branch, read from the gate definition rather than from
 * a snapshot of what is visible (a check that registers late is not visible
 * yet, but is required all the same): classic protection as
 * the branch endpoint shows it, rulesets from the rules endpoint, and the
 * `required` input, each name tagged with where it came from.
 */
/** Extra names from the `required` input, one per line (names may hold commas, e.g. `test (ubuntu, 20)`). */
function requiredFromInput(text) {
    const names = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return [...new Set(names)].map((name) => ({ name, source: 'input' }));
}
/**
 * Union of every source, merged per name. A name required by one source for
 * any app and by another for app X needs app X; two different apps stay two
 * requirements, since each rule must be met on its own.
 */
function unionRequired(entries) {
    const byName = new Map();
    for (const entry of entries) {
        const list = byName.get(entry.name) ?? [];
        list.push(entry);
        byName.set(entry.name, list);
    }
    const checks = [];
    for (const [name, list] of byName) {
        const apps = [...new Set(list.map((e) => e.appId).filter((a) => a !== undefined))].sort((a, b) => a - b);
        const anySources = list.filter((e) => e.appId === undefined).map((e) => e.source);
        if (apps.length === 0) {
            checks.push({ name, sources: orderSources(anySources) });
            continue;
        }
        for (const appId of apps) {
            const sources = [...list.filter((e) => e.appId === appId).map((e) => e.source), ...anySources];
            checks.push({ name, appId, sources: orderSources(sources) });
        }
    }
    return checks;
}
const sourceOrder = ['protection', 'ruleset', 'input'];
function orderSources(sources) {
    return sourceOrder.filter((s) => sources.includes(s));
}
/**
 * Builds what to wait on from the gate readings and the `required` input.
 * Without any required name the `on-no-gate` policy decides: wait on all
 * observed checks (never succeeding on none) or fail.
 */
function buildRequiredSet(readings, requiredInput, onNoGate) {
    const notes = [];
    const entries = [];
    for (const reading of readings) {
        const label = reading.source === 'protection' ? 'branch protection' : 'rulesets';
        if (reading.ok) {
            entries.push(...reading.entries);
            notes.push(`${label}: read, ${reading.entries.length} required check(s)`);
        }
        else {
            notes.push(`${label}: could not be read (${reading.reason}); going on with the other sources`);
        }
    }
    const fromInput = requiredFromInput(requiredInput);
    entries.push(...fromInput);
    if (fromInput.length > 0)
        notes.push(`required input: ${fromInput.length} name(s)`);
    const checks = unionRequired(entries);
    if (checks.length > 0)
        return { mode: 'gate', checks, readings, notes };
    const anyRead = readings.some((r) => r.ok);
    notes.push(anyRead
        ? 'no required checks: the branch has no required status checks and the required input is empty'
        : 'no required checks: no gate source could be read and the required input is empty');
    if (onNoGate === 'fail') {
        notes.push("on-no-gate is 'fail': set 'required' or give the token read access to the branch and its rules");
        return { mode: 'fail', checks: [], readings, notes };
    }
    notes.push("on-no-gate is 'all-observed': waiting for every check observed on the head (none observed is pending)");
    return { mode: 'all-observed', checks: [], readings, notes };
}
/**
 * Compiles a check-name glob: `*` matches any run of characters (slashes included), `?` one; the
 * rest is literal. Check names are not paths, so this is not guard's path dialect: see
 * docs/decisions.md, "Check-name globs are not path globs".
 */
function compileGlob(glob) {
    let source = '';
    for (const ch of glob) {
        if (ch === '*')
            source += '.*';
        else if (ch === '?')
            source += '.';
        else
            source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`, 's');
}


/***/ }),

/***/ 5873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports inline, code, strong, link, heading, paragraph, list, table, renderSummary */
/* harmony import */ var _escaping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(811);
/**
 * Job summaries, built once as HTML from escaped parts. GitHub renders a summary
 * as GitHub Flavored Markdown: an HTML block ends at the first blank line, and
 * markdown inside it is not parsed, so every block here is one HTML element with
 * no blank line inside, and every piece of text goes through `escapeHtml` with its
 * line breaks turned into `<br>`. See docs/decisions.md, "Outside text is data".
 */

const markup = (html) => Object.freeze({ html });
/** Renders inline content: strings are escaped text (line breaks become `<br>`), Html passes through. */
function inline(content) {
    if (typeof content === 'string')
        return escapeHtml(content).replace(/\r\n|\r|\n/g, '<br>');
    if (Array.isArray(content))
        return content.map((part) => inline(part)).join('');
    return content.html;
}
/** `<code>` around escaped text. */
function code(text) {
    return markup(`<code>${inline(text)}</code>`);
}
/** `<strong>` around escaped content. */
function strong(content) {
    return markup(`<strong>${inline(content)}</strong>`);
}
/** A link, only for http(s) addresses; anything else is shown as text. */
function link(href, content) {
    if (!/^https?:\/\//i.test(href))
        return markup(inline(content));
    return markup(`<a href="${escapeHtml(href)}">${inline(content)}</a>`);
}
/** A heading block. */
function heading(level, content) {
    return markup(`<h${level}>${inline(content)}</h${level}>`);
}
/** A paragraph block. */
function paragraph(content) {
    return markup(`<p>${inline(content)}</p>`);
}
/** A bulleted list block. */
function list(items) {
    return markup(`<ul>${items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`);
}
/** A table block: a header row, then one row per entry, every cell closed. */
function table(headers, rows) {
    const head = `<tr>${headers.map((h) => `<th>${inline(h)}</th>`).join('')}</tr>`;
    const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('');
    return markup(`<table><thead>${head}</thead><tbody>${body}</tbody></table>`);
}
/** A summary: blocks separated by blank lines, so each stays one HTML block. */
function renderSummary(blocks) {
    return `${blocks.map((b) => b.html).join('\n\n')}\n\n`;
}


/***/ }),

/***/ 2633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ toFailureData),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   SP: () => (/* binding */ explainFailure),
/* harmony export */   XE: () => (/* binding */ classifyFailure),
/* harmony export */   fy: () => (/* binding */ TOKEN_INVALID_ADVICE),
/* harmony export */   jE: () => (/* binding */ DEFAULT_MAX_RATE_LIMIT_WAIT_MS)
/* harmony export */ });
/* harmony import */ var _escaping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(811);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(778);
/* harmony import */ var _failure_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(509);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5033);
/**
 * Is a failed GitHub call worth trying again? Transient, rate-limited or
 * permanent, decided over plain data (status, headers, body text, or a network
 * error's name/message/code and its cause chain).
 *
 * Biased toward transient: a long agent run once died on "The socket
 * connection was closed unexpectedly" because a hand-written pattern list did
 * not know that phrase. A false "transient" costs one backoff; a false
 * "permanent" stops a pipeline and calls a human. So anything not recognised
 * as permanent is transient. Codes and phrases come from the one rule list,
 * src/core/failure-rules.ts, that `purple retry` and `purple classify` read too
 * (see docs/decisions.md, "Failure rules: permanent first, unknown retried").
 */




const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
const DEFAULT_FALLBACK_RETRY_AFTER_MS = 60_000;
/** What the 401 message tells people; a long wait with a job token is the usual cause. */
const TOKEN_INVALID_ADVICE = 'the token is invalid or expired. A borrowed token can expire during a long run: for waits longer than an hour, ' +
    "authenticate as a GitHub App with the 'app-id' and 'private-key' inputs, whose installation token Purple refreshes itself";
const CLOUDFLARE = {
    520: 'Cloudflare 520 unknown error from the origin',
    521: 'Cloudflare 521 web server is down',
    522: 'Cloudflare 522 connection timed out',
    523: 'Cloudflare 523 origin is unreachable',
    524: 'Cloudflare 524 origin_response_timeout (a timeout occurred)',
    525: 'Cloudflare 525 SSL handshake failed',
    526: 'Cloudflare 526 invalid SSL certificate',
    527: 'Cloudflare 527 railgun error'
};
const PERMANENT_STATUS = {
    400: 'GitHub rejected the request as malformed (400); trying again sends the same request',
    401: TOKEN_INVALID_ADVICE,
    403: "the token lacks a permission for this call (403 with no rate-limit sign); grant it in the workflow's 'permissions:' block",
    404: 'not found (404): the repository, pull request or ref does not exist, or the token cannot see it (GitHub answers 404, not 403, for what a token may not read)',
    405: 'GitHub refused the operation in the current state (405); the caller decides what that means (merge owns it)',
    406: 'GitHub cannot produce the requested media type (406)',
    409: 'conflict with the current state (409); the caller decides what that means (merge owns it)',
    410: 'gone (410): the resource was removed or the feature is disabled',
    411: 'GitHub requires a content length (411)',
    413: 'request too large (413)',
    414: 'request URI too long (414)',
    415: 'unsupported media type (415)',
    422: 'GitHub could not process the request (422 validation failed); trying again sends the same request',
    451: 'unavailable for legal reasons (451)'
};
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
function bodyText(data) {
    if (typeof data === 'string')
        return data;
    if (data === undefined || data === null)
        return undefined;
    // An array body is JSON too (a list endpoint's answer).
    if (typeof data === 'object' && !(data instanceof ArrayBuffer)) {
        try {
            return JSON.stringify(data);
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
/**
 * Normalises anything thrown into FailureData. An Octokit RequestError with a
 * response is an HTTP failure; one without a response (status 500 made up by
 * @octokit/request around a fetch error) is a network failure.
 */
function toFailureData(error) {
    if (typeof error === 'string')
        return { message: error };
    if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error))
        return { message: String(error) };
    const response = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error.response) ? error.response : undefined;
    const base = {
        message: str(error.message),
        name: str(error.name),
        code: str(error.code),
        cause: error.cause,
        now: typeof error.now === 'number' ? error.now : undefined
    };
    if (response) {
        const status = typeof response.status === 'number' ? response.status : typeof error.status === 'number' ? error.status : undefined;
        return {
            ...base,
            status,
            headers: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(response.headers) ? response.headers : undefined,
            body: bodyText(response.data)
        };
    }
    const status = typeof error.status === 'number' ? error.status : undefined;
    // @octokit/request labels every fetch failure "HttpError 500" with the real error as cause.
    const octokitNetwork = error.name === 'HttpError' && (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error.request) && status === 500;
    return {
        ...base,
        status: octokitNetwork ? undefined : status,
        headers: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(error.headers) ? error.headers : undefined,
        body: str(error.body) ?? (octokitNetwork ? undefined : bodyText(error.data))
    };
}
function causeChain(failure) {
    const links = [{ name: failure.name, message: failure.message, code: failure.code }];
    const seen = new Set();
    const queue = [failure.cause];
    while (queue.length > 0 && links.length < 16) {
        const next = queue.shift();
        if (!(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(next) || seen.has(next))
            continue;
        seen.add(next);
        links.push({ name: str(next.name), message: str(next.message), code: str(next.code) });
        queue.push(next.cause);
        // Node's happy-eyeballs connect failure is an AggregateError of one error per address.
        if (Array.isArray(next.errors))
            queue.push(...next.errors.slice(0, 4));
    }
    return links;
}
function headerMap(headers) {
    const map = new Map();
    for (const [key, value] of Object.entries(headers ?? {})) {
        if (value !== undefined)
            map.set(key.toLowerCase(), String(value));
    }
    return map;
}
/** Seconds or an HTTP date, as RFC 9110 allows for Retry-After. */
function parseRetryAfter(value, now) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function isHtml(body, contentType) {
    if (contentType !== undefined && /text\/html/i.test(contentType))
        return true;
    return body !== undefined && /^\s*<(!doctype\s+html|html|head|body|title)\b/i.test(body);
}
function githubMessage(body) {
    if (body === undefined)
        return undefined;
    try {
        const parsed = JSON.parse(body);
        if ((0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u)(parsed) && typeof parsed.message === 'string')
            return parsed.message;
    }
    catch {
        // not JSON: the caller shows the text itself
    }
    return undefined;
}
function rateLimited(waitMs, why, cap) {
    const capped = waitMs > cap;
    const wait = Math.max(0, Math.min(waitMs, cap));
    return {
        kind: 'rate-limited',
        reason: `${why}; wait ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatSeconds */ .Xo)(waitMs)}${capped ? ` (longer than the ${(0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatSeconds */ .Xo)(cap)} this run may wait)` : ''}`,
        retryAfterMs: wait,
        ...(capped ? { waitCapped: true } : {})
    };
}
function classifyHttp(failure, status, options) {
    const now = failure.now ?? options.now ?? Date.now();
    const cap = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    const fallback = options.fallbackRetryAfterMs ?? DEFAULT_FALLBACK_RETRY_AFTER_MS;
    const headers = headerMap(failure.headers);
    const text = `${failure.body ?? ''} ${failure.message ?? ''}`;
    const html = isHtml(failure.body, headers.get('content-type'));
    if (status === 401)
        return { kind: 'permanent', reason: TOKEN_INVALID_ADVICE };
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    const exhausted = headers.get('x-ratelimit-remaining') === '0';
    const said = (0,_failure_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyText */ .oF)(text);
    // Quota or billing used up comes back as a 429 too, but no wait fixes it.
    if (status === 429 && (said.class === 'permanent' || said.class === 'auth'))
        return { kind: 'permanent', reason: ruleReason(said) };
    const secondary = said.rule?.id === 'github-secondary-rate-limit';
    if (status === 429 || (status === 403 && (retryAfter !== undefined || said.class === 'rate-limited' || exhausted))) {
        if (retryAfter !== undefined)
            return rateLimited(retryAfter, `${secondary ? 'secondary rate limit' : `rate limited (${status})`}, retry-after given`, cap);
        const reset = Number(headers.get('x-ratelimit-reset'));
        if (exhausted && Number.isFinite(reset) && reset > 0) {
            // One second past the reset, as GitHub's docs advise.
            return rateLimited(Math.max(0, reset * 1000 - now + 1000), 'primary rate limit used up until x-ratelimit-reset', cap);
        }
        return rateLimited(fallback, secondary ? 'secondary rate limit, no retry-after given' : `rate limited (${status}), no retry-after given`, cap);
    }
    // GitHub's API only ever answers JSON: an HTML page is a proxy or gateway talking.
    if (html)
        return { kind: 'transient', reason: `an HTML error page (HTTP ${status}) came back where GitHub's API sends JSON: a proxy or gateway error` };
    if (CLOUDFLARE[status] !== undefined)
        return { kind: 'transient', reason: CLOUDFLARE[status] };
    if (status >= 500)
        return { kind: 'transient', reason: `server error ${status}` };
    if (status >= 200 && status < 300)
        return { kind: 'transient', reason: `malformed response (HTTP ${status} with a body that is not what GitHub sends)` };
    const permanent = PERMANENT_STATUS[status];
    if (permanent !== undefined)
        return { kind: 'permanent', reason: permanent };
    if (status === 304)
        return { kind: 'permanent', reason: 'not modified (304): an answer to a conditional request, not an error' };
    return { kind: 'transient', reason: `unrecognised HTTP ${status}, treated as transient (a false "permanent" costs a human)` };
}
function ruleReason(verdict) {
    return `${verdict.rule?.summary ?? 'unrecognised'}: '${(0,_escaping_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(verdict.line)}' (rule ${verdict.rule?.id ?? 'none'})`;
}
/** A network verdict from the rules: permanent or auth stop; rate-limited and transient are both worth a retry here (no retry-after). */
function networkVerdict(verdict, code) {
    if (verdict.rule === undefined)
        return undefined;
    const suffix = code !== undefined ? ` (${code})` : '';
    if (verdict.class === 'permanent' || verdict.class === 'auth')
        return { kind: 'permanent', reason: `${verdict.rule.summary}${suffix}` };
    return { kind: 'transient', reason: `network: ${verdict.rule.summary}${suffix}` };
}
function classifyNetwork(failure) {
    const chain = causeChain(failure);
    for (const link of chain) {
        if (link.name === 'TimeoutError' || link.name === 'AbortError') {
            return { kind: 'transient', reason: link.name === 'TimeoutError' ? 'the request timed out' : 'the request was aborted' };
        }
        if (link.name === 'MalformedResponseError')
            return { kind: 'transient', reason: 'a cut or altered body; asking again' };
    }
    // A specific code (ECONNRESET, UND_ERR_SOCKET) outranks the generic 'fetch failed' that wraps every fetch error.
    const codes = [...new Set(chain.map((l) => l.code).filter((c) => c !== undefined && c !== ''))];
    const byCode = (0,_failure_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyText */ .oF)(codes.join('\n'));
    const fromCode = networkVerdict(byCode, byCode.line);
    if (fromCode !== undefined)
        return fromCode;
    const messages = chain.map((l) => l.message).filter((m) => m !== undefined && m !== '');
    const fromMessage = networkVerdict((0,_failure_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyText */ .oF)(messages.join('\n')));
    if (fromMessage !== undefined)
        return fromMessage;
    return { kind: 'transient', reason: 'unrecognised failure, treated as transient (a false "permanent" costs a human)' };
}
/** Transient, rate-limited or permanent, for an HTTP answer or a network error (anything thrown is accepted). */
function classifyFailure(failure, options = {}) {
    const data = toFailureData(failure);
    return data.status === undefined ? classifyNetwork(data) : classifyHttp(data, data.status, options);
}
function clip(text, max = 200) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
/** One line saying what failed and what the verdict is, e.g. "HTTP 502 'Bad gateway': transient (server error 502)". */
function describeFailure(failure, options = {}) {
    return explainFailure(failure, options).description;
}
/** Classifies a failure once and describes it: for callers that act on the verdict and log the description. */
function explainFailure(failure, options = {}) {
    const data = toFailureData(failure);
    const verdict = classifyFailure(data, options);
    let what;
    if (data.status === undefined && data.name === 'MalformedResponseError') {
        what = clip(data.message ?? 'malformed response', 300);
    }
    else if (data.status === undefined) {
        const chain = causeChain(data);
        const codes = [...new Set(chain.map((l) => l.code).filter((c) => c !== undefined))];
        const messages = [...new Set(chain.map((l) => l.message).filter((m) => m !== undefined && m !== ''))];
        const network = verdict.reason.startsWith('network:') || /timed out|aborted/.test(verdict.reason);
        // Our own errors (App auth) carry a whole sentence of advice: keep it, and their code is in the reason.
        what = network
            ? `network error '${clip(messages.join(': ') || 'unknown')}'${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`
            : `error '${clip(messages[0] ?? 'unknown', 600)}'`;
    }
    else {
        const headers = headerMap(data.headers);
        const title = /<title>([^<]*)<\/title>/i.exec(data.body ?? '')?.[1];
        const said = githubMessage(data.body) ?? (data.message !== undefined && data.message !== '' ? data.message : undefined);
        if (isHtml(data.body, headers.get('content-type'))) {
            what = `HTTP ${data.status} HTML page${title !== undefined ? ` '${clip(title, 80)}'` : ''}`;
        }
        else {
            what = `HTTP ${data.status}${said !== undefined ? ` '${clip(said)}'` : ''}`;
        }
    }
    return { verdict, description: `${what}: ${verdict.kind} (${verdict.reason})` };
}


/***/ }),

/***/ 4921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   XG: () => (/* binding */ createAppAuthStrategy),
/* harmony export */   XK: () => (/* binding */ GitHubAppAuthError),
/* harmony export */   mt: () => (/* binding */ TOKEN_REFRESH_MARGIN_MS)
/* harmony export */ });
/* unused harmony export expiringTokenCache */
/* harmony import */ var _octokit_auth_app__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6479);
/* harmony import */ var _core_redaction_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3862);
/* harmony import */ var _configuration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3342);
/**
 * Credentials for the client: a static token, or a GitHub App whose
 * installation token Purple mints and refreshes itself (a borrowed token can
 * already be expired on arrival: whoever holds the refresh capability
 * refreshes before use).
 */



/** Refresh an installation token once less than this remains (nothing to do while more than 5 minutes remain). */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Masks a secret in the log, line by line too (the runner masks a multi-line
 * value only whole), and remembers it so outputs are redacted as well.
 */
function maskSecret(secret, setSecret) {
    if (secret.trim() === '')
        return;
    (0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_0__/* .rememberSecret */ .G)(secret);
    setSecret(secret);
    for (const line of secret.split(/\r?\n/)) {
        const part = line.trim();
        // PEM armor lines are public text; masking them would only star out harmless log lines.
        if (part.length >= 8 && part !== secret && !part.startsWith('-----'))
            setSecret(part);
    }
}
/**
 * auth-app's own cache keeps a token 59 minutes from when it was minted,
 * whatever `expires_at` says. This one reads `expires_at` (third `|` field of
 * auth-app's cache value) and drops a token with less than `marginMs` left,
 * so auth-app mints a new one; `onToken` sees every minted token (to mask it).
 */
function expiringTokenCache(now, marginMs, onToken) {
    const entries = new Map();
    return {
        async get(key) {
            const value = entries.get(key);
            if (value === undefined)
                return undefined;
            const expiresAt = Date.parse(value.split('|')[2] ?? '');
            if (!(expiresAt - now() > marginMs)) {
                entries.delete(key);
                return undefined;
            }
            return value;
        },
        async set(key, value) {
            onToken(value.split('|')[0] ?? '');
            entries.set(key, value);
        }
    };
}
// Routes that authenticate as the App itself (a JWT), never with an installation token.
const APP_ROUTE = /^\/(app(\/|$)|repos\/[^/]+\/[^/]+\/installation$|orgs\/[^/]+\/installation$|users\/[^/]+\/installation$)/;
function pathOf(url, baseUrl) {
    const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : new URL(url, 'http://x').pathname;
    return path.split('?')[0] ?? path;
}
/**
 * GitHub refused the App itself (JWT rejected, not installed, installation
 * suspended): permanent, with what to check. No `status`, so the classifier
 * does not give the static-token 401 advice; the original is the cause.
 */
class GitHubAppAuthError extends Error {
    name = 'GitHubAppAuthError';
    code = 'GITHUB_APP_AUTH';
}
function githubMessage(error) {
    const data = error.response?.data;
    if (typeof data === 'object' && data !== null && typeof data.message === 'string')
        return data.message;
    return error instanceof Error ? error.message : String(error);
}
/** Rethrows a 401/403/404 from an App route as GitHubAppAuthError saying what to check; anything else unchanged. */
function explainAppFailure(error, what, advice) {
    const status = statusOf(error);
    const hint = status !== undefined ? advice[status] : undefined;
    if (status === undefined || hint === undefined)
        throw error;
    throw new GitHubAppAuthError(`${what}: GitHub answered ${status} '${githubMessage(error)}': ${hint}`, { cause: error });
}
/**
 * An error auth-app raised before any request left (no status, no request:
 * the JWT could not be signed, e.g. `error:1E08010C:DECODER routines::unsupported`)
 * becomes a ConfigurationError naming 'private-key'; anything else unchanged.
 */
function asSigningError(error) {
    // Duck-typed: WebCrypto's DataError is a DOMException, not always an Error of this realm.
    if (typeof error !== 'object' || error === null || error instanceof _configuration_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 || error instanceof GitHubAppAuthError)
        return error;
    if (statusOf(error) !== undefined || 'request' in error || 'response' in error)
        return error;
    return new _configuration_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1('private-key', `Input 'private-key' cannot be used to sign the App's token: ${(0,_configuration_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}. Paste the whole .pem file from the App's settings page, unchanged.`, 'GITHUB_APP_AUTH');
}
function statusOf(error) {
    return typeof error === 'object' && error !== null && typeof error.status === 'number'
        ? error.status
        : undefined;
}
/**
 * An Octokit `authStrategy` for a GitHub App: looks the installation up once
 * (unless given), mints installation tokens through @octokit/auth-app with a
 * cache that refreshes before `expires_at`, masks each token, and on a 401
 * mints a fresh token and tries once more (a token revoked or expired under a
 * long wait must not end the run).
 */
function createAppAuthStrategy(options) {
    return (core) => {
        const { config } = options;
        const cache = expiringTokenCache(options.now, options.refreshMarginMs, (token) => maskSecret(token, options.setSecret));
        const base = { appId: config.appId, privateKey: config.privateKey, request: core.request, cache, log: { warn: options.log } };
        const appAuth = (0,_octokit_auth_app__WEBPACK_IMPORTED_MODULE_2__/* .createAppAuth */ .K)(base);
        let installation;
        async function lookUp() {
            if (config.installationId !== undefined) {
                return (0,_octokit_auth_app__WEBPACK_IMPORTED_MODULE_2__/* .createAppAuth */ .K)({ ...base, installationId: config.installationId });
            }
            const repo = config.repository;
            const useOwner = config.owner !== undefined && config.owner !== '' && (repo === undefined || config.owner.toLowerCase() !== repo.owner.toLowerCase());
            let response;
            const jwtAdvice = "check that 'app-id' and 'private-key' belong to the same App, and that the runner's clock is right";
            try {
                if (useOwner) {
                    response = await core.request('GET /users/{username}/installation', { username: config.owner });
                }
                else if (repo !== undefined) {
                    response = await core.request('GET /repos/{owner}/{repo}/installation', { owner: repo.owner, repo: repo.repo });
                }
                else {
                    throw new GitHubAppAuthError("GitHub App auth: cannot find the App's installation: set 'installation-id' or 'owner', or run where GITHUB_REPOSITORY is set");
                }
            }
            catch (error) {
                const where = useOwner ? `account '${config.owner}'` : `repository '${repo?.owner}/${repo?.repo}'`;
                explainAppFailure(error, `GitHub App '${config.appId}': looking up its installation on ${where}`, {
                    401: jwtAdvice,
                    404: `the App is not installed there: install it on ${where}, or set 'installation-id' (or 'owner' for another account)`
                });
            }
            const id = response.data?.id;
            if (typeof id !== 'number')
                throw new Error('GitHub App auth: the installation lookup returned no numeric id');
            options.log(`GitHub App ${config.appId}: using installation ${id}`);
            return (0,_octokit_auth_app__WEBPACK_IMPORTED_MODULE_2__/* .createAppAuth */ .K)({ ...base, installationId: id });
        }
        function installationAuth() {
            installation ??= lookUp().catch((error) => {
                installation = undefined;
                throw error;
            });
            return installation;
        }
        async function auth(authOptions) {
            const type = authOptions?.type ?? 'installation';
            if (type === 'app')
                return appAuth({ type: 'app' });
            const inst = await installationAuth();
            return inst({ type: 'installation', ...(authOptions?.refresh === true ? { refresh: true } : {}) });
        }
        const mintAdvice = {
            401: "check that 'app-id' and 'private-key' belong to the same App, and that the runner's clock is right",
            403: 'the installation may be suspended, or the App lacks a permission it requests',
            404: "no such installation for this App: check 'installation-id', or leave it empty to look it up"
        };
        async function mint(inst, refresh) {
            try {
                const result = (await inst({ type: 'installation', ...(refresh ? { refresh: true } : {}) }));
                return result.token;
            }
            catch (error) {
                return explainAppFailure(asSigningError(error), `GitHub App '${config.appId}': minting an installation token`, mintAdvice);
            }
        }
        async function hook(request, route, parameters) {
            const endpoint = request.endpoint.merge(route, parameters);
            if (APP_ROUTE.test(pathOf(endpoint.url, endpoint.baseUrl ?? request.endpoint.DEFAULTS.baseUrl))) {
                // Every JWT is masked the moment it is about to leave: a 401 body can echo the authorization header.
                const masking = Object.assign((sent) => {
                    const jwt = /^bearer\s+(\S+)$/i.exec(String(sent.headers.authorization ?? ''))?.[1];
                    if (jwt !== undefined)
                        maskSecret(jwt, options.setSecret);
                    return request(sent);
                }, { endpoint: request.endpoint, defaults: request.defaults });
                try {
                    return await appAuth.hook(masking, route, parameters);
                }
                catch (error) {
                    throw asSigningError(error);
                }
            }
            const inst = await installationAuth();
            endpoint.headers.authorization = `token ${await mint(inst, false)}`;
            try {
                return await request(endpoint);
            }
            catch (error) {
                if (statusOf(error) !== 401)
                    throw error;
                // A fresh token can also 401 for a moment (replication): the short wait covers that too.
                options.log('GitHub answered 401 to the App installation token: minting a new token and trying once more');
                await options.sleep(options.reauthDelayMs);
                endpoint.headers.authorization = `token ${await mint(inst, true)}`;
                try {
                    return await request(endpoint);
                }
                catch (again) {
                    const sent = again.request;
                    const label = `${sent?.method ?? 'GET'} ${pathOf(sent?.url ?? endpoint.url, endpoint.baseUrl ?? request.endpoint.DEFAULTS.baseUrl)}`;
                    return explainAppFailure(again, `GitHub App '${config.appId}': ${label}`, {
                        401: 'GitHub refused a freshly minted installation token too: the App may have been uninstalled or lost access to this repository'
                    });
                }
            }
        }
        return Object.assign(auth, { hook });
    };
}


/***/ }),

/***/ 3783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ readStatusHistory),
/* harmony export */   $i: () => (/* binding */ readRulesGate),
/* harmony export */   BD: () => (/* binding */ findOwnCheckRun),
/* harmony export */   Es: () => (/* binding */ readPull),
/* harmony export */   Ir: () => (/* binding */ MAX_NAMED_QUERIES),
/* harmony export */   RC: () => (/* binding */ allReads),
/* harmony export */   a5: () => (/* binding */ readBranchGate),
/* harmony export */   r_: () => (/* binding */ readStatuses),
/* harmony export */   zd: () => (/* binding */ readCheckRuns)
/* harmony export */ });
/* harmony import */ var _conditional_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7059);
/* harmony import */ var _responses_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3499);
/**
 * The reads of a commit's checks and gate (wait-ci's polls, the merge diagnosis), each a conditional GET with a stored ETag
 * (a 304 does not count against the rate limit), each answer parsed once into
 * typed observations so a cut or HTML body is a transient failure
 * (MalformedResponseError), never "zero checks".
 */


const PER_PAGE = 100;
// A bound on pages read per poll: 1,000 check runs on one sha is far past any real head.
const MAX_PAGES = 10;
/**
 * Waits for every read, then throws the first failure: a poll that fails leaves no read in
 * flight (its answer and ETag land before the next poll asks again).
 */
async function allReads(reads) {
    const settled = await Promise.allSettled(reads);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}
function request(reader) {
    return reader.client.octokit.request;
}
/** The pull request's head sha and base branch (`GET /repos/{o}/{r}/pulls/{n}`). */
async function readPull(reader, pullNumber) {
    const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...reader.repo, pull_number: pullNumber }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .expectPullRequest */ .q0)(`pull request #${pullNumber}`, data));
    return { headSha: answer.data.head.sha, baseRef: answer.data.base.ref };
}
/**
 * Above this many required names, one listing of every run is cheaper than
 * one query per name. Below it, per-name queries keep churn of checks that are
 * not required (a head with 150 runs) from turning 304s into counted 200s.
 */
const MAX_NAMED_QUERIES = 5;
/**
 * The check runs of `sha` (all pages; `filter=latest`, the newest run per app
 * and name): every run, or with `names` only the runs of those names.
 */
async function readCheckRuns(reader, sha, names) {
    if (names === undefined)
        return readCheckRunPages(reader, sha);
    const parts = await allReads(names.map((name) => readCheckRunPages(reader, sha, name)));
    return { runs: parts.flatMap((p) => p.runs), totalCount: parts.reduce((n, p) => n + p.totalCount, 0) };
}
async function readCheckRunPages(reader, sha, name) {
    const runs = new Map();
    let totalCount = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...reader.repo, ref: sha, ...(name === undefined ? {} : { check_name: name }), per_page: PER_PAGE, page }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCheckRunsPage */ .fR)(`check runs of ${sha.slice(0, 7)} page ${page}`, data));
        totalCount = page === 1 ? answer.data.totalCount : totalCount;
        // A run listed twice while pages shift between two reads is one run.
        for (const run of answer.data.runs)
            runs.set(run.id, run);
        if (page * PER_PAGE >= totalCount || answer.data.runs.length < PER_PAGE)
            break;
    }
    return { runs: [...runs.values()], totalCount };
}
/** The newest status per context of `sha` (`GET /commits/{ref}/status`, all pages). */
async function readStatuses(reader, sha) {
    const statuses = new Map();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/commits/{ref}/status', { ...reader.repo, ref: sha, per_page: PER_PAGE, page }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCombinedStatus */ .yc)(`combined status of ${sha.slice(0, 7)} page ${page}`, data));
        for (const status of answer.data.statuses)
            if (!statuses.has(status.context))
                statuses.set(status.context, status);
        if (page * PER_PAGE >= answer.data.totalCount || answer.data.statuses.length < PER_PAGE)
            break;
    }
    return [...statuses.values()];
}
/** The status history of `sha` (newest first, first page: enough to date the contexts wait-ci decided on). */
async function readStatusHistory(reader, sha) {
    const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/commits/{ref}/statuses', { ...reader.repo, ref: sha, per_page: PER_PAGE }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .parseStatusHistory */ .Gp)(`status history of ${sha.slice(0, 7)}`, data));
    return answer.data;
}
/** Classic protection's required checks through the branch endpoint (read access; the admin endpoints 403 the default token). */
async function readBranchGate(reader, branch) {
    const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/branches/{branch}', { ...reader.repo, branch }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredFromBranch */ .a4)(`branch '${branch}'`, data));
    return answer.data;
}
/** Required checks of every active ruleset that applies to the branch (`GET /rules/branches/{b}`, all pages). */
async function readRulesGate(reader, branch) {
    const entries = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...reader.repo, branch, per_page: PER_PAGE, page }, reader.etags, (data) => {
            const label = `rules of branch '${branch}' page ${page}`;
            return { count: (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .expectList */ .sn)(label, data, '', { type: 'string' }).length, entries: (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredFromRules */ .RV)(label, data) };
        });
        entries.push(...answer.data.entries);
        if (answer.data.count < PER_PAGE)
            break;
    }
    return entries;
}
/**
 * This job's check run from the current run's jobs API, where the runner does
 * not pass `job.check_run_id`: the in-progress job on this runner (RUNNER_NAME),
 * else the in-progress job named like GITHUB_JOB. Undefined when none is unique.
 */
async function findOwnCheckRun(reader, run) {
    const jobs = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await (0,_conditional_js__WEBPACK_IMPORTED_MODULE_1__/* .getWithEtag */ .M)(request(reader), 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs', { ...reader.repo, run_id: run.runId, attempt_number: run.attempt, per_page: PER_PAGE, page }, reader.etags, (data) => (0,_responses_js__WEBPACK_IMPORTED_MODULE_0__/* .expectList */ .sn)(`jobs of run ${run.runId}`, data, 'jobs', { id: 'number', name: 'string', status: 'string' }));
        jobs.push(...answer.data);
        if (answer.data.length < PER_PAGE)
            break;
    }
    const running = jobs.filter((j) => j.status === 'in_progress');
    const onRunner = run.runnerName ? running.filter((j) => j.runner_name === run.runnerName) : [];
    const byKey = (list) => (run.jobKey ? list.filter((j) => j.name === run.jobKey) : []);
    const pick = [onRunner, byKey(onRunner), byKey(running)].find((list) => list.length === 1)?.[0];
    if (!pick)
        return undefined;
    const fromUrl = /\/check-runs\/(\d+)$/.exec(pick.check_run_url ?? '')?.[1];
    return { checkRunId: fromUrl ? Number(fromUrl) : pick.id, name: pick.name };
}


/***/ }),

/***/ 3852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TB: () => (/* binding */ CLIENT_DEFAULTS),
  j1: () => (/* reexport */ configuration/* ConfigurationError */.j1),
  LX: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: RequestTimeoutError

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 15 modules
var utils = __webpack_require__(1137);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/core/backoff.ts
var core_backoff = __webpack_require__(3915);
// EXTERNAL MODULE: ./src/core/transient.ts
var core_transient = __webpack_require__(2633);
// EXTERNAL MODULE: ./src/github/auth.ts
var auth = __webpack_require__(4921);
// EXTERNAL MODULE: ./src/github/configuration.ts
var configuration = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/core/durations.ts
var durations = __webpack_require__(778);
;// CONCATENATED MODULE: ./src/github/rate-gate.ts
/**
 * One rate-limit window for the whole client. GitHub asks a client to send
 * nothing until `retry-after` has passed after a secondary limit, and nothing
 * until `x-ratelimit-reset` once `x-ratelimit-remaining` reads 0; requests
 * sent inside the window are refused and can extend it. So every request, in
 * flight retry, parallel sibling or new call, waits here first. See
 * docs/decisions.md, "One rate-limit gate for the whole client".
 */

/** A wait the gate will not make: longer than max-rate-limit-wait, or past the call's deadline. */
class RateLimitWaitError extends Error {
    until;
    name = 'RateLimitWaitError';
    constructor(message, 
    /** When GitHub allows requests again, on the client's clock. */
    until) {
        super(message);
        this.until = until;
    }
}
/** A gate on the injected clock and sleep. */
function createRateLimitGate(options) {
    let until = 0;
    let why = '';
    return {
        hold(next, reason) {
            if (next <= until)
                return;
            until = next;
            why = reason;
        },
        openUntil: () => (until > options.now() ? until : undefined),
        async pass(label, deadline, announced = false) {
            // A loop: a sibling's answer may extend the window while this request waits.
            for (let now = options.now(); until > now; now = options.now()) {
                const wait = until - now;
                if (wait > options.maxWaitMs) {
                    throw new RateLimitWaitError(`${label}: ${why} asks for a ${(0,durations/* formatWaitSeconds */.Yx)(wait)} wait, longer than max-rate-limit-wait (${(0,durations/* formatWaitSeconds */.Yx)(options.maxWaitMs)}): not waiting`, until);
                }
                if (deadline !== undefined && until > deadline) {
                    throw new RateLimitWaitError(`${label}: ${why} asks for a ${(0,durations/* formatWaitSeconds */.Yx)(wait)} wait, past the deadline (timeout-seconds): not waiting`, until);
                }
                if (!announced) {
                    options.onWait?.();
                    options.log(`${label}: ${why}; sending nothing for ${(0,durations/* formatWaitSeconds */.Yx)(wait)} as GitHub asked`);
                }
                announced = false;
                await options.sleep(wait);
            }
        }
    };
}

// EXTERNAL MODULE: ./src/github/retrying.ts
var retrying = __webpack_require__(8809);
;// CONCATENATED MODULE: ./src/github/timed-fetch.ts
/**
 * The fetch every client request goes through: a timeout over the whole
 * exchange (headers and body), an optional earlier cut-off (the call's
 * deadline), and counts of what was sent, for wait-ci's cost budget.
 */
/** The error a request times out with; the classifier treats it (name TimeoutError) as transient. */
class RequestTimeoutError extends Error {
    name = 'TimeoutError';
}
// Null-body statuses: the Response constructor refuses a body for these.
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * fetch with a timeout that reads the body before returning: a body cut
 * mid-stream then throws (Octokit would resolve it as `data: ""`), and a
 * stalled body times out instead of hanging the action. `limitMs` gives the
 * time this one request may take (the request timeout, or less when the
 * call's deadline is nearer) and says why, for the error.
 */
function timedFetch(base, limitMs, counts) {
    return async (input, init) => {
        const limit = limitMs();
        const timeout = AbortSignal.timeout(Math.max(1, limit.ms));
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        counts.requests++;
        try {
            const response = await base(input, { ...init, signal });
            if (response.status === 304)
                counts.notModified++;
            const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer();
            const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
            Object.defineProperty(copy, 'url', { value: response.url });
            return copy;
        }
        catch (error) {
            if (timeout.aborted)
                throw new RequestTimeoutError(`no complete answer within ${Math.max(1, limit.ms)} ms (${limit.why})`, { cause: error });
            throw error;
        }
    };
}

// EXTERNAL MODULE: ./src/github/token-owner.ts
var token_owner = __webpack_require__(3592);
;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The GitHub client every API action uses: @actions/github's Octokit (its
 * proxy-aware fetch kept) with Purple's own request hook in front. The jobs
 * live in one file each:
 * - timed-fetch.ts: every request has a timeout and is counted (wait-ci's cost budget);
 * - retrying.ts: the one retry loop, where the failure classifier decides and
 *   the shared backoff and the injected sleep wait;
 * - rate-gate.ts: one rate-limit window that holds every request of the client;
 * - auth.ts: the token, or a GitHub App's installation tokens;
 * - configuration.ts: errors in the inputs, found before any request leaves.
 * Malformed 200 bodies, which no HTTP layer can see, are the caller's
 * `withRetry` (retry.ts).
 */












/** Production defaults of the tuning options (the backoff itself is DEFAULT_BACKOFF). */
const CLIENT_DEFAULTS = Object.freeze({
    retries: 4,
    requestTimeoutMs: 30_000,
    maxRateLimitWaitMs: core_transient/* DEFAULT_MAX_RATE_LIMIT_WAIT_MS */.jE,
    writeSpacingMs: 1000
});
const sleepReal = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Builds the client: auth, timeouts, classifier-driven retries, one rate-limit
 * gate and request counts. Throws ConfigurationError (naming the input, quoting
 * no secret) for a bad API URL or a private key that cannot sign.
 */
function createGitHubClient(options) {
    const settings = { ...CLIENT_DEFAULTS, ...definedOnly(options) };
    const log = options.log ?? ((message) => core/* info */.pq(message));
    const setSecret = options.setSecret ?? ((secret) => core/* setSecret */.Pq(secret));
    const baseUrl = (0,configuration/* checkApiUrl */.Sz)(options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com', 'GITHUB_API_URL', setSecret);
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? sleepReal;
    const random = options.random ?? Math.random;
    const backoff = {
        ...core_backoff/* DEFAULT_BACKOFF */.VU,
        ...(options.retryBaseDelayMs !== undefined ? { baseMs: options.retryBaseDelayMs } : {}),
        ...(options.retryMaxDelayMs !== undefined ? { maxMs: options.retryMaxDelayMs } : {}),
        ...(options.jitter !== undefined ? { jitter: options.jitter } : {})
    };
    const deadline = typeof options.deadline === 'function' ? options.deadline : () => options.deadline;
    const counts = { requests: 0, notModified: 0 };
    const waits = { retries: 0, rateLimitWaits: 0 };
    const onRetry = (kind) => {
        if (kind === 'rate-limited')
            waits.rateLimitWaits++;
        else
            waits.retries++;
    };
    const isApp = options.auth.kind === 'app';
    let authOptions;
    if (options.auth.kind === 'token') {
        if (options.auth.token.trim() === '')
            throw new Error("No GitHub token: set the 'github-token' input (default: ${{ github.token }}) or 'app-id' and 'private-key'");
        (0,auth/* maskSecret */.$l)(options.auth.token, setSecret);
        authOptions = { auth: options.auth.token };
    }
    else {
        (0,auth/* maskSecret */.$l)(options.auth.privateKey, setSecret);
        (0,configuration/* checkPrivateKey */.fH)(options.auth.privateKey);
        authOptions = {
            authStrategy: (0,auth/* createAppAuthStrategy */.XG)({
                config: options.auth,
                now,
                refreshMarginMs: options.tokenRefreshMarginMs ?? auth/* TOKEN_REFRESH_MARGIN_MS */.mt,
                setSecret,
                log,
                sleep,
                reauthDelayMs: backoff.baseMs
            }),
            auth: {}
        };
    }
    const gate = createRateLimitGate({ now, sleep, maxWaitMs: settings.maxRateLimitWaitMs, log, onWait: () => waits.rateLimitWaits++ });
    const hookOptions = { ...settings, backoff, now, sleep, random, log, deadline, gate, baseUrl, isApp, onRetry };
    // Registered after the auth hook, so it runs outside it: a retry re-runs auth (a re-mint included).
    const retryingPlugin = (octokit) => {
        octokit.hook.wrap('request', (0,retrying/* createRetryingHook */.s)(hookOptions, (route) => octokit.request.endpoint.parse(route)));
        return {};
    };
    // Cut an attempt off at the deadline when that comes before the request timeout.
    const limit = () => {
        const left = (deadline() ?? Number.POSITIVE_INFINITY) - now();
        return left > 0 && left < settings.requestTimeoutMs
            ? { ms: left, why: 'the deadline, timeout-seconds' }
            : { ms: settings.requestTimeoutMs, why: 'request-timeout-seconds' };
    };
    const baseFetch = options.fetch ?? utils/* defaults */.NT.request?.fetch ?? fetch;
    const Octokit = utils/* GitHub */.gq.plugin(retryingPlugin);
    const octokit = new Octokit({
        ...authOptions,
        baseUrl,
        userAgent: (0,utils/* getUserAgentWithOrchestrationId */.fA)(options.userAgent ?? 'purple'),
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
        request: { fetch: timedFetch(baseFetch, limit, counts) }
    });
    const retryPolicy = {
        retries: settings.retries,
        backoff,
        maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
        sleep,
        random,
        now,
        log,
        onRetry
    };
    return {
        octokit,
        baseUrl,
        isApp,
        tokenKind: (0,token_owner/* tokenKindOf */.jX)(options.auth),
        log,
        retryPolicy,
        stats: () => ({
            requests: counts.requests,
            counted: counts.requests - counts.notModified,
            notModified: counts.notModified,
            retries: waits.retries,
            rateLimitWaits: waits.rateLimitWaits
        })
    };
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 7059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ getWithEtag),
/* harmony export */   i: () => (/* binding */ createEtagCache)
/* harmony export */ });
/**
 * Conditional GETs: send the stored ETag as If-None-Match; GitHub answers 304
 * Not Modified, which does not count against the primary rate limit, so a
 * long wait costs few counted requests. Octokit throws a 304 as a
 * RequestError; here it becomes `{ notModified: true }` with the cached data.
 */
/** A new in-memory ETag cache. */
function createEtagCache() {
    return new Map();
}
function keyOf(route, parameters) {
    const sorted = Object.keys(parameters)
        .filter((k) => k !== 'headers' && k !== 'request')
        .sort()
        .map((k) => [k, parameters[k]]);
    return `${route} ${JSON.stringify(sorted)}`;
}
function isNotModified(error) {
    return typeof error === 'object' && error !== null && error.status === 304;
}
/**
 * GET `route` with If-None-Match from `cache`. `validate` checks (and types)
 * a fresh body before it is cached, so a malformed answer is never replayed.
 */
async function getWithEtag(request, route, parameters, cache, validate = (data) => data) {
    const key = keyOf(route, parameters);
    const cached = cache.get(key);
    const headers = { ...(parameters.headers ?? {}), ...(cached ? { 'if-none-match': cached.etag } : {}) };
    try {
        const response = await request(route, { ...parameters, headers });
        const data = validate(response.data);
        const etag = response.headers.etag;
        if (typeof etag === 'string' && etag !== '')
            cache.set(key, { etag, data });
        return { notModified: false, data, headers: response.headers, ...(typeof etag === 'string' ? { etag } : {}) };
    }
    catch (error) {
        if (isNotModified(error) && cached)
            return { notModified: true, data: cached.data, etag: cached.etag };
        throw error;
    }
}


/***/ }),

/***/ 3342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sz: () => (/* binding */ checkApiUrl),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   fH: () => (/* binding */ checkPrivateKey),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_redaction_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3862);
/**
 * Errors in what the workflow gave Purple, found before any request leaves:
 * a private key that cannot sign, an API URL that is not one or carries
 * credentials. No retry can fix them, so they end the step at once, name the
 * input, and never quote a secret. See docs/decisions.md, "Configuration
 * errors are not transient".
 */


/**
 * A configuration error: permanent. `code` is one the failure classifier
 * already calls permanent (a bad key: GITHUB_APP_AUTH; a bad URL:
 * ERR_INVALID_URL), so callers that only classify also stop at once.
 */
class ConfigurationError extends Error {
    input;
    code;
    name = 'ConfigurationError';
    constructor(
    /** The input or variable to fix, e.g. 'private-key' or 'GITHUB_API_URL'. */
    input, message, code) {
        super(message);
        this.input = input;
        this.code = code;
    }
}
/** The first line of an error's message; duck-typed, as crypto errors can come from another realm. */
function messageOf(error) {
    const message = typeof error === 'object' && error !== null ? error.message : undefined;
    return (typeof message === 'string' ? message : String(error)).split('\n')[0] ?? '';
}
/** True for an error in the workflow's configuration (never worth a retry). */
function isConfigurationError(error) {
    return error instanceof ConfigurationError;
}
/** Throws ConfigurationError naming 'private-key' when the key cannot be decoded (the key is never quoted). */
function checkPrivateKey(privateKey) {
    try {
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(privateKey);
    }
    catch (error) {
        const why = messageOf(error);
        throw new ConfigurationError('private-key', `Input 'private-key' cannot be used to sign: ${why}. Paste the whole .pem file from the App's settings page (BEGIN and END lines included), unchanged.`, 'GITHUB_APP_AUTH');
    }
}
/**
 * The API root without a trailing slash; throws ConfigurationError naming
 * `source` when it is not an http(s) URL or carries credentials (whose
 * password is masked by `setSecret` and never printed).
 */
function checkApiUrl(url, source, setSecret) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        // Unparseable: a password could still be in it, so the value is not quoted.
        throw new ConfigurationError(source, `${source} is not a URL: write the API root, e.g. 'https://api.github.com' or 'https://HOST/api/v3'.`, 'ERR_INVALID_URL');
    }
    if (parsed.username !== '' || parsed.password !== '') {
        for (const secret of [parsed.password, decodeURIComponent(parsed.password)]) {
            if (secret !== '') {
                setSecret(secret);
                (0,_core_redaction_js__WEBPACK_IMPORTED_MODULE_1__/* .rememberSecret */ .G)(secret);
            }
        }
        const shown = `${parsed.protocol}//***@${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
        throw new ConfigurationError(source, `${source} '${shown}' has credentials in it: remove 'user:password@' and authenticate with 'github-token' or 'app-id' and 'private-key'.`, 'ERR_INVALID_URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new ConfigurationError(source, `${source} '${parsed.protocol}//${parsed.host}' is not an http(s) URL: write the API root, e.g. 'https://api.github.com'.`, 'ERR_INVALID_URL');
    }
    return url.replace(/\/+$/, '');
}


/***/ }),

/***/ 5446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HC: () => (/* binding */ clientInputs),
/* harmony export */   MI: () => (/* binding */ parseClientSettings)
/* harmony export */ });
/* unused harmony export readClientSettings */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3852);
/* harmony import */ var _configuration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3342);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9114);
/**
 * The token and tuning inputs every API action shares, declared once as spec
 * fragments to spread into each action's io.ts, and turned into
 * createGitHubClient options with errors that name the input.
 */




/** Spread into an API action's `inputs` (names, descriptions and defaults as in action.yml). */
const clientInputs = {
    'github-token': {
        description: "Token for the GitHub API. The job's GITHUB_TOKEN by default; it lives as long as the job. Ignored when 'app-id' and 'private-key' are set.",
        default: '${{ github.token }}'
    },
    'app-id': {
        description: "GitHub App id (or client id). With 'private-key', Purple mints the App's installation token itself and refreshes it before it expires, so a wait longer than an hour never fails on 401.",
        default: ''
    },
    'private-key': {
        description: "The GitHub App's private key (PEM), e.g. from a secret. Used with 'app-id'.",
        default: ''
    },
    'installation-id': {
        description: "The App's installation id. Empty: looked up for 'owner', or for this repository.",
        default: ''
    },
    owner: {
        description: "Account (organization or user) the App is installed on, when it is not this repository's owner.",
        default: ''
    },
    'request-timeout-seconds': {
        description: 'Longest time one API request may take (answer and whole body); a slower one is retried as a transient failure.',
        default: String(_client_js__WEBPACK_IMPORTED_MODULE_1__/* .CLIENT_DEFAULTS */ .TB.requestTimeoutMs / 1000)
    },
    'max-retries': {
        description: 'Retries of an API request after a transient failure (network error, 5xx, 524, rate limit), with exponential backoff. 0 turns retries off.',
        default: String(_client_js__WEBPACK_IMPORTED_MODULE_1__/* .CLIENT_DEFAULTS */ .TB.retries)
    }
};
const MAX_RETRIES_LIMIT = 20;
/** Turns literal "\n" (a key pasted on one line) back into newlines and trims. */
function normalizePrivateKey(raw) {
    const key = raw.includes('\n') ? raw : raw.replace(/\\n/g, '\n');
    return key.trim();
}
/**
 * Pure: client options from the inputs (defaults applied, errors name them by `label`) and
 * the runner environment (GITHUB_API_URL, GITHUB_REPOSITORY).
 */
function parseClientSettings(inputs, env = process.env) {
    const get = (name) => inputs.get(name);
    const bad = (name, value, expected) => (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .inputError */ .Xu)(inputs.label(name), value, expected);
    const appId = get('app-id').trim();
    const privateKey = normalizePrivateKey(get('private-key'));
    const owner = get('owner').trim();
    let auth;
    if (appId !== '' || privateKey !== '') {
        if (appId === '')
            throw new Error("Input 'app-id' is empty but 'private-key' is set: give the GitHub App's id too, or remove 'private-key' to use 'github-token'.");
        if (privateKey === '')
            throw new Error(`Input 'private-key' is empty but 'app-id' is '${appId}': pass the App's private key from a secret, e.g. 'private-key: \${{ secrets.APP_PRIVATE_KEY }}'.`);
        if (!/^(\d+|Iv[0-9A-Za-z.]+)$/.test(appId))
            throw bad('app-id', appId, "write the App's numeric id (or its client id, 'Iv...').");
        // Never quote the key itself in an error.
        if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
            throw new Error("Input 'private-key' is not a PEM private key: paste the whole .pem file the App settings page gave you, including the BEGIN and END lines.");
        }
        (0,_configuration_js__WEBPACK_IMPORTED_MODULE_2__/* .checkPrivateKey */ .fH)(privateKey);
        const installationId = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePositiveIntegerInput */ .Vm)(inputs, 'installation-id', "the App's installation id (or leave it empty to look it up)");
        if (owner !== '' && !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(owner))
            throw bad('owner', owner, 'write an organization or user login.');
        const repository = parseRepository(env['GITHUB_REPOSITORY']);
        auth = {
            kind: 'app',
            appId,
            privateKey,
            ...(installationId !== undefined ? { installationId } : {}),
            ...(owner !== '' ? { owner } : {}),
            ...(repository !== undefined ? { repository } : {})
        };
    }
    else {
        const token = get('github-token').trim();
        if (token === '') {
            throw new Error("Input 'github-token' is empty: leave it at its default '${{ github.token }}', pass a token, or set 'app-id' and 'private-key'.");
        }
        auth = { kind: 'token', token };
    }
    const requestTimeoutMs = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSecondsInput */ .lp)(inputs, 'request-timeout-seconds', { above: 0 });
    const retriesText = get('max-retries').trim();
    if (!/^[0-9]+$/.test(retriesText) || Number(retriesText) > MAX_RETRIES_LIMIT) {
        throw bad('max-retries', retriesText, `write a whole number from 0 to ${MAX_RETRIES_LIMIT}, e.g. '${_client_js__WEBPACK_IMPORTED_MODULE_1__/* .CLIENT_DEFAULTS */ .TB.retries}'.`);
    }
    const rawUrl = env['GITHUB_API_URL']?.trim();
    const baseUrl = rawUrl ? (0,_configuration_js__WEBPACK_IMPORTED_MODULE_2__/* .checkApiUrl */ .Sz)(rawUrl, 'GITHUB_API_URL', (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret)) : undefined;
    return Object.freeze({
        auth: Object.freeze(auth),
        ...(baseUrl ? { baseUrl } : {}),
        requestTimeoutMs,
        retries: Number(retriesText)
    });
}
/** 'owner/repo' from GITHUB_REPOSITORY, or undefined when unset or malformed. */
function parseRepository(value) {
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value?.trim() ?? '');
    return match ? { owner: match[1], repo: match[2] } : undefined;
}
/** Reads the client inputs through @actions/core (as action.yml defaults them) and validates them. */
function readClientSettings(env = process.env) {
    // getInput returns '' for an input the workflow left out only when action.yml gives no default; specInputSource
    // falls back to ours, except for 'github-token': its default '${{ github.token }}' is an expression, so falling
    // back would send that literal text as the token. An empty token stays '' and fails with its own message.
    return parseClientSettings(specInputSource(clientInputs, (name) => core.getInput(name)), env);
}


/***/ }),

/***/ 4037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wd: () => (/* binding */ readMergeFacts)
/* harmony export */ });
/* unused harmony exports MERGE_FACTS_QUERY, DEFAULT_REREAD_BACKOFF */
/* harmony import */ var _conditional_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7059);
/* harmony import */ var _token_owner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3592);
/* harmony import */ var _responses_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3499);
/* harmony import */ var _core_transient_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2633);
/* harmony import */ var _core_backoff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3915);
/* harmony import */ var _core_check_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5235);
/* harmony import */ var _core_required_checks_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1518);
/* harmony import */ var _core_diagnosis_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8410);
/* harmony import */ var _ci_reads_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3783);
/**
 * The reads behind a merge diagnosis, all open to the default token (no
 * administration access): the pull request (REST, which also starts GitHub's
 * mergeability computation, then one GraphQL query), the active rules of the
 * base, classic protection as the branch endpoint shows it, the required
 * checks' states read and judged as wait-ci does, and the compare view when a
 * strict gate makes "behind" matter. An UNKNOWN mergeability is read again
 * with backoff before anything is decided.
 */









/** The one GraphQL read: everything about the pull request REST does not say (reviews, threads, queue, commits). */
const MERGE_FACTS_QUERY = `query PurpleMergeFacts($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      number
      state
      isDraft
      headRefOid
      baseRefName
      author { login }
      mergeable
      mergeStateStatus
      reviewDecision
      isInMergeQueue
      mergeQueueEntry { state position }
      latestOpinionatedReviews(first: 100, writersOnly: true) { nodes { state author { login } commit { oid } } }
      reviewRequests(first: 100) {
        nodes {
          asCodeOwner
          requestedReviewer {
            __typename
            ... on User { login }
            ... on Bot { login }
            ... on Mannequin { login }
            ... on Team { combinedSlug }
          }
        }
      }
      reviewThreads(first: 100) { totalCount nodes { isResolved } }
      commits(last: 100) { totalCount nodes { commit { oid parents { totalCount } signature { isValid } } } }
      headCommit: commits(last: 1) {
        nodes {
          commit {
            oid
            checkSuites(first: 1) { totalCount }
            deployments(last: 50) { nodes { environment latestStatus { state } } }
          }
        }
      }
      files(first: 100) { totalCount nodes { path } }
    }
  }
}`;
const DEFAULT_REREAD_BACKOFF = Object.freeze({ baseMs: 1000, maxMs: 8000, factor: 2, jitter: 0 });
const present = (list) => (list?.nodes ?? []).filter((n) => n !== null);
/** The pull request, and the fields GitHub refused to resolve (a token without e.g. deployments access gets partial data). */
async function readGraphPull(client, repo, pullNumber) {
    let data;
    const denied = new Set();
    try {
        data = await client.octokit.graphql(MERGE_FACTS_QUERY, { owner: repo.owner, name: repo.repo, number: pullNumber });
    }
    catch (error) {
        const partial = error;
        if (partial.name !== 'GraphqlResponseError' || !partial.data?.repository?.pullRequest)
            throw error;
        data = partial.data;
        // A field that errored is null in the data: it is unread, never "none".
        for (const e of partial.errors ?? [])
            for (const key of e.path ?? [])
                if (typeof key === 'string')
                    denied.add(key);
    }
    const pull = data?.repository?.pullRequest;
    if (!pull)
        throw new _responses_js__WEBPACK_IMPORTED_MODULE_1__/* .MalformedResponseError */ .f7(`malformed response: GraphQL pull request #${pullNumber}: no repository.pullRequest`);
    const checked = (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .expectShape */ .hG)(`GraphQL pull request #${pullNumber}`, pull, {
        state: 'string',
        isDraft: 'boolean',
        headRefOid: 'string',
        baseRefName: 'string',
        mergeable: 'string',
        mergeStateStatus: 'string',
        commits: 'object?',
        headCommit: 'object?'
    });
    return { ...checked, denied };
}
/** A read that may fail without spoiling the diagnosis: a bad token still fails the whole run. */
async function attempt(what, read) {
    try {
        return { ok: true, value: await read() };
    }
    catch (error) {
        if (error.status === 401)
            throw error;
        const { verdict, description } = (0,_core_transient_js__WEBPACK_IMPORTED_MODULE_2__/* .explainFailure */ .SP)(error);
        return { ok: false, reason: `${what} could not be read (${verdict.kind === 'permanent' ? '' : 'after retries: '}${description})` };
    }
}
const requestOf = (client) => client.octokit.request;
async function readRules(client, repo, branch) {
    const rules = [];
    for (let page = 1; page <= 10; page++) {
        const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...repo, branch, per_page: 100, page });
        const list = (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .expectList */ .sn)(`rules of branch '${branch}'`, data, '', { type: 'string' });
        for (const r of list) {
            rules.push({
                type: r.type,
                ...(r.parameters ? { parameters: r.parameters } : {}),
                ...(typeof r.ruleset_id === 'number' ? { rulesetId: r.ruleset_id } : {}),
                ...(typeof r.ruleset_source_type === 'string' ? { sourceType: r.ruleset_source_type } : {}),
                ...(typeof r.ruleset_source === 'string' ? { source: r.ruleset_source } : {})
            });
        }
        if (list.length < 100)
            break;
    }
    return rules;
}
/** Names the rulesets behind the rules (one read per ruleset, best effort: a rule without its name is still judged). */
async function withRulesetNames(client, repo, rules) {
    const ids = [...new Set(rules.map((r) => r.rulesetId).filter((id) => id !== undefined))];
    const names = new Map();
    await Promise.all(ids.map(async (id) => {
        try {
            const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { ...repo, ruleset_id: id, includes_parents: true });
            names.set(id, (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .expectShape */ .hG)(`ruleset ${id}`, data, { name: 'string' }).name);
        }
        catch (error) {
            if (error.status === 401)
                throw error;
        }
    }));
    return rules.map((r) => {
        const name = r.rulesetId === undefined ? undefined : names.get(r.rulesetId);
        return name === undefined ? r : { ...r, rulesetName: name };
    });
}
async function readBranch(client, repo, branch) {
    const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/branches/{branch}', { ...repo, branch });
    const entries = (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredFromBranch */ .a4)(`branch '${branch}'`, data);
    return { protected: data.protected === true, requiredChecks: entries.map((e) => e.name), raw: data };
}
async function readBehindBy(client, repo, base, head) {
    const { data } = await requestOf(client)('GET /repos/{owner}/{repo}/compare/{basehead}', { ...repo, basehead: `${base}...${head}`, per_page: 1 });
    return (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .expectShape */ .hG)(`compare ${base}...${head.slice(0, 7)}`, data, { behind_by: 'number' }).behind_by;
}
/** The required checks of the head, judged as wait-ci judges them (every required name; a missing one is missing). */
async function readRequiredChecks(reader, headSha, readings) {
    if (readings.every((r) => !r.ok))
        return { ok: false, reason: 'neither classic protection nor the rulesets could be read, so the required checks are unknown' };
    const required = (0,_core_required_checks_js__WEBPACK_IMPORTED_MODULE_7__/* .buildRequiredSet */ .Ox)(readings, '', 'all-observed');
    if (required.mode !== 'gate')
        return { ok: true, value: [] };
    return attempt('the check runs and statuses of the head', async () => {
        const names = [...new Set(required.checks.map((c) => c.name))];
        const [runs, statuses] = await Promise.all([
            (0,_ci_reads_js__WEBPACK_IMPORTED_MODULE_6__/* .readCheckRuns */ .zd)(reader, headSha, names.length <= _ci_reads_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_NAMED_QUERIES */ .Ir ? names : undefined),
            (0,_ci_reads_js__WEBPACK_IMPORTED_MODULE_6__/* .readStatuses */ .r_)(reader, headSha)
        ]);
        return (0,_core_check_state_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluateChecks */ .Jn)({ required, runs: runs.runs, statuses, ignore: [], strict: true, failFast: false }).checks;
    });
}
/**
 * Reads every fact the diagnosis needs for one pull request. Rereads the
 * GraphQL pull request (with `options.sleep` between) while GitHub reports
 * its mergeability as UNKNOWN, up to `maxReads`.
 */
async function readMergeFacts(client, repo, pullNumber, options) {
    const reader = { client, repo, etags: (0,_conditional_js__WEBPACK_IMPORTED_MODULE_8__/* .createEtagCache */ .i)() };
    const maxReads = Math.max(1, options.maxReads ?? 5);
    // The REST read asks GitHub to compute mergeability when it has not yet.
    await (0,_ci_reads_js__WEBPACK_IMPORTED_MODULE_6__/* .readPull */ .Es)(reader, pullNumber);
    let graph = await readGraphPull(client, repo, pullNumber);
    let reads = 1;
    while (reads < maxReads && graph.state === 'OPEN' && (0,_core_diagnosis_js__WEBPACK_IMPORTED_MODULE_5__/* .needsReread */ .Dw)({ pull: factsPull(graph, graph.headRefOid, reads) })) {
        const delay = (0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_3__/* .backoffDelay */ .EY)(reads, options.backoff ?? DEFAULT_REREAD_BACKOFF, () => 0);
        options.log?.(`GitHub has not computed mergeability yet (read ${reads}); reading again in ${delay} ms`);
        await options.sleep(delay);
        graph = await readGraphPull(client, repo, pullNumber);
        reads++;
    }
    const headSha = graph.headRefOid;
    const baseRef = graph.baseRefName;
    const [rules, protection] = await Promise.all([
        attempt(`the rules of '${baseRef}'`, async () => withRulesetNames(client, repo, await readRules(client, repo, baseRef))),
        attempt(`classic protection of '${baseRef}' (GET /branches)`, () => readBranch(client, repo, baseRef))
    ]);
    const readings = [
        protection.ok
            ? { source: 'protection', ok: true, entries: (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredFromBranch */ .a4)(`branch '${baseRef}'`, protection.value.raw) }
            : { source: 'protection', ok: false, reason: protection.reason },
        rules.ok ? { source: 'ruleset', ok: true, entries: (0,_responses_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredFromRules */ .RV)(`rules of '${baseRef}'`, rules.value.map(toRestRule)) } : { source: 'ruleset', ok: false, reason: rules.reason }
    ];
    const checks = await readRequiredChecks(reader, headSha, readings);
    const strict = rules.ok &&
        rules.value.some((r) => r.type === 'required_status_checks' && r.parameters?.['strict_required_status_checks_policy'] === true);
    // Classic protection's strict flag is not in the branch endpoint, so a protected branch is compared too.
    const wantsCompare = strict || graph.mergeStateStatus === 'BEHIND' || (protection.ok && protection.value.protected);
    const behind = graph.state === 'OPEN' && wantsCompare ? await attempt('the compare view', () => readBehindBy(client, repo, baseRef, headSha)) : undefined;
    const denied = graph.denied;
    const commits = denied.has('commits') ? null : graph.commits;
    const commitNodes = present(commits).map((n) => n.commit);
    const head = denied.has('headCommit') ? undefined : present(graph.headCommit)[0]?.commit;
    const deployments = {};
    for (const d of present(head?.deployments))
        if (d.environment && d.latestStatus)
            deployments[d.environment] = d.latestStatus.state;
    const files = denied.has('files') ? null : graph.files;
    const threads = denied.has('reviewThreads') ? null : graph.reviewThreads;
    const workflowFiles = files && present(files).length >= files.totalCount ? present(files).map((f) => f.path).filter((p) => p.startsWith('.github/workflows/')) : null;
    // Who merges matters only when the pull request changes workflow files: GitHub is asked only then.
    const mergingToken = client.tokenKind !== 'installation' ? client.tokenKind : workflowFiles?.length ? await (0,_token_owner_js__WEBPACK_IMPORTED_MODULE_0__/* .tokenOwner */ .nh)(client) : 'unknown';
    return {
        pull: factsPull(graph, headSha, reads),
        reviewDecision: graph.reviewDecision ?? null,
        reviews: present(graph.latestOpinionatedReviews).map((r) => ({ author: r.author?.login ?? 'ghost', state: r.state, commitOid: r.commit?.oid ?? null })),
        reviewRequests: present(graph.reviewRequests)
            .filter((r) => r.requestedReviewer !== null)
            .map((r) => ({ reviewer: r.requestedReviewer?.login ?? r.requestedReviewer?.combinedSlug ?? r.requestedReviewer?.__typename ?? '?', asCodeOwner: r.asCodeOwner })),
        unresolvedThreads: threads
            ? { count: present(threads).filter((t) => !t.isResolved).length, complete: present(threads).length >= threads.totalCount }
            : null,
        mergeQueue: { inQueue: graph.isInMergeQueue, state: graph.mergeQueueEntry?.state ?? null, position: graph.mergeQueueEntry?.position ?? null },
        rules: rules.ok ? { ok: true, value: rules.value } : rules,
        protection: protection.ok ? { ok: true, value: { protected: protection.value.protected, requiredChecks: protection.value.requiredChecks } } : protection,
        checks,
        headCheckSuites: denied.has('checkSuites') ? null : (head?.checkSuites?.totalCount ?? null),
        behindBy: behind?.ok ? behind.value : null,
        commits: commits
            ? {
                unsigned: commitNodes.filter((c) => c.signature?.isValid !== true).map((c) => c.oid),
                merges: commitNodes.filter((c) => c.parents.totalCount > 1).map((c) => c.oid),
                complete: commitNodes.length >= commits.totalCount
            }
            : null,
        deployments: head && !denied.has('deployments') ? deployments : null,
        workflowFiles,
        mergingToken
    };
}
function factsPull(graph, headSha, reads) {
    return {
        number: graph.number,
        state: graph.state,
        isDraft: graph.isDraft,
        headSha,
        baseRef: graph.baseRefName,
        author: graph.author?.login ?? null,
        mergeable: graph.mergeable,
        mergeStateStatus: graph.mergeStateStatus,
        reads
    };
}
// requiredFromRules reads GitHub's REST shape; the facts keep the rule in camel case.
function toRestRule(rule) {
    return { type: rule.type, ...(rule.parameters ? { parameters: rule.parameters } : {}) };
}


/***/ }),

/***/ 3499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ parseStatusHistory),
/* harmony export */   RV: () => (/* binding */ requiredFromRules),
/* harmony export */   a4: () => (/* binding */ requiredFromBranch),
/* harmony export */   f7: () => (/* binding */ MalformedResponseError),
/* harmony export */   fR: () => (/* binding */ parseCheckRunsPage),
/* harmony export */   hG: () => (/* binding */ expectShape),
/* harmony export */   q0: () => (/* binding */ expectPullRequest),
/* harmony export */   sn: () => (/* binding */ expectList),
/* harmony export */   yc: () => (/* binding */ parseCombinedStatus)
/* harmony export */ });
/* unused harmony exports expectCheckRunsPage, expectCombinedStatus */
/** A response without the fields an action relies on; transient (classifier matches the name). */
class MalformedResponseError extends Error {
    name = 'MalformedResponseError';
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
function matches(value, type) {
    const nullable = type.endsWith('?');
    const base = nullable ? type.slice(0, -1) : type;
    if (nullable && (value === null || value === undefined))
        return true;
    return typeOf(value) === base;
}
function at(data, path) {
    let current = data;
    for (const key of path.split('.')) {
        if (typeof current !== 'object' || current === null)
            return undefined;
        current = current[key];
    }
    return current;
}
function whatCame(data) {
    if (data === '')
        return 'an empty body (a response cut mid-stream?)';
    if (data === undefined)
        return 'no body';
    if (typeof data === 'string')
        return /^\s*</.test(data) ? 'an HTML page (a proxy answered?)' : `text '${data.slice(0, 60)}'`;
    return typeOf(data);
}
/**
 * Asserts `fields` (dotted paths -> type; `?` allows null) on `data` and
 * returns it typed; throws MalformedResponseError naming `label` and the field.
 */
function expectShape(label, data, fields) {
    if (typeof data !== 'object' || data === null) {
        throw new MalformedResponseError(`malformed response: ${label}: expected a JSON object, got ${whatCame(data)}`);
    }
    for (const [path, type] of Object.entries(fields)) {
        const value = at(data, path);
        if (!matches(value, type)) {
            throw new MalformedResponseError(`malformed response: ${label}: '${path}' should be ${type.replace('?', ' or null')}, got ${typeOf(value)}`);
        }
    }
    return data;
}
/** Asserts every element of `data[arrayPath]` (or `data` itself when arrayPath is '') has `fields`. */
function expectList(label, data, arrayPath, fields) {
    const list = arrayPath === '' ? data : at(data, arrayPath);
    if (!Array.isArray(list)) {
        const got = arrayPath === '' ? whatCame(data) : typeof data === 'object' && data !== null ? typeOf(list) : whatCame(data);
        throw new MalformedResponseError(`malformed response: ${label}: '${arrayPath || 'body'}' should be an array, got ${got}`);
    }
    list.forEach((item, i) => expectShape(`${label} [${i}]`, item, fields));
    return list;
}
/** Checks a `GET /repos/{owner}/{repo}/pulls/{pull_number}` body. */
function expectPullRequest(label, data) {
    return expectShape(label, data, {
        number: 'number',
        state: 'string',
        mergeable: 'boolean?',
        merge_commit_sha: 'string?',
        'head.sha': 'string',
        'head.ref': 'string',
        'base.sha': 'string',
        'base.ref': 'string'
    });
}
/** Checks a `GET /repos/{owner}/{repo}/commits/{ref}/check-runs` page. */
function expectCheckRunsPage(label, data) {
    const page = expectShape(label, data, { total_count: 'number', check_runs: 'array' });
    expectList(label, page, 'check_runs', {
        id: 'number',
        name: 'string',
        status: 'string',
        conclusion: 'string?',
        started_at: 'string?',
        completed_at: 'string?',
        html_url: 'string?',
        details_url: 'string?',
        app: 'object?'
    });
    return page;
}
const text = (value) => (typeof value === 'string' ? value : null);
/** Parses a check-runs page into observations; throws MalformedResponseError on a wrong shape. */
function parseCheckRunsPage(label, data) {
    const page = expectCheckRunsPage(label, data);
    const runs = page.check_runs.map((raw) => {
        const app = raw.app;
        return {
            id: raw.id,
            name: raw.name,
            status: raw.status,
            conclusion: raw.conclusion,
            startedAt: raw.started_at,
            completedAt: raw.completed_at ?? null,
            appId: typeof app?.id === 'number' ? app.id : null,
            appSlug: text(app?.slug),
            url: text(raw.html_url) ?? text(raw.details_url)
        };
    });
    return { totalCount: page.total_count, runs };
}
/** Checks a `GET /repos/{owner}/{repo}/commits/{ref}/status` body. */
function expectCombinedStatus(label, data) {
    const combined = expectShape(label, data, {
        state: 'string',
        sha: 'string',
        total_count: 'number',
        statuses: 'array'
    });
    expectList(label, combined, 'statuses', statusFields);
    return combined;
}
const statusFields = { context: 'string', state: 'string', created_at: 'string?', updated_at: 'string?', target_url: 'string?' };
function observedStatus(raw) {
    return {
        id: typeof raw.id === 'number' ? raw.id : 0,
        context: raw.context,
        state: raw.state,
        createdAt: text(raw.created_at),
        updatedAt: text(raw.updated_at),
        url: text(raw.target_url)
    };
}
/** Parses `GET /commits/{ref}/status` (the newest status per context) into observations. */
function parseCombinedStatus(label, data) {
    const combined = expectCombinedStatus(label, data);
    return { totalCount: combined.total_count, statuses: combined.statuses.map(observedStatus) };
}
/** Parses a page of `GET /commits/{ref}/statuses` (the history, newest first) into observations. */
function parseStatusHistory(label, data) {
    return expectList(label, data, '', statusFields).map(observedStatus);
}
// GitHub writes "any source" as null; the protection API also accepts -1 for it.
function appOf(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
/**
 * Requirements of classic branch protection from `GET /repos/{o}/{r}/branches/{b}`
 * (readable with the default token, unlike the admin-only protection endpoints).
 */
function requiredFromBranch(label, data) {
    const branch = expectShape(label, data, { name: 'string', protected: 'boolean?', protection: 'object?', 'protection.required_status_checks': 'object?' });
    const rsc = branch.protected === true ? branch.protection?.required_status_checks : undefined;
    if (rsc === undefined || rsc === null)
        return [];
    const entries = new Map();
    // `checks` carries the app; `contexts` repeats the names without it (older protections only have contexts).
    if (Array.isArray(rsc.checks)) {
        for (const check of expectList(`${label} required checks`, rsc.checks, '', { context: 'string' })) {
            const appId = appOf(check.app_id);
            entries.set(`${check.context}\u0000${appId ?? ''}`, { name: check.context, appId, source: 'protection' });
        }
    }
    if (Array.isArray(rsc.contexts)) {
        for (const context of rsc.contexts) {
            if (typeof context !== 'string')
                throw new MalformedResponseError(`malformed response: ${label}: a required context is not a string`);
            const known = [...entries.values()].some((e) => e.name === context);
            if (!known)
                entries.set(`${context}\u0000`, { name: context, source: 'protection' });
        }
    }
    return [...entries.values()];
}
/**
 * Requirements of active rulesets from one page of `GET /repos/{o}/{r}/rules/branches/{b}`.
 * Rules in `evaluate` mode are not returned there and do not gate, so every returned
 * `required_status_checks` rule counts.
 */
function requiredFromRules(label, data) {
    const rules = expectList(label, data, '', { type: 'string' });
    const entries = [];
    for (const [i, rule] of rules.entries()) {
        if (rule.type !== 'required_status_checks')
            continue;
        const checks = expectList(`${label} [${i}]`, rule, 'parameters.required_status_checks', {
            context: 'string'
        });
        for (const check of checks)
            entries.push({ name: check.context, appId: appOf(check.integration_id), source: 'ruleset' });
    }
    return entries;
}


/***/ }),

/***/ 8809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ createRetryingHook),
/* harmony export */   u: () => (/* binding */ clientAttempts)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_backoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3915);
/* harmony import */ var _core_durations_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(778);
/* harmony import */ var _core_transient_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2633);
/**
 * The one retry loop of a GitHub request, as an Octokit `request` hook.
 * The failure classifier decides (transient, rate-limited, permanent), the
 * shared backoff schedule says how long, and the injected sleep waits; one
 * rate-limit gate holds every request of the client while GitHub asked for
 * quiet; the call's deadline stops any retry or wait that would end past it.
 *
 * A request made while another is being sent (the App's installation lookup
 * and token mint, made by the auth hook inside the call) is sent once: the
 * call's own loop retries the whole, so a call costs at most `retries + 1`
 * attempts however it fails, minting included (docs/decisions.md, "Retries
 * happen in one place").
 *
 * Never retried here: 405 and 409 (the merge logic owns them, see
 * docs/decisions.md, "The merge call runs without client retries"), calls
 * with `request: { retries: 0 }`, 304 answers, permanent failures.
 */




const ATTEMPTS = Symbol.for('purple.github.attempts');
/** How many attempts the client made before it gave up on this error; undefined if the client did not handle it. */
function clientAttempts(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const n = error[ATTEMPTS];
    return typeof n === 'number' ? n : undefined;
}
// Set while a call is being sent: requests made inside it (App auth) are part of it.
const insideCall = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
function routeLabel(method, url, baseUrl) {
    const full = url ?? '';
    const path = full.startsWith(baseUrl) ? full.slice(baseUrl.length) : full;
    return `${method ?? 'GET'} ${path.split('?')[0]}`;
}
function header(headers, name) {
    const value = headers?.[name];
    return value === undefined || value === null ? undefined : String(value);
}
function limitName(error) {
    if (header(error.response?.headers, 'x-ratelimit-remaining') === '0')
        return 'primary rate limit used up';
    return /secondary rate/i.test(error.message ?? '') || header(error.response?.headers, 'retry-after') !== undefined
        ? 'secondary rate limit'
        : `rate limited (${error.status})`;
}
function plural(n) {
    return n === 1 ? '1 attempt' : `${n} attempts`;
}
/**
 * Marks an error as handled by the client (withRetry then does not retry it) and, for a network
 * failure (whose message is all a reader sees), says what failed, how many attempts were made and why they stopped.
 */
function giveUp(error, attempts, verdict, why) {
    if (typeof error !== 'object' || error === null)
        return error;
    Object.defineProperty(error, ATTEMPTS, { value: attempts, configurable: true });
    const e = error;
    const network = e.response === undefined && e.request !== undefined;
    if (network && typeof e.message === 'string') {
        // "fetch failed" alone does not say what failed: the classifier reads the cause's code (ECONNREFUSED, ENOTFOUND, a timeout).
        const what = verdict.reason.replace(/^network: /, '');
        e.message = `${e.message}: ${what} (gave up after ${plural(attempts)}${why ? `: ${why}` : ''})`;
    }
    return error;
}
/** The `request` hook: wrap it with `octokit.hook.wrap('request', createRetryingHook(...))`. */
function createRetryingHook(options, parse) {
    const classify = { maxRateLimitWaitMs: options.maxRateLimitWaitMs };
    let nextWriteAt = Number.NEGATIVE_INFINITY;
    const label = (route) => {
        try {
            const parsed = parse(route);
            return routeLabel(parsed.method, parsed.url, options.baseUrl);
        }
        catch {
            return routeLabel(route.method, route.url, options.baseUrl);
        }
    };
    // GitHub asks for at least a second between writes; reads and GraphQL queries are not spaced.
    const spaceWrites = async (route) => {
        const method = (route.method ?? 'GET').toUpperCase();
        const query = typeof route.query === 'string' ? route.query : '';
        const isWrite = WRITE_METHODS.has(method) && !(route.url === '/graphql' && !/^\s*mutation\b/.test(query));
        if (!isWrite || options.writeSpacingMs <= 0)
            return;
        const now = options.now();
        const at = Math.max(now, nextWriteAt);
        nextWriteAt = at + options.writeSpacingMs;
        if (at > now)
            await options.sleep(at - now);
    };
    // Any answer can open the window: a 403/429 that asks for a wait, or x-ratelimit-remaining 0 on any status.
    const noteLimits = (status, headers, error) => {
        const now = options.now();
        if (error !== undefined && (status === 403 || status === 429)) {
            const verdict = (0,_core_transient_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyFailure */ .XE)(error, { now, maxRateLimitWaitMs: Number.MAX_SAFE_INTEGER });
            if (verdict.kind === 'rate-limited' && verdict.retryAfterMs !== undefined)
                options.gate.hold(now + verdict.retryAfterMs, limitName(error));
            return;
        }
        const reset = Number(header(headers, 'x-ratelimit-reset'));
        if (header(headers, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0) {
            // One second past the reset, as GitHub's docs advise.
            options.gate.hold(reset * 1000 + 1000, 'primary rate limit used up until x-ratelimit-reset');
        }
    };
    const sendOnce = async (request, route, announced) => {
        await options.gate.pass(label(route), options.deadline(), announced);
        await spaceWrites(route);
        try {
            const response = await request(route);
            noteLimits(response.status, response.headers);
            return response;
        }
        catch (error) {
            const e = error;
            noteLimits(e.status, e.response?.headers, e);
            throw error;
        }
    };
    const loop = async (request, route) => {
        const retries = typeof route.request?.retries === 'number' ? route.request.retries : options.retries;
        let announced = false;
        for (let attempt = 1;; attempt++) {
            try {
                return await sendOnce(request, route, announced);
            }
            catch (error) {
                const { verdict, next: delay } = decide(error, attempt, retries);
                if (delay === undefined)
                    throw giveUp(error, attempt, verdict);
                if (typeof delay === 'string')
                    throw giveUp(error, attempt, verdict, delay);
                announced = delay.rateLimited;
                if (!delay.rateLimited)
                    await options.sleep(delay.ms);
            }
        }
    };
    /** The verdict on attempt `attempt`'s failure and what to do next: undefined = stop, a string = stop for that reason, else wait. */
    const decide = (error, attempt, retries) => {
        const now = options.now();
        // Described now, before a 401's message gains the advice below (a 401 is permanent: never described here).
        const { verdict, description } = (0,_core_transient_js__WEBPACK_IMPORTED_MODULE_2__/* .explainFailure */ .SP)(error, { ...classify, now });
        if (error.status === 401 && !options.isApp && !(error.message ?? '').includes(_core_transient_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_INVALID_ADVICE */ .fy)) {
            // Whoever prints this error (runAction, a caller's log) shows what to do, not just "Bad credentials".
            error.message = `${error.message ?? 'Bad credentials'}: ${_core_transient_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_INVALID_ADVICE */ .fy}`;
        }
        // No request object: raised before anything was sent (configuration, App auth, a refused gate wait).
        if (error.request === undefined || error.status === 304 || error.status === 405 || error.status === 409 || verdict.kind === 'permanent')
            return { verdict, next: undefined };
        const where = routeLabel(error.request.method, error.request.url, options.baseUrl);
        if (verdict.waitCapped === true) {
            const asked = options.gate.openUntil();
            const wait = asked === undefined ? '' : ` asks for a ${(0,_core_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatWaitSeconds */ .Yx)(asked - now)} wait,`;
            options.log(`${where}: ${limitName(error)}${wait} longer than max-rate-limit-wait (${(0,_core_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatWaitSeconds */ .Yx)(options.maxRateLimitWaitMs)}): not waiting`);
            return { verdict, next: undefined };
        }
        if (attempt > retries) {
            if (retries > 0)
                options.log(`${where}: attempt ${attempt} of ${retries + 1} failed, giving up: ${description}`);
            return { verdict, next: undefined };
        }
        const rateLimited = verdict.kind === 'rate-limited';
        const ms = rateLimited ? Math.max(0, (options.gate.openUntil() ?? now) - now) : (0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .nextDelay */ .rM)(attempt, options.backoff, undefined, options.random);
        const deadline = options.deadline();
        if (deadline !== undefined && now + ms > deadline) {
            options.log(`${where}: attempt ${attempt} of ${retries + 1} failed: ${description}; no retry: the deadline (timeout-seconds) comes first`);
            return { verdict, next: 'the deadline (timeout-seconds) came first' };
        }
        options.onRetry(verdict.kind);
        options.log(rateLimited
            ? `${where}: ${limitName(error)}, attempt ${attempt} of ${retries + 1}; waiting ${(0,_core_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .formatWaitSeconds */ .Yx)(ms)} as GitHub asked`
            : `${where}: attempt ${attempt} of ${retries + 1} failed: ${description}; retrying in ${ms} ms`);
        return { verdict, next: { ms, rateLimited } };
    };
    return async (request, route) => {
        // Inside a call (App auth): sent once; the call's loop retries the whole.
        if (insideCall.getStore() === true)
            return sendOnce(request, route, false);
        return insideCall.run(true, () => loop(request, route));
    };
}


/***/ }),

/***/ 3592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jX: () => (/* binding */ tokenKindOf),
/* harmony export */   nh: () => (/* binding */ tokenOwner)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT_LOGIN, VIEWER_QUERY */
/**
 * App auth and personal tokens are not the job's token; an installation token (`ghs_`) given as 'github-token'
 * may be the job's or an App's made by an earlier step; any other form is unknown.
 */
function tokenKindOf(auth) {
    if (auth.kind === 'app')
        return 'other';
    const token = auth.token.trim();
    if (token.startsWith('ghs_'))
        return 'installation';
    return /^(ghp_|github_pat_|gho_|ghu_)/.test(token) ? 'other' : 'unknown';
}
/** The login GitHub gives the Actions app's installation tokens, the job's GITHUB_TOKEN among them. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const VIEWER_QUERY = 'query PurpleViewer { viewer { login } }';
// One answer per client: the enqueue warning, a never-started message and a diagnosis may all ask.
const asked = new WeakMap();
/**
 * Whose token the client uses: for an installation token one GraphQL `viewer` per client (the Actions bot is
 * the job's GITHUB_TOKEN); 'unknown' when GitHub does not say. Other kinds are answered without a request.
 */
async function tokenOwner(client) {
    if (client.tokenKind !== 'installation')
        return client.tokenKind;
    let answer = asked.get(client.octokit);
    if (answer === undefined) {
        answer = askViewer(client);
        asked.set(client.octokit, answer);
    }
    return answer;
}
async function askViewer(client) {
    try {
        const data = await client.octokit.graphql(VIEWER_QUERY);
        const login = data.viewer?.login;
        return typeof login !== 'string' ? 'unknown' : login === ACTIONS_BOT_LOGIN ? 'actions' : 'other';
    }
    catch {
        return 'unknown';
    }
}


/***/ })

};
;