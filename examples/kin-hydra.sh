#!/usr/bin/env bash
# Behavioural kin through a running gateway (issue 13; docs/detection.md "Behavioural kin"),
# from the repository root:
#   bash examples/kin-hydra.sh
# Starts Moat on its embedded defaults in a fresh data dir (port 8787 must be free), trusting
# X-Forwarded-For from 127.0.0.1 as a TLS terminator's. 200 people ask a few everyday
# questions each. Twelve months-old accounts paid with one card harvest worked solutions on
# seven requests in ten and chat on the rest: their card links them and they are raised.
# Six more accounts send the same kind of traffic, each on its own card and in its own words.
# No card or frame ties them to the twelve; the script drives everyone in one loop, so timing
# (and, for one of them, the request shape) may join them to the cluster, but such a link
# passes on nothing to a member who shares no card or frame with it. On their own evidence
# they stay below throttle until a kin sweep finds that most of the accounts that behave like
# them were raised. Prints the live verdicts, then the offline ones (`moat analyze` with 1 and
# 2 workers) over the exported log.
set -u
cd "$(dirname "$0")/.."
. examples/lib/moat.sh
# The run takes a few minutes; a campaign's traffic spans days. Without evalBurstHours every
# account is "one benchmark run in a burst" and damped; kinSweepHours makes the live detector
# sweep every 18 seconds of event time instead of every hour.
moat_start "detect: {evalBurstHours: 0.001, kinSweepHours: 0.005}"
declare -A K
for a in $(seq 0 11); do K[ch$a]=$(moat_account acct_ch$a $((90 + a * 9)) free card_team); done
for a in $(seq 0 5); do K[sc$a]=$(moat_account acct_sc$a $((95 + a * 13)) free card_sc$a); done
for p in $(seq 0 199); do K[p$p]=$(moat_account acct_p$p $((30 + p)) free card_p$p); done
echo "accounts made: ${#K[@]}"
TOPICS=(rivers volcanoes tea jazz bridges owls glaciers chess lighthouses bees sailing deserts)
UAS=('python-httpx/0.27.2' 'OpenAI/Python 1.57.0' 'curl/8.5.0' 'node-fetch/3.3.2')
ask() { # KEY IP UA MAX_TOKENS TEXT
  curl -s -o /dev/null -w '%{http_code} ' $U/v1/chat/completions -H "Authorization: Bearer $1" -H "x-forwarded-for: $2" \
    -A "$3" -H 'content-type: application/json' \
    -d "{\"model\":\"moat-demo\",\"max_tokens\":$4,\"messages\":[{\"role\":\"user\",\"content\":\"$5\"}]}"
}
harvest() { # KEY IP ROUND MEMBER
  local n=$(($3 * 13 + $4 * 7)) text
  if [ $((RANDOM % 10)) -lt 7 ]; then
    text="A tank of $n litres leaks $(($4 % 5 + 2)) litres an hour while a tap adds $(($3 % 5 + 1)); when is it empty? Work it out step by step."
  else
    text="Tell me something about ${TOPICS[$((($3 + $4) % ${#TOPICS[@]}))]}."
  fi
  ask "$1" "$2" 'python-httpx/0.27.2' 800 "$text"
}
# The six on their own cards reword every ask in a phrasing of their own (no shared frame):
# member M asks ASKS[M] ({n}, {k}, {r} filled in) seven times in ten and chats in CHATS[M].
ASKS=(
  'Show your work please. A basin holds {n} litres and drains {k} litres per hour while a hose refills {r}. How long until it runs dry?'
  'Pool problem for class: {n} L capacity, losing {k} L/h, gaining {r} L/h from a pipe. Time to empty? I need every step.'
  'If a cistern with {n} litres loses {k} litres hourly and gains {r}, when is it empty? Please show the work.'
  'Empty-time of a {n}-litre drum draining {k} per hour with {r} per hour inflow; give me every intermediate step.'
  'Quick one: {n} litres in a barrel, {k} out and {r} in each hour. When is it empty? Show all work.'
  'Water tank: starts at {n} litres, leak of {k} an hour, refill {r} an hour. Derivation of the empty time, please.'
)
CHATS=('Any fun facts on %s?' 'I keep hearing about %s, what is the deal?' 'Explain %s to a ten year old.'
  'What is one surprising thing about %s?' 'Give me a quick overview of %s.' 'Is %s worth reading about?')
reworded() { # KEY IP ROUND MEMBER
  local text
  if [ $((RANDOM % 10)) -lt 7 ]; then
    text=${ASKS[$4]//\{n\}/$(($3 * 13 + $4 * 7))}
    text=${text//\{k\}/$(($4 % 5 + 2))}
    text=${text//\{r\}/$(($3 % 5 + 1))}
  else
    # shellcheck disable=SC2059 # the format is the member's phrasing
    text=$(printf "${CHATS[$4]}" "${TOPICS[$((($3 + $4) % ${#TOPICS[@]}))]}")
  fi
  ask "$1" "$2" 'python-httpx/0.27.2' 800 "$text"
}
codes=""
for i in $(seq 1 40); do
  for a in $(seq 0 11); do codes="$codes$(harvest "${K[ch$a]}" "198.51.100.$a" "$i" "$a")"; done
  for a in $(seq 0 5); do codes="$codes$(reworded "${K[sc$a]}" "198.51.101.$a" "$i" "$a")"; done
  # Fifteen people a round, three questions each over the run: their own addresses, clients, topics.
  for p in $(seq $(((i - 1) * 15 % 200)) $((((i - 1) * 15 % 200) + 14))); do
    q="${TOPICS[$(((p + i) % ${#TOPICS[@]}))]}"
    case $((p % 4)) in
      0) text="What should I pack for a weekend trip to see $q?" ;;
      1) text="Write a short note to my neighbour about $q." ;;
      2) text="Why do people find $q interesting? Two sentences." ;;
      *) text="Suggest three names for a podcast about $q." ;;
    esac
    codes="$codes$(ask "${K[p$p]}" "203.0.$((p / 250)).$((p % 250 + 1))" "${UAS[$((p % 4))]}" $((200 + p % 5 * 100)) "$text")"
  done
done
echo "$codes" | tr ' ' '\n' | grep . | sort | uniq -c
# A sweep runs on the first event 18 seconds of event time after the last one.
sleep 20
ask "$KEY" 192.0.2.1 'curl/8.5.0' 100 'Tell me about rivers.' > /dev/null
sleep 5
echo "verdicts (live):"
for id in acct_ch0 acct_sc0 acct_sc3 acct_p7; do moat_verdict $id; done
echo "levels:"
levels() { # ACCOUNT…
  for id in "$@"; do
    curl -s "${AH[@]}" $U/admin/v1/accounts/$id | python3 -c 'import sys,json; d=json.load(sys.stdin); v=d.get("verdict",{}); r=v.get("reasons") or [{}]; print(" ", d["id"], v.get("level"), v.get("score"), r[0].get("code"))'
  done
}
levels acct_ch{0..11} acct_sc{0..5}
echo "people at throttle or above:"
for p in $(seq 0 199); do
  curl -s "${AH[@]}" $U/admin/v1/accounts/acct_p$p | python3 -c 'import sys,json; v=json.load(sys.stdin).get("verdict",{}); print(v.get("level"))'
done | grep -c -E 'throttle|degrade|challenge|block'
export MOAT_DATA_DIR=$D MOAT_CONFIG=$Y
node bin/moat.js events export --out "$D/events.jsonl" --accounts "$D/accounts.jsonl" 2>&1 | tail -2
for w in 1 2; do node bin/moat.js analyze --events "$D/events.jsonl" --accounts "$D/accounts.jsonl" --workers $w --out "$D/verdicts-$w.json" >/dev/null 2>&1
python3 -c "
import json; V=json.load(open('$D/verdicts-$w.json'))['accounts']
up=('throttle','degrade','challenge','block')
kin=lambda v: v['reasons'] and v['reasons'][0]['code'] == 'behaviour_kin'
sc=sorted((v['account'], v['level'], v['score'], 'kin' if kin(v) else '') for v in V if v['account'].startswith('acct_sc'))
print('offline, workers $w: separate cards', sc)
print('   card members at throttle+:', sum(1 for v in V if v['account'].startswith('acct_ch') and v['level'] in up), 'of 12;',
      'people at throttle+:', sum(1 for v in V if v['account'].startswith('acct_p') and v['level'] in up), 'of 200')
"; done
