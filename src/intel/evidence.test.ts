import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EvidenceLog } from './evidence.js';
import { templateSignature } from './template.js';

test('issue 15: a template signature is the masked opening frame; short prompts have none', () => {
  assert.equal(
    templateSignature('Solve problem #4812 step by step, showing all your work: x = 3'),
    'tpl1:solve problem # step by step showing all',
  );
  assert.equal(
    templateSignature('Solve problem #77 step by step, showing all your work: y = 9'),
    templateSignature('SOLVE problem 9 step by step — showing all of it'),
  );
  assert.equal(templateSignature('What is a comet?'), undefined);
});

test('issue 15: EvidenceLog reports the most frequent values, repeated templates only, within its bounds', () => {
  const log = new EvidenceLog({ maxAccounts: 2, maxValues: 2, top: 1, minTemplateRepeats: 2 });
  log.observe('a', { ipPrefix: '203.0.113.0/24', fingerprint: 'fp1', template: 'tpl1:x' });
  log.observe('a', { ipPrefix: '198.51.100.0/24', template: 'tpl1:y' });
  log.observe('a', { ipPrefix: '198.51.100.0/24', template: 'tpl1:y' });
  log.observe('a', { ipPrefix: '192.0.2.0/24' }); // a third distinct value is not counted
  assert.deepEqual(log.indicators('a'), {
    ipPrefixes: ['198.51.100.0/24'],
    fingerprints: ['fp1'],
    templates: ['tpl1:y'],
  });
  log.observe('b', { fingerprint: 'fp2', template: 'tpl1:z' });
  assert.deepEqual(log.indicators('b'), { fingerprints: ['fp2'] }, 'one prompt is no template');
  log.observe('c', {});
  assert.deepEqual(log.indicators('a'), {}, 'the least recently seen account is forgotten');
});
