import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Level as L, type Reason } from '../api';
import { Facts, Level, Loading, num, Page, score, useLoad } from '../ui';

interface Summary {
  id: string;
  accounts: Array<{ id: string; score: number; level: L }>;
  level: L;
  maxScore: number;
  reasons: Array<{ code: string; members: number; detail: string }>;
}
interface Graph {
  id: string;
  nodes: Array<{
    id: string;
    score: number;
    level: L;
    tier: string | null;
    requests: number;
    tokens: number;
  }>;
  edges: Array<{ source: string; target: string; kinds: string[]; evidence: string[] }>;
  reasons: Reason[];
  volume: { requests: number; inputTokens: number; outputTokens: number };
  coverage: {
    prompts: number;
    distinctPrompts: number;
    templates: number;
    models: string[];
    overlap: number;
  };
}

export function Campaigns() {
  const s = useLoad(() => api.get<{ data: Summary[] }>('/clusters?limit=200'));
  return (
    <Page title="Campaigns">
      <p>
        Clusters of accounts the detector linked (shared network, client, payment or prompt
        templates), riskiest first.
      </p>
      <Loading state={s} />
      {s.data && (
        <table class="data" data-testid="campaigns">
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Accounts</th>
              <th scope="col">Level</th>
              <th scope="col">Top score</th>
              <th scope="col">Reasons</th>
            </tr>
          </thead>
          <tbody>
            {s.data.data.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/campaigns/${encodeURIComponent(c.id)}`}>{c.id}</a>
                </td>
                <td class="num">{num(c.accounts.length)}</td>
                <td>
                  <Level level={c.level} />
                </td>
                <td class="num">{score(c.maxScore)}</td>
                <td>
                  {c.reasons
                    .slice(0, 3)
                    .map((r) => `${r.code} (${r.members})`)
                    .join(', ')}
                </td>
              </tr>
            ))}
            {s.data.data.length === 0 && (
              <tr>
                <td colSpan={5}>No campaigns yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </Page>
  );
}

const LEVEL_COLOR: Record<string, string> = {
  allow: '#137333',
  monitor: '#1a73e8',
  throttle: '#b06000',
  degrade: '#c5221f',
  challenge: '#8430ce',
  block: '#202124',
};

/** The campaign graph (Cytoscape.js, loaded only on this page). */
function GraphView({
  g,
  onSelect,
}: {
  g: Graph;
  onSelect: (edge: Graph['edges'][number] | null) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cy: { destroy(): void } | undefined;
    let live = true;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (!live || !el.current) return;
      const c = cytoscape({
        container: el.current,
        elements: [
          ...g.nodes.map((n) => ({
            data: {
              id: n.id,
              label: `${n.id}\n${n.score.toFixed(2)}`,
              color: LEVEL_COLOR[n.level] ?? '#5f6368',
              size: 20 + Math.sqrt(n.requests) * 2,
            },
          })),
          ...g.edges.map((e, i) => ({
            data: {
              id: `e${i}`,
              source: e.source,
              target: e.target,
              label: e.kinds.join(', '),
              width: 1 + e.kinds.length,
            },
          })),
        ],
        style: [
          {
            selector: 'node',
            style: {
              'background-color': 'data(color)',
              label: 'data(label)',
              'font-size': 10,
              'text-wrap': 'wrap',
              color: '#202124',
              width: 'data(size)',
              height: 'data(size)',
            },
          },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': '#9aa0a6',
              label: 'data(label)',
              'font-size': 8,
              color: '#3c4043',
              'curve-style': 'bezier',
              'text-rotation': 'autorotate',
              'text-background-color': '#ffffff',
              'text-background-opacity': 1,
            },
          },
          {
            selector: ':selected',
            style: { 'line-color': '#1a73e8', 'border-width': 3, 'border-color': '#1a73e8' },
          },
        ],
        layout: { name: g.nodes.length > 40 ? 'grid' : 'cose', animate: false, padding: 40 },
        maxZoom: 1.5,
        minZoom: 0.2,
      });
      c.on('tap', 'edge', (ev) =>
        onSelect(g.edges[Number(String(ev.target.id()).slice(1))] ?? null),
      );
      c.on(
        'tap',
        'node',
        (ev) => (location.hash = `#/accounts/${encodeURIComponent(String(ev.target.id()))}`),
      );
      cy = c;
    });
    return () => {
      live = false;
      cy?.destroy();
    };
  }, [g]);
  return (
    <div
      class="graph"
      ref={el}
      role="img"
      aria-label={`Graph of ${g.nodes.length} linked accounts and ${g.edges.length} links; the same links are listed in the table below.`}
    />
  );
}

export function CampaignPage({ id }: { id: string }) {
  const g = useLoad(() => api.get<Graph>(`/clusters/${encodeURIComponent(id)}`), [id]);
  const [edge, setEdge] = useState<Graph['edges'][number] | null>(null);
  const d = g.data;
  return (
    <Page title={`Campaign ${id}`}>
      <Loading state={g} />
      {d && (
        <>
          <div class="two">
            <Facts
              rows={[
                ['Accounts', num(d.nodes.length)],
                ['Requests', num(d.volume.requests)],
                ['Tokens in / out', `${num(d.volume.inputTokens)} / ${num(d.volume.outputTokens)}`],
                [
                  'Prompts (distinct)',
                  `${num(d.coverage.prompts)} (${num(d.coverage.distinctPrompts)})`,
                ],
                ['Template frames', num(d.coverage.templates)],
                ['Overlap between members', `${Math.round(d.coverage.overlap * 100)}%`],
                ['Models', d.coverage.models.join(', ') || '—'],
              ]}
            />
            <div>
              <h2>Evidence</h2>
              <ul class="plain">
                {d.reasons.map((r) => (
                  <li key={r.code}>
                    <code>{r.code}</code> ({r.weight.toFixed(2)}): {r.detail}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <GraphView g={d} onSelect={setEdge} />
          {edge && (
            <p role="status" class="selected-edge">
              {edge.source} — {edge.target}: {edge.evidence.join('; ')}
            </p>
          )}
          <h2 id="links-h">Links</h2>
          <table class="data" aria-labelledby="links-h">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Account</th>
                <th scope="col">Shared</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {d.edges.map((e) => (
                <tr key={e.source + e.target}>
                  <td>
                    <a href={`#/accounts/${encodeURIComponent(e.source)}`}>{e.source}</a>
                  </td>
                  <td>
                    <a href={`#/accounts/${encodeURIComponent(e.target)}`}>{e.target}</a>
                  </td>
                  <td>{e.kinds.join(', ')}</td>
                  <td>{e.evidence.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
