"use strict";
exports.id = 280;
exports.ids = [280];
exports.modules = {

/***/ 2391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ loadRules),
/* harmony export */   i: () => (/* binding */ integerOption)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(509);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8551);
/** Option parsers shared by the `purple` commands; a bad value is a UsageError naming the flag. */




/** Reads a --rules file relative to the working directory; a bad one is a usage error. */
function loadRules(file, cwd, command) {
    if (file === undefined)
        return (0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .withUserRules */ .FY)([]);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'utf8');
    }
    catch (e) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--rules '${file}' cannot be read (${e instanceof Error ? e.message : String(e)})`, command);
    }
    try {
        return (0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .withUserRules */ .FY)((0,_core_failure_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRuleFile */ .wb)(text, file));
    }
    catch (e) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(e instanceof Error ? e.message : String(e), command);
    }
}
/** Parses an integer option; anything else is a usage error naming the flag. */
function integerOption(flag, value, command, min = 0) {
    if (value === undefined)
        return undefined;
    if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < min) {
        throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${flag} '${value}' is not valid: expected a whole number of at least ${min}`, command);
    }
    return Number(value);
}


/***/ }),

/***/ 3280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RETRY_HELP: () => (/* binding */ RETRY_HELP),
  retryCommand: () => (/* binding */ retryCommand)
});

// UNUSED EXPORTS: parseRetryArgs

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/core/failure-engine.ts + 1 modules
var failure_engine = __webpack_require__(509);
// EXTERNAL MODULE: ./src/core/escaping.ts
var escaping = __webpack_require__(811);
;// CONCATENATED MODULE: ./src/core/rate-limit-hint.ts
/**
 * How long a rate-limited tool asked us to wait, read from its output: a
 * `retry-after` header it printed, "Please try again in 18.642s" (OpenAI's
 * wording), or a reset time (`x-ratelimit-reset`, `anthropic-ratelimit-*-reset`).
 * Pure; every pattern here is linear (bounded counts, no nested quantifiers).
 */
/** Only the tail is read: the hint belongs to the last failure. */
const HINT_WINDOW = 65_536;
/** Larger than any sensible wait; a bigger number is a misread, not a hint. */
const MAX_HINT_MS = 24 * 3600_000;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3600_000 };
/** "1m30.5s", "18.642s", "52ms", "2h" -> ms; undefined when not a duration. */
function parseDuration(text) {
    const parts = text.match(/(\d{1,9}(?:\.\d{1,9})?)(ms|h|m|s)/g);
    if (parts === null || parts.join('') !== text)
        return undefined;
    let total = 0;
    for (const part of parts) {
        const m = /^(\d{1,9}(?:\.\d{1,9})?)(ms|h|m|s)$/.exec(part);
        if (m === null)
            return undefined;
        total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
    }
    return total;
}
/** A header value: seconds, a duration ("6m0s"), an epoch in seconds (reset headers only), or a date. */
function headerValueMs(value, nowMs, epochAllowed) {
    const v = value.trim();
    const first = v.split(/[\s,;]/, 1)[0] ?? '';
    const duration = parseDuration(first);
    if (duration !== undefined)
        return duration;
    const number = /^(\d{1,12}(?:\.\d{1,6})?)(?![\d.:TZ-])/.exec(v);
    if (number !== null) {
        const n = Number(number[1]);
        // A reset header may carry an absolute epoch in seconds (GitHub's x-ratelimit-reset).
        return epochAllowed && n > 1_000_000_000 ? n * 1000 - nowMs : n * 1000;
    }
    const date = Date.parse(v);
    return Number.isNaN(date) ? undefined : date - nowMs;
}
/**
 * The longest wait the output asks for, in ms (never negative), or undefined
 * when it names none. The longest, because a tool that prints several limits
 * (requests and tokens) is only usable again once all of them reset.
 */
function rateLimitHintMs(output, nowMs) {
    const text = output.length > HINT_WINDOW ? output.slice(output.length - HINT_WINDOW) : output;
    const waits = [];
    for (const m of text.matchAll(/\bretry-after(-ms)?["']?\s{0,3}[:=]\s{0,3}["']?([^"'\r\n}]{1,40})/gi)) {
        const raw = m[2] ?? '';
        const ms = m[1] !== undefined ? Number(raw.trim()) : headerValueMs(raw, nowMs, false);
        if (ms !== undefined && Number.isFinite(ms))
            waits.push(ms);
    }
    for (const m of text.matchAll(/\btry again in (\d{1,9}(?:\.\d{1,9})?(?:ms|h|m|s)(?:\d{1,9}(?:\.\d{1,9})?(?:ms|h|m|s)){0,3})\b/gi)) {
        const ms = parseDuration(m[1] ?? '');
        if (ms !== undefined)
            waits.push(ms);
    }
    for (const m of text.matchAll(/\b(?:x-)?(?:anthropic-)?ratelimit-(?:[a-z-]{0,30}-)?reset(?:-[a-z]{1,20})?["']?\s{0,3}[:=]\s{0,3}["']?([^"'\r\n,}]{1,40})/gi)) {
        const ms = headerValueMs(m[1] ?? '', nowMs, true);
        if (ms !== undefined && Number.isFinite(ms))
            waits.push(ms);
    }
    const sane = waits.filter((w) => w <= MAX_HINT_MS).map((w) => Math.max(0, Math.ceil(w)));
    return sane.length === 0 ? undefined : Math.max(...sane);
}

// EXTERNAL MODULE: ./src/core/backoff.ts
var backoff = __webpack_require__(3915);
;// CONCATENATED MODULE: ./src/core/retry-plan.ts
/**
 * `purple retry`'s decision after a failed attempt: stop (and with which exit
 * code) or wait how long and try again. Pure: the verdict, the clock and the
 * random source come in as data, so the whole schedule is testable.
 *
 * See docs/decisions.md, "Failure rules: permanent first, unknown retried".
 */

/** Exit code when every attempt failed transiently (sysexits EX_TEMPFAIL). */
const EXIT_TRANSIENT_EXHAUSTED = 75;
/**
 * Full jitter above a floor: retry n waits uniformly in [0, min(max, min x 2^n)],
 * never less than min-delay, and never less than the server's hint.
 */
function backoffWaitMs(retry, policy, random) {
    const jittered = (0,backoff/* backoffDelay */.EY)(retry, { baseMs: policy.minDelayMs * 2, maxMs: policy.maxDelayMs, factor: 2, jitter: 1 }, random);
    return Math.max(policy.minDelayMs, jittered);
}
/** Stop or retry after a failed attempt; `elapsedMs` counts from the first start. */
function decideAfterFailure(failure, policy, elapsedMs, random) {
    const { verdict } = failure;
    const own = failure.exitCode !== undefined && failure.exitCode !== 0 ? failure.exitCode : 1;
    const rule = verdict.rule !== undefined ? `${verdict.class}, rule ${verdict.rule.id}` : 'no rule matched';
    if (verdict.class === 'permanent' || verdict.class === 'auth') {
        return { action: 'stop', exitCode: own, why: `${rule}: a retry would fail the same way` };
    }
    if (verdict.class === 'unknown' && policy.unknown === 'fail') {
        return { action: 'stop', exitCode: own, why: `${rule} and --unknown fail` };
    }
    if (failure.attempt >= policy.attempts) {
        return { action: 'stop', exitCode: EXIT_TRANSIENT_EXHAUSTED, why: `${rule}; all ${policy.attempts} attempts used` };
    }
    const backoff = backoffWaitMs(failure.attempt, policy, random);
    const delayMs = failure.hintMs !== undefined && failure.hintMs > backoff ? failure.hintMs : backoff;
    if (policy.deadlineMs !== undefined && elapsedMs + delayMs >= policy.deadlineMs) {
        return { action: 'stop', exitCode: EXIT_TRANSIENT_EXHAUSTED, why: `${rule}; waiting ${delayMs} ms would pass the deadline` };
    }
    const hinted = delayMs === failure.hintMs ? ' (the wait the output asked for)' : '';
    return { action: 'retry', delayMs, why: `${rule}; next attempt in ${delayMs} ms${hinted}` };
}

;// CONCATENATED MODULE: ./src/actions/retry/retry.ts
/**
 * The retry action's work, shared with `purple retry`: run a command until it
 * succeeds, fails for good, or the attempts or deadline run out, asking the
 * rule engine after each failure. Processes, clock and sleep are deps; the
 * decision is src/core/retry-plan.ts.
 */




/** The human progress line for an event. */
function formatRetryEvent(event, who = 'purple retry') {
    // The matched line is the command's output: one line, control characters shown escaped.
    const matched = event.line !== '' ? `: '${(0,escaping/* logText */.kc)(event.line)}'` : '';
    return `${who}: attempt ${event.attempt}/${event.attempts} ${event.ended} (${event.reason})${matched}`;
}
/** Keeps the last `max` characters of a stream of text. */
class OutputTail {
    max;
    text = '';
    constructor(max = 65_536) {
        this.max = max;
    }
    /** Appends a chunk, dropping the oldest text past the limit. */
    push(chunk) {
        this.text += chunk;
        if (this.text.length > this.max * 2)
            this.text = this.text.slice(this.text.length - this.max);
    }
    /** The kept tail. */
    value() {
        return this.text.length > this.max ? this.text.slice(this.text.length - this.max) : this.text;
    }
}
const TIMEOUT_VERDICT = {
    class: 'transient',
    rule: { id: 'attempt-timeout', class: 'transient', summary: 'the attempt ran past its timeout', source: 'the attempt-timeout setting' },
    line: ''
};
function verdictOf(result, rules) {
    if (result.timedOut)
        return TIMEOUT_VERDICT;
    if (result.spawnError !== undefined) {
        // A shell answers 127 for a command it cannot find; so do we, and that is permanent.
        return (0,failure_engine/* classifyText */.oF)(result.spawnError, { exitCode: 127, rules });
    }
    return (0,failure_engine/* classifyText */.oF)(result.tail, { exitCode: result.exitCode, rules });
}
/** Runs the command until it succeeds, fails for good, or the attempts or deadline run out. */
async function runRetry(options, deps) {
    const start = deps.now();
    for (let attempt = 1;; attempt++) {
        const remaining = options.deadlineMs !== undefined ? Math.max(1, options.deadlineMs - (deps.now() - start)) : undefined;
        const limit = options.attemptTimeoutMs !== undefined && remaining !== undefined ? Math.min(options.attemptTimeoutMs, remaining) : (options.attemptTimeoutMs ?? remaining);
        const result = await deps.run(options.command, options.args, limit);
        if (result.exitCode === 0 && !result.timedOut) {
            return { exitCode: 0, attempts: attempt, class: 'success', rule: '', line: '', why: 'the command succeeded' };
        }
        const verdict = verdictOf(result, options.rules);
        const exitCode = result.spawnError !== undefined ? 127 : result.exitCode;
        const decision = decideAfterFailure({ attempt, exitCode, verdict, hintMs: rateLimitHintMs(result.tail, deps.now()) }, options, deps.now() - start, deps.random);
        const ended = result.timedOut ? 'timed out' : result.spawnError !== undefined ? `could not start (${result.spawnError})` : result.signal !== undefined ? `died on ${result.signal}` : `exited ${result.exitCode}`;
        deps.log({
            attempt,
            attempts: options.attempts,
            ended,
            class: verdict.class,
            rule: verdict.rule?.id ?? '',
            line: verdict.line,
            next: decision.action,
            ...(decision.action === 'retry' ? { delayMs: decision.delayMs } : {}),
            reason: decision.why
        });
        if (decision.action === 'stop') {
            return { exitCode: decision.exitCode, attempts: attempt, class: verdict.class, rule: verdict.rule?.id ?? '', line: verdict.line, why: decision.why };
        }
        await deps.sleep(decision.delayMs);
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/actions/retry/process-runner.ts
/**
 * The production attempt runner for the retry action and `purple retry`: the
 * command in its own process group, output forwarded live and its tail kept,
 * the whole group killed when the attempt's time is up.
 */



/** Grace between SIGTERM and SIGKILL for a timed-out attempt's process group. */
const KILL_GRACE_MS = 2000;
/**
 * Production `run`: spawns the command in its own process group (so a timeout
 * kills the whole tree, grandchildren included), forwards its output live
 * and keeps the tail. The attempt ends after `timeoutMs`, or when `timer`
 * resolves (tests pass one they control).
 */
function spawnAttempt(command, args, io, limit = {}) {
    const killGraceMs = limit.killGraceMs ?? KILL_GRACE_MS;
    return new Promise((resolve) => {
        let clock;
        const timer = limit.timer ??
            (limit.timeoutMs !== undefined ? new Promise((done) => (clock = setTimeout(done, limit.timeoutMs))) : undefined);
        const tail = new OutputTail();
        let timedOut = false;
        // No stdin: a retry is only sound if every attempt sees the same input, and a
        // process group apart from the terminal's would stop on reading a TTY.
        const child = (0,external_node_child_process_.spawn)(command, [...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const killGroup = (signal) => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, signal);
            }
            catch {
                // already gone
            }
        };
        const forward = (signal) => () => {
            killGroup(signal);
            process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
        };
        // The child has its own process group, so a Ctrl-C at the terminal reaches only us: pass it on.
        const onInt = forward('SIGINT');
        const onTerm = forward('SIGTERM');
        process.once('SIGINT', onInt);
        process.once('SIGTERM', onTerm);
        for (const [stream, write] of [
            [child.stdout, io.stdout],
            [child.stderr, io.stderr]
        ]) {
            const decoder = new external_node_string_decoder_.StringDecoder('utf8');
            stream.on('data', (chunk) => {
                const text = decoder.write(chunk);
                tail.push(text);
                write(text);
            });
        }
        let settled = false;
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(clock);
            process.removeListener('SIGINT', onInt);
            process.removeListener('SIGTERM', onTerm);
            resolve({ ...result, timedOut, tail: tail.value() });
        };
        void timer?.then(() => {
            if (settled)
                return;
            timedOut = true;
            killGroup('SIGTERM');
            setTimeout(() => killGroup('SIGKILL'), killGraceMs).unref();
        });
        child.on('error', (error) => finish({ spawnError: `${error.code ?? 'error'}: ${error.message}` }));
        child.on('close', (code, signal) => {
            // The group may outlive its leader (a background grandchild): end it with the attempt.
            if (timedOut)
                killGroup('SIGKILL');
            finish({ ...(code !== null ? { exitCode: code } : {}), ...(signal !== null ? { signal } : {}) });
        });
    });
}

// EXTERNAL MODULE: ./src/cli/cli-options.ts
var cli_options = __webpack_require__(2391);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
// EXTERNAL MODULE: ./src/cli/json-document.ts
var json_document = __webpack_require__(970);
;// CONCATENATED MODULE: ./src/cli/retry-command.ts
/**
 * `purple retry [options] -- COMMAND [ARGS...]`: the retry action's work
 * (src/actions/retry/retry.ts) on the command line. This file parses the
 * arguments and prints; the loop and the process runner are shared.
 */






const RETRY_HELP = `Usage: purple retry [options] -- COMMAND [ARGS...]

Runs COMMAND (no shell: wrap it in sh -c '...' for pipes; stdin is not passed,
so every attempt sees the same input), passes its output through, and when it
fails reads the output to decide:
  transient, rate-limited  retried with exponential backoff and full jitter; a rate
                           limit's own wait (retry-after, "try again in 18.6s",
                           a reset time) is honoured when it is longer
  permanent, auth          stop at once with the command's own exit code
  unknown (no rule)        retried, unless --unknown fail
Exit code: 0 on success, the command's code on a permanent or auth failure,
75 when every attempt failed transiently (or the deadline came first).

Options:
  --attempts N           Attempts in all (default 5).
  --deadline S           Give up after S seconds in all (default: none).
  --attempt-timeout S    Kill an attempt (its whole process group) after S seconds.
  --min-delay S          Shortest wait between attempts (default 1).
  --max-delay S          Longest backoff wait (default 60); a rate-limit hint may be longer.
  --rules FILE           Extra rules, checked before the built-in ones (see purple classify --help).
  --unknown retry|fail   What a failure no rule knows means (default retry).
  --json                 Print one purple/v1 document on stdout at the end; the command's
                         stdout then goes to stderr.
`;
function secondsOption(flag, value, fallback) {
    if (value === undefined)
        return fallback;
    if (!/^\d{1,7}(\.\d{1,3})?$/.test(value.trim())) {
        throw new exit_codes/* UsageError */.eb(`${flag} '${value}' is not valid: expected a number of seconds such as 30 or 0.5`, 'retry');
    }
    return Math.round(Number(value) * 1000);
}
/** Turns `purple retry` arguments into options; everything after `--` is the command. */
function parseRetryArgs(args, cwd) {
    const dashes = args.indexOf('--');
    if (dashes < 0 || dashes === args.length - 1) {
        throw new exit_codes/* UsageError */.eb("put the command after '--', e.g. purple retry --attempts 3 -- npm ci", 'retry');
    }
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: args.slice(0, dashes),
        allowPositionals: true,
        options: {
            attempts: { type: 'string' },
            deadline: { type: 'string' },
            'attempt-timeout': { type: 'string' },
            'min-delay': { type: 'string' },
            'max-delay': { type: 'string' },
            rules: { type: 'string' },
            unknown: { type: 'string' },
            json: { type: 'boolean' }
        }
    });
    if (positionals.length > 0)
        throw new exit_codes/* UsageError */.eb(`unexpected argument '${positionals[0]}' before '--': options go before it, the command after it`, 'retry');
    const unknown = values.unknown ?? 'retry';
    if (unknown !== 'retry' && unknown !== 'fail')
        throw new exit_codes/* UsageError */.eb(`--unknown '${unknown}' is not valid: expected 'retry' or 'fail'`, 'retry');
    const minDelayMs = secondsOption('--min-delay', values['min-delay'], 1000) ?? 1000;
    const maxDelayMs = secondsOption('--max-delay', values['max-delay'], 60_000) ?? 60_000;
    if (maxDelayMs < minDelayMs)
        throw new exit_codes/* UsageError */.eb(`--max-delay is shorter than --min-delay: make it at least ${minDelayMs / 1000}`, 'retry');
    const [command, ...commandArgs] = args.slice(dashes + 1);
    return {
        command: command ?? '',
        args: commandArgs,
        attempts: (0,cli_options/* integerOption */.i)('--attempts', values.attempts, 'retry', 1) ?? 5,
        deadlineMs: secondsOption('--deadline', values.deadline, undefined),
        attemptTimeoutMs: secondsOption('--attempt-timeout', values['attempt-timeout'], undefined),
        minDelayMs,
        maxDelayMs,
        unknown,
        rules: (0,cli_options/* loadRules */.A)(values.rules, cwd, 'retry'),
        json: values.json ?? false
    };
}
/** Runs `purple retry` with production deps (real processes, clock and sleep). */
async function retryCommand(args, io) {
    const options = parseRetryArgs(args, io.cwd);
    const result = await runRetry(options, {
        run: (command, commandArgs, timeoutMs) => spawnAttempt(command, commandArgs, { stdout: options.json ? io.stderr : io.stdout, stderr: io.stderr }, { timeoutMs }),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: Date.now,
        random: Math.random,
        // With --json, progress is one JSON object per line on stderr; without, a human line.
        log: (event) => io.stderr(options.json ? `${JSON.stringify({ schema: json_document/* JSON_SCHEMA */.r, command: 'retry', event: 'attempt-failed', ...event })}\n` : `${formatRetryEvent(event)}\n`)
    });
    if (options.json) {
        io.stdout((0,json_document/* jsonDocument */.Q)('retry', { 'exit-code': result.exitCode, attempts: result.attempts, class: result.class, rule: result.rule, line: result.line, reason: result.why }));
    }
    return result.exitCode;
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


/***/ })

};
;