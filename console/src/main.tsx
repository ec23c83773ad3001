import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { actor, logout } from './api';
import { Overview } from './pages/overview';
import { Accounts } from './pages/accounts';
import { AccountPage } from './pages/account';
import { Campaigns, CampaignPage } from './pages/campaigns';
import { Review } from './pages/review';
import { Provenance } from './pages/provenance';
import { Audit } from './pages/audit';

/** Hash routes (#/accounts/acct_1): one server route, /console/, serves every page. */
function useRoute(): string[] {
  const parse = () =>
    (location.hash.replace(/^#\/?/, '') || 'overview').split('/').map(decodeURIComponent);
  const [route, setRoute] = useState(parse);
  useEffect(() => {
    const on = () => setRoute(parse());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

const NAV: Array<[string, string]> = [
  ['overview', 'Overview'],
  ['accounts', 'Accounts'],
  ['campaigns', 'Campaigns'],
  ['review', 'Review queue'],
  ['provenance', 'Provenance'],
  ['audit', 'Audit log'],
];

function page(route: string[]) {
  const [head, id] = route;
  switch (head) {
    case 'accounts':
      return id ? <AccountPage id={id} /> : <Accounts />;
    case 'campaigns':
      return id ? <CampaignPage id={id} /> : <Campaigns />;
    case 'review':
      return <Review />;
    case 'provenance':
      return <Provenance />;
    case 'audit':
      return <Audit />;
    default:
      return <Overview />;
  }
}

function App() {
  const route = useRoute();
  return (
    <>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}
      >
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Moat console</span>
        <nav aria-label="Console">
          <ul>
            {NAV.map(([k, label]) => (
              <li key={k}>
                <a href={`#/${k}`} aria-current={route[0] === k ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          {actor}{' '}
          <button type="button" class="link" onClick={() => void logout()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {page(route)}
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
root.textContent = ''; // the server's "Loading…" placeholder
render(<App />, root);
