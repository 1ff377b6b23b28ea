/**
 * Virtual time for a bundle run as a subprocess (test only: preloaded with `node --require`, never bundled).
 *
 * The clock (Date.now, new Date(), performance.now) reads real time plus a virtual offset. setTimeout and
 * setInterval keep virtual timers: a timer fires when the virtual clock reaches it, and when the process is
 * idle (no socket, connect, file request, child process or foreign timer active) the clock jumps to the
 * earliest ref'd timer. So a retry backoff, a retry-after window or a ten-minute budget costs no wall time,
 * while a request in flight is never overtaken by a timer, and a request timeout (AbortSignal.timeout, which
 * Node keeps on its own real timers) still runs in real time. Unref'd timers never drive time.
 *
 * Environment (set only by the test harness):
 *   PURPLE_VIRTUAL_TIME_START  the virtual ms at start (default: the real clock)
 *   PURPLE_VIRTUAL_TIME_CLOCK  a loopback URL (the simulator's POST /__sim/clock) told each jump before
 *                              the timer fires, so the simulator's clock keeps step
 */
/* global require, performance, clearImmediate */
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS */
'use strict'
const http = require('node:http')
const timers = require('node:timers')
const timersPromises = require('node:timers/promises')

const real = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setImmediate: globalThis.setImmediate,
  Date: globalThis.Date,
  dateNow: Date.now.bind(Date),
  performanceNow: performance.now.bind(performance)
}

const startText = process.env.PURPLE_VIRTUAL_TIME_START
const clockUrl = process.env.PURPLE_VIRTUAL_TIME_CLOCK
delete process.env.PURPLE_VIRTUAL_TIME_START
delete process.env.PURPLE_VIRTUAL_TIME_CLOCK

// Virtual now = real now + offset; a jump only ever grows the offset.
let offset = startText ? Number(startText) - real.dateNow() : 0
const vnow = () => real.dateNow() + offset
const TIMEOUT_MAX = 2 ** 31 - 1

// ---- the clock ----------------------------------------------------------------------------------------
function VirtualDate(...args) {
  if (!new.target) return new real.Date(vnow()).toString()
  return Reflect.construct(real.Date, args.length === 0 ? [vnow()] : args, new.target)
}
Object.setPrototypeOf(VirtualDate, real.Date)
VirtualDate.prototype = real.Date.prototype
VirtualDate.now = vnow
VirtualDate.parse = real.Date.parse
VirtualDate.UTC = real.Date.UTC
globalThis.Date = VirtualDate
performance.now = () => real.performanceNow() + offset

// ---- virtual timers -----------------------------------------------------------------------------------
const pending = new Map() // id -> VirtualTimer
let nextId = 1
let seq = 0

class VirtualTimer {
  constructor(callback, ms, args, repeat) {
    this._id = nextId++
    this._callback = callback
    this._args = args
    this._ms = !(ms >= 1 && ms <= TIMEOUT_MAX) ? 1 : Math.trunc(ms)
    this._repeat = repeat
    this._ref = true
    this._arm()
  }
  _arm() {
    this._due = vnow() + this._ms
    this._seq = seq++
    pending.set(this._id, this)
    wake()
  }
  ref() {
    this._ref = true
    wake()
    return this
  }
  unref() {
    this._ref = false
    return this
  }
  hasRef() {
    return this._ref
  }
  refresh() {
    if (pending.has(this._id)) this._arm()
    return this
  }
  close() {
    pending.delete(this._id)
    return this
  }
  [Symbol.toPrimitive]() {
    return this._id
  }
}

function virtualSetTimeout(callback, ms, ...args) {
  if (typeof callback !== 'function') return real.setTimeout(callback, ms, ...args) // Node's own error
  return new VirtualTimer(callback, ms, args, false)
}
function virtualSetInterval(callback, ms, ...args) {
  if (typeof callback !== 'function') return real.setTimeout(callback, ms, ...args)
  return new VirtualTimer(callback, ms, args, true)
}
function virtualClear(timer) {
  if (timer instanceof VirtualTimer) pending.delete(timer._id)
  else if (typeof timer === 'number' || typeof timer === 'string') pending.delete(Number(timer))
  else if (timer) real.clearTimeout(timer)
}

globalThis.setTimeout = timers.setTimeout = virtualSetTimeout
globalThis.setInterval = timers.setInterval = virtualSetInterval
globalThis.clearTimeout = timers.clearTimeout = virtualClear
globalThis.clearInterval = timers.clearInterval = virtualClear
timersPromises.setTimeout = (ms, value, options = {}) =>
  new Promise((resolve, reject) => {
    const signal = options.signal
    if (signal?.aborted) return reject(signal.reason)
    const timer = virtualSetTimeout(() => resolve(value), ms)
    if (options.ref === false) timer.unref()
    signal?.addEventListener('abort', () => (virtualClear(timer), reject(signal.reason)), { once: true })
  })

function earliest(onlyRef) {
  let best
  for (const t of pending.values()) {
    if (onlyRef && !t._ref) continue
    if (!best || t._due < best._due || (t._due === best._due && t._seq < best._seq)) best = t
  }
  return best
}

function fire(timer) {
  if (timer._repeat) timer._arm()
  else pending.delete(timer._id)
  timer._callback(...timer._args)
}

// ---- idleness -----------------------------------------------------------------------------------------
/** True when nothing but stdout/stderr is active: no socket, connect, file request, child or foreign timer. */
function idle(ownTimeout) {
  const busy = process.getActiveResourcesInfo()
  // Node counts a timer as active until its callback returns: the driver's own, when it runs from one.
  if (ownTimeout && busy.includes('Timeout')) busy.splice(busy.indexOf('Timeout'), 1)
  // stdout and stderr as pipes or terminals are listed while open; they wait on nothing.
  for (const handle of process._getActiveHandles()) {
    if (handle !== process.stdout && handle !== process.stderr) continue
    const at = busy.findIndex((name) => name === 'PipeWrap' || name === 'TTYWrap')
    if (at >= 0) busy.splice(at, 1)
  }
  return busy.length === 0
}

// ---- the driver: one real timer at a time ------------------------------------------------------------
let driver = null
let jumping = false
// Idle on two looks POLL_MS apart before a jump: a macrotask hop between two requests is not idleness.
let idleLooks = 0
const POLL_MS = 2

function wake() {
  if (!jumping) schedule(0)
}

/** Replaces the driver: one real timer at a time, so the driver never counts itself as busy twice. */
function schedule(ms) {
  if (driver) (driver.kind === 'immediate' ? clearImmediate : real.clearTimeout)(driver.handle)
  driver = null
  const hasRef = earliest(true) !== undefined
  const next = earliest(false)
  if (!next) return
  // Without a ref'd timer the driver only waits for the earliest timer's real due time, and keeps nothing alive.
  const wait = hasRef ? ms : Math.max(0, next._due - vnow())
  const handle = wait === 0 ? real.setImmediate(tick) : real.setTimeout(tick, wait)
  if (!hasRef) handle.unref()
  driver = { kind: wait === 0 ? 'immediate' : 'timeout', handle }
}

function tick() {
  const ownTimeout = driver?.kind === 'timeout' && driver.handle.hasRef()
  driver = null
  const due = earliest(false)
  if (due && due._due <= vnow()) {
    idleLooks = 0
    fire(due)
    return schedule(0)
  }
  const next = earliest(true)
  if (!next || !idle(ownTimeout)) {
    idleLooks = 0
    return schedule(POLL_MS)
  }
  if (++idleLooks < 2) return schedule(POLL_MS)
  idleLooks = 0
  jumping = true
  tellSimulator(next._due, next._due - vnow(), (simNow) => {
    jumping = false
    offset += Math.max(0, Math.max(next._due, simNow ?? 0) - vnow())
    schedule(0)
  })
}

/** Moves the simulator's clock to `to` (and at least `by` past its own now) before the timer fires. */
function tellSimulator(to, by, done) {
  if (!clockUrl) return done(undefined)
  const body = JSON.stringify({ to, by })
  const request = http.request(clockUrl, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
    let text = ''
    response.setEncoding('utf8')
    response.on('data', (chunk) => (text += chunk))
    response.on('end', () => {
      try {
        done(JSON.parse(text).now)
      } catch {
        process.stderr.write(`virtual-time: the simulator's clock answered ${response.statusCode}: ${text}\n`)
        done(undefined)
      }
    })
  })
  request.on('error', (error) => {
    process.stderr.write(`virtual-time: could not move the simulator's clock: ${error.message}\n`)
    done(undefined)
  })
  request.end(body)
}
