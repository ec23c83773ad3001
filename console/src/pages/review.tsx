import { useState } from 'preact/hooks';
import { api, LEVELS, type Incident, type Level as L } from '../api';
import { Level, Loading, Page, score, useLoad, when } from '../ui';

type Decision = 'confirm' | 'exempt' | 'false_positive';

function Decide({ i, done }: { i: Incident; done: () => void }) {
  const [decision, setDecision] = useState<Decision>('confirm');
  const [level, setLevel] = useState<L>(
    i.level === 'allow' || i.level === 'monitor' ? 'throttle' : i.level,
  );
  const [days, setDays] = useState('30');
  const [note, setNote] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const id = encodeURIComponent(i.id);
  const submit = async () => {
    try {
      if (decision === 'confirm') {
        // A confirmed campaign keeps its accounts at the chosen level (each pin audited), then the incident closes.
        for (const a of i.accounts)
          await api.put(`/accounts/${encodeURIComponent(a)}/level`, {
            level,
            reason: `incident ${i.id} confirmed${note ? `: ${note}` : ''}`,
          });
        await api.post(`/incidents/${id}/resolve`, {
          resolution: 'confirmed',
          ...(note ? { note } : {}),
        });
      } else {
        await api.post(`/incidents/${id}/resolve`, {
          resolution: 'false_positive',
          ...(note ? { note } : {}),
          ...(decision === 'exempt' ? { exempt: { days: Number(days) } } : {}),
        });
      }
      setMsg({ ok: true, text: 'Decision recorded.' });
      done();
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const name = `decision-${i.id}`;
  return (
    <form
      class="stack decide"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>Decision</legend>
        <label>
          <input
            type="radio"
            name={name}
            value="confirm"
            checked={decision === 'confirm'}
            onChange={() => setDecision('confirm')}
          />{' '}
          Confirm campaign: pin its accounts at
          <select
            aria-label="Level for confirmed accounts"
            value={level}
            onChange={(e) => setLevel((e.target as HTMLSelectElement).value as L)}
          >
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="radio"
            name={name}
            value="exempt"
            checked={decision === 'exempt'}
            onChange={() => setDecision('exempt')}
          />{' '}
          False positive, and exempt its reasons for
          <input
            type="number"
            aria-label="Exemption days"
            min="1"
            max="3650"
            value={days}
            onInput={(e) => setDays((e.target as HTMLInputElement).value)}
          />{' '}
          days
        </label>
        <label>
          <input
            type="radio"
            name={name}
            value="false_positive"
            checked={decision === 'false_positive'}
            onChange={() => setDecision('false_positive')}
          />{' '}
          False positive
        </label>
      </fieldset>
      <label>
        Note{' '}
        <input
          name="note"
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="row">
        <button type="submit">Record decision</button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void api
              .post(`/incidents/${id}/ack`, note ? { note } : {})
              .then(done, (e: Error) => setMsg({ ok: false, text: e.message }))
          }
        >
          Acknowledge
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void api
              .post(`/incidents/${id}/escalate`, note ? { note } : {})
              .then(done, (e: Error) => setMsg({ ok: false, text: e.message }))
          }
        >
          Escalate
        </button>
      </div>
      {msg && (
        <p role="status" class={msg.ok ? 'ok' : 'error'}>
          {msg.text}
        </p>
      )}
    </form>
  );
}

export function Review() {
  const [status, setStatus] = useState('open');
  const s = useLoad(
    () => api.get<{ incidents: Incident[] }>(`/incidents?status=${status}&limit=200`),
    [status],
  );
  return (
    <Page title="Review queue">
      <label>
        Show{' '}
        <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          {['open', 'acknowledged', 'escalated', 'resolved'].map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
      </label>
      <Loading state={s} />
      {s.data && s.data.incidents.length === 0 && <p>No {status} incidents.</p>}
      <ul class="incidents" data-testid="incidents">
        {s.data?.incidents.map((i) => (
          <li key={i.id} class="incident">
            <h2>
              {i.id} <Level level={i.level} /> <span class="muted">score {score(i.score)}</span>
            </h2>
            <p>
              {i.subject} · opened {when(i.openedAt)} · {i.status}
              {i.resolution ? ` (${i.resolution.replace('_', ' ')})` : ''}
            </p>
            <p>
              Accounts:{' '}
              {i.accounts.slice(0, 30).map((a) => (
                <>
                  <a href={`#/accounts/${encodeURIComponent(a)}`}>{a}</a>{' '}
                </>
              ))}
              {i.accounts.length > 30 ? `and ${i.accounts.length - 30} more` : ''}
            </p>
            <h3>Evidence</h3>
            <ul>
              {i.reasons.map((r) => (
                <li key={r.code}>
                  <code>{r.code}</code> ({r.weight.toFixed(2)}): {r.detail}
                </li>
              ))}
              {Object.entries(i.indicators).map(([k, v]) =>
                v && v.length ? (
                  <li key={k}>
                    {k}: {v.slice(0, 8).join(', ')}
                  </li>
                ) : null,
              )}
            </ul>
            {i.history.length > 0 && (
              <details>
                <summary>History ({i.history.length})</summary>
                <ul>
                  {i.history.map((h, k) => (
                    <li key={k}>
                      {when(h.at)} {h.by} {h.action}
                      {h.note ? `: ${h.note}` : ''}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {i.status !== 'resolved' && <Decide i={i} done={s.reload} />}
          </li>
        ))}
      </ul>
    </Page>
  );
}
