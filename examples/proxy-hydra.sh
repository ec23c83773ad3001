#!/usr/bin/env bash
# A proxy-pool hydra driven through a running gateway (issue 13), from the repository root:
#   bash examples/proxy-hydra.sh
# Starts Moat on its embedded defaults in a fresh data dir (port 8787 must be free), trusting
# X-Forwarded-For and x-ja4 from 127.0.0.1 as a TLS terminator's (docs/fingerprint-proxies.md).
# Six months-old pro-tier accounts, each on its own card and signed up weeks apart, send worked
# problems through a rotating residential-proxy pool (a new address per request, across many
# /16 blocks) over one Python TLS stack with a browser's User-Agent; an office user sends the
# same asks on the same stack from one address. Prints their verdicts, then exports the events
# and account records and judges them offline with 1 and 2 workers, and verifies the audit log.
set -u
cd "$(dirname "$0")/.."
. examples/lib/moat.sh
moat_start
declare -A K
for a in 0 1 2 3 4 5; do K[$a]=$(moat_account acct_px$a $((90 + a * 23)) pro card_px$a); done
# An honest office user on the same Python stack from one address.
KO=$(moat_account acct_office 200 pro -)
JA4=t13d1812h1_5b57614c22b0_3cbfd9057e0d
UA='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
Q=("A tank holds water and leaks slowly; when is it empty?" "Two trains leave stations towards each other; when do they meet?" "What is the area of a ring between two circles?" "How much interest does a deposit earn over three years?" "Mixing two solutions of different strength gives what concentration?" "How many handshakes happen at a party of this size?" "What is the probability of two sixes in a row?" "A ladder leans on a wall; how high does it reach?" "How long do three painters take to paint a house together?" "What is the sum of the first hundred odd numbers?" "A shop discounts twice; what is the final price?" "How fast must a cyclist ride to arrive on time?" "Which fraction is larger and by how much?" "A recipe for four people must serve seven; how much flour?" "What is the perimeter of a regular hexagon with this side?" "How many ways can a committee of three be chosen?")
codes=""
for i in $(seq 1 30); do
  for a in 0 1 2 3 4 5; do
    ip="$(( (RANDOM % 200) + 20 )).$(( RANDOM % 250 )).$(( RANDOM % 250 )).$(( RANDOM % 250 + 1 ))"
    c=$(curl -s -o /dev/null -w '%{http_code}' $U/v1/chat/completions -H "Authorization: Bearer ${K[$a]}" -H "x-forwarded-for: $ip" -H "x-ja4: $JA4" -A "$UA" -H 'content-type: application/json' \
      -d "{\"model\":\"moat-demo\",\"max_tokens\":600,\"messages\":[{\"role\":\"user\",\"content\":\"${Q[$(( (i*6+a) % ${#Q[@]} ))]} ($((i*7+a))) Work it out step by step.\"}]}")
    codes="$codes $c"
  done
  c=$(curl -s -o /dev/null -w '%{http_code}' $U/v1/chat/completions -H "Authorization: Bearer $KO" -H "x-forwarded-for: 192.0.2.10" -H "x-ja4: $JA4" -A 'python-requests/2.32.3' -H 'content-type: application/json' \
      -d "{\"model\":\"moat-demo\",\"messages\":[{\"role\":\"user\",\"content\":\"Solve step by step: $i apples shared by 3 people?\"}]}")
done
echo "$codes" | tr ' ' '\n' | sort | uniq -c
sleep 5
echo "verdicts (live):"
for a in 0 3 5 office; do
  id=acct_px$a; [ $a = office ] && id=acct_office
  moat_verdict $id
done

export MOAT_DATA_DIR=$D MOAT_CONFIG=$Y
node bin/moat.js events export --out "$D/events.jsonl" --accounts "$D/accounts.jsonl" 2>&1 | tail -2
for w in 1 2; do node bin/moat.js analyze --events "$D/events.jsonl" --accounts "$D/accounts.jsonl" --workers $w --out "$D/verdicts-$w.json" >/dev/null 2>&1
python3 -c "
import json; V=json.load(open('$D/verdicts-$w.json'))
print('workers $w:', sorted((v['account'], v['level'], v['score']) for v in V['accounts'] if v['account'].startswith('acct_px') or v['account']=='acct_office'))
"; done
node bin/moat.js audit verify 2>&1 | tail -3
python3 -c "
import json; V=json.load(open('$D/verdicts-1.json'))
for c in V['clusters']: print(c['id'], [r['detail'] for r in c['reasons'] if r['code'] == 'cluster_coordination'])
"
