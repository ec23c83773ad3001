/**
 * Load generation with wrk (https://github.com/wg/wrk): a C load generator, keep-alive,
 * a fixed number of connections, latency to the last byte of each response. A Lua `done`
 * hook prints one JSON line that we parse, so no text scraping of wrk's report.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request shape to fire repeatedly. */
export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What one wrk run measured. */
export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  /** Latency percentiles in milliseconds, to the last byte. */
  p50: number;
  p99: number;
  /** Socket errors plus non-2xx answers. */
  errors: number;
}

const DONE_HOOK = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration":%d,"p50":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

function luaString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Write the wrk Lua script for a target; returns its path. */
export function writeScript(target: LoadTarget): string {
  const dir = mkdtempSync(join(tmpdir(), 'moat-wrk-'));
  const headers = Object.entries(target.headers)
    .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
    .join('\n');
  const lua = `wrk.method = "POST"\nwrk.body = ${luaString(target.body)}\n${headers}\n${DONE_HOOK}`;
  const file = join(dir, 'script.lua');
  writeFileSync(file, lua);
  return file;
}

/** Run wrk pinned to `cpu` with `connections` keep-alive connections for `seconds`. */
export function runWrk(
  target: LoadTarget,
  script: string,
  connections: number,
  seconds: number,
  cpu: string,
): Promise<LoadResult> {
  const args = [
    '-c',
    cpu,
    'wrk',
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    target.url,
  ];
  return new Promise((resolve, reject) => {
    execFile('taskset', args, { timeout: (seconds + 20) * 1000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`wrk failed: ${err.message}\n${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('WRKJSON '));
      if (!line) return reject(new Error(`wrk printed no result:\n${stdout}\n${stderr}`));
      const r = JSON.parse(line.slice(8)) as {
        requests: number;
        duration: number;
        p50: number;
        p99: number;
        errors: number;
      };
      const secs = r.duration / 1e6;
      resolve({
        requests: r.requests,
        seconds: secs,
        rps: r.requests / secs,
        p50: r.p50 / 1000,
        p99: r.p99 / 1000,
        errors: r.errors,
      });
    });
  });
}
