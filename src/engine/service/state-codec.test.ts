import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from '../../detect/detector.js';
import { TemplateSketch } from '../../detect/account.js';
import { detectConfigSchema } from '../../detect/config.js';
import { chatUser, harvester, hydra, mergeByTime, rng } from '../../detect/testdata/traffic.js';
import { remoteAccountOf } from '../../detect/evidence.js';
import { decodeDetector, encodeDetector } from './state-codec.js';

test('issue 18: a detector restored from its snapshot mid-stream ends with the verdicts of one that never stopped', () => {
  const cfg = detectConfigSchema.parse({});
  const r = rng(7);
  const events = mergeByTime(
    hydra(r, 'hy', 6, 120),
    harvester(r, 'acct_h', 300),
    chatUser(r, 'acct_c1', 80),
    chatUser(r, 'acct_c2', 80),
  );
  const whole = new Detector(cfg);
  for (const e of events) whole.ingest(e);
  let part = new Detector(cfg);
  const cut = Math.floor(events.length / 2);
  for (const e of events.slice(0, cut)) part.ingest(e);
  const bytes = encodeDetector(part, cfg);
  part = decodeDetector(bytes, cfg);
  for (const e of events.slice(cut)) part.ingest(e);
  assert.deepEqual(part.verdicts(), whole.verdicts());
  assert.deepEqual(part.clusters(), whole.clusters());
  assert.ok(
    whole.verdicts().some((v) => v.level !== 'allow' && v.level !== 'monitor'),
    'the campaign is detected, so the comparison means something',
  );
});

test("issue 18: remote accounts (another partition's copies and touches) round-trip through the snapshot", () => {
  const cfg = detectConfigSchema.parse({});
  const r = rng(9);
  const source = new Detector(cfg);
  for (const e of hydra(r, 'hy', 4, 20)) source.ingest(e);
  // hy0 and hy1 live here; hy2 and hy3 are another partition's, known by their copies and a touch of the shared template.
  const local = new Detector(cfg);
  for (const e of hydra(rng(9), 'hy', 4, 20))
    if (e.account === 'hy0' || e.account === 'hy1') local.ingest(e);
  const sketch = source.accountStates()[2]!.templates;
  const slot = Array.from({ length: TemplateSketch.SLOTS }, (_, i) => i).find(
    (i) => sketch.count(i) > 3,
  )!;
  const key = sketch.key(slot);
  for (const st of source.accountStates().slice(2)) {
    local.setRemote(st.id, remoteAccountOf(st));
    local.addEvidence({ kind: 'template', key, account: st.id });
  }
  assert.equal(local.remoteCount(), 2);
  assert.deepEqual(
    local.clusters().map((c) => c.accounts),
    [['hy0', 'hy1', 'hy2', 'hy3']],
    'the touches linked the copies to the local members',
  );
  const copy = decodeDetector(encodeDetector(local, cfg), cfg);
  assert.equal(copy.remoteCount(), 2);
  assert.deepEqual(
    copy.accountStates().map((s) => [s.id, s.remote]),
    local.accountStates().map((s) => [s.id, s.remote]),
  );
  assert.deepEqual(copy.verdicts(), local.verdicts());
  assert.deepEqual(copy.clusters(), local.clusters());
  // …and the restored one goes on as the original does.
  const later = source.accountStates()[3]!;
  const next = { ...remoteAccountOf(later), lastTs: later.lastTs + 1 };
  assert.deepEqual(copy.setRemote(later.id, next), local.setRemote(later.id, next));
  assert.deepEqual(copy.verdicts(), local.verdicts());
});
