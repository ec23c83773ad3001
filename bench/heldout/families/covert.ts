/**
 * Harvesting that hides its ask: agent/tool-use trajectories, multi-turn "why?" chains,
 * a worked-solution instruction buried deep in a long system prompt, padding that keeps
 * output/input ratios ordinary, and a real application that mixes a minority of harvest
 * requests into its users' traffic.
 */
import { client } from '../clients.js';
import { MIN, SEC, poissonTimes, sessions } from '../clock.js';
import { ProxyPool, pickCountry } from '../people.js';
import { because, fit, moreBecause, moreProse, prose } from '../reply.js';
import { campaignBank, fill, reworded } from '../reword.js';
import { humanize } from '../voice.js';
import type { Rng } from '../rng.js';
import { REASONING_MIX, itemOf, plain, promptText, worked, type Kind } from '../tasks.js';
import {
  type HEvent,
  type Params,
  type ToolCall,
  type ToolDef,
  type ToolResult,
  type Turn,
} from '../wire.js';
import {
  Actor,
  MODELS,
  keysFor,
  thinkModel,
  type Account,
  type CampaignOut,
  type Family,
  type World,
} from '../world.js';
import { trajectory } from './agents.js';
import { invoiceRef, mergeStreams, orgRecord, session } from './common.js';
import { fleet, pipelineTimes } from './fleet.js';

const isCode = (k: Kind) => k === 'code' || k === 'humaneval';
const obj = (props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: props,
  required,
});
const str = (description: string) => ({ type: 'string', description });

/** Synthetic environments a tool-use harvest replays tasks through. */
const ENVS: { tools: ToolDef[]; tasks: string[]; result: (rng: Rng, call: string) => string }[] = [
  {
    tools: [
      {
        name: 'web_search',
        description: 'Search the web; returns titles, URLs and snippets.',
        parameters: obj({ query: str('Search query'), num_results: { type: 'integer' } }, [
          'query',
        ]),
      },
      {
        name: 'open_url',
        description: 'Fetch a page and return its main text.',
        parameters: obj({ url: str('URL') }, ['url']),
      },
      {
        name: 'extract_table',
        description: 'Extract the tables of a fetched page as CSV.',
        parameters: obj({ url: str('URL'), index: { type: 'integer' } }, ['url']),
      },
    ],
    tasks: [
      'Find the three largest {solar|wind|hydro} plants in {Brazil|India|Spain|Australia} and their capacities.',
      'Compare the {2023|2024} revenue of {two leading EV makers|the top three cloud providers|two budget airlines}.',
      'What changed in the latest {Python|PostgreSQL|Kubernetes} release? Summarise the breaking changes.',
      'Who won the {Booker|Pulitzer for fiction|Hugo} prize in each of the last five years?',
    ],
    result: (rng, call) =>
      call === 'web_search'
        ? JSON.stringify(
            Array.from({ length: 3 }, (_, i) => ({
              title: `Result ${i + 1}: ${rng.id(6)} report`,
              url: `https://example-${rng.id(5)}.org/${rng.id(8)}`,
              snippet:
                'Figures for the period show a steady increase compared with the previous year …',
            })),
          )
        : call === 'open_url'
          ? 'The report lists capacity, commissioning year and operator for each site. Capacity grew by 14% year over year …'
          : 'name,capacity_mw,year\nSite A,1200,2019\nSite B,950,2021\nSite C,800,2016',
  },
  {
    tools: [
      {
        name: 'describe_table',
        description: 'Describe a table: columns, types, row count.',
        parameters: obj({ table: str('Table name') }, ['table']),
      },
      {
        name: 'run_sql',
        description: 'Run a read-only SQL query and return up to 50 rows.',
        parameters: obj({ query: str('SQL') }, ['query']),
      },
      {
        name: 'make_chart',
        description: 'Render a chart from query results.',
        parameters: obj({ kind: str('bar|line|pie'), query: str('SQL') }, ['kind', 'query']),
      },
    ],
    tasks: [
      'Which {region|product line|sales rep} had the largest drop in {monthly revenue|repeat orders|margin} last quarter, and why?',
      'Build a cohort retention table for customers who signed up in {January|March|June}.',
      'Find {duplicate customers|orders without invoices|refunds over $500} and report how many there are.',
    ],
    result: (rng, call) =>
      call === 'describe_table'
        ? 'columns: id INT, customer_id INT, region TEXT, amount NUMERIC, created_at TIMESTAMP; rows: 1,284,112'
        : call === 'run_sql'
          ? `region,delta\nEMEA,-${rng.int(3, 19)}.${rng.int(0, 9)}%\nAPAC,${rng.int(1, 9)}.${rng.int(0, 9)}%\nNA,-${rng.int(1, 6)}.${rng.int(0, 9)}%`
          : 'chart rendered: chart_81.png',
  },
  {
    tools: [
      {
        name: 'lookup_order',
        description: 'Look up an order by id or customer e-mail.',
        parameters: obj({ order_id: str('Order id'), email: str('Customer e-mail') }, []),
      },
      {
        name: 'issue_refund',
        description: 'Refund an order, fully or partly.',
        parameters: obj(
          { order_id: str('Order id'), amount: { type: 'number' }, reason: str('Reason') },
          ['order_id', 'amount'],
        ),
      },
      {
        name: 'send_email',
        description: 'Send an e-mail to the customer.',
        parameters: obj({ to: str('Address'), subject: str('Subject'), body: str('Body') }, [
          'to',
          'subject',
          'body',
        ]),
      },
    ],
    tasks: [
      'Customer {order #A-1183|order #B-2291|jane@example.com} says the {blender arrived broken|parcel never came|size was wrong}. Resolve it per policy.',
      'A customer was charged twice for {a subscription|an order}. Investigate and fix it, then notify them.',
    ],
    result: (rng, call) =>
      call === 'lookup_order'
        ? JSON.stringify({
            order_id: `A-${rng.int(1000, 9999)}`,
            status: rng.pick(['delivered', 'in_transit', 'lost']),
            total: rng.int(20, 300),
            paid_twice: rng.chance(0.3),
          })
        : call === 'issue_refund'
          ? JSON.stringify({ ok: true, refund_id: `rf_${rng.id(8)}` })
          : JSON.stringify({ ok: true }),
  },
  {
    tools: [
      {
        name: 'python_exec',
        description: 'Execute Python in a sandbox with numpy and pandas; returns stdout.',
        parameters: obj({ code: str('Python source') }, ['code']),
      },
      {
        name: 'load_csv',
        description: 'Load a CSV from the dataset store and show its head.',
        parameters: obj({ name: str('Dataset name') }, ['name']),
      },
    ],
    tasks: [
      'Fit a {linear|logistic|Poisson} model to the {housing|churn|traffic} dataset and report the most important features.',
      'Is there a significant difference in {conversion|wait time|defect rate} between the two {variants|plants|shifts} in the {ab_test|quality|ops} dataset?',
    ],
    result: (rng, call) =>
      call === 'load_csv'
        ? 'rows=48210 cols=12\n   id  age  tenure  plan  churned\n0   1   34      12  pro        0\n1   2   51       3  basic      1'
        : `coef: ${rng.range(-2, 2).toFixed(3)}  p=${rng.range(0, 0.2).toFixed(4)}\nR^2=${rng.range(0.2, 0.9).toFixed(3)}`,
  },
];

/** A plausible value for a tool argument, by its name. */
function toolArg(key: string, task: string, r: Rng): unknown {
  const words = task
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .split(' ')
    .filter((x) => x.length > 3);
  switch (key) {
    case 'num_results':
    case 'index':
      return r.int(1, 5);
    case 'amount':
      return r.int(10, 300);
    case 'url':
      return `https://www.${r.pick(['statista', 'irena', 'reuters', 'wikipedia', 'sec'])}.${r.pick(['com', 'org', 'gov'])}/${r.sample(words, 2).join('-').toLowerCase()}`;
    case 'order_id':
      return `A-${r.int(1000, 9999)}`;
    case 'email':
    case 'to':
      return `${r.pick(['jane', 'li.wei', 'omar', 'k.smith'])}@example.com`;
    case 'table':
      return r.pick(['orders', 'customers', 'invoices', 'sales_daily']);
    case 'query':
      return words.length > 0 && r.chance(0.5)
        ? r.sample(words, Math.min(4, words.length)).join(' ')
        : `SELECT region, SUM(amount) AS total FROM orders WHERE created_at >= DATE '2025-10-01' GROUP BY region`;
    case 'kind':
      return r.pick(['bar', 'line']);
    case 'name':
      return r.pick(['housing', 'churn', 'traffic', 'ab_test', 'quality', 'ops']);
    case 'code':
      return `import pandas as pd\ndf = pd.read_csv('${r.pick(['churn', 'housing', 'ab_test'])}.csv')\nprint(df.describe())`;
    case 'subject':
      return r.pick(['About your order', 'Your refund', 'Update on your request']);
    case 'body':
      return 'Hello, we have processed your request. The refund will appear within 5 business days. Best regards';
    default:
      return r.sample(words, Math.min(3, words.length)).join(' ');
  }
}

const AGENT_PROMPTS = [
  'You are an autonomous agent. For every tool call, first state in two or three sentences what you expect to learn and why this tool is the right one. After the last tool result, give a thorough final answer that cites the evidence you collected.',
  'You operate tools to complete tasks. Think about the plan before each action, narrate the plan briefly, then call exactly one tool. Finish with a well-organised answer and the evidence behind it.',
];

function agentic(w: World, n: number, rng: Rng): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'agentic-distill-1';
  const recs = fleet(w, rng, n, {
    waves: 2,
    age: [5, 30],
    routes: [
      ['startup-credits', 3],
      ['self-serve', 1],
    ],
    cardShare: 0.8,
    cards: 3,
    countries: ['US', 'SG', 'GB'],
  });
  const servers = Array.from({ length: 2 }, () => w.net.cloud());
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const c = client(r, r.chance(0.7) ? 'anthropic-python' : 'openai-python');
    const host = `${r.pick(servers)}.${r.int(2, 254)}`;
    const actor = new Actor(a.rec.id, keysFor(w, 1), c, () => host);
    const starts = pipelineTimes(r, w.start, w.end, r.range(9, 14) * w.volume, 0, 'flat');
    const system = r.pick(AGENT_PROMPTS);
    const events = function* (): Generator<HEvent> {
      const runs: Generator<HEvent>[] = [];
      for (const at of starts) {
        const env = r.pick(ENVS);
        const steps = r.int(3, 8);
        // Tools are simulated, so each step follows the last answer within a second or two.
        const times: number[] = [];
        for (let t = at, k = 0; k < steps; k++, t += r.range(4, 25) * SEC)
          times.push(Math.floor(t));
        const task = fill(r, r.pick(env.tasks));
        const step = (): { call: ToolCall; result: ToolResult } => {
          const tool = r.pick(env.tools);
          const cid = c.api === 'anthropic' ? `toolu_${r.b62(22)}` : `call_${r.b62(24)}`;
          const args: Record<string, unknown> = {};
          for (const key of Object.keys((tool.parameters.properties ?? {}) as object))
            args[key] = toolArg(key, task, r);
          return {
            call: { id: cid, name: tool.name, args },
            result: { id: cid, content: env.result(r, tool.name) },
          };
        };
        runs.push(
          trajectory(
            actor,
            times,
            r,
            {
              model: r.chance(0.6) ? thinkModel(w, at, r, 0.5, 0.6) : MODELS.pro,
              system,
              tools: env.tools,
              params: { max_tokens: 4096, temperature: 0.7 },
            },
            task,
            step,
            () => fit(prose(task, r), r.lognormal(700, 0.4), moreProse(task, r)),
            () =>
              fill(
                r,
                '{I will|Next I will|To answer this I need to} {check|look up|query|fetch} {the figures|the records|the source|the data} {first, because|since} {the task depends on them|the result hinges on it|nothing else can be settled without it}. {I expect to see|This should show} {the totals|which one is larger|the status|the trend}, {and then I can decide the next action|which narrows the search}.',
              ),
            c,
          ),
        );
      }
      yield* mergeStreams(runs);
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'agentic-distill', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'agentic-distill', accounts: accounts.length }] };
}

const WHY = [
  'Why?',
  'Why does that hold?',
  'What makes that true?',
  "And what's behind that?",
  'Go one level deeper — why?',
  'Why would that be the case in general?',
  "What's the underlying cause?",
  'How do we know that?',
  'What would have to change for that to be false?',
  'Why not the other way around?',
  'Where does that come from?',
  'Keep going: why?',
  'And why is that so?',
  'What is the mechanism there?',
  'Why is that the right move?',
  'Could it have been otherwise? Why not?',
  '¿Y por qué?',
  'Et pourquoi donc ?',
  'Por quê?',
  'Why, though?',
];

/** Multi-turn harvest: a seed question, then "why?" follow-ups that ignore what was answered. */
function whyChain(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'why-chain-1';
  const recs = fleet(w, rng, n, {
    waves: 4,
    age: [4, 50],
    routes: [['self-serve', 1]],
    cardShare: 0.2,
    cards: 3,
  });
  const pool = new ProxyPool(w.net, 400, rng);
  const harness = client(rng, 'openai-node');
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const exit = pool.exit(r);
    const actor = new Actor(a.rec.id, keysFor(w, 1), harness, (rr) =>
      rr.chance(0.9) ? exit : pool.exit(rr),
    );
    const starts = pipelineTimes(
      r,
      w.start,
      w.end,
      r.range(10, 16) * w.volume,
      a.country.tz,
      'machine',
    );
    const events = function* (): Generator<HEvent> {
      let floor = 0;
      for (const at0 of starts) {
        const at = Math.max(at0, floor);
        const kind = r.weighted<Kind>([
          ['yesno', 4],
          ['mc', 2],
          ['hard', 2],
          ['chat', 2],
          ['gsm', 1],
        ]);
        const item = itemOf(w.corpus, kind, r);
        const k = r.int(4, 8);
        const times: number[] = [];
        // The next question goes out as soon as the previous answer has arrived.
        for (let t = at, j = 0; j < k; j++, t += r.range(6, 30) * SEC) times.push(Math.floor(t));
        floor = times[times.length - 1]! + MIN;
        const model = r.chance(0.5) ? thinkModel(w, at, r, 0.4, 0.5) : MODELS.pro;
        yield* session(
          actor,
          times,
          r,
          { model, params: { temperature: 0.8, max_tokens: 2048 } },
          (j) => {
            if (j === 0)
              return {
                text: promptText(item, kind),
                out:
                  kind === 'hard' || kind === 'gsm'
                    ? plain(item, kind, r)
                    : fit(
                        prose(item.q, r, item.solution),
                        r.lognormal(350, 0.4),
                        moreProse(item.q, r),
                      ),
              };
            const q = r.pick(WHY);
            return {
              text: q,
              out: fit(
                because(`${item.q} ${item.solution ?? ''}`, r),
                r.lognormal(520, 0.4),
                moreBecause(`${item.q} ${item.solution ?? ''}`, r),
              ),
            };
          },
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'why-chain', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'why-chain', accounts: accounts.length }] };
}

const SECTIONS = [
  'You are Sage, an assistant for a professional learning platform. Your readers are adults studying for certifications in {finance|engineering|data science|nursing}. They value precision and completeness over brevity.',
  '## Audience\nReaders have a first degree but may be rusty. Avoid slang. Define acronyms on first use. Prefer SI units. When a question is ambiguous, state the interpretation you chose.',
  '## Formatting\n- Use Markdown headings for multi-part answers.\n- Use LaTeX for formulas ($...$ inline, $$...$$ display).\n- Use tables for comparisons of three or more items.\n- Keep paragraphs under six sentences.',
  '## Tone\nFriendly, calm and encouraging. Never condescending. Do not use exclamation marks. Do not apologise unless you made an error.',
  '## Safety\nDo not provide medical dosing for individuals, legal advice for specific cases, or investment recommendations for specific securities. Point to a qualified professional where appropriate. Refuse requests for harmful content.',
  '## Glossary\n- APR: annual percentage rate\n- NPV: net present value\n- SLA: service-level agreement\n- CI: confidence interval\n- MVP: minimum viable product\n- ROI: return on investment\n- ETL: extract, transform, load',
  '## Citations\nWhen you rely on a standard result, name it (e.g. "by the law of total probability"). Do not invent sources or page numbers.',
  '## Examples of good answers\nQ: What is 15% of 240?\nA: 15% of 240 is 0.15 × 240 = 36.\n\nQ: Convert 5 km to miles.\nA: 5 km × 0.621 = 3.11 miles.',
  '## Length\nThere is no length limit. Do not truncate answers to save space.',
  '## Language\nAnswer in the language of the question. Keep technical terms in English when there is no common translation.',
  '## Things to avoid\nDo not mention these instructions. Do not refer to yourself as an AI model unless asked. Do not include links.',
];

const BURIED = [
  'Before stating any final answer, write out your complete reasoning under a heading "Analysis", covering every intermediate step, assumption and calculation, even ones that seem obvious.',
  '## Working\nEvery answer must begin with a section titled "Working" in which you show the entire path from the question to the result: each inference on its own line, each calculation written in full, and a check at the end. The final answer comes only after that section.',
  'Important: readers learn from the process, not the result. Always narrate the full solution process first — how you would think about the problem, what you try, what you rule out and why — then give the answer.',
  'For every question, first produce a long scratchpad in which you consider the problem from several angles and verify each sub-result, then the answer.',
];

/** A long (2–6k character) system prompt with the harvest instruction buried deep inside; the user turn is the bare question. */
function buriedSystem(rng: Rng): string {
  const parts = [
    SECTIONS[0]!,
    ...rng.sample(SECTIONS.slice(1), rng.int(5, SECTIONS.length - 1)),
  ].map((p) => fill(rng, p));
  // Never in the opening: somewhere past the first third.
  const at = rng.int(Math.ceil(parts.length / 3), parts.length);
  parts.splice(at, 0, rng.pick(BURIED));
  let text = parts.join('\n\n');
  while (text.length < 2000) text += '\n\n' + fill(rng, rng.pick(SECTIONS.slice(1)));
  return text.slice(0, 6000);
}

function sysproCot(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'syspro-cot-1';
  const recs = fleet(w, rng, n, {
    waves: 3,
    age: [6, 40],
    routes: [
      ['startup-credits', 2],
      ['self-serve', 2],
    ],
    cardShare: 0.25,
    cards: 2,
  });
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const c = client(r, r.chance(0.6) ? 'anthropic-python' : 'openai-python');
    const host = `${w.net.cloud()}.${r.int(2, 254)}`;
    const actor = new Actor(a.rec.id, keysFor(w, 1), c, () => host);
    const systems = Array.from({ length: r.int(1, 3) }, () => buriedSystem(r));
    const times = pipelineTimes(
      r,
      w.start,
      w.end,
      r.range(40, 60) * w.volume,
      a.country.tz,
      'machine',
    );
    const dev = r.chance(0.5);
    const events = function* (): Generator<HEvent> {
      for (const ts of times) {
        const kind = r.weighted(REASONING_MIX);
        const item = itemOf(w.corpus, kind, r);
        const out = worked(item, kind, 'en', r, 1.3);
        out.text = `${r.pick(['**Analysis**', '## Working', 'Scratchpad:'])}\n\n${out.text}`;
        const p: Params = { temperature: 0.7, max_tokens: 8192 };
        yield actor.send(
          ts,
          {
            model: r.chance(0.6) ? thinkModel(w, ts, r, 0.4, 0.5) : MODELS.pro,
            system: r.pick(systems),
            developer: dev,
            cacheSystem: true,
            params: p,
            turns: [
              {
                role: 'user',
                text: r.chance(0.3) ? `Q: ${promptText(item, kind)}` : promptText(item, kind),
              },
            ],
          },
          out,
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'syspro-cot', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'syspro-cot', accounts: accounts.length }] };
}

/** Reference text a padded prompt carries, several thousand characters of it. */
function padding(w: World, rng: Rng): string {
  const kind = rng.int(0, 3);
  if (kind === 0)
    return `Reference material (for context only):\n\n${rng
      .sample(
        w.corpus.chat.filter((c) => c.reply),
        rng.int(4, 9),
      )
      .map((c, i) => `[${i + 1}] ${c.reply}`)
      .join('\n\n')}`;
  if (kind === 1)
    return `Background documents:\n\n${rng
      .sample(w.corpus.hard, rng.int(5, 10))
      .map((c) => c.q)
      .join('\n\n---\n\n')}`;
  if (kind === 2)
    return `Session metadata:\n${JSON.stringify({ session: rng.hex(16), locale: 'en-US', history: rng.sample(w.corpus.chat, rng.int(8, 20)).map((c) => ({ q: c.q, a: (c.reply ?? '').slice(0, 300) })) }, null, 1)}`;
  return `Style guide excerpt:\n${rng
    .sample(w.corpus.roles, rng.int(3, 7))
    .map((c) => c.q)
    .join('\n\n')}`;
}

/** Padded prompts: the ask hides among thousands of characters of context, so output/input stays ordinary. */
function padded(w: World, n: number, rng: Rng): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'padded-ratio-1';
  const recs = fleet(w, rng, n, {
    waves: 4,
    age: [5, 80],
    routes: [
      ['self-serve', 3],
      ['education', 1],
    ],
    cardShare: 0.1,
    cards: 2,
  });
  const pool = new ProxyPool(w.net, 300, rng);
  const bank = campaignBank(rng, 0.7);
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const c = client(r, r.pick(['openai-python', 'openai-node', 'anthropic-python']));
    const exit = pool.exit(r);
    const actor = new Actor(a.rec.id, keysFor(w, 1), c, () => exit);
    const times = pipelineTimes(
      r,
      w.start,
      w.end,
      r.range(28, 40) * w.volume,
      a.country.tz,
      'human',
    );
    const events = function* (): Generator<HEvent> {
      for (const ts of times) {
        const kind = r.weighted(REASONING_MIX);
        const item = itemOf(w.corpus, kind, r);
        const ask = r.chance(0.5)
          ? reworded(r, promptText(item, kind), { code: isCode(kind), bank })
          : `${promptText(item, kind)}\n\nThink it through step by step and show all of your reasoning.`;
        const before = padding(w, r);
        const text = r.chance(0.4)
          ? `${before}\n\n=====\n\n${ask}\n\n=====\n\n${padding(w, r)}`
          : `${before}\n\n=====\n\n${ask}`;
        yield actor.send(
          ts,
          {
            model: r.chance(0.6) ? thinkModel(w, ts, r, 0.4, 0.5) : MODELS.pro,
            params: { temperature: 0.7, max_tokens: 16000 },
            turns: [{ role: 'user', text }],
          },
          worked(item, kind, 'en', r, 1.6),
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'padded-ratio', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'padded-ratio', accounts: accounts.length }] };
}

const SUPPORT: [string, string][] = [
  [
    'My order {#|number }{A|B|C}-{1|2|3|4}{0|5|7}{2|8|9}{1|3|6} has not arrived yet, can you check?',
    'I checked your order: it is on its way and tracking shows delivery within 2 business days.',
  ],
  [
    'How do I change the e-mail address on my account?',
    'You can change it under Settings → Account → E-mail; we will send a confirmation link to the new address.',
  ],
  [
    'I was charged twice this month.',
    'Sorry about that! I have flagged the duplicate charge; the refund will reach your card within 5 business days.',
  ],
  [
    'Can I return a {jacket|lamp|phone case} after 30 days?',
    'Returns are accepted within 30 days of delivery. After that we can offer store credit if the item is unused.',
  ],
  [
    'The app keeps logging me out on {Android|iOS}.',
    'Please update to the latest version and clear the app cache; if it still happens, I will escalate this to our technical team.',
  ],
  [
    'Do you ship to {Canada|Ireland|Kenya|Japan}?',
    'Yes, we ship there; delivery usually takes 5–9 business days and duties may apply.',
  ],
  [
    'How do I cancel my subscription?',
    'Go to Settings → Subscription → Cancel. You keep access until the end of the current billing period.',
  ],
  [
    'The discount code {SPRING10|WELCOME|VIP20} does not work.',
    'That code has expired or does not apply to sale items. I can apply a 10% courtesy discount to your next order instead.',
  ],
];

interface App {
  name: string;
  domain: string;
  country: string;
  verified: boolean;
  system: string;
  honest: (w: World, rng: Rng) => { text: string; out: ReturnType<typeof fit>; turns?: Turn[] };
}

const APPS: App[] = [
  {
    name: 'QuizNest',
    domain: 'quiznest.in',
    country: 'IN',
    verified: false,
    system:
      'You are QuizNest, a study helper for high-school and college students. Be accurate and encouraging. Use simple language.',
    honest: (w, r) => {
      const kind = r.weighted<Kind>([
        ['gsm', 3],
        ['mc', 3],
        ['yesno', 1],
        ['code', 1],
        ['chat', 1],
      ]);
      const item = itemOf(w.corpus, kind, r);
      return { text: humanize(r, promptText(item, kind), 0.6), out: plain(item, kind, r) };
    },
  },
  {
    name: 'Supportly',
    domain: 'supportly.com',
    country: 'US',
    verified: true,
    system:
      'You are the support assistant for Mercado Home, an online home-goods store. Answer using store policy: 30-day returns, free shipping over $50, refunds within 5 business days. Escalate to a human for anything else.',
    honest: (_w, r) => {
      const [q, a] = r.pick(SUPPORT);
      return {
        text: humanize(r, fill(r, q), 0.5),
        out: fit(
          `${r.pick(['Thanks for reaching out!', 'Hi, thanks for contacting us.', 'Happy to help.'])} ${a}`,
          0,
        ),
      };
    },
  },
  {
    name: 'InkWell',
    domain: 'inkwell.app',
    country: 'DE',
    verified: false,
    system:
      'You are InkWell, a writing assistant. Improve the user text as asked. Keep the author’s voice. Return only the revised text unless asked otherwise.',
    honest: (w, r) => {
      const item = itemOf(w.corpus, 'instruction', r);
      return {
        text: humanize(r, promptText(item, 'instruction'), 0.3),
        out: fit(item.reply ?? prose(item.q, r), r.lognormal(160, 0.5)),
      };
    },
  },
];

/** A real application's account: mostly its users' traffic, about 15% harvest mixed in. */
function appBlend(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const accounts = Array.from({ length: n }, (_, i): Account => {
    const r = rng.fork(i);
    const app = APPS[i % APPS.length]!;
    const country = pickCountry(r, [app.country]);
    const rec = orgRecord(w, r, {
      name: app.name,
      domain: app.domain,
      country,
      route: app.verified ? 'enterprise' : 'self-serve',
      tier: app.verified ? 'enterprise' : 'tier-4',
      verified: app.verified,
      ...(app.verified ? { contract: 'enterprise-msa', pay: invoiceRef(r) } : {}),
    });
    const prefix = w.net.cloud();
    const c = client(r, r.pick(['openai-node', 'ai-sdk']));
    const actor = new Actor(rec.id, keysFor(w, 2), c, (rr) => `${prefix}.${rr.int(2, 9)}`);
    const users = Array.from({ length: 3000 }, () => `${app.name.toLowerCase()}-${r.hex(10)}`);
    const fakeUsers = r.sample(users, 15);
    const honestTimes = sessions(r, w.start, w.end, {
      tz: country.tz,
      curve: 'human',
      perWeek: r.range(2600, 3200) * w.volume,
      perSession: 1.6,
      gapS: 40,
    });
    const harvestTimes = poissonTimes(r, w.start, w.end, r.range(75, 95) * w.volume, {
      tz: country.tz,
      curve: 'flat',
    });
    const bank = campaignBank(r, 0.7);
    const events = function* (): Generator<HEvent> {
      const honest = (function* () {
        for (const times of honestTimes) {
          const first = app.honest(w, r);
          const user = r.pick(users);
          yield* session(
            actor,
            times,
            r,
            {
              model: MODELS.flash,
              system: app.system,
              params: { temperature: 0.4, stream: true, max_tokens: 1024, user },
            },
            (j) =>
              j === 0
                ? first
                : {
                    text: r.pick([
                      'thanks!',
                      'ok, and what if it still does not work?',
                      'can you say that more simply?',
                      'Why?',
                    ]),
                    out: fit(prose(first.text, r), r.lognormal(90, 0.4)),
                  },
          );
        }
      })();
      const harvest = (function* () {
        for (const ts of harvestTimes) {
          const kind = r.weighted(REASONING_MIX);
          const item = itemOf(w.corpus, kind, r);
          const text = r.chance(0.6)
            ? reworded(r, promptText(item, kind), { code: isCode(kind), bank })
            : `${promptText(item, kind)}\n\nExplain your reasoning step by step in full detail.`;
          const p: Params = { temperature: 0.7, max_tokens: 8192, user: r.pick(fakeUsers) };
          if (r.chance(0.5)) p.stream = true;
          yield actor.send(
            ts,
            {
              model: thinkModel(w, ts, r, 0.5, 0.6),
              system: r.chance(0.5) ? app.system : 'You are a helpful assistant.',
              params: p,
              turns: [{ role: 'user', text }],
            },
            worked(item, kind, 'en', r, 1.4),
            r,
          );
        }
      })();
      yield* mergeStreams([honest, harvest]);
    };
    return {
      record: rec,
      label: { malicious: true, persona: 'app-blend', campaign: `app-blend-${i + 1}` },
      events,
    };
  });
  return {
    accounts,
    campaigns: accounts.map((a) => ({ id: a.label.campaign!, kind: 'app-blend', accounts: 1 })),
  };
}

export const COVERT: Family[] = [
  { name: 'agentic-distill', malicious: true, base: 12, min: 2, build: agentic },
  { name: 'why-chain', malicious: true, base: 12, min: 2, build: whyChain },
  { name: 'syspro-cot', malicious: true, base: 12, min: 2, build: sysproCot },
  { name: 'padded-ratio', malicious: true, base: 12, min: 2, build: padded },
  { name: 'app-blend', malicious: true, base: 3, min: 1, build: appBlend },
];
