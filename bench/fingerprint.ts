/**
 * Cost of fingerprinting one request (issue 5: ≤ 20 µs added per request), against a
 * baseline measured in the same run: reading the headers the gateway reads anyway
 * (lower-casing every name, picking out user-agent and authorization).
 *
 *   npx tsx bench/fingerprint.ts [iterations]
 */
import { fingerprintConfigSchema } from '../src/fingerprint/config.js';
import { computeFingerprint, type FingerprintInput } from '../src/fingerprint/fingerprint.js';

const iterations = Number(process.argv[2] ?? 200_000);
const cfg = fingerprintConfigSchema.parse({ trustedProxies: ['10.0.0.0/8'] });

const body = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Explain the difference between TCP and UDP in two sentences.' },
  ],
  temperature: 1,
  top_p: 1,
  n: 1,
  stream: false,
  max_tokens: 512,
};

const inputs: FingerprintInput[] = [
  {
    rawHeaders: [
      'host',
      'api.example.com',
      'accept',
      'application/json',
      'content-type',
      'application/json',
      'user-agent',
      'OpenAI/JS 4.56.0',
      'x-stainless-lang',
      'js',
      'x-stainless-package-version',
      '4.56.0',
      'x-stainless-os',
      'Linux',
      'x-stainless-arch',
      'x64',
      'x-stainless-runtime',
      'node',
      'x-stainless-runtime-version',
      'v20.11.0',
      'authorization',
      'Bearer sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'x-forwarded-for',
      '203.0.113.9, 10.1.1.1',
      'x-ja4',
      't13d1516h2_8daaf6152771_b186095e22b6',
      'accept-encoding',
      'gzip, deflate',
      'content-length',
      '312',
      'connection',
      'keep-alive',
    ],
    httpVersion: '1.1',
    remoteAddress: '::ffff:10.0.0.2',
    body,
  },
  {
    rawHeaders: [
      'Host',
      'api.example.com',
      'User-Agent',
      'python-requests/2.31.0',
      'Accept-Encoding',
      'gzip, deflate',
      'Accept',
      '*/*',
      'Connection',
      'keep-alive',
      'Authorization',
      'Bearer sk-YYYYYYYYYYYYYYYYYYYY',
      'Content-Type',
      'application/json',
      'Content-Length',
      '290',
    ],
    httpVersion: '1.1',
    remoteAddress: '2001:db8:abcd:12::77',
    body,
  },
];

function baseline(input: FingerprintInput): number {
  let ua = '';
  let auth = '';
  const raw = input.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (name === 'user-agent') ua = raw[i + 1] as string;
    else if (name === 'authorization') auth = raw[i + 1] as string;
  }
  return ua.length + auth.length + Object.keys(input.body ?? {}).length;
}

function time(label: string, fn: (input: FingerprintInput) => unknown): number {
  let sink = 0;
  for (let i = 0; i < 20_000; i++)
    sink += fn(inputs[i % inputs.length] as FingerprintInput) === null ? 1 : 0; // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++)
    sink += fn(inputs[i % inputs.length] as FingerprintInput) === null ? 1 : 0;
  const us = Number(process.hrtime.bigint() - t0) / 1000 / iterations;
  console.log(`${label.padEnd(22)} ${us.toFixed(3)} µs/request${sink < 0 ? '' : ''}`);
  return us;
}

const base = time('baseline (read headers)', baseline);
const fp = time('computeFingerprint', (input) => computeFingerprint(input, cfg));
console.log(`added per request       ${(fp - base).toFixed(3)} µs (budget 20 µs)`);
console.log(`ratio to baseline       ${(fp / base).toFixed(1)}×`);

// Signup hygiene (same issue): cost of one assess() against a warm graph — off the
// request path (account creation), reported for sizing only.
const { SignupHygiene } = await import('../src/identity/hygiene/hygiene.js');
const { identityConfigSchema } = await import('../src/identity/config.js');
const hygiene = new SignupHygiene(identityConfigSchema.parse({}));
const signups = Array.from({ length: 20_000 }, (_, i) => ({
  id: `acct_${i}`,
  createdAt: 1_767_225_600_000 + i * 2_000,
  email:
    i % 100 < 5
      ? `worker${String(i).padStart(5, '0')}@outlook.com`
      : `user.${(i * 7919) % 100_003}x@example.com`,
  signupIp: `${10 + (i % 200)}.${(i >> 3) & 255}.${i & 255}.7`,
  paymentFingerprint: i % 100 < 5 ? 'card_fleet' : `card_${i}`,
  route: i % 10 === 0 ? 'education' : 'self-serve',
}));
const h0 = process.hrtime.bigint();
for (const s of signups) hygiene.assess(s);
const perAssess = Number(process.hrtime.bigint() - h0) / 1000 / signups.length;
console.log(
  `SignupHygiene.assess   ${perAssess.toFixed(1)} µs/signup over ${signups.length} signups (5% one fleet)`,
);
