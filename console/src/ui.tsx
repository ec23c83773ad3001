import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { Level } from './api';

/** Load data for a page; `reload()` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) =>
        live && setState({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function Level({ level }: { level: Level | string }) {
  return <span class={`level level-${level}`}>{level}</span>;
}

export const num = (n: number) => n.toLocaleString('en-US');
export const score = (n: number) => n.toFixed(2);
export const when = (ms: number | null | undefined) =>
  ms ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '—';

let firstPage = true;

/**
 * A page: its heading takes focus when the analyst moves to it, so keyboard and
 * screen-reader users land on it (not on the first load: Tab then starts at the skip link).
 */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  const h = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Moat console`;
    if (firstPage) firstPage = false;
    else h.current?.focus();
  }, [title]);
  return (
    <section>
      <div class="page-head">
        <h1 tabIndex={-1} ref={h}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Loading({ state }: { state: { loading: boolean; error?: string } }) {
  if (state.error)
    return (
      <p class="error" role="alert">
        {state.error}
      </p>
    );
  return state.loading ? <p aria-live="polite">Loading…</p> : null;
}

/** Time series as a uPlot line chart; `series` are [label, values] over `x` (epoch seconds). */
export function Plot({
  x,
  series,
  height = 180,
  label,
  yRange,
}: {
  x: number[];
  series: Array<[string, Array<number | null>, string]>;
  height?: number;
  label: string;
  yRange?: [number, number];
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = el.current;
    if (!host) return;
    const opts: uPlot.Options = {
      width: Math.max(300, host.clientWidth || 600),
      height,
      series: [{}, ...series.map(([name, , stroke]) => ({ label: name, stroke, width: 2 }))],
      axes: [{ stroke: '#3c4043' }, { stroke: '#3c4043', size: 70 }],
      scales: yRange ? { y: { range: yRange } } : {},
      legend: { show: true },
    };
    // One point alone gives uPlot no time range: show the hour before it too.
    const data =
      x.length === 1
        ? [[x[0]! - 3600, x[0]!], ...series.map(([, v]) => [null, v[0] ?? null])]
        : [x, ...series.map(([, v]) => v)];
    const plot = new uPlot(opts, data as uPlot.AlignedData, host);
    return () => plot.destroy();
  }, [x, series, height, yRange]);
  return <div class="plot" ref={el} role="img" aria-label={label} />;
}

/** A small table of name/value pairs. */
export function Facts({ rows }: { rows: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </>
      ))}
    </dl>
  );
}
