/**
 * Organisations behind one NAT: many honest accounts on one /24 — a university (students
 * sharing a course's problem set of public benchmark questions), a consultancy on one
 * corporate card, a government office, a coding bootcamp.
 */
import { pickCountry } from '../people.js';
import type { Rng } from '../rng.js';
import type { Account, Family, World } from '../world.js';
import { cardFingerprint } from '../people.js';
import type { Org } from './common.js';
import { chatUser, student } from './ordinary.js';

interface OrgPlan {
  domain: string;
  countries: string[];
  share: number;
  route?: string;
  sharedCard?: boolean;
  curve: 'office' | 'school';
  /** Share of members who are students (the rest chat or are power users). */
  students: number;
  pool?: boolean;
}

const ORGS: OrgPlan[] = [
  {
    domain: 'student.unimelb-example.edu',
    countries: ['AU', 'GB', 'US'],
    share: 0.4,
    route: 'education',
    curve: 'school',
    students: 0.7,
    pool: true,
  },
  {
    domain: 'brightline-consulting.com',
    countries: ['GB', 'DE', 'US'],
    share: 0.22,
    sharedCard: true,
    curve: 'office',
    students: 0,
  },
  {
    domain: 'revenue.gov-example.ph',
    countries: ['PH'],
    share: 0.13,
    curve: 'office',
    students: 0,
  },
  {
    domain: 'codecamp-example.com.br',
    countries: ['BR', 'MX'],
    share: 0.25,
    route: 'education',
    curve: 'school',
    students: 0.6,
  },
];

function members(w: World, rng: Rng, plan: OrgPlan, n: number): Account[] {
  const prefix = w.net.prefix();
  const egress = Array.from({ length: rng.int(1, 4) }, () => `${prefix}.${rng.int(2, 254)}`);
  const org: Org = {
    ip: (r) => r.pick(egress),
    domain: plan.domain,
    country: pickCountry(rng, plan.countries),
    curve: plan.curve,
  };
  if (plan.route) org.route = plan.route;
  if (plan.sharedCard) org.pay = cardFingerprint(rng);
  if (plan.pool) org.pool = rng.sample(w.corpus.gsm, 30);
  return Array.from({ length: n }, (_, i) => {
    const r = rng.fork(i);
    return r.chance(plan.students)
      ? student(w, r, 'shared-nat', org)
      : chatUser(w, r, 'shared-nat', r.chance(0.3), org);
  });
}

export const NAT: Family[] = [
  {
    name: 'shared-nat',
    malicious: false,
    base: 120,
    min: 8,
    build: (w, n, rng) => ({
      accounts: ORGS.flatMap((p, i) =>
        members(w, rng.fork(p.domain), p, Math.max(2, Math.round(n * p.share + (i === 0 ? 0 : 0)))),
      ),
    }),
  },
];
