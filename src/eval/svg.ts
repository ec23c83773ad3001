/**
 * A tiny SVG plotter for the evaluation report: line charts (ROC), vertical bars
 * (histograms) and horizontal bars (per-persona rates). Self-contained files, no scripts,
 * no external fonts.
 */

const W = 640;
const H = 420;
const M = { l: 70, r: 20, t: 40, b: 60 };
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

/** Escape text for SVG. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const num = (x: number): string => (Math.round(x * 100) / 100).toString();

function frame(title: string, body: string, width = W, height = H): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">\n` +
    `<rect width="100%" height="100%" fill="white"/>\n<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(title)}</text>\n${body}</svg>\n`
  );
}

function axes(
  xLabel: string,
  yLabel: string,
  xTicks: [number, string][],
  yTicks: [number, string][],
  width = W,
  height = H,
): string {
  const x0 = M.l;
  const y0 = height - M.b;
  let s = `<line x1="${x0}" y1="${y0}" x2="${width - M.r}" y2="${y0}" stroke="black"/>\n<line x1="${x0}" y1="${M.t}" x2="${x0}" y2="${y0}" stroke="black"/>\n`;
  for (const [px, label] of xTicks)
    s += `<line x1="${num(px)}" y1="${y0}" x2="${num(px)}" y2="${y0 + 5}" stroke="black"/><text x="${num(px)}" y="${y0 + 18}" text-anchor="middle">${esc(label)}</text>\n`;
  for (const [py, label] of yTicks)
    s += `<line x1="${x0 - 5}" y1="${num(py)}" x2="${x0}" y2="${num(py)}" stroke="black"/><line x1="${x0}" y1="${num(py)}" x2="${width - M.r}" y2="${num(py)}" stroke="#eee"/><text x="${x0 - 8}" y="${num(py + 4)}" text-anchor="end">${esc(label)}</text>\n`;
  s += `<text x="${(x0 + width - M.r) / 2}" y="${height - 15}" text-anchor="middle">${esc(xLabel)}</text>\n`;
  s += `<text x="18" y="${(M.t + y0) / 2}" text-anchor="middle" transform="rotate(-90 18 ${(M.t + y0) / 2})">${esc(yLabel)}</text>\n`;
  return s;
}

/** A series of a line chart. */
export interface Series {
  name: string;
  points: [number, number][];
}

/** Line chart on [0, xMax] × [0, yMax]; `diagonal` draws y = x (chance line of a ROC plot). */
export function lineChart(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  xMax?: number;
  yMax?: number;
  diagonal?: boolean;
}): string {
  const xMax = o.xMax ?? 1;
  const yMax = o.yMax ?? 1;
  const px = (x: number): number => M.l + (x / xMax) * (W - M.l - M.r);
  const py = (y: number): number => H - M.b - (y / yMax) * (H - M.t - M.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  let body = axes(
    o.xLabel,
    o.yLabel,
    ticks.map((t) => [px(t * xMax), num(t * xMax)]),
    ticks.map((t) => [py(t * yMax), num(t * yMax)]),
  );
  if (o.diagonal)
    body += `<line x1="${px(0)}" y1="${py(0)}" x2="${px(xMax)}" y2="${py(yMax)}" stroke="#999" stroke-dasharray="4 4"/>\n`;
  o.series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length] as string;
    const d = s.points
      .map(
        ([x, y], k) =>
          `${k ? 'L' : 'M'}${num(px(Math.min(x, xMax)))},${num(py(Math.min(y, yMax)))}`,
      )
      .join(' ');
    body += `<path d="${d}" fill="none" stroke="${c}" stroke-width="2"/>\n`;
    body += `<text x="${W - M.r - 10}" y="${H - M.b - 14 - 16 * i}" text-anchor="end" fill="${c}">${esc(s.name)}</text>\n`;
  });
  return frame(o.title, body);
}

/** A labelled bar. */
export interface Bar {
  label: string;
  value: number;
  /** Text drawn at the end of the bar (defaults to the value). */
  note?: string;
}

/** Vertical bars (histogram with labelled bins). */
export function barChart(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  bars: Bar[];
}): string {
  const max = Math.max(1, ...o.bars.map((b) => b.value));
  const slot = (W - M.l - M.r) / Math.max(1, o.bars.length);
  const py = (y: number): number => H - M.b - (y / max) * (H - M.t - M.b);
  const yTicks: [number, string][] = [0, 0.5, 1].map((t) => [py(t * max), num(t * max)]);
  let body = axes(
    o.xLabel,
    o.yLabel,
    o.bars.map((b, i) => [M.l + slot * (i + 0.5), b.label]),
    yTicks,
  );
  o.bars.forEach((b, i) => {
    const x = M.l + slot * i + slot * 0.15;
    body += `<rect x="${num(x)}" y="${num(py(b.value))}" width="${num(slot * 0.7)}" height="${num(H - M.b - py(b.value))}" fill="${COLORS[0]}"/>`;
    body += `<text x="${num(x + slot * 0.35)}" y="${num(py(b.value) - 4)}" text-anchor="middle">${esc(b.note ?? String(b.value))}</text>\n`;
  });
  return frame(o.title, body);
}

/** Horizontal bars on [0, max] (per-persona rates). */
export function hbarChart(o: {
  title: string;
  xLabel: string;
  bars: Bar[];
  max?: number;
  color?: string;
}): string {
  const rowH = 22;
  const height = M.t + M.b + rowH * Math.max(1, o.bars.length);
  const left = 170;
  const max = o.max ?? Math.max(1e-9, ...o.bars.map((b) => b.value));
  const px = (x: number): number => left + (x / max) * (W - left - M.r - 60);
  let body = `<line x1="${left}" y1="${M.t}" x2="${left}" y2="${height - M.b}" stroke="black"/>\n`;
  o.bars.forEach((b, i) => {
    const y = M.t + i * rowH;
    body += `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(b.label)}</text>`;
    body += `<rect x="${left}" y="${y + 3}" width="${num(Math.max(0, px(b.value) - left))}" height="${rowH - 6}" fill="${o.color ?? COLORS[1]}"/>`;
    body += `<text x="${num(px(b.value) + 4)}" y="${y + 15}">${esc(b.note ?? num(b.value))}</text>\n`;
  });
  body += `<text x="${(left + W) / 2}" y="${height - 20}" text-anchor="middle">${esc(o.xLabel)}</text>\n`;
  return frame(o.title, body, W, height);
}
