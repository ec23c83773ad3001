import { useMemo, useState } from 'preact/hooks';
import { api, LEVELS, type AccountDetail, type Level as L } from '../api';
import { Highlighted, sharedMarks, userText } from '../highlight';
import { Facts, Level, Loading, num, Page, Plot, score, useLoad, when } from '../ui';

interface Timeline {
  risk: Array<{ ts: number; score: number; level: L }>;
  traffic: Array<{ t: number; requests: number; tokens: number; actions: Record<string, number> }>;
  samples: Array<{ ts: number; model: string; action: string; request: unknown; response: string }>;
  network: Array<{ kind: string; value: string; requests: number }>;
  volume: { requests: number; tokens: number };
}

/** A form's outcome line, announced to screen readers. */
function Status({ msg }: { msg: { ok: boolean; text: string } | null }) {
  return msg ? (
    <p class={msg.ok ? 'ok' : 'error'} role="status">
      {msg.text}
    </p>
  ) : null;
}

function useAction(after: () => void) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      setMsg({ ok: true, text: done });
      after();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return { msg, run };
}

function PinForm({ a, reload }: { a: AccountDetail; reload: () => void }) {
  const [level, setLevel] = useState<L>(a.pin?.level ?? 'throttle');
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('');
  const act = useAction(reload);
  const id = encodeURIComponent(a.id);
  return (
    <form
      class="stack"
      aria-labelledby="pin-h"
      onSubmit={(e) => {
        e.preventDefault();
        const until = hours ? Date.now() + Number(hours) * 3_600_000 : undefined;
        void act.run(
          () => api.put(`/accounts/${id}/level`, { level, reason, ...(until ? { until } : {}) }),
          `Pinned at ${level}.`,
        );
      }}
    >
      <h2 id="pin-h">Level pin</h2>
      <p>
        {a.pin ? (
          <>
            Pinned at <Level level={a.pin.level} /> by {a.pin.by} ({a.pin.reason}), until{' '}
            {a.pin.until ? when(a.pin.until) : 'removed'}.
          </>
        ) : (
          'No pin: the detector decides.'
        )}
      </p>
      <label>
        Level
        <select
          name="level"
          value={level}
          onChange={(e) => setLevel((e.target as HTMLSelectElement).value as L)}
        >
          {LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <label>
        Reason (required, audited){' '}
        <input
          name="reason"
          required
          maxLength={1000}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Expires after (hours, empty: until removed){' '}
        <input
          name="hours"
          type="number"
          min="1"
          step="1"
          value={hours}
          onInput={(e) => setHours((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="row">
        <button type="submit">Pin level</button>
        {a.pin && (
          <button
            type="button"
            class="secondary"
            onClick={() => void act.run(() => api.del(`/accounts/${id}/level`), 'Pin removed.')}
          >
            Remove pin
          </button>
        )}
      </div>
      <Status msg={act.msg} />
    </form>
  );
}

function LimitsForm({ a, reload }: { a: AccountDetail; reload: () => void }) {
  const fields = ['requestsPerMinute', 'tokensPerMinute', 'tokensPerDay', 'tokensPerMonth'];
  const [v, setV] = useState<Record<string, string>>(
    Object.fromEntries(
      fields.map((f) => [f, a.limits?.[f] !== undefined ? String(a.limits[f]) : '']),
    ),
  );
  const act = useAction(reload);
  return (
    <form
      class="stack"
      aria-labelledby="limits-h"
      onSubmit={(e) => {
        e.preventDefault();
        const body = Object.fromEntries(fields.filter((f) => v[f]).map((f) => [f, Number(v[f])]));
        void act.run(
          () => api.put(`/accounts/${encodeURIComponent(a.id)}/limits`, body),
          'Limits saved.',
        );
      }}
    >
      <h2 id="limits-h">Limits</h2>
      {fields.map((f) => (
        <label key={f}>
          {f}{' '}
          <input
            name={f}
            type="number"
            min="1"
            step="1"
            value={v[f]}
            onInput={(e) => setV({ ...v, [f]: (e.target as HTMLInputElement).value })}
          />
        </label>
      ))}
      <button type="submit">Save limits</button>
      <Status msg={act.msg} />
    </form>
  );
}

function VerifyForm({ a, reload }: { a: AccountDetail; reload: () => void }) {
  const [org, setOrg] = useState(a.organization ?? '');
  const [note, setNote] = useState('');
  const act = useAction(reload);
  return (
    <form
      class="stack"
      aria-labelledby="verify-h"
      onSubmit={(e) => {
        e.preventDefault();
        void act.run(
          () =>
            api.post(`/accounts/${encodeURIComponent(a.id)}/verify`, {
              ...(org ? { organization: org } : {}),
              ...(note ? { note } : {}),
            }),
          'Verification recorded.',
        );
      }}
    >
      <h2 id="verify-h">Verify organisation</h2>
      <p>
        {a.verified
          ? `Verified by ${a.verified.by} at ${when(a.verified.at)}${a.verified.organization ? ` (${a.verified.organization})` : ''}.`
          : 'Not verified.'}
      </p>
      <label>
        Organisation{' '}
        <input
          name="organization"
          value={org}
          onInput={(e) => setOrg((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Note{' '}
        <input
          name="note"
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit">Record verification</button>
      <Status msg={act.msg} />
    </form>
  );
}

function Keys({ a, reload }: { a: AccountDetail; reload: () => void }) {
  const act = useAction(reload);
  return (
    <>
      <h2 id="keys-h">Keys</h2>
      <table class="data" aria-labelledby="keys-h">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {a.keys.map((k) => (
            <tr key={k.id}>
              <td>
                <code>{k.prefix}…</code> <span class="muted">{k.id}</span>
              </td>
              <td>{k.name ?? '—'}</td>
              <td>{when(k.createdAt)}</td>
              <td>{k.status}</td>
              <td>
                {k.status === 'active' ? (
                  <button
                    type="button"
                    class="danger"
                    onClick={() =>
                      confirm(`Revoke key ${k.prefix}…? Clients using it stop at once.`) &&
                      void act.run(
                        () => api.del(`/keys/${encodeURIComponent(k.id)}`),
                        `Key ${k.prefix}… revoked.`,
                      )
                    }
                  >
                    Revoke
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Status msg={act.msg} />
    </>
  );
}

function Samples({ t }: { t: Timeline }) {
  const texts = t.samples.map((s) => userText(s.request));
  const marks = useMemo(() => sharedMarks(texts), [t]);
  return (
    <>
      <h2>Sample prompts</h2>
      <p class="muted">
        The latest {t.samples.length} requests; <mark>highlighted</mark> words are template text
        shared with other samples.
      </p>
      <ol class="samples" data-testid="samples">
        {t.samples.map((s, i) => (
          <li key={i}>
            <div class="muted">
              {when(s.ts)} · {s.model} · <Level level={s.action} />
            </div>
            <p class="prompt">
              <Highlighted text={texts[i] ?? ''} marks={marks[i] ?? []} />
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

export function AccountPage({ id }: { id: string }) {
  const enc = encodeURIComponent(id);
  const a = useLoad(() => api.get<AccountDetail>(`/accounts/${enc}`), [id]);
  const t = useLoad(() => api.get<Timeline>(`/accounts/${enc}/timeline?hours=24&samples=20`), [id]);
  const linked = useLoad(async () => {
    const c = a.data?.verdict.cluster;
    if (!c) return [];
    const list = await api.get<{
      data: Array<{ id: string; accounts: Array<{ id: string; score: number; level: L }> }>;
    }>('/clusters?limit=1000');
    return list.data.find((x) => x.id === c)?.accounts.filter((m) => m.id !== id) ?? [];
  }, [a.data?.verdict.cluster]);
  const reload = () => {
    a.reload();
    t.reload();
  };
  const risk = useMemo(() => {
    const r = t.data?.risk ?? [];
    return {
      x: r.map((p) => p.ts / 1000),
      s: [['risk score', r.map((p) => p.score), '#c5221f']] as Array<[string, number[], string]>,
    };
  }, [t.data]);
  const vol = useMemo(() => {
    const r = t.data?.traffic ?? [];
    return {
      x: r.map((p) => p.t / 1000),
      s: [['requests / hour', r.map((p) => p.requests), '#1a73e8']] as Array<
        [string, number[], string]
      >,
    };
  }, [t.data]);
  const d = a.data;
  return (
    <Page title={`Account ${id}`}>
      <Loading state={a} />
      {d && (
        <>
          <p class="verdict-line">
            Level in force <Level level={d.level} /> · detector <Level level={d.verdict.level} /> ·
            score <strong data-testid="score">{score(d.verdict.score)}</strong>
            {d.verdict.cluster && (
              <>
                {' '}
                · campaign{' '}
                <a href={`#/campaigns/${encodeURIComponent(d.verdict.cluster)}`}>
                  {d.verdict.cluster}
                </a>
              </>
            )}
          </p>
          <div class="two">
            <div>
              <h2 id="reasons-h">Why: the verdict's reasons</h2>
              {d.verdict.reasons.length === 0 ? (
                <p>No risk reasons.</p>
              ) : (
                <table class="data" aria-labelledby="reasons-h" data-testid="reasons">
                  <thead>
                    <tr>
                      <th scope="col">Reason</th>
                      <th scope="col">Weight</th>
                      <th scope="col">Evidence</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.verdict.reasons.map((r) => (
                      <tr key={r.code}>
                        <td>
                          <code>{r.code}</code>
                        </td>
                        <td class="num">{r.weight.toFixed(2)}</td>
                        <td>{r.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p class="muted">Verdict updated {when(d.verdict.updatedAt)}.</p>
            </div>
            <div>
              <h2>Account</h2>
              <Facts
                rows={[
                  ['Name', d.name],
                  ['Email', d.email],
                  ['Tier', d.tier],
                  ['Created', when(d.createdAt)],
                  ['Signup route', d.route],
                  ['Country', d.country],
                  ['Organisation', d.organization],
                  ['Signup IP', d.signupIp],
                  ['Payment fingerprint', d.paymentFingerprint],
                  [
                    'Disabled',
                    d.disabled
                      ? `${when(d.disabled.at)} by ${d.disabled.by}: ${d.disabled.reason}`
                      : 'no',
                  ],
                  ['Requests (since start)', t.data ? num(t.data.volume.requests) : '…'],
                ]}
              />
            </div>
          </div>
          <h2>Risk timeline</h2>
          <Loading state={t} />
          {t.data && (
            <div class="plots">
              {risk.x.length > 0 ? (
                <Plot x={risk.x} series={risk.s} yRange={[0, 1]} label="Risk score over time" />
              ) : (
                <p class="muted">No score changes recorded since the server started.</p>
              )}
              {vol.x.length > 0 ? (
                <Plot x={vol.x} series={vol.s} label="Requests per hour, last 24 hours" />
              ) : (
                <p class="muted">No requests in the last 24 hours.</p>
              )}
            </div>
          )}
          {t.data && <Samples t={t.data} />}
          {t.data && (
            <>
              <h2 id="net-h">Fingerprints and network keys</h2>
              <table class="data" aria-labelledby="net-h">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Value</th>
                    <th scope="col">Requests</th>
                  </tr>
                </thead>
                <tbody>
                  {t.data.network.map((n) => (
                    <tr key={n.kind + n.value}>
                      <td>{n.kind}</td>
                      <td>
                        <code>{n.value}</code>
                      </td>
                      <td class="num">{num(n.requests)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>Linked accounts</h2>
          {linked.data && linked.data.length > 0 ? (
            <ul class="plain">
              {linked.data.map((m) => (
                <li key={m.id}>
                  <a href={`#/accounts/${encodeURIComponent(m.id)}`}>{m.id}</a>{' '}
                  <Level level={m.level} /> {score(m.score)}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">
              {d.verdict.cluster ? 'No other members.' : 'Not linked to a campaign.'}
            </p>
          )}
          <Keys a={d} reload={reload} />
          <div class="forms">
            <PinForm a={d} reload={reload} />
            <LimitsForm a={d} reload={reload} />
            <VerifyForm a={d} reload={reload} />
          </div>
        </>
      )}
    </Page>
  );
}
