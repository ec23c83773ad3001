import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as g from '../detect/testdata/traffic.js';
import { linePartition, partitionOf } from './route.js';

const route = (line: string, n: number): number => {
  const buf = Buffer.from(line, 'utf8');
  return linePartition(buf, 0, buf.length, n);
};

test('route: a gateway log line is routed by its account without parsing, as partitionOf routes the parsed id (issue 13)', () => {
  const r = g.rng(61);
  for (const ev of g.mergeByTime(
    g.chatUser(r, 'acct_4251579976', 20),
    g.harvester(r, 'harv', 20),
  )) {
    for (const n of [2, 3, 8])
      assert.equal(route(JSON.stringify(ev), n), partitionOf(ev.account, n));
  }
  // Spaces, nesting and escapes before the key; the id's own non-ASCII letters are left to the parser.
  assert.equal(
    route(' { "ts" : 1 , "x":{"account":"no"}, "s":"a\\"b", "account" : "abc" }', 4),
    partitionOf('abc', 4),
  );
  assert.equal(route('{"account":"h\\u00e9"}', 4), -1);
  assert.equal(route('{"account":"hé"}', 4), -1);
  assert.equal(route('{"ts":1,"request":{"messages":[]}}', 4), -1);
  assert.equal(route('this is not json', 4), -1);
  assert.equal(route('{"acc\\u006funt":"abc"}', 4), -1);
});

test("route: on any JSON object, the router names the parsed account's partition or admits it is not sure (issue 13)", () => {
  const id = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('acct_1', 'hy0', 'hé', 'a"b', 'x\\y'),
  );
  const other = fc.dictionary(
    fc.string({ maxLength: 6 }).filter((k) => k !== 'account'),
    fc.jsonValue({ maxDepth: 3 }),
    { maxKeys: 4 },
  );
  fc.assert(
    fc.property(
      id,
      other,
      other,
      fc.boolean(),
      fc.integer({ min: 1, max: 7 }),
      (account, before, after, spaced, n) => {
        const obj = { ...before, account, ...after };
        const line = JSON.stringify(obj, null, spaced ? 1 : undefined).replace(/\n/g, ' ');
        const got = route(line, n);
        assert.ok(got === -1 || got === partitionOf(account, n), `${line} → ${got}`);
        if (
          /^[\x20-\x7e]*$/.test(account) &&
          !/["\\]/.test(account) &&
          Object.keys(before).length === 0
        )
          assert.equal(got, partitionOf(account, n), line);
      },
    ),
    { numRuns: 2000 },
  );
});
