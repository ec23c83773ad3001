/**
 * What the gateway keeps of the responses it served with provenance (issue 6, issue 15:
 * assembled here, wired by extensions/provenance.ts): their signed receipts, for the
 * response's own header or trailing SSE comment, its telemetry event and
 * `GET /v1/receipts/{id}`; and the accounts that received watermarked text, for
 * `moat provenance detect`.
 */
import type { CanaryStore } from './canary-store.js';
import type { SigningKey } from './keys.js';
import { ReceiptIndex, type ReceiptRecord } from './receipt-index.js';
import { ReceiptSigner, signReceipt } from './receipt.js';

/** One response's receipts: per choice for an OpenAI stream, else one over the whole text. */
export type Signed = Array<{ choice?: number; receipt: string }>;

/** The request a response answered, as its receipts name it. */
export interface ServedRequest {
  account: string;
  keyId: string;
  model: string;
  requestId: string;
  /** The API (`chat.completions`, `completions`, `messages`…). */
  endpoint: string;
  stream: boolean;
}

/** The text served: whole, and per choice for a stream. */
export interface ServedText {
  text: string;
  choiceTexts?: string[] | undefined;
  /** The upstream's response id (`chatcmpl-…`, `msg_…`), when it sent one. */
  responseId?: string | undefined;
}

/**
 * What one response's receipts sign: each choice of an OpenAI stream alone (the text a
 * client accumulates per choice; issue 16), else the whole text — a JSON response's
 * `choices[].message.content` in order, an Anthropic response's text blocks.
 */
export function signedParts(
  req: Pick<ServedRequest, 'endpoint' | 'stream'>,
  facts: ServedText,
): Array<{ choice?: number; text: string }> {
  const perChoice = req.endpoint === 'chat.completions' || req.endpoint === 'completions';
  if (!req.stream || !perChoice) return [{ text: facts.text }];
  const per = facts.choiceTexts;
  if (!per) return [{ choice: 0, text: facts.text }];
  const out: Array<{ choice: number; text: string }> = [];
  per.forEach((text, choice) => out.push({ choice, text }));
  return out;
}

/**
 * Receipts of served responses, one set per response (`K`: the gateway's request context).
 * Signed in batches (one Ed25519 signature per turn of the event loop, over a Merkle root;
 * see ReceiptSigner), so the signing cost per response falls with load. Batches do not wait
 * for company: a 1 ms window while other responses were in flight saved ~5% CPU per
 * response but cost ~20% of throughput at 16 connections (bench/README.md).
 * @example const receipts = new ServedReceipts(keys.signing, { max: 10_000, ttlMs: 3_600_000 }); await receipts.sign(ctx, req, facts)
 */
export class ServedReceipts<K extends object> {
  private readonly signer: ReceiptSigner;
  private readonly pending = new WeakMap<K, Promise<Signed>>();
  private readonly done = new WeakMap<K, Signed>();
  private readonly index: ReceiptIndex;

  constructor(
    private readonly signing: SigningKey,
    opts: { max: number; ttlMs: number },
  ) {
    this.signer = new ReceiptSigner(signing);
    this.index = new ReceiptIndex(opts);
  }

  /** The response's receipts, signed with the next batch (once per response). */
  sign(key: K, req: ServedRequest, facts: ServedText): Promise<Signed> {
    let r = this.pending.get(key);
    if (!r) {
      const ts = Date.now();
      r = Promise.all(
        signedParts(req, facts).map(({ choice, text }) =>
          this.signer
            .sign(text, metaOf(req, ts, choice))
            .then((receipt) => (choice === undefined ? { receipt } : { choice, receipt })),
        ),
      ).then((list) => {
        this.remember(key, req, facts, list, ts);
        return list;
      });
      this.pending.set(key, r);
    }
    return r;
  }

  /** For telemetry: the receipts sent, or — for a response cut off before them — signed now over what was served. */
  served(key: K, req: ServedRequest, facts: ServedText): Signed {
    let list = this.done.get(key);
    if (!list) {
      const ts = Date.now();
      list = signedParts(req, facts).map(({ choice, text }) => {
        const receipt = signReceipt(this.signing, text, metaOf(req, ts, choice));
        return choice === undefined ? { receipt } : { choice, receipt };
      });
      this.remember(key, req, facts, list, ts);
    }
    return list;
  }

  /** Whether the response's receipts were signed (sent, or signed for its event). */
  has(key: K): boolean {
    return this.done.has(key);
  }

  /** A recent response's receipts by request or response id, to the account served only. */
  find(id: string, account: string): ReceiptRecord | undefined {
    return this.index.get(id, account);
  }

  private remember(key: K, req: ServedRequest, facts: ServedText, list: Signed, at: number): void {
    this.done.set(key, list);
    this.index.put({
      account: req.account,
      requestId: req.requestId,
      responseId: facts.responseId,
      model: req.model,
      receipts: list,
      at,
    });
  }
}

function metaOf(req: ServedRequest, ts: number, choice: number | undefined) {
  return {
    account: req.account,
    keyId: req.keyId,
    model: req.model,
    ts,
    requestId: req.requestId,
    ...(choice === undefined ? {} : { choice }),
  };
}

/**
 * Accounts that received watermarked text, recorded in the canary store as they are served
 * (issue 15: `moat provenance detect` attributes text only to recorded accounts). One write
 * per account per hour and process: `last_ts` stays within the hour.
 */
export class WatermarkedAccounts {
  private readonly noted = new Map<string, number>();

  constructor(
    private readonly store: Pick<CanaryStore, 'noteAccount'>,
    private readonly onError: (err: unknown, account: string) => void,
  ) {}

  note(account: string, now: number): void {
    const last = this.noted.get(account);
    if (last !== undefined && now - last < 3_600_000) return;
    if (this.noted.size >= 100_000) this.noted.clear();
    this.noted.set(account, now);
    this.store.noteAccount(account, now).catch((err: unknown) => {
      this.noted.delete(account);
      this.onError(err, account);
    });
  }
}
