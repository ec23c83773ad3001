import { useState } from 'preact/hooks';
import { api, type AuditEntry } from '../api';
import { Loading, num, Page, useLoad, when } from '../ui';

interface Verify {
  ok: boolean;
  entries: number;
  lastSeq: number | null;
  checkpointsChecked: number;
  problems: Array<{ message: string; seq: number | null }>;
}

/** Entries fetched at most: the newest of the time range (the admin API's `order=desc`). */
const FETCH = 5000;

/** A `datetime-local` value read as UTC (the console shows every time in UTC); undefined when empty. */
const utc = (v: string) => (v ? Date.parse(`${v}Z`) : undefined);

export function Audit() {
  // The time range goes to the admin API (since inclusive, until exclusive); the text filters narrow what came back.
  const [range, setRange] = useState({ from: '', to: '' });
  const s = useLoad(() => {
    const q = new URLSearchParams({ order: 'desc', limit: String(FETCH) });
    const since = utc(range.from);
    const until = utc(range.to);
    if (since !== undefined) q.set('since', String(since));
    if (until !== undefined) q.set('until', String(until));
    return api.get<{ entries: AuditEntry[] }>(`/audit?${q}`);
  }, [range.from, range.to]);
  const v = useLoad(() => api.get<Verify>('/audit/verify'));
  const [f, setF] = useState({ actor: '', action: '', subject: '' });
  const match = (e: AuditEntry) =>
    (!f.actor || e.actor.toLowerCase().includes(f.actor.toLowerCase())) &&
    (!f.action || e.action.toLowerCase().includes(f.action.toLowerCase())) &&
    (!f.subject || e.subject.toLowerCase().includes(f.subject.toLowerCase()));
  const fetched = s.data?.entries ?? [];
  const rows = fetched.filter(match);
  const input = (k: keyof typeof f, label: string) => (
    <label>
      {label}{' '}
      <input
        type="search"
        value={f[k]}
        onInput={(e) => setF({ ...f, [k]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  const time = (k: keyof typeof range, label: string) => (
    <label>
      {label}{' '}
      <input
        type="datetime-local"
        step={1}
        name={k}
        value={range[k]}
        onChange={(e) => setRange({ ...range, [k]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <Page title="Audit log">
      <div
        role="status"
        data-testid="chain"
        class={v.data ? (v.data.ok ? 'result ok' : 'result error') : 'result'}
      >
        {v.data
          ? v.data.ok
            ? `Chain verified: ${num(v.data.entries)} entries intact, ${v.data.checkpointsChecked} signed checkpoints checked.`
            : `Chain broken: ${v.data.problems.map((p) => p.message).join('; ')}`
          : v.error
            ? `Could not verify: ${v.error}`
            : 'Verifying the chain…'}
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        {time('from', 'From (UTC)')}
        {time('to', 'Until (UTC, exclusive)')}
        {(range.from || range.to) && (
          <button type="button" class="secondary" onClick={() => setRange({ from: '', to: '' })}>
            Any time
          </button>
        )}
        {input('actor', 'Actor')}
        {input('action', 'Action')}
        {input('subject', 'Subject')}
      </form>
      <Loading state={s} />
      <table class="data" data-testid="audit">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Reason / data</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 1000).map((e) => (
            <tr key={e.seq}>
              <td class="num">{e.seq}</td>
              <td>{when(e.ts)}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.subject}</td>
              <td>
                {e.reason ?? ''}
                {e.data !== undefined ? (
                  <code class="data-json">{JSON.stringify(e.data).slice(0, 200)}</code>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 1000 && (
        <p class="muted">Showing the newest 1,000 of {num(rows.length)} matches.</p>
      )}
      {fetched.length === FETCH && (
        <p class="muted">
          Only the newest {num(FETCH)} entries of this time range were fetched: narrow it with From
          and Until to see older ones.
        </p>
      )}
    </Page>
  );
}
