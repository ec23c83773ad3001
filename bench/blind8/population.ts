// Who is in the world: accounts per persona, their networks, clients and signup records.
import type { Acct, Ctx, Family } from './core.js';
import * as H from './honest.js';
import * as X from './hostile.js';
import type { Rng } from './rng.js';
import {
  type AccountRecord,
  type ClientKind,
  type Route,
  type Tier,
  CLOUD,
  COMMON_SDKS,
  COUNTRIES,
  DAY,
  HOSTING,
  HOUR,
  ipIn,
  ispNet,
  makeClient,
  mobileNet,
  payFp,
  personEmail,
} from './world.js';

export interface Member {
  acct: Acct;
  fam: Family;
}

export interface Campaign {
  id: string;
  kind: string;
  accounts: string[];
}

const TZ: Record<string, number> = {
  US: -6,
  IN: 5.5,
  GB: 0,
  DE: 1,
  FR: 1,
  BR: -3,
  JP: 9,
  CA: -5,
  KR: 9,
  ES: 1,
  NL: 1,
  SG: 8,
  AU: 10,
  PL: 1,
  IT: 1,
  MX: -6,
  ID: 7,
  VN: 7,
  TR: 3,
  SE: 1,
  CN: 8,
  HK: 8,
  AE: 4,
  NG: 1,
};

export class Population {
  members: Member[] = [];
  campaigns: Campaign[] = [];
  private n = 0;

  constructor(
    private rng: Rng,
    private ctx: Ctx,
  ) {}

  private iso(ms: number): string {
    return new Date(Math.floor(ms)).toISOString();
  }

  add(
    fam: Family,
    persona: string,
    campaign: string | null,
    o: {
      country?: string;
      tier: Tier;
      route: Route;
      createdAt: number;
      email?: string;
      signupIp: string;
      payment: string | null;
      clients: ClientKind[];
      ipPool: string[];
      ipStick: Acct['ipStick'];
      p?: Record<string, number>;
      s?: Record<string, string>;
      tz?: number;
      verified?: boolean;
      contract?: string;
    },
  ): Acct {
    const r = this.rng;
    const country = o.country ?? r.weighted(COUNTRIES);
    const id = `acct_${r.b36(10)}`;
    const rec: AccountRecord = {
      id,
      createdAt: this.iso(o.createdAt),
      email: o.email ?? personEmail(r),
      signupIp: o.signupIp,
      paymentFingerprint: o.payment,
      country,
      tier: o.tier,
      route: o.route,
    };
    if (o.verified) rec.verified = true;
    if (o.contract) rec.contract = o.contract;
    const nKeys = r.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const);
    const acct: Acct = {
      idx: this.n++,
      rec,
      family: fam.name,
      persona,
      campaign,
      malicious: fam.malicious,
      tz: o.tz ?? (TZ[country] ?? 0) + r.pick([0, 0, 0, -1, 1]),
      clients: o.clients.map((k) => makeClient(r, k)),
      ipPool: o.ipPool,
      ipStick: o.ipStick,
      keys: Array.from({ length: nKeys }, () => `key_${r.b36(8)}`),
      p: o.p ?? {},
      s: o.s ?? {},
    };
    this.members.push({ acct, fam });
    return acct;
  }

  /** Home broadband (a few addresses, changing daily) or a mobile carrier range. */
  homePool(country: string): string[] {
    const r = this.rng;
    const net = r.chance(0.3) ? mobileNet(country) : ispNet(country);
    return Array.from({ length: r.int(1, 4) }, () => ipIn(r, net));
  }

  sdk(): ClientKind {
    return this.rng.weighted(COMMON_SDKS);
  }

  before(minDays: number, maxDays: number): number {
    return this.ctx.time.start - this.rng.range(minDays, maxDays) * DAY;
  }
}

function count(total: number, frac: number): number {
  return Math.max(1, Math.round(total * frac));
}

export function buildPopulation(rng: Rng, ctx: Ctx, total: number): Population {
  const P = new Population(rng, ctx);
  const r = rng;
  const T = ctx.time;

  // ---------------- honest ----------------
  const honestSmall = (frac: number, fn: (i: number) => void): void => {
    const n = count(total, frac);
    for (let i = 0; i < n; i++) fn(i);
  };

  honestSmall(0.055, () => {
    const c = r.weighted(COUNTRIES);
    P.add(H.power, 'researcher-power-user', null, {
      country: c,
      tier: 'pro',
      route: r.chance(0.25) ? 'research' : 'self-serve',
      createdAt: P.before(10, 900),
      signupIp: ipIn(r, ispNet(c)),
      payment: payFp(r),
      clients: r.chance(0.3) ? [P.sdk(), P.sdk()] : [P.sdk()],
      ipPool: P.homePool(c),
      ipStick: 'day',
      p: { rate: r.logNormal(5, 0.5), adopt: r.range(0.1, 0.7) },
    });
  });
  honestSmall(0.065, () => {
    const c = r.weighted(COUNTRIES);
    P.add(H.coding, 'ide-coding-agent', null, {
      country: c,
      tier: r.chance(0.8) ? 'pro' : 'enterprise',
      route: 'self-serve',
      createdAt: P.before(5, 600),
      signupIp: ipIn(r, ispNet(c)),
      payment: payFp(r),
      clients: ['ide'],
      ipPool: P.homePool(c),
      ipStick: 'day',
      p: { rate: r.logNormal(2.2, 0.5), adopt: r.range(0, 0.4) },
    });
  });
  honestSmall(0.01, (i) => {
    const c = r.weighted(COUNTRIES);
    const hourly = r.chance(0.4) ? 1 : 0;
    P.add(H.batch, 'batch-pipeline', null, {
      country: c,
      tier: r.chance(0.5) ? 'enterprise' : 'pro',
      route: r.chance(0.5) ? 'enterprise' : 'self-serve',
      createdAt: P.before(30, 800),
      email: `ops@${r.pick(['shipfast', 'ledgerly', 'helpdeskr', 'tixly', 'mailroom', 'claimsio'])}${i}.com`,
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: [r.pick(['requests', 'httpx', 'java', 'py-openai', 'go'] as const)],
      ipPool: [ipIn(r, CLOUD), ipIn(r, CLOUD)],
      ipStick: 'day',
      p: {
        hourly,
        job: hourly ? r.int(3, 12) : r.int(60, 300),
        gap: r.int(400, 4000),
        tpl: r.int(0, 4),
        offset: r.int(0, 59),
      },
      s: { model: r.pick(['lite', 'lite', 'main']) },
      verified: true,
    });
  });
  const benches = [
    ['gsm8k', 1319, 512],
    ['humaneval', 164, 1024],
    ['mbpp', 500, 768],
    ['math', 500, 2048],
    ['flan', 800, 8],
  ] as const;
  honestSmall(0.01, () => {
    const c = r.weighted(COUNTRIES);
    const b = r.pick(benches);
    P.add(H.evalHarness, 'benchmark-harness', null, {
      country: c,
      tier: r.pick(['free', 'pro', 'pro'] as const),
      route: r.pick(['research', 'research', 'startup-credits', 'self-serve'] as const),
      createdAt: P.before(-3, 300),
      email: personEmail(
        r,
        r.pick(['cs.stanford-like.edu', 'evalworks.ai', 'gmail.com', 'uni-lab.de', 'mila-like.ca']),
      ),
      signupIp: ipIn(r, CLOUD),
      payment: r.chance(0.6) ? payFp(r) : null,
      clients: [r.pick(['py-openai', 'httpx', 'py-anthropic'] as const)],
      ipPool: [ipIn(r, CLOUD)],
      ipStick: 'day',
      p: {
        size: b[1],
        maxTok: b[2],
        newModel: r.chance(0.45) ? 1 : 0,
        conc: r.pick([1, 4, 8, 16, 32]),
        gap: r.int(400, 2500),
        n: b[0] === 'humaneval' && r.chance(0.4) ? 5 : 1,
      },
      s: { bench: b[0], model: r.pick(['main', 'think', 'lite']) },
    });
  });
  honestSmall(0.003, (i) => {
    P.add(H.judgeVendor, 'llm-judge-vendor', null, {
      country: r.pick(['US', 'GB', 'DE']),
      tier: 'enterprise',
      route: 'enterprise',
      createdAt: P.before(100, 700),
      email: `platform@${['qualitylane', 'evalstack', 'gradewell', 'judgely', 'assayai', 'rubricly', 'scorepath', 'veritas-qa'][i % 8]}.com`,
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: [r.pick(['py-openai', 'node-openai', 'py-anthropic'] as const)],
      ipPool: [ipIn(r, CLOUD), ipIn(r, CLOUD), ipIn(r, CLOUD)],
      ipStick: 'request',
      p: { gap: r.int(150, 500) },
      s: { model: r.pick(['main', 'lite']) },
      verified: true,
      contract: `ctr_${r.hex(8)}`,
    });
  });
  honestSmall(0.004, () => {
    const c = r.weighted(COUNTRIES);
    P.add(H.eduApp, 'education-app', null, {
      country: c,
      tier: 'pro',
      route: r.pick(['startup-credits', 'self-serve', 'education'] as const),
      createdAt: P.before(20, 500),
      email: `dev@${r.pick(['mathbuddy', 'stepwise', 'tutorfox', 'aprende', 'lernfix', 'solvio'])}${r.int(1, 99)}.app`,
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: [r.pick(['node-openai', 'py-openai', 'node-anthropic'] as const)],
      ipPool: [ipIn(r, CLOUD), ipIn(r, CLOUD)],
      ipStick: 'request',
      p: { rate: r.logNormal(45, 0.5), sys: r.int(0, 2) },
      s: { model: r.pick(['lite', 'main', 'think']) },
    });
  });
  // University cohorts: same campus NAT, signups within a day or two of a course starting.
  const cohorts = 3;
  const nStud = count(total, 0.04);
  for (let k = 0; k < cohorts; k++) {
    const c = r.pick(['US', 'DE', 'ES', 'IN', 'KR'] as const);
    const campus = `${r.int(128, 160)}.${r.int(0, 255)}.${r.int(0, 255)}`;
    const courseStart = T.start - r.range(0, 20) * DAY;
    const dom = r.pick([
      'state-univ.edu',
      'tu-nord.de',
      'uni-madrid.es',
      'iit-like.ac.in',
      'hanguk-univ.ac.kr',
    ]);
    const lang = c === 'DE' ? 'de' : c === 'ES' ? 'es' : 'en';
    for (let i = 0; i < Math.floor(nStud / cohorts); i++)
      P.add(H.student, 'university-student', null, {
        country: c,
        tier: r.chance(0.7) ? 'free' : 'unverified',
        route: 'education',
        createdAt: courseStart + r.range(0, 40) * HOUR,
        email: personEmail(r, dom),
        signupIp: `${campus}.${r.int(2, 250)}`,
        payment: null,
        clients: [r.chance(0.7) ? 'browser-app' : 'py-openai'],
        ipPool: [`${campus}.${r.int(2, 250)}`, ...P.homePool(c)],
        ipStick: 'session',
        p: { rate: r.logNormal(1.3, 0.5) },
        s: { lang },
      });
  }
  honestSmall(0.0012, (i) => {
    P.add(H.licensed, 'licensed-synthetic-data', null, {
      country: r.pick(['US', 'FR', 'GB']),
      tier: 'enterprise',
      route: 'enterprise',
      createdAt: P.before(60, 400),
      email: `data-licensing@${['synthfoundry', 'corpusworks', 'datagrain'][i % 3]}.ai`,
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: ['py-openai'],
      ipPool: Array.from({ length: 6 }, () => ipIn(r, CLOUD)),
      ipStick: 'request',
      p: { gap: r.int(60, 150) },
      verified: true,
      contract: `ctr_lic_${r.hex(6)}`,
    });
  });
  honestSmall(0.004, () => {
    const sets = [
      ['positive,negative,neutral', '31587,31591,60771'],
      ['spam,ham', '42811,1585'],
      ['yes,no', '9891,2201'],
      ['toxic,safe', '93102,19062'],
      ['billing,shipping,technical,other', '65762,59621,11129,1023'],
    ];
    const s = r.pick(sets);
    const c = r.weighted(COUNTRIES);
    P.add(H.classifier, 'logprob-classifier', null, {
      country: c,
      tier: 'pro',
      route: 'self-serve',
      createdAt: P.before(20, 500),
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: ['py-openai'],
      ipPool: [ipIn(r, CLOUD)],
      ipStick: 'day',
      p: { rate: r.logNormal(35, 0.6) },
      s: { labels: s[0]!, ids: s[1]! },
    });
  });
  honestSmall(0.007, () => {
    P.add(H.ciBot, 'ci-review-bot', null, {
      tier: r.chance(0.5) ? 'pro' : 'enterprise',
      route: 'self-serve',
      createdAt: P.before(15, 500),
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: [r.pick(['node-openai', 'py-anthropic', 'curl'] as const)],
      ipPool: Array.from({ length: 8 }, () => ipIn(r, CLOUD)),
      ipStick: 'request',
      p: { rate: r.logNormal(7, 0.5) },
      s: {
        repo: `${r.pick(['acme', 'northwind', 'globex', 'initech'])}/${r.pick(['api', 'web', 'infra', 'billing'])}`,
        model: r.pick(['main', 'lite']),
      },
    });
  });
  honestSmall(0.008, () => {
    P.add(H.rewriteTool, 'rewrite-variations-tool', null, {
      tier: 'pro',
      route: r.pick(['self-serve', 'startup-credits'] as const),
      createdAt: P.before(10, 400),
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: [r.pick(['node-openai', 'node-anthropic', 'py-openai'] as const)],
      ipPool: [ipIn(r, CLOUD), ipIn(r, CLOUD)],
      ipStick: 'request',
      p: { rate: r.logNormal(45, 0.6), tpl: r.int(0, 2) },
    });
  });
  const orgs = 3;
  const nCorp = count(total, 0.06);
  for (let k = 0; k < orgs; k++) {
    const c = r.pick(['US', 'DE', 'JP', 'GB', 'IN'] as const);
    const egress = `${r.int(60, 90)}.${r.int(0, 255)}.${r.int(0, 255)}`;
    const dom = [
      'northwind-logistics.com',
      'globex-insurance.de',
      'kaiyo-electronics.jp',
      'thamesbank.co.uk',
      'sunrise-pharma.in',
    ][k % 5]!;
    const pay = payFp(r);
    const contract = `ctr_${r.hex(8)}`;
    const onboard = T.start - r.range(30, 200) * DAY;
    const sys = `You are the internal assistant of ${dom.split('.')[0]}. Be concise and professional. Do not include customer personal data in answers.`;
    for (let i = 0; i < Math.floor(nCorp / orgs); i++)
      P.add(H.corp, 'enterprise-employee', null, {
        country: c,
        tier: 'enterprise',
        route: 'enterprise',
        createdAt: onboard + (r.chance(0.7) ? r.range(0, 2) * DAY : r.range(2, 150) * DAY),
        email: personEmail(r, dom),
        signupIp: `${egress}.${r.int(2, 30)}`,
        payment: pay,
        clients: [r.pick(['browser-app', 'ide', 'py-openai'] as const)],
        ipPool: [`${egress}.${r.int(2, 30)}`, `${egress}.${r.int(2, 30)}`],
        ipStick: 'request',
        p: { rate: r.logNormal(1.8, 0.5) },
        s: { sys },
        tz: TZ[c] ?? 0,
        verified: true,
        contract,
      });
  }
  honestSmall(0.0016, (i) => {
    P.add(H.router, 'licensed-router', null, {
      country: 'US',
      tier: 'enterprise',
      route: 'enterprise',
      createdAt: P.before(100, 500),
      email: `api@${['routewise', 'modelmux', 'tokenhub', 'relaystack'][i % 4]}.io`,
      signupIp: ipIn(r, CLOUD),
      payment: payFp(r),
      clients: ['node-openai', 'py-anthropic'],
      ipPool: Array.from({ length: 12 }, () => ipIn(r, CLOUD)),
      ipStick: 'request',
      p: { rate: r.logNormal(250, 0.4) },
      verified: true,
      contract: `ctr_${r.hex(8)}`,
    });
  });

  // ---------------- hostile ----------------
  let cn = 0;
  const campaign = (
    fam: Family,
    kind: string,
    frac: number,
    style: 0 | 1 | 2,
    extra: (i: number) => { p?: Record<string, number>; s?: Record<string, string> } = () => ({}),
  ): void => {
    const id = `cmp_${(++cn).toString().padStart(2, '0')}_${r.hex(4)}`;
    const n = count(total, frac);
    const ids: string[] = [];
    const syncOn = r.range(0, 30);
    const syncOff = r.range(T.days * 24 - 30, T.days * 24 + 10);
    const shift = style === 0 ? r.range(1, 6) : style === 1 ? r.range(4, 20) : r.range(10, 30);
    const moveShare = r.range(0.45, 0.65);
    const burst = r.chance(0.5) ? 1 : 0;
    const salt = r.int(0, 5000);
    // Sloppy: one hosting range, a handful of cards, a signup burst, one client.
    const hostNet = { prefixes: [r.pick(HOSTING.prefixes)], octets: 3 as const };
    const cards = Array.from({ length: r.int(2, 5) }, () => payFp(r));
    const burstAt = T.start - r.range(-2, 12) * DAY;
    const sloppyClient: ClientKind = r.pick(['go', 'requests', 'httpx'] as const);
    const emailDom = r.pick(['mailbox-fast.net', 'gmail.com', 'kodex-lab.com', 'outlook.com']);
    // Careful: a residential proxy pool spread over many honest-looking ISP ranges.
    const proxyCountries = r.sample(
      COUNTRIES.map((x) => x[0]),
      8,
    );
    const proxyPool = Array.from({ length: 400 }, () =>
      ipIn(r, r.chance(0.3) ? mobileNet(r.pick(proxyCountries)) : ispNet(r.pick(proxyCountries))),
    );
    for (let i = 0; i < n; i++) {
      const e = extra(i);
      const p: Record<string, number> = {
        style,
        rank: i,
        csize: n,
        shift: shift + r.range(0, 4),
        moveShare,
        burst,
        salt,
        ...(e.p ?? {}),
      };
      let a: Acct;
      if (style === 0) {
        p.on = syncOn + r.range(0, 0.3);
        p.off = syncOff + r.range(0, 0.3);
        a = P.add(fam, `${kind}-operator`, id, {
          tier: r.chance(0.6) ? 'free' : 'unverified',
          route: r.pick(['startup-credits', 'education', 'research'] as const),
          createdAt: burstAt + r.range(0, 6) * HOUR,
          email:
            emailDom === 'gmail.com' || emailDom === 'outlook.com'
              ? `${r.pick(['alex', 'sam', 'chris', 'jordan', 'lee'])}${r.pick(['dev', 'ml', 'ai', 'lab'])}${r.int(100, 9999)}@${emailDom}`
              : `u${r.int(1000, 99999)}@${emailDom}`,
          signupIp: ipIn(r, hostNet),
          payment: r.pick(cards),
          clients: [sloppyClient],
          ipPool: Array.from({ length: 4 }, () => ipIn(r, hostNet)),
          ipStick: 'request',
          p,
          s: e.s ?? {},
        });
      } else if (style === 1) {
        p.on = r.range(0, T.days * 24 * 0.4);
        p.off = p.on + r.range(T.days * 24 * 0.4, T.days * 24);
        const c = r.pick(proxyCountries);
        a = P.add(fam, `${kind}-operator`, id, {
          country: c,
          tier: r.chance(0.6) ? 'free' : 'pro',
          route: r.weighted([
            ['self-serve', 6],
            ['research', 2],
            ['education', 1],
            ['startup-credits', 1],
          ] as const),
          createdAt: P.before(-1, 60),
          signupIp: r.pick(proxyPool),
          payment: r.chance(0.8) ? payFp(r) : null,
          clients: [P.sdk()],
          ipPool: r.sample(proxyPool, r.int(20, 60)),
          ipStick: 'session',
          p,
          s: e.s ?? {},
        });
      } else {
        p.on = r.range(0, 48);
        p.off = T.days * 24 + 10;
        p.cover = r.range(0.2, 0.4);
        p.buried = r.int(0, 5);
        const c = r.weighted(COUNTRIES);
        a = P.add(fam, `${kind}-operator`, id, {
          country: c,
          tier: 'pro',
          route: r.chance(0.85) ? 'self-serve' : 'research',
          createdAt: P.before(90, 700),
          signupIp: ipIn(r, ispNet(c)),
          payment: payFp(r),
          clients: [P.sdk()],
          ipPool: P.homePool(c),
          ipStick: 'day',
          p,
          s: { wrap: r.pick(['scratch', 'work', 'none']), ...(e.s ?? {}) },
        });
      }
      ids.push(a.rec.id);
    }
    P.campaigns.push({ id, kind, accounts: ids });
  };

  campaign(X.reasoningHarvest, 'reasoning-trace-harvest', 0.012, 0, () => ({
    p: { rate: r.logNormal(60, 0.3) },
  }));
  campaign(X.reasoningHarvest, 'reasoning-trace-harvest', 0.024, 1, () => ({
    p: { rate: r.logNormal(18, 0.5) },
  }));
  campaign(X.reasoningHarvest, 'reasoning-trace-harvest', 0.014, 2, () => ({
    p: { rate: r.logNormal(14, 0.4) },
  }));
  campaign(X.multiturnHarvest, 'multi-turn-rationale-harvest', 0.009, 1, () => ({
    p: { rate: r.logNormal(7, 0.5) },
  }));
  campaign(X.agenticHarvest, 'agentic-tool-harvest', 0.007, 1, () => ({
    p: { rate: r.logNormal(6, 0.4) },
  }));
  campaign(X.agenticHarvest, 'agentic-tool-harvest', 0.005, 2, () => ({
    p: { rate: r.logNormal(5, 0.4), computer: 0.4 },
  }));
  campaign(X.graderHarvest, 'grader-reward-harvest', 0.005, 0, () => ({
    p: { rate: r.logNormal(45, 0.3) },
  }));
  campaign(X.graderHarvest, 'grader-reward-harvest', 0.004, 2, () => ({
    p: { rate: r.logNormal(20, 0.4) },
  }));
  campaign(X.templateSweep, 'template-repetition', 0.016, 0, () => ({
    p: { rate: r.logNormal(70, 0.2) },
  }));
  campaign(X.templateSweep, 'template-repetition', 0.012, 1, () => ({
    p: { rate: r.logNormal(25, 0.5) },
  }));
  campaign(X.instructionBootstrap, 'instruction-bootstrap', 0.003, 0, () => ({
    p: { rate: r.logNormal(40, 0.3) },
  }));
  campaign(X.instructionBootstrap, 'instruction-bootstrap', 0.003, 1, () => ({
    p: { rate: r.logNormal(15, 0.5) },
  }));
  campaign(X.logitExtraction, 'logit-extraction', 0.0012, 0, () => ({
    p: { rate: r.logNormal(400, 0.2), width: r.pick([10, 20, 50]) },
  }));
  campaign(X.logitExtraction, 'logit-extraction', 0.002, 1, () => ({
    p: { rate: r.logNormal(120, 0.3), biasOnly: 1 },
  }));
  campaign(X.paddedDistill, 'padded-general-distill', 0.008, 1, () => ({
    p: { rate: r.logNormal(20, 0.5) },
  }));
  // Through an obfuscated third-party router: egress from the same cloud ranges as licensed routers.
  {
    const before = P.members.length;
    campaign(X.paddedDistill, 'reseller-routed-distill', 0.004, 2, () => ({
      p: { rate: r.logNormal(30, 0.4) },
      s: { router: '1' },
    }));
    for (const m of P.members.slice(before)) {
      m.acct.ipPool = Array.from({ length: 10 }, () => ipIn(r, CLOUD));
      m.acct.ipStick = 'request';
    }
  }
  {
    const id = `cmp_${(++cn).toString().padStart(2, '0')}_${r.hex(4)}`;
    const n = count(total, 0.0016);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = P.add(X.trojanApp, 'trojan-app-operator', id, {
        tier: 'pro',
        route: 'startup-credits',
        createdAt: P.before(30, 200),
        email: `founders@${r.pick(['writemate', 'quillbox', 'draftly', 'notewise'])}${i}.app`,
        signupIp: ipIn(r, CLOUD),
        payment: payFp(r),
        clients: [r.pick(['node-openai', 'node-anthropic'] as const)],
        ipPool: [ipIn(r, CLOUD), ipIn(r, CLOUD)],
        ipStick: 'request',
        p: {
          rate: r.logNormal(110, 0.3),
          share: r.range(0.12, 0.25),
          style: 1,
          rank: i,
          csize: n,
          shift: r.range(6, 20),
          moveShare: 0.5,
          salt: 99,
        },
      });
      ids.push(a.rec.id);
    }
    P.campaigns.push({ id, kind: 'mixed-into-app-harvest', accounts: ids });
  }

  // Casual users fill the rest.
  const remaining = total - P.members.length;
  for (let i = 0; i < remaining; i++) {
    const c = r.weighted(COUNTRIES);
    const tier: Tier = r.weighted([
      ['unverified', 18],
      ['free', 55],
      ['pro', 27],
    ] as const);
    P.add(H.casual, 'casual-chat-user', null, {
      country: c,
      tier,
      route: r.chance(0.05) ? 'education' : 'self-serve',
      createdAt: r.chance(0.06) ? T.start + r.range(0, T.days) * DAY : P.before(1, 900),
      signupIp: ipIn(r, ispNet(c)),
      payment: tier === 'pro' ? payFp(r) : null,
      clients: [r.chance(0.5) ? 'browser-app' : P.sdk()],
      ipPool: P.homePool(c),
      ipStick: 'day',
      p: { rate: r.chance(0.3) ? 0.05 : r.logNormal(1, 0.8) },
    });
  }
  // Interleave so account order says nothing about the family.
  r.shuffle(P.members);
  P.members.forEach((m, i) => (m.acct.idx = i));
  return P;
}
