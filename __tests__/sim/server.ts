/**
 * The loopback GitHub simulator: a real node:http server on 127.0.0.1 serving the REST
 * endpoints (and a minimal GraphQL endpoint) that wait-ci and merge use, with GitHub's response shapes,
 * ETags, rate-limit headers, pagination, a token permission model, scenario scripting and socket-level faults.
 * Test code only: never imported by src/, never bundled. Usage: __tests__/sim/README.md.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { applyFault, type Fault, type FaultName, normalizeFault, writeResponse, type WireResponse } from './faults.js'
import { appClientId, appKeys } from './jwt.js'
import { route, type RouteContext } from './routes.js'
import {
  defaultState,
  type CheckConclusion,
  type CheckStatus,
  type PermissionSet,
  type SimCheckRun,
  type SimJob,
  type SimState,
  type SimStatus,
  type SimToken,
  type StatusState,
  type SimBranch,
  type SimRuleset,
  type ProtectionSpec,
  type RulesetSpec,
  addRuleset,
  protectBranch,
  GITHUB_ACTIONS_APP,
  shaOf
} from './state.js'

export * from './state.js'
export type { Fault, FaultName } from './faults.js'

/** A request as the simulator saw it (given to `where` predicates and scripted response functions). */
export interface SimRequest {
  seq: number
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  body: unknown
  rawBody: string
  /** The credential from the Authorization header (token or JWT), or null. */
  token: string | null
}

/** One entry of `sim.log`, in arrival order. */
export interface LogEntry {
  seq: number
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  /** HTTP status sent; null when no status line was sent (reset, close, hang). */
  status: number | null
  token: string | null
  ifNoneMatch: string | null
  /** Simulated-clock ms at arrival. */
  time: number
  /** Real ms (Date.now()) at arrival, for retry-after assertions. */
  wallTime: number
  /** Fault applied to this request, if any. */
  fault: FaultName | null
  /** Answered by a scripted response (respondOnce/respond). */
  scripted: boolean
  /** Counted against the primary rate limit (304s and unauthenticated requests are not). */
  counted: boolean
  /** The OpenAPI operation (`GET /repos/{owner}/{repo}/pulls/{pull_number}`), null if unrouted. */
  operation: string | null
  /** The response body as sent (parsed JSON when JSON), for schema checks; undefined when none. */
  responseBody?: unknown
  /** Response headers as sent (etag, link, x-ratelimit-*, retry-after). */
  responseHeaders?: Record<string, string>
  /** Sent by a token before the retry-after / x-ratelimit-reset it was given (a client that did not wait). */
  early: boolean
}

/** Selects requests: all given fields must match. `path` is the URL path without query (string = exact). */
export interface Match {
  method?: string
  path?: string | RegExp
  where?: (req: SimRequest) => boolean
}

export interface ScriptedResponse {
  status: number
  /** Object/array: sent as JSON. String: sent raw (e.g. '' or HTML). */
  body?: unknown
  headers?: Record<string, string>
}

export type ScriptedReply = ScriptedResponse | ((req: SimRequest, state: SimState) => ScriptedResponse)

/** When an `after` event fires: after the `count`-th matching request was answered, or at a simulated time. */
export type Trigger = (Match & { count: number }) | { at: number } | { elapsedMs: number }

export type SimAction = (state: SimState, sim: Sim) => void

export interface ClockOptions {
  /** `real` (default): simulated time follows the wall clock (times `speed`) plus any `advance`. `manual`: moves only by `advance`/`set`/`tickPerRequestMs`. */
  mode?: 'real' | 'manual'
  /** Simulated ms at start (default: Date.now()). */
  start?: number
  speed?: number
  /** Added to the clock on every request (e.g. 60_000: every poll is a minute later). */
  tickPerRequestMs?: number
}

export interface SimOptions {
  /** Edits the default state before the server starts. */
  setup?: (state: SimState) => void
  clock?: ClockOptions
  /** Lifetime of minted installation tokens, simulated ms (GitHub: 1 hour). */
  installationTokenTtlMs?: number
  /** Word GitHub uses on merge for a required check that exists but is not finished (default `expected`, as for a missing one). */
  pendingCheckWord?: 'expected' | 'pending'
  /** Path prefix of the API (e.g. `/api/v3` for a GHES-style base); default none (api.github.com style). */
  basePath?: string
  /**
   * Idle keep-alive timeout of the server (default 30 s). Node's 5 s default races with undici reusing a pooled
   * socket when the event loop stalls (seen in this suite as ECONNRESET); lower it to provoke that race on purpose.
   */
  keepAliveTimeoutMs?: number
  /**
   * GitHub's secondary limit on bursts, made explicit: a token that already sent `requests` counted requests within
   * `windowMs` of simulated time gets 403 (or `status`) `You have exceeded a secondary rate limit` with `retry-after`.
   */
  secondaryLimit?: { requests: number; windowMs: number; retryAfter?: number; status?: 403 | 429 }
}

export interface SimClock {
  now(): number
  advance(ms: number): void
  set(ms: number): void
}

export interface Sim {
  /** API base URL (`http://127.0.0.1:PORT`); GraphQL at `${url}/graphql`. Use as GITHUB_API_URL. */
  url: string
  /**
   * `POST` `{ to, by }` here moves the clock forward to `to` and at least `by` ms past its own now; the answer is
   * `{ now }`. A virtual-time bundle (__tests__/harness/virtual-time.cjs) calls it before each timer it fires.
   * Not GitHub's: never logged, never validated, loopback only.
   */
  clockUrl: string
  /** True on a manual clock (the only kind a virtual-time bundle may drive). */
  manualClock: boolean
  state: SimState
  log: LogEntry[]
  clock: SimClock
  /** The App whose JWT the installation endpoints accept: id, PKCS#1 private key PEM, installation id. */
  app: { id: number; clientId: string; slug: string; installationId: number; privateKey: string; privateKeyPkcs8: string }
  /** Number of logged requests matching method (`*` = any) and path (exact string or RegExp). */
  count(method: string, path?: string | RegExp): number
  /** Logged requests matching method and path (`where` is not applied: log entries are not live requests). */
  requests(match?: Match): LogEntry[]
  /** Requests that counted against the primary rate limit (not 304s). */
  countedRequests(): number
  /** Requests a token sent before the retry-after / x-ratelimit-reset it was given. */
  earlyRequests(): LogEntry[]
  /** Runs `action` once when the trigger fires (see Trigger). */
  after(trigger: Trigger, action: SimAction): void
  /** The next matching request gets this response instead of the real one (state untouched). */
  respondOnce(match: Match, reply: ScriptedReply): void
  /** The next `times` matching requests (default: all) get this response. */
  respond(match: Match, reply: ScriptedReply, times?: number): void
  /** The next `times` (default 1) matching requests suffer this fault. */
  fault(match: Match, fault: Fault | FaultName, times?: number): void
  /** Adds a check run on `sha` (default: PR #1 head); returns it (mutable). */
  addCheckRun(run: Partial<SimCheckRun> & { name: string }): SimCheckRun
  /** Updates a check run in place; completing one sets completed_at. */
  updateCheckRun(id: number, patch: Partial<SimCheckRun>): SimCheckRun
  /** Adds a commit status on `sha` (default: PR #1 head). */
  addStatus(status: Partial<SimStatus> & { context: string; state: StatusState }): SimStatus
  /** Adds a workflow job with its own check run (unless check_run_id is given). */
  addJob(job: Partial<SimJob> & { name: string; run_id: number }): SimJob
  /** Sets classic branch protection on `branch` (default: the default branch); returns the branch. */
  protectBranch(branch: string | undefined, p: ProtectionSpec): SimBranch
  /** Adds a ruleset (default: active, on the default branch, repository-level) with a required_status_checks rule when `requiredChecks` is given. */
  addRuleset(r: RulesetSpec): SimRuleset
  /** Moves PR `number` (default 1) and its head branch to a new commit (default: a fresh sha); returns the sha. */
  pushHead(sha?: string, number?: number): string
  /** Adds a token with a permission set; expiresInMs is simulated time. */
  addToken(token: string, permissions: PermissionSet, opts?: { expiresInMs?: number; kind?: SimToken['kind']; limit?: number }): SimToken
  close(): Promise<void>
}

interface ScriptEntry {
  match: Match
  remaining: number
  reply?: ScriptedReply
  fault?: Fault
}

interface Hold {
  token: string | null
  /** Wall-clock ms before which the token should not call again (retry-after is real seconds, except on a manual clock). */
  untilWall: number
  /** Simulated ms (x-ratelimit-reset is on the simulated clock). */
  untilSim: number
  fault?: Fault
}

interface CountEvent {
  match: Match
  count: number
  seen: number
  action: SimAction
}

interface TimeEvent {
  at: number
  action: SimAction
}

function matches(m: Match, req: SimRequest): boolean {
  if (m.method && m.method.toUpperCase() !== req.method) return false
  if (m.path !== undefined) {
    if (typeof m.path === 'string' ? m.path !== req.path : !m.path.test(req.path)) return false
  }
  return m.where ? m.where(req) : true
}

function credential(headers: IncomingHttpHeaders): string | null {
  const h = headers.authorization
  if (!h) return null
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(h.trim())
  return m ? (m[1] ?? null) : null
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Starts a simulator on 127.0.0.1 with a random port. */
export async function startSimulator(options: SimOptions = {}): Promise<Sim> {
  const clockOpts = options.clock ?? {}
  const realStart = Date.now()
  const simStart = clockOpts.start ?? realStart
  let offset = 0
  const now = (): number =>
    clockOpts.mode === 'manual' ? simStart + offset : simStart + Math.floor((Date.now() - realStart) * (clockOpts.speed ?? 1)) + offset

  const state = defaultState(now())
  options.setup?.(state)
  const log: LogEntry[] = []
  const scripts: ScriptEntry[] = []
  const countEvents: CountEvent[] = []
  const timeEvents: TimeEvent[] = []
  const holds: Hold[] = []
  const seenShas = new Set<string>()
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const basePath = options.basePath ?? ''
  let seq = 0
  let url = ''

  // Remembers a rate-limit answer so later requests of the same token before the deadline are flagged `early`
  // (and, with `enforce`, answered with the same fault again, as GitHub keeps refusing).
  const noteHold = (token: string | null, r: WireResponse, fault: Fault | undefined, entry: LogEntry): void => {
    const h = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]))
    // Any answer reading x-ratelimit-remaining 0 closes the window until the reset, a 200 included.
    if (r.status !== 403 && r.status !== 429 && h['x-ratelimit-remaining'] !== '0') return
    const retryAfter = r.status === 403 || r.status === 429 ? Number(h['retry-after']) : Number.NaN
    const reset = h['x-ratelimit-remaining'] === '0' ? Number(h['x-ratelimit-reset']) : Number.NaN
    if (Number.isNaN(retryAfter) && Number.isNaN(reset)) return
    const enforce = fault && (fault.type === 'secondary-rate-limit' || fault.type === 'rate-limit') && fault.enforce === true
    const i = holds.findIndex((x) => x.token === token)
    if (i >= 0) holds.splice(i, 1)
    // On a manual clock the client's waits are injected too: retry-after is then measured on the simulated clock.
    const manual = clockOpts.mode === 'manual'
    holds.push({
      token,
      untilWall: Number.isNaN(retryAfter) || manual ? 0 : entry.wallTime + retryAfter * 1000,
      untilSim: Math.max(Number.isNaN(reset) ? 0 : reset * 1000, manual && !Number.isNaN(retryAfter) ? entry.time + retryAfter * 1000 : 0),
      ...(enforce ? { fault } : {})
    })
  }

  const fireTimeEvents = (): void => {
    const t = now()
    for (const ev of timeEvents.filter((e) => e.at <= t)) {
      timeEvents.splice(timeEvents.indexOf(ev), 1)
      ev.action(state, sim)
    }
  }

  const clock: SimClock = {
    now,
    advance(ms: number) {
      offset += ms
      fireTimeEvents()
    },
    set(ms: number) {
      offset += ms - now()
      fireTimeEvents()
    }
  }

  const nextId = (): number => state.nextId++

  const sim: Sim = {
    url: '',
    clockUrl: '',
    manualClock: clockOpts.mode === 'manual',
    state,
    log,
    clock,
    app: {
      id: state.installation.app_id,
      clientId: appClientId(state.installation.app_id),
      slug: state.installation.app_slug,
      installationId: state.installation.id,
      // Generated on first use (an RSA key costs ~130 ms of CPU; most scenarios use a token, not the App).
      get privateKey() {
        return appKeys().privateKeyPkcs1
      },
      get privateKeyPkcs8() {
        return appKeys().privateKeyPkcs8
      }
    },
    count(method: string, path?: string | RegExp) {
      return log.filter(
        (e) =>
          (method === '*' || e.method === method.toUpperCase()) &&
          (path === undefined || (typeof path === 'string' ? e.path === path : path.test(e.path)))
      ).length
    },
    requests(match: Match = {}) {
      return log.filter(
        (e) =>
          (!match.method || e.method === match.method.toUpperCase()) &&
          (match.path === undefined || (typeof match.path === 'string' ? e.path === match.path : match.path.test(e.path)))
      )
    },
    countedRequests() {
      return log.filter((e) => e.counted).length
    },
    earlyRequests() {
      return log.filter((e) => e.early)
    },
    after(trigger: Trigger, action: SimAction) {
      if ('count' in trigger) countEvents.push({ match: trigger, count: trigger.count, seen: 0, action })
      else timeEvents.push({ at: 'at' in trigger ? trigger.at : simStart + trigger.elapsedMs, action })
      fireTimeEvents()
    },
    respondOnce(match: Match, reply: ScriptedReply) {
      scripts.push({ match, remaining: 1, reply })
    },
    respond(match: Match, reply: ScriptedReply, times = Number.POSITIVE_INFINITY) {
      scripts.push({ match, remaining: times, reply })
    },
    fault(match: Match, fault: Fault | FaultName, times = 1) {
      scripts.push({ match, remaining: times, fault: normalizeFault(fault) })
    },
    addCheckRun(run) {
      const t = iso(now())
      const status: CheckStatus = run.status ?? (run.conclusion ? 'completed' : 'queued')
      const cr: SimCheckRun = {
        id: run.id ?? nextId(),
        head_sha: run.head_sha ?? state.pulls[0]?.head.sha ?? '',
        name: run.name,
        status,
        conclusion: run.conclusion ?? null,
        started_at: run.started_at ?? t,
        completed_at: run.completed_at ?? (status === 'completed' ? t : null),
        app_id: run.app_id ?? GITHUB_ACTIONS_APP.id,
        // One default suite per app (a suite belongs to one app); pass check_suite_id to model another suite.
        check_suite_id: run.check_suite_id ?? 5_000_000_000 + (run.app_id ?? GITHUB_ACTIONS_APP.id),
        ...(run.html_url ? { html_url: run.html_url } : {})
      }
      state.checkRuns.push(cr)
      return cr
    },
    updateCheckRun(id: number, patch: Partial<SimCheckRun>) {
      const cr = state.checkRuns.find((c) => c.id === id)
      if (!cr) throw new Error(`no check run with id ${id}`)
      Object.assign(cr, patch)
      if (patch.conclusion && !patch.status) cr.status = 'completed'
      if (cr.status === 'completed' && cr.completed_at === null) cr.completed_at = iso(now())
      return cr
    },
    addStatus(st) {
      const t = iso(now())
      const s: SimStatus = {
        id: st.id ?? nextId(),
        sha: st.sha ?? state.pulls[0]?.head.sha ?? '',
        context: st.context,
        state: st.state,
        description: st.description ?? null,
        target_url: st.target_url ?? null,
        created_at: st.created_at ?? t,
        updated_at: st.updated_at ?? t
      }
      state.statuses.push(s)
      return s
    },
    addJob(job) {
      const t = iso(now())
      const status: CheckStatus = job.status ?? (job.conclusion ? 'completed' : 'in_progress')
      const checkRunId =
        job.check_run_id ??
        sim.addCheckRun({ name: job.name, head_sha: job.head_sha, status, conclusion: job.conclusion ?? null }).id
      const j: SimJob = {
        id: job.id ?? checkRunId,
        run_id: job.run_id,
        run_attempt: job.run_attempt ?? 1,
        name: job.name,
        status,
        conclusion: job.conclusion ?? null,
        head_sha: job.head_sha ?? state.pulls[0]?.head.sha ?? '',
        head_branch: job.head_branch ?? state.pulls[0]?.head.ref ?? 'feature',
        workflow_name: job.workflow_name ?? 'CI',
        check_run_id: checkRunId,
        ...(job.runner_name ? { runner_name: job.runner_name } : {}),
        started_at: job.started_at ?? t,
        completed_at: job.completed_at ?? (status === 'completed' ? t : null)
      }
      state.jobs.push(j)
      return j
    },
    protectBranch(branch, p) {
      return protectBranch(state, branch, p)
    },
    addRuleset(r) {
      return addRuleset(state, r)
    },
    pushHead(sha?: string, number = 1) {
      const p = state.pulls.find((x) => x.number === number)
      if (!p) throw new Error(`no pull request #${number}`)
      seenShas.add(p.head.sha)
      const next = sha ?? shaOf(`push:${number}:${p.head.sha}:${nextId()}`)
      const branch = state.branches.find((b) => b.name === p.head.ref)
      if (branch) branch.sha = next
      p.head.sha = next
      p.updated_at = iso(now())
      return next
    },
    addToken(token: string, permissions: PermissionSet, opts = {}) {
      const t: SimToken = {
        token,
        kind: opts.kind ?? 'github-token',
        permissions: { metadata: 'read', ...permissions },
        expiresAt: opts.expiresInMs === undefined ? null : now() + opts.expiresInMs,
        rateLimit: { limit: opts.limit ?? 1000, used: 0, resetAt: now() + 3600_000 }
      }
      state.tokens.push(t)
      return t
    },
    async close() {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.closeAllConnections()
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  const ctxBase = (): Omit<RouteContext, 'req'> => ({
    api: url,
    state,
    now,
    iso: () => iso(now()),
    nextId,
    keys: appKeys,
    installationTokenTtlMs: options.installationTokenTtlMs ?? 3600_000,
    pendingCheckWord: options.pendingCheckWord ?? 'expected',
    mintToken: () => `ghs_sim${randomBytes(18).toString('hex')}`,
    seenShas
  })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    let body: unknown = rawBody === '' ? undefined : rawBody
    try {
      if (rawBody !== '') body = JSON.parse(rawBody)
    } catch {
      /* keep raw */
    }
    if (clockOpts.tickPerRequestMs) offset += clockOpts.tickPerRequestMs
    fireTimeEvents()
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    let path = u.pathname
    if (basePath && path.startsWith(basePath)) path = path.slice(basePath.length) || '/'
    const simReq: SimRequest = {
      seq: ++seq,
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      query: Object.fromEntries(u.searchParams),
      headers: req.headers,
      body,
      rawBody,
      token: credential(req.headers)
    }
    const inm = req.headers['if-none-match']
    const entry: LogEntry = {
      seq: simReq.seq,
      method: simReq.method,
      path,
      query: simReq.query,
      body,
      status: null,
      token: simReq.token,
      ifNoneMatch: typeof inm === 'string' ? inm : null,
      time: now(),
      wallTime: Date.now(),
      fault: null,
      scripted: false,
      counted: false,
      operation: null,
      early: false
    }
    log.push(entry)

    // A request from a token that was told to wait (retry-after / x-ratelimit-reset) and did not.
    // 10 ms of slack: Node timers may fire a millisecond early.
    const hold = holds.find((h) => h.token === simReq.token && (h.untilWall - 10 > entry.wallTime || h.untilSim > entry.time))
    if (hold) entry.early = true
    const burst = options.secondaryLimit
    const overBurst =
      burst !== undefined &&
      simReq.token !== null &&
      log.filter((e) => e.counted && e.token === simReq.token && e.time > entry.time - burst.windowMs).length >= burst.requests
    const burstFault: Fault | undefined = overBurst
      ? { type: 'secondary-rate-limit', retryAfter: burst?.retryAfter ?? 60, ...(burst?.status ? { status: burst.status } : {}) }
      : undefined
    const forced = hold?.fault ?? burstFault
    const script = forced ? { match: {}, remaining: 0, fault: forced } : scripts.find((s) => s.remaining > 0 && matches(s.match, simReq))
    if (script && !forced) script.remaining -= 1

    const wire = (): WireResponse => {
      if (script?.reply) {
        const r = typeof script.reply === 'function' ? script.reply(simReq, state) : script.reply
        entry.scripted = true
        return { status: r.status, body: r.body, headers: r.headers ?? {} }
      }
      const out = route({ ...ctxBase(), req: simReq })
      entry.operation = out.operation
      entry.counted = out.counted
      return out.response
    }

    const fault = script?.fault
    let response: WireResponse | null
    if (fault) {
      entry.fault = fault.type
      response = applyFault(fault, req, res, wire, { now, timers, url })
    } else {
      response = wire()
      writeResponse(res, response)
    }
    if (response) {
      entry.status = response.status
      entry.responseBody = response.body
      entry.responseHeaders = response.headers
      noteHold(simReq.token, response, fault, entry)
    }
    for (const ev of countEvents) {
      if (ev.seen < ev.count && matches(ev.match, simReq)) {
        ev.seen += 1
        if (ev.seen === ev.count) ev.action(state, sim)
      }
    }
  }

  // The clock control of a virtual-time bundle: outside the API, so outside the log and the schema checks.
  const CLOCK_PATH = `${basePath}/__sim/clock`
  const moveClock = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const { to, by } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: number; by: number }
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '')
    if (req.method !== 'POST' || !loopback || !Number.isFinite(to) || !Number.isFinite(by)) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'POST { to, by } from loopback' }))
      return
    }
    clock.set(Math.max(now(), now() + by, to))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: now() }))
  }

  const server: Server = createServer((req, res) => {
    const control = new URL(req.url ?? '/', 'http://127.0.0.1').pathname === CLOCK_PATH
    ;(control ? moveClock(req, res) : handle(req, res)).catch((e: unknown) => {
      // A simulator bug must be loud in the test, not a hung client.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(`simulator error: ${e instanceof Error ? e.stack : String(e)}`)
      }
    })
  })
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 30_000
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  url = `http://127.0.0.1:${port}${basePath}`
  sim.url = url
  sim.clockUrl = `http://127.0.0.1:${port}${CLOCK_PATH}`
  return sim
}

export { etagOf, errorBody, requiredContextState, IMPLEMENTED_OPERATIONS } from './routes.js'

export type { CheckConclusion, CheckStatus }
