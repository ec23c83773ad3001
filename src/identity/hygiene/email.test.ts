import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseEmail } from './email.js';
import { DisposableDomains, parseDomainList } from './disposable.js';

test('parses, lower-cases and normalises plus tags and Gmail dots', () => {
  const r = parseEmail(' User.017+Promo@GMail.com ');
  assert.ok(r.ok);
  assert.equal(r.value.address, 'user.017+promo@gmail.com');
  assert.equal(r.value.baseLocal, 'user017');
  assert.equal(r.value.plusTag, 'promo');
  assert.equal(r.value.pattern, 'user###@gmail.com');
  assert.equal(r.value.number, 17);
  const other = parseEmail('j.doe@uni.example.edu');
  assert.ok(other.ok);
  assert.equal(other.value.baseLocal, 'j.doe');
  assert.equal(other.value.number, null);
});

test('all-digit local parts have no pattern (QQ numbers, phone numbers)', () => {
  const r = parseEmail('123456789@qq.com');
  assert.ok(r.ok);
  assert.equal(r.value.pattern, null);
});

test('issue 5: malformed emails are rejected with a message that says what is wrong', () => {
  const cases: Array<[unknown, RegExp]> = [
    [42, /must be a string/],
    ['', /is empty/],
    ['bob.example.com', /has no "@"/],
    ['bob@@example.com', /more than one "@"/],
    ['@example.com', /before "@" is empty/],
    ['bob@', /domain after "@" is missing/],
    ['bob@localhost', /no top-level domain/],
    ['.bob@example.com', /starts or ends with a dot/],
    ['bo..b@example.com', /two dots in a row/],
    ['bo b@example.com', /character not allowed/],
    ['"bob"@example.com', /quoted local parts/],
    ['bob@[192.0.2.1]', /address literals/],
    ['bob@exa_mple.com', /domain label "exa_mple"/],
    ['bob@-example.com', /domain label "-example"/],
    ['bob@example.c0m', /not a valid top-level domain/],
    ['bob@exämple.com', /punycode/],
    [`${'a'.repeat(65)}@example.com`, /longer than 64/],
    [`bob@${'a'.repeat(250)}.com`, /longer than 254/],
    ['+tag@example.com', /nothing before the "\+"/],
  ];
  for (const [input, re] of cases) {
    const r = parseEmail(input);
    assert.equal(r.ok, false, String(input));
    if (!r.ok) assert.match(r.error, re, String(input));
  }
});

test('parseEmail never throws and accepts what fast-check calls a valid address', () => {
  fc.assert(
    fc.property(fc.anything(), (v) => void parseEmail(v)),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.emailAddress(), (e) => {
      const r = parseEmail(e);
      // fast-check's generator follows RFC 5322 more liberally (single-label TLD-less
      // domains are impossible there, but numeric TLDs are); only require no throw and
      // a consistent answer when it parses.
      if (r.ok) assert.equal(r.value.address, e.toLowerCase());
    }),
    { numRuns: 500 },
  );
});

test('disposable domains: packaged list, subdomains, allow-list, extra list file', () => {
  const d = DisposableDomains.load({
    disposableListFile: fileURLToPath(new URL('./fixtures/extra-disposable.txt', import.meta.url)),
    disposableDomains: ['inline-burner.example'],
    allowDomains: ['yopmail.com'],
  });
  assert.ok(d.size > 1000, 'the packaged list is loaded');
  assert.equal(d.match('mailinator.com'), 'mailinator.com');
  assert.equal(d.match('eu.mailinator.com'), 'mailinator.com');
  assert.equal(d.match('gmail.com'), null);
  assert.equal(d.match('throwaway.example'), 'throwaway.example');
  assert.equal(d.match('burner.test'), 'burner.test');
  assert.equal(d.match('inline-burner.example'), 'inline-burner.example');
  assert.equal(d.match('yopmail.com'), null);
  assert.throws(
    () =>
      DisposableDomains.load({
        disposableListFile: '/nonexistent/list.txt',
        disposableDomains: [],
        allowDomains: [],
      }),
    /disposableListFile: cannot read \/nonexistent\/list.txt/,
  );
  assert.deepEqual(parseDomainList('# c\n a.com \r\nB.org # x\n\n'), ['a.com', 'b.org']);
});
