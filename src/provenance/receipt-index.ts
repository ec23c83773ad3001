/** The receipts of one served response, as `GET /v1/receipts/{id}` returns them. */
export interface ReceiptRecord {
  account: string;
  requestId: string;
  /** The upstream's response id (`chatcmpl-…`, `msg_…`), when it sent one. */
  responseId?: string | undefined;
  model: string;
  /**
   * One receipt per choice for an OpenAI stream (`choice` set); one over the whole text
   * otherwise (`choice` absent): a JSON response's `moat-receipt` header, an Anthropic stream.
   */
  receipts: Array<{ choice?: number; receipt: string }>;
  /** Epoch ms when it was recorded. */
  at: number;
}

/**
 * The most recent responses' receipts in memory, found by request id or response id, so a
 * client whose SDK hides stream comments and headers can still fetch them. Bounded by count
 * and age: the oldest go first (a Map keeps insertion order). Older receipts are on the
 * telemetry events (`response.receipt`, `response.receipts`).
 * @example const index = new ReceiptIndex({ max: 10_000, ttlMs: 3_600_000 }); index.put(rec); index.get('chatcmpl-1', 'acct_1');
 */
export class ReceiptIndex {
  private readonly byId = new Map<string, ReceiptRecord>();
  /**
   * Insertion order, oldest first from `head`: (id, record) pairs, an entry whose id now
   * maps to another record (an id reused, or expired by `get`) being skipped. Evicting by
   * iterating the Map from its front cost 50–140 µs per response once it was full (issue 19):
   * V8's ordered hash tables keep deleted entries as holes until the next rehash, and every
   * iteration from the front walks them all.
   */
  private ids: string[] = [];
  private recs: ReceiptRecord[] = [];
  private head = 0;

  constructor(private readonly opts: { max: number; ttlMs: number }) {}

  /** Remember a response's receipts under its request id and its response id. */
  put(rec: ReceiptRecord): void {
    this.set(rec.requestId, rec);
    if (rec.responseId && rec.responseId !== rec.requestId) this.set(rec.responseId, rec);
  }

  /** The record for an id, only to the account it was served to (undefined otherwise, or when gone). */
  get(id: string, account: string, now = Date.now()): ReceiptRecord | undefined {
    const rec = this.byId.get(id);
    if (!rec || rec.account !== account) return undefined;
    if (now - rec.at > this.opts.ttlMs) {
      this.byId.delete(id);
      return undefined;
    }
    return rec;
  }

  get size(): number {
    return this.byId.size;
  }

  private set(id: string, rec: ReceiptRecord): void {
    // Two entries per response at most; a response id reused by the upstream keeps the latest.
    this.byId.set(id, rec);
    this.ids.push(id);
    this.recs.push(rec);
    // The oldest go while there are too many, and expired ones at the old end go too, so an
    // idle gateway does not keep them.
    const now = rec.at;
    while (this.head < this.ids.length) {
      const oldId = this.ids[this.head]!;
      const oldRec = this.recs[this.head]!;
      const live = this.byId.get(oldId) === oldRec;
      if (live && this.byId.size <= this.opts.max * 2 && now - oldRec.at <= this.opts.ttlMs) break;
      if (live) this.byId.delete(oldId);
      this.head++;
    }
    // Drop the consumed front now and then (amortised O(1) per entry).
    if (this.head >= 1024 && this.head * 2 >= this.ids.length) {
      this.ids = this.ids.slice(this.head);
      this.recs = this.recs.slice(this.head);
      this.head = 0;
    }
  }
}
