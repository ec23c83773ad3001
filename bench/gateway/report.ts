/**
 * Medians over rounds and the printed table of the gateway benchmark.
 */

/** One measured round of one contender in one mode. */
export interface RoundSample {
  contender: string;
  mode: Mode;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU µs per request of the contender's process tree (undefined for direct). */
  cpuUs: number | undefined;
  /** p50 latency at one connection, ms. */
  p50One: number;
  errors: number;
  /** Moat only: CPU µs per request by thread name (main `node`, workers, GC…). */
  threads?: Record<string, number>;
}

/** Non-streaming JSON or SSE streaming. */
export type Mode = 'json' | 'stream';

/** Medians of one contender in one mode. */
export interface Summary {
  contender: string;
  mode: Mode;
  rps: number;
  p50: number;
  p99: number;
  cpuUs: number | undefined;
  /** Lowest CPU µs per request over the rounds: noise from other load only adds. */
  cpuMinUs: number | undefined;
  p50One: number;
  /** p50 at one connection minus direct's, ms. */
  addedMs: number | undefined;
  errors: number;
  /** Median CPU µs per request by thread name, when sampled. */
  threads?: Record<string, number>;
}

/** Median of a non-empty list (mean of the middle two when even). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function threadMedians(rs: RoundSample[]): { threads?: Record<string, number> } {
  const names = new Set(rs.flatMap((s) => Object.keys(s.threads ?? {})));
  if (names.size === 0) return {};
  const threads: Record<string, number> = {};
  for (const n of names) threads[n] = median(rs.map((s) => s.threads?.[n] ?? 0));
  return { threads };
}

/** Collapse rounds into medians per contender and mode. */
export function summarise(samples: RoundSample[]): Summary[] {
  const keys = [...new Set(samples.map((s) => `${s.mode}\u0000${s.contender}`))];
  const out: Summary[] = [];
  for (const key of keys) {
    const [mode, contender] = key.split('\u0000') as [Mode, string];
    const rs = samples.filter((s) => s.mode === mode && s.contender === contender);
    const cpu = rs.flatMap((s) => (s.cpuUs === undefined ? [] : [s.cpuUs]));
    out.push({
      contender,
      mode,
      rps: median(rs.map((s) => s.rps)),
      p50: median(rs.map((s) => s.p50)),
      p99: median(rs.map((s) => s.p99)),
      cpuUs: cpu.length ? median(cpu) : undefined,
      cpuMinUs: cpu.length ? Math.min(...cpu) : undefined,
      p50One: median(rs.map((s) => s.p50One)),
      addedMs: undefined,
      errors: rs.reduce((a, s) => a + s.errors, 0),
      ...threadMedians(rs),
    });
  }
  for (const s of out) {
    const direct = out.find((d) => d.contender === 'direct' && d.mode === s.mode);
    if (direct && s.contender !== 'direct') s.addedMs = s.p50One - direct.p50One;
  }
  return out;
}

const fmt = (x: number | undefined, digits = 0): string =>
  x === undefined ? '—' : x.toFixed(digits);

/** Targets from issue 2 (CPU µs/request, added latency ms, nginx throughput share). */
export const TARGETS = {
  cpuUs: { json: 250, stream: 400 },
  addedMs: { json: 0.5, stream: 1 },
  nginxShare: 0.6,
  portkeyRatio: 8,
};

/** The Markdown table plus ratio lines, for the terminal and bench/README.md. */
export function renderTable(rows: Summary[], connections: number): string {
  const lines = [
    `| mode | contender | req/s (c=${connections}) | p50 ms | p99 ms | CPU µs/req | CPU min | p50 ms (c=1) | added ms (c=1) | errors |`,
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.mode} | ${r.contender} | ${fmt(r.rps)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${fmt(r.cpuUs)} | ${fmt(r.cpuMinUs)} | ${fmt(r.p50One, 3)} | ${fmt(r.addedMs, 3)} | ${r.errors} |`,
    );
  }
  lines.push('');
  for (const mode of ['json', 'stream'] as const) {
    const get = (c: string) => rows.find((r) => r.contender === c && r.mode === mode);
    const moat = get('moat');
    if (!moat) continue;
    const parts = [`${mode}: Moat ${fmt(moat.cpuUs)} µs/req (target ≤ ${TARGETS.cpuUs[mode]})`];
    parts.push(`added ${fmt(moat.addedMs, 3)} ms (target ≤ ${TARGETS.addedMs[mode]})`);
    const nginx = get('nginx');
    if (nginx)
      parts.push(
        `throughput ${fmt((100 * moat.rps) / nginx.rps)}% of nginx (target ≥ ${TARGETS.nginxShare * 100}%)`,
      );
    const bare = get('node-bare');
    if (bare?.cpuUs !== undefined && moat.cpuUs !== undefined)
      parts.push(`Moat − bare Node proxy ${fmt(moat.cpuUs - bare.cpuUs)} µs/req`);
    for (const base of rows.filter((r) => r.mode === mode && r.contender.startsWith('moat@'))) {
      if (base.cpuUs !== undefined && moat.cpuUs !== undefined) {
        parts.push(
          `vs ${base.contender} ${fmt(base.cpuUs)} µs/req (${fmt((100 * (moat.cpuUs - base.cpuUs)) / base.cpuUs)}%, min ${fmt(moat.cpuMinUs)} vs ${fmt(base.cpuMinUs)})`,
        );
      }
    }
    const pk = get('portkey');
    if (pk?.cpuUs !== undefined && moat.cpuUs)
      parts.push(
        `Portkey/Moat CPU ${fmt(pk.cpuUs / moat.cpuUs, 1)}× (target ≥ ${TARGETS.portkeyRatio}×)`,
      );
    lines.push(`- ${parts.join('; ')}`);
    const th = Object.entries(moat.threads ?? {}).filter(([, us]) => us >= 1);
    if (th.length)
      lines.push(
        `  - Moat CPU µs/req by thread: ${th.map(([n, us]) => `${n} ${fmt(us)}`).join(', ')}`,
      );
    const detector = moat.threads?.['moat-detector'];
    if (detector !== undefined && moat.cpuUs !== undefined) {
      // The embedded detector is a worker thread off the request path (at scale it runs apart).
      lines.push(
        `  - request path (every thread but moat-detector): ${fmt(moat.cpuUs - detector)} µs/req; detector ${fmt(detector)} µs/event`,
      );
    }
  }
  return lines.join('\n');
}
