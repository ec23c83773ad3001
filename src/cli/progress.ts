/**
 * A progress bar on stderr, drawn only when stderr is a terminal (CLI convention in
 * DESIGN.md: progress goes to stderr, only on a terminal). Redraws at most every 100 ms.
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly enabled: boolean,
    private readonly label: string,
    private total = 0,
  ) {}

  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number, note = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    let bar = '';
    if (this.total > 0) {
      const frac = Math.min(1, done / this.total);
      const width = 30;
      const filled = Math.round(frac * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% `;
    }
    this.out.write(
      `\r${this.label} ${bar}${done.toLocaleString('en-US')} (${rate.toLocaleString('en-US')}/s) ${note}\x1b[K`,
    );
  }

  done(): void {
    if (this.enabled) this.out.write('\n');
  }
}
