import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allLevels,
  levelStats,
  quantile,
  recallAtFpr,
  rocAuc,
  rocCurve,
  type Scored,
} from './metrics.js';
import type { Level } from '../telemetry/event.js';

const mk = (malicious: boolean, score: number, level: Level): Scored => ({
  account: `a${score}${level}${malicious}`,
  malicious,
  persona: malicious ? 'hydra' : 'casual',
  campaign: malicious ? 'c1' : null,
  score,
  level,
});

// 4 malicious (scores .9 .8 .7 .3), 6 benign (.6 .4 .2 .1 .1 0)
const items: Scored[] = [
  mk(true, 0.9, 'block'),
  mk(true, 0.8, 'degrade'),
  mk(true, 0.7, 'throttle'),
  mk(true, 0.3, 'allow'),
  mk(false, 0.6, 'throttle'),
  mk(false, 0.4, 'monitor'),
  mk(false, 0.2, 'allow'),
  mk(false, 0.1, 'allow'),
  mk(false, 0.1, 'allow'),
  mk(false, 0, 'allow'),
];

test('levelStats: precision, recall, FPR at a threshold', () => {
  const t = levelStats(items, 'throttle');
  assert.deepEqual([t.tp, t.fp, t.fn, t.tn], [3, 1, 1, 5]);
  assert.equal(t.precision, 3 / 4);
  assert.equal(t.recall, 3 / 4);
  assert.equal(t.fpr, 1 / 6);
  const m = levelStats(items, 'monitor');
  assert.deepEqual([m.tp, m.fp], [3, 2]);
  const b = levelStats(items, 'block');
  assert.deepEqual([b.tp, b.fp, b.precision, b.recall], [1, 0, 1, 1 / 4]);
  assert.equal(allLevels(items).length, 5);
});

test('rocAuc: exact Mann–Whitney value, ties count half', () => {
  // pairs (pos > neg): .9,.8,.7 beat all 6 = 18; .3 beats .2,.1,.1,0 = 4 → 22 / 24
  assert.equal(rocAuc(items), 22 / 24);
  const tie: Scored[] = [mk(true, 0.5, 'allow'), mk(false, 0.5, 'allow')];
  assert.equal(rocAuc(tie), 0.5);
  assert.equal(rocAuc([mk(true, 1, 'block')]), null);
  const perfect: Scored[] = [mk(true, 1, 'block'), mk(false, 0, 'allow')];
  assert.equal(rocAuc(perfect), 1);
});

test('rocCurve and recallAtFpr', () => {
  const c = rocCurve(items);
  assert.deepEqual(c[0], { threshold: Infinity, fpr: 0, tpr: 0 });
  assert.deepEqual(c.at(-1), { threshold: 0, fpr: 1, tpr: 1 });
  const at0 = recallAtFpr(c, 0);
  assert.equal(at0.tpr, 3 / 4);
  assert.equal(at0.threshold, 0.7);
});

test('quantile by nearest rank', () => {
  assert.equal(quantile([5, 1, 3], 0.5), 3);
  assert.equal(quantile([1, 2, 3, 4], 0.5), 2);
  assert.equal(quantile([], 0.5), null);
  assert.equal(quantile([7], 0.9), 7);
});
