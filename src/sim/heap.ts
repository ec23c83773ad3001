/** A binary min-heap of actor indices ordered by (next timestamp, index): deterministic ties. */
export class ActorHeap {
  private readonly items: number[] = [];
  constructor(private readonly key: (i: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key(a);
    const kb = this.key(b);
    return ka < kb || (ka === kb && a < b);
  }

  push(i: number): void {
    const h = this.items;
    h.push(i);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.less(h[c] as number, h[p] as number)) break;
      [h[c], h[p]] = [h[p] as number, h[c] as number];
      c = p;
    }
  }

  /** Remove and return the smallest; undefined when empty. */
  pop(): number | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    h[0] = last;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let m = p;
      if (l < h.length && this.less(h[l] as number, h[m] as number)) m = l;
      if (r < h.length && this.less(h[r] as number, h[m] as number)) m = r;
      if (m === p) break;
      [h[m], h[p]] = [h[p] as number, h[m] as number];
      p = m;
    }
    return top;
  }
}
