#!/usr/bin/env bash
# A hydra on one card, each member harvesting only part of its traffic, driven through a
# running gateway (issue 13: member coordination), from the repository root:
#   bash examples/card-hydra.sh
# Starts Moat on its embedded defaults in a fresh data dir (port 8787 must be free), trusting
# X-Forwarded-For from 127.0.0.1 as a TLS terminator's. Six months-old free-tier accounts paid
# with one card, each from its own address, ask for worked solutions on seven requests in ten
# and chat on the rest; six more accounts send the same traffic, each on its own card; a
# person behind the first member's NAT asks for worked solutions now and then. Prints their
# verdicts: the card's members are raised by the coordination their own payment link shows,
# the same traffic on separate cards and the NAT bystander are not.
set -u
cd "$(dirname "$0")/.."
. examples/lib/moat.sh
# The whole run takes a minute; a campaign's traffic spans days. Without this every account
# here is "one benchmark run in a burst" (THREATS.md) and its amplifiers are damped.
moat_start "detect: {evalBurstHours: 0.001}"
declare -A K
for a in 0 1 2 3 4 5; do
  K[ch$a]=$(moat_account acct_ch$a $((90 + a * 21)) free card_team)
  K[sc$a]=$(moat_account acct_sc$a $((95 + a * 21)) free card_sc$a)
done
K[nat]=$(moat_account acct_nat 300 free card_nat)
TOPICS=(rivers volcanoes tea jazz bridges owls glaciers chess lighthouses bees sailing deserts)
ask() { # KEY IP TEXT
  curl -s -o /dev/null -w '%{http_code} ' $U/v1/chat/completions -H "Authorization: Bearer $1" -H "x-forwarded-for: $2" \
    -A 'python-httpx/0.27.2' -H 'content-type: application/json' \
    -d "{\"model\":\"moat-demo\",\"max_tokens\":800,\"messages\":[{\"role\":\"user\",\"content\":\"$3\"}]}"
}
codes=""
for i in $(seq 1 60); do
  for a in 0 1 2 3 4 5; do
    for g in ch sc; do
      n=$((i * 13 + a * 7))
      if [ $((RANDOM % 10)) -lt 7 ]; then
        text="A tank of $n litres leaks $((a + 2)) litres an hour while a tap adds $((i % 5 + 1)); when is it empty? Work it out step by step."
      else
        text="Tell me something about ${TOPICS[$(( (i + a) % ${#TOPICS[@]} ))]}."
      fi
      codes="$codes$(ask "${K[$g$a]}" "198.51.$([ $g = ch ] && echo 100 || echo 101).$a" "$text")"
    done
  done
  if [ $((i % 2)) = 0 ]; then
    if [ $((RANDOM % 10)) -lt 5 ]; then text="Splitting $i apples among 3 people: work it out step by step."; else text="Any tips for a trip to see ${TOPICS[$((i % 12))]}?"; fi
    codes="$codes$(ask "${K[nat]}" 198.51.100.0 "$text")"
  fi
done
echo "$codes" | tr ' ' '\n' | grep . | sort | uniq -c
sleep 5
echo "verdicts (live):"
for id in acct_ch0 acct_ch3 acct_sc0 acct_sc3 acct_nat; do moat_verdict $id; done
echo "levels:"
for id in acct_ch0 acct_ch1 acct_ch2 acct_ch3 acct_ch4 acct_ch5 acct_sc0 acct_sc1 acct_sc2 acct_sc3 acct_sc4 acct_sc5 acct_nat; do
  curl -s "${AH[@]}" $U/admin/v1/accounts/$id | python3 -c 'import sys,json; d=json.load(sys.stdin); v=d.get("verdict",{}); print(" ", d["id"], v.get("level"), v.get("score"))'
done
export MOAT_DATA_DIR=$D MOAT_CONFIG=$Y
node bin/moat.js events export --out "$D/events.jsonl" --accounts "$D/accounts.jsonl" 2>&1 | tail -2
for w in 1 2; do node bin/moat.js analyze --events "$D/events.jsonl" --accounts "$D/accounts.jsonl" --workers $w --out "$D/verdicts-$w.json" >/dev/null 2>&1
python3 -c "
import json; V=json.load(open('$D/verdicts-$w.json'))
print('offline, workers $w:', sorted((v['account'], v['level'], v['score']) for v in V['accounts'] if v['account'][:7] in ('acct_ch', 'acct_sc', 'acct_na')))
"; done
