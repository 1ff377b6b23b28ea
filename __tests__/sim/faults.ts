/**
 * Socket-level and proxy-level faults the simulator can inject per matched request, each as Node's fetch
 * sees it (faults.test.ts pins what the client observes). Faults named `apply-then-*` and `cut-body` run the real
 * handler first, so the state changes (a merge happens) and only the answer is lost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface WireResponse {
  status: number
  /** Object/array: JSON. String: raw text. undefined: no body. */
  body?: unknown
  headers: Record<string, string>
}

export type FaultName =
  | 'reset'
  | 'close'
  | 'hang'
  | 'delay'
  | 'cut-body'
  | 'apply-then-reset'
  | 'apply-then-close'
  | 'apply-then-hang'
  | 'close-keep-alive'
  | 'stall-body'
  | 'malformed'
  | 'cloudflare'
  | 'server-error'
  | 'rate-limit'
  | 'secondary-rate-limit'
  | 'bad-credentials'

export type Fault =
  /** TCP RST before any answer: the client sees `read ECONNRESET`. */
  | { type: 'reset' }
  /** FIN before any answer (a keep-alive socket the server already closed): `other side closed` / `socket hang up`. */
  | { type: 'close' }
  /** Never answers; the socket stays open until the client gives up or sim.close(). */
  | { type: 'hang' }
  /** Answers normally after `ms` real milliseconds. */
  | { type: 'delay'; ms: number }
  /** The real answer (handler runs, state changes) with its body cut after `bytes` (default: half): `terminated` / UND_ERR_SOCKET. */
  | { type: 'cut-body'; bytes?: number }
  /** Handler runs (e.g. the merge happens), then TCP RST instead of the answer. */
  | { type: 'apply-then-reset' }
  /** Handler runs, then FIN instead of the answer. */
  | { type: 'apply-then-close' }
  /** Handler runs, then no answer ever. */
  | { type: 'apply-then-hang' }
  /** The real answer with `connection: keep-alive`, then the server closes the socket, so the client's pooled socket is dead. */
  | { type: 'close-keep-alive' }
  /** Status, headers and part of the real body (default half), then silence with the socket open: only a body timeout ends it. */
  | { type: 'stall-body'; bytes?: number }
  /**
   * A complete 200 the client cannot use: `html` (a proxy's HTML page where JSON was expected), `empty` (no body),
   * `truncated-json` (the real JSON cut short, content-length matching, no socket error; the handler runs).
   */
  | { type: 'malformed'; kind?: 'html' | 'empty' | 'truncated-json'; status?: number }
  /** A Cloudflare HTML error page (default 524 `origin_response_timeout`; 520-527 allowed) with `server: cloudflare`. */
  | { type: 'cloudflare'; status?: number }
  /** A GitHub 5xx with its JSON or HTML body (500 JSON, 502/503/504 HTML like github.com's unicorn pages). */
  | { type: 'server-error'; status?: number }
  /** Primary rate limit exhausted: 403 (or 429) `API rate limit exceeded ...`, `x-ratelimit-remaining: 0`, reset in `resetInSeconds`. */
  | { type: 'rate-limit'; status?: 403 | 429; resetInSeconds?: number; enforce?: boolean }
  /**
   * Secondary rate limit: 403 (default) or 429 with `retry-after` (default 60). Later requests of the same token
   * before the deadline are logged `early`; with `enforce` they get this answer again (not counted in `times`).
   */
  | { type: 'secondary-rate-limit'; status?: 403 | 429; retryAfter?: number | null; enforce?: boolean }
  /** 401 `Bad credentials`, as after a token expired. */
  | { type: 'bad-credentials' }

/** Accepts a fault or its bare name (with defaults). */
export function normalizeFault(f: Fault | FaultName): Fault {
  if (typeof f !== 'string') return f
  if (f === 'delay') return { type: 'delay', ms: 1000 }
  return { type: f } as Fault
}

/** Serializes a response; JSON bodies get content-length so a cut body is detectable. */
export function encodeBody(r: WireResponse): { text: string | null; headers: Record<string, string> } {
  const headers = { ...r.headers }
  if (r.body === undefined || r.status === 304 || r.status === 204) return { text: null, headers }
  const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body)
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = typeof r.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'
  }
  headers['content-length'] = String(Buffer.byteLength(text))
  return { text, headers }
}

/** Writes a complete response. */
export function writeResponse(res: ServerResponse, r: WireResponse): void {
  const { text, headers } = encodeBody(r)
  res.writeHead(r.status, headers)
  res.end(text ?? undefined)
}

const CLOUDFLARE_TITLES: Record<number, string> = {
  520: 'Web server is returning an unknown error',
  521: 'Web server is down',
  522: 'Connection timed out',
  523: 'Origin is unreachable',
  524: 'A timeout occurred',
  525: 'SSL handshake failed',
  526: 'Invalid SSL certificate',
  527: 'Railgun Listener to origin error'
}

/** The HTML page a Cloudflare edge sends when the origin fails (what a proxy in front of GHES returns). */
export function cloudflarePage(status: number): WireResponse {
  const title = CLOUDFLARE_TITLES[status] ?? 'Error'
  const body = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US">
<head>
<title>127.0.0.1 | ${status}: ${title}</title>
<meta charset="UTF-8" />
</head>
<body>
<div id="cf-wrapper">
<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">${status}</span></h1>
<h2 class="cf-subheadline">${title}</h2>
<p>Cloudflare Ray ID: <strong>8f1e2d3c4b5a6978</strong></p>
</div>
</body>
</html>
`
  return {
    status,
    body,
    headers: { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-ray': '8f1e2d3c4b5a6978-FRA' }
  }
}

function serverError(status: number): WireResponse {
  if (status === 500) {
    return {
      status,
      body: { message: 'Server Error', documentation_url: 'https://docs.github.com/rest', status: '500' },
      headers: {}
    }
  }
  const text = status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Gateway Timeout'
  return {
    status,
    body: `<html><head><title>${status} ${text}</title></head><body><h1>${text}</h1><p>We couldn't respond to your request in time. Sorry about that.</p></body></html>\n`,
    headers: { 'content-type': 'text/html; charset=utf-8' }
  }
}

interface FaultEnv {
  now: () => number
  timers: Set<NodeJS.Timeout>
  url: string
}

/**
 * Applies a fault. `real` computes the genuine response (running the handler, so state changes).
 * Returns the response that was (at least partly) sent, or null when no status line went out.
 */
export function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  real: () => WireResponse,
  env: FaultEnv
): WireResponse | null {
  switch (fault.type) {
    case 'reset':
      req.socket.resetAndDestroy()
      return null
    case 'close':
      req.socket.destroy()
      return null
    case 'hang':
      return null
    case 'delay': {
      const r = real()
      const t = setTimeout(() => {
        env.timers.delete(t)
        if (!res.destroyed) writeResponse(res, r)
      }, fault.ms)
      env.timers.add(t)
      return r
    }
    case 'cut-body': {
      const r = real()
      const { text, headers } = encodeBody(r)
      res.writeHead(r.status, headers)
      const full = Buffer.from(text ?? '')
      const n = Math.max(0, Math.min(full.length - 1, fault.bytes ?? Math.floor(full.length / 2)))
      res.write(full.subarray(0, n), () => res.socket?.destroy())
      return r
    }
    case 'apply-then-reset': {
      const r = real()
      req.socket.resetAndDestroy()
      return r
    }
    case 'apply-then-close': {
      const r = real()
      req.socket.destroy()
      return r
    }
    case 'apply-then-hang':
      return real()
    case 'stall-body': {
      const r = real()
      const { text, headers } = encodeBody(r)
      res.writeHead(r.status, headers)
      const full = Buffer.from(text ?? '')
      res.write(full.subarray(0, Math.max(0, Math.min(full.length - 1, fault.bytes ?? Math.floor(full.length / 2)))))
      return r
    }
    case 'malformed': {
      const status = fault.status ?? 200
      const kind = fault.kind ?? 'html'
      let r: WireResponse
      if (kind === 'empty') {
        r = { status, body: '', headers: { 'content-type': 'application/json; charset=utf-8' } }
      } else if (kind === 'truncated-json') {
        const real_ = real()
        const text = typeof real_.body === 'string' ? real_.body : JSON.stringify(real_.body ?? {})
        r = { status, body: text.slice(0, Math.floor(text.length / 2)), headers: { ...real_.headers, 'content-type': 'application/json; charset=utf-8' } }
      } else {
        r = {
          status,
          body: '<!DOCTYPE html>\n<html><head><title>Sign in to the network</title></head><body><p>Please accept the terms of use.</p></body></html>\n',
          headers: { 'content-type': 'text/html; charset=utf-8' }
        }
      }
      writeResponse(res, r)
      return r
    }
    case 'close-keep-alive': {
      const r = real()
      const { text, headers } = encodeBody(r)
      res.writeHead(r.status, { ...headers, connection: 'keep-alive', 'keep-alive': 'timeout=5' })
      res.end(text ?? undefined, () => res.socket?.destroy())
      return r
    }
    case 'cloudflare': {
      const r = cloudflarePage(fault.status ?? 524)
      writeResponse(res, r)
      return r
    }
    case 'server-error': {
      const r = serverError(fault.status ?? 502)
      writeResponse(res, r)
      return r
    }
    case 'rate-limit': {
      const reset = Math.floor(env.now() / 1000) + (fault.resetInSeconds ?? 60)
      const r: WireResponse = {
        status: fault.status ?? 403,
        body: {
          message: 'API rate limit exceeded for installation ID 888001.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          status: String(fault.status ?? 403)
        },
        headers: {
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '1000',
          'x-ratelimit-reset': String(reset),
          'x-ratelimit-resource': 'core'
        }
      }
      writeResponse(res, r)
      return r
    }
    case 'secondary-rate-limit': {
      const status = fault.status ?? 403
      const r: WireResponse = {
        status,
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID C0DE:1234:5678:9ABC:DEF0.',
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(status)
        },
        // retryAfter null: GitHub sometimes sends the secondary-limit message without the header.
        headers: {
          ...(fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter ?? 60) }),
          'x-ratelimit-remaining': '900',
          'x-ratelimit-limit': '1000'
        }
      }
      writeResponse(res, r)
      return r
    }
    case 'bad-credentials': {
      const r: WireResponse = {
        status: 401,
        body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
        headers: {}
      }
      writeResponse(res, r)
      return r
    }
  }
}
