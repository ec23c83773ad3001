import { useEffect, useMemo } from 'preact/hooks';
import { api, LEVELS, type Incident, type Level as L, type Reason } from '../api';
import { Level, Loading, num, Page, Plot, score, useLoad } from '../ui';

interface Bucket {
  t: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  actions: Record<string, number>;
}
interface Overview {
  generatedAt: number;
  accounts: { total: number; byLevel: Record<L, number> };
  traffic: { bucketMs: number; buckets: Bucket[] };
  top: Array<{
    account: string;
    score: number;
    level: L;
    cluster: string | null;
    reason: Reason | null;
    volume: { requests: number; tokens: number };
  }>;
  upstreams: Record<
    string,
    { ok: boolean; detail?: string; checkedAt?: number; latencyMs?: number }
  >;
}

const ACTION_COLORS: Record<string, string> = {
  allow: '#137333',
  monitor: '#1a73e8',
  throttle: '#b06000',
  degrade: '#c5221f',
  challenge: '#8430ce',
  block: '#3c4043',
};

export function Overview() {
  const o = useLoad(() => api.get<Overview>('/overview?minutes=60&top=10'));
  const inc = useLoad(() =>
    api
      .get<{ incidents: Incident[] }>('/incidents?status=open&limit=100')
      .catch(() => ({ incidents: [] })),
  );
  useEffect(() => {
    const t = setInterval(() => {
      o.reload();
      inc.reload();
    }, 10_000);
    return () => clearInterval(t);
  }, []);
  const plots = useMemo(() => {
    const b = o.data?.traffic.buckets ?? [];
    const x = b.map((p) => p.t / 1000);
    const actions = [...new Set(b.flatMap((p) => Object.keys(p.actions)))].sort();
    return {
      x,
      requests: [['requests / min', b.map((p) => p.requests), '#1a73e8']] as Array<
        [string, number[], string]
      >,
      tokens: [
        ['input tokens / min', b.map((p) => p.inputTokens), '#137333'],
        ['output tokens / min', b.map((p) => p.outputTokens), '#b06000'],
      ] as Array<[string, number[], string]>,
      actions: actions.map((a) => [
        a,
        b.map((p) => p.actions[a] ?? 0),
        ACTION_COLORS[a] ?? '#5f6368',
      ]) as Array<[string, number[], string]>,
    };
  }, [o.data]);
  const d = o.data;
  return (
    <Page title="Overview">
      <Loading state={o} />
      {d && (
        <>
          <div class="cards">
            <div class="card">
              <h2>Accounts</h2>
              <p class="big">{num(d.accounts.total)}</p>
              <ul class="levels" aria-label="Accounts per level">
                {LEVELS.map((l) => (
                  <li key={l}>
                    <Level level={l} /> <span>{num(d.accounts.byLevel[l] ?? 0)}</span>
                  </li>
                ))}
              </ul>
            </div>
            <div class="card">
              <h2>Open incidents</h2>
              <p class="big">{inc.data ? num(inc.data.incidents.length) : '…'}</p>
              <a href="#/review">Go to the review queue</a>
            </div>
            <div class="card">
              <h2>Upstream health</h2>
              <ul class="plain">
                {Object.entries(d.upstreams).map(([name, u]) => (
                  <li key={name}>
                    <span class={u.ok ? 'ok' : 'bad'}>{u.ok ? '● up' : '● down'}</span> {name}
                    {u.detail ? <span class="muted"> — {u.detail}</span> : null}
                  </li>
                ))}
                {Object.keys(d.upstreams).length === 0 && (
                  <li class="muted">No upstream checks yet.</li>
                )}
              </ul>
            </div>
          </div>
          <h2>Traffic, last hour</h2>
          <div class="plots">
            <Plot
              x={plots.x}
              series={plots.requests}
              label="Requests per minute over the last hour"
            />
            <Plot
              x={plots.x}
              series={plots.tokens}
              label="Input and output tokens per minute over the last hour"
            />
            <Plot
              x={plots.x}
              series={plots.actions}
              label="Requests per action taken, per minute"
            />
          </div>
          <h2 id="top-risk">Top risk scores</h2>
          <table aria-labelledby="top-risk" class="data" data-testid="top-risk">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Score</th>
                <th scope="col">Level</th>
                <th scope="col">Campaign</th>
                <th scope="col">Requests</th>
                <th scope="col">Main reason</th>
              </tr>
            </thead>
            <tbody>
              {d.top.map((t) => (
                <tr key={t.account}>
                  <td>
                    <a href={`#/accounts/${encodeURIComponent(t.account)}`}>{t.account}</a>
                  </td>
                  <td class="num">{score(t.score)}</td>
                  <td>
                    <Level level={t.level} />
                  </td>
                  <td>
                    {t.cluster ? (
                      <a href={`#/campaigns/${encodeURIComponent(t.cluster)}`}>{t.cluster}</a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td class="num">{num(t.volume.requests)}</td>
                  <td>{t.reason ? `${t.reason.code}: ${t.reason.detail}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
