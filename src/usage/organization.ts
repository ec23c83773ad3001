import { eachAccount, type Store } from '../store/store.js';

/**
 * The accounts of an organisation: verified as belonging to it
 * (`POST /admin/v1/accounts/{id}/verify {organization}`) or created with it
 * (`organization` on the account). Read page by page, never the whole table at once.
 * Shared by `moat usage --org` and `GET /admin/v1/organizations/{id}/usage`.
 */
export async function organizationAccounts(store: Store, org: string): Promise<string[]> {
  const out: string[] = [];
  for await (const a of eachAccount(store))
    if (a.verified?.organization === org || a['organization'] === org) out.push(a.id);
  return out;
}
