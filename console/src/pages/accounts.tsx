import { useState } from 'preact/hooks';
import { api, LEVELS, type Account } from '../api';
import { Level, Loading, num, Page, score, useLoad, when } from '../ui';

type Row = Account & { score: number; volume: { requests: number; tokens: number } };
type Key = 'id' | 'level' | 'score' | 'tier' | 'createdAt' | 'requests';

const LEVEL_RANK = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<string, number>;

function value(r: Row, k: Key): number | string {
  if (k === 'level') return LEVEL_RANK[r.level] ?? 0;
  if (k === 'requests') return r.volume.requests;
  if (k === 'tier') return r.tier ?? '';
  return r[k];
}

async function load(
  filters: Record<string, string>,
): Promise<{ rows: Row[]; next: string | null }> {
  const qs = new URLSearchParams({
    limit: '1000',
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  });
  const page = await api.get<{ data: Array<Account & { score: number }>; next: string | null }>(
    `/accounts?${qs}`,
  );
  const vol = page.data.length
    ? await api.get<{ data: Record<string, { requests: number; tokens: number }> }>(
        `/volume?accounts=${page.data.map((a) => encodeURIComponent(a.id)).join(',')}`,
      )
    : { data: {} };
  return {
    rows: page.data.map((a) => ({ ...a, volume: vol.data[a.id] ?? { requests: 0, tokens: 0 } })),
    next: page.next,
  };
}

export function Accounts() {
  const [filters, setFilters] = useState<Record<string, string>>({ minLevel: '' });
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'score', desc: true });
  const s = useLoad(() => load(filters), [JSON.stringify(filters)]);
  const rows = [...(s.data?.rows ?? [])].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return sort.desc ? -c : c;
  });
  const head = (k: Key, label: string) => (
    <th scope="col" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        class="sort"
        onClick={() =>
          setSort({ key: k, desc: sort.key === k ? !sort.desc : k !== 'id' && k !== 'tier' })
        }
      >
        {label}
        {sort.key === k ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const field = (name: string) => ({
    value: draft[name] ?? '',
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value }),
  });
  return (
    <Page title="Accounts">
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...draft });
        }}
      >
        <label>
          Search <input type="search" name="q" placeholder="id, name or email" {...field('q')} />
        </label>
        <label>
          Level at least
          <select name="minLevel" {...field('minLevel')}>
            <option value="">any</option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Tier <input name="tier" size={10} {...field('tier')} />
        </label>
        <label>
          Score at least{' '}
          <input name="minScore" type="number" min="0" max="1" step="0.05" {...field('minScore')} />
        </label>
        <button type="submit">Search</button>
      </form>
      <Loading state={s} />
      {s.data && (
        <>
          <p class="muted">
            {num(rows.length)} accounts
            {s.data.next ? ' (the first 1,000 matches; narrow the search to see others)' : ''}. Sort
            by any column.
          </p>
          <table class="data" data-testid="accounts">
            <thead>
              <tr>
                {head('id', 'Account')}
                {head('level', 'Level')}
                {head('score', 'Score')}
                {head('tier', 'Tier')}
                {head('createdAt', 'Created')}
                {head('requests', 'Requests')}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`#/accounts/${encodeURIComponent(r.id)}`}>{r.id}</a>
                    {r.name ? <span class="muted"> {r.name}</span> : null}
                  </td>
                  <td>
                    <Level level={r.level} />
                  </td>
                  <td class="num">{score(r.score)}</td>
                  <td>{r.tier ?? '—'}</td>
                  <td>{when(r.createdAt)}</td>
                  <td class="num">{num(r.volume.requests)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
