import { useState } from 'preact/hooks';
import { api } from '../api';
import { Facts, Page, when } from '../ui';

interface Detection {
  verdict: string;
  pValue: number;
  trials: number;
  hits: number;
  reason: string;
  accounts: Array<{ account: string; pValue: number; hits: number; trials: number }>;
}
interface Check {
  ok: boolean;
  reason?: string;
  fields?: {
    account: string;
    keyId: string;
    model: string;
    requestId: string;
    ts: number;
    kid: string;
  } | null;
}

export function Provenance() {
  const [text, setText] = useState('');
  const [det, setDet] = useState<Detection | null>(null);
  const [err, setErr] = useState('');
  const [rtext, setRtext] = useState('');
  const [receipt, setReceipt] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  return (
    <Page title="Provenance">
      <form
        class="stack"
        aria-labelledby="wm-h"
        onSubmit={(e) => {
          e.preventDefault();
          setErr('');
          api
            .post<Detection>('/provenance/detect', { text })
            .then(setDet, (x: Error) => setErr(x.message));
        }}
      >
        <h2 id="wm-h">Watermark test</h2>
        <label for="wm-text">
          Paste a text (for example a suspect model's answer or a leaked dataset row)
        </label>
        <textarea
          id="wm-text"
          rows={8}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <button type="submit">Test for the watermark</button>
        {err && (
          <p class="error" role="alert">
            {err}
          </p>
        )}
      </form>
      {det && (
        <div role="status" data-testid="detection" class="result">
          <p>
            <strong class={det.verdict === 'watermarked' ? 'bad' : ''}>
              {det.verdict.replaceAll('_', ' ')}
            </strong>{' '}
            — p = {det.pValue.toExponential(2)}, {det.hits} of {det.trials} positions ({det.reason})
          </p>
          {det.accounts.length > 0 ? (
            <p>
              Served to:{' '}
              {det.accounts.map((a) => (
                <>
                  <a href={`#/accounts/${encodeURIComponent(a.account)}`}>{a.account}</a> (p ={' '}
                  {a.pValue.toExponential(2)}){' '}
                </>
              ))}
            </p>
          ) : (
            <p>No account attributed.</p>
          )}
        </div>
      )}
      <form
        class="stack"
        aria-labelledby="rc-h"
        onSubmit={(e) => {
          e.preventDefault();
          api
            .post<Check>('/provenance/verify', { text: rtext, receipt })
            .then(setCheck, (x: Error) => setCheck({ ok: false, reason: x.message }));
        }}
      >
        <h2 id="rc-h">Verify a receipt</h2>
        <label for="rc-text">The exact assistant text</label>
        <textarea
          id="rc-text"
          rows={5}
          value={rtext}
          onInput={(e) => setRtext((e.target as HTMLTextAreaElement).value)}
        />
        <label for="rc-receipt">
          <span>
            The <code>moat-receipt</code> header value
          </span>
        </label>
        <input
          id="rc-receipt"
          value={receipt}
          onInput={(e) => setReceipt((e.target as HTMLInputElement).value)}
        />
        <button type="submit">Verify</button>
      </form>
      {check && (
        <div role="status" class="result">
          {check.ok && check.fields ? (
            <>
              <p class="ok">The receipt matches this text.</p>
              <Facts
                rows={[
                  [
                    'Account',
                    <a href={`#/accounts/${encodeURIComponent(check.fields.account)}`}>
                      {check.fields.account}
                    </a>,
                  ],
                  ['Key', check.fields.keyId],
                  ['Model', check.fields.model],
                  ['Request', check.fields.requestId],
                  ['Served', when(check.fields.ts)],
                  ['Signed by', check.fields.kid],
                ]}
              />
            </>
          ) : (
            <p class="error">Does not match: {check.reason}</p>
          )}
        </div>
      )}
    </Page>
  );
}
