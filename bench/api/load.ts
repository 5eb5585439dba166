import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/** One load run's figures. Latency percentiles come from every response's own time (autocannon has no p95). */
export interface LoadFigures {
  connections: number;
  seconds: number;
  responses: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Paths used in turn, one per request (e.g. a summary of a different engagement each time). */
  paths: string[];
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((ok, fail) => {
    instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: [
          {
            method: options.method,
            body: options.body,
            setupRequest: (request) => ({ ...request, path: options.paths[next++ % options.paths.length] }),
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => (error ? fail(error) : ok(result)),
    );
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await finished;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies.length ? round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]) : NaN;
  const ok = latencies.length - result.non2xx;
  return {
    connections: options.connections,
    seconds: round(seconds),
    responses: latencies.length,
    requestsPerSecond: Math.round((ok / result.duration) * 10) / 10,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Resident set size of another process, from /proc: current (VmRSS) and its lifetime peak (VmHWM), in MB. */
export function processRss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, peakMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

/** Samples a process's RSS every 100 ms between start() and stop(). */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  maxMb = 0;
  constructor(private readonly pid: number) {}
  start(): void {
    this.timer = setInterval(() => {
      try {
        this.maxMb = Math.max(this.maxMb, processRss(this.pid).rssMb);
      } catch {
        // the process is gone: the run reports its errors
      }
    }, 100);
    this.timer.unref();
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.maxMb;
  }
}
