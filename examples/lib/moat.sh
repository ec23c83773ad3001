# Shared by the examples: start Moat on its embedded defaults in a fresh data dir and make
# accounts through the admin API. Source it from the repository root; needs curl and python3.
#   moat_start [YAML_TEXT]       config trusting X-Forwarded-For and x-ja4 from 127.0.0.1 as a
#                                TLS terminator's (docs/fingerprint-proxies.md), plus YAML_TEXT;
#                                sets D (data dir), Y (config file), U (base URL), ADMIN, KEY
#                                (demo key), AH (admin headers)
#   moat_account ID DAYS_OLD TIER CARD|- [ROUTE]  creates the account (no card for -) with raised limits, prints a new key
moat_start() {
  D=$(mktemp -d); LOG=$(mktemp); Y=$(mktemp --suffix=.yaml)
  printf 'fingerprint:\n  trustedProxies: ["127.0.0.1", "::1"]\n%s\n' "${1:-}" > "$Y"
  export MOAT_CONFIG=$Y
  MOAT_DATA_DIR=$D MOAT_DEMO_TRAFFIC=0 node bin/moat.js serve > "$LOG" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null' EXIT
  for _ in $(seq 1 60); do grep -q "listening" "$LOG" && break; sleep 1; done
  U=http://127.0.0.1:8787
  ADMIN=$(cat "$D/admin-token"); KEY=$(cat "$D/demo-key")
  AH=(-H "Authorization: Bearer $ADMIN" -H 'content-type: application/json')
  echo "smoke: $(curl -s -o /dev/null -w '%{http_code}' $U/v1/chat/completions -H "Authorization: Bearer $KEY" -H 'content-type: application/json' -d '{"model":"moat-demo","messages":[{"role":"user","content":"Tell me about rivers."}]}')"
}

moat_account() {
  local id=$1 days=$2 tier=$3 card=$4 route=${5:-self-serve}
  local created; created=$(date -u -d "-$days days" +%Y-%m-%dT%H:%M:%SZ)
  local pay=""; [ "$card" != - ] && pay=",\"paymentFingerprint\":\"$card\""
  curl -s "${AH[@]}" $U/admin/v1/accounts -d "{\"id\":\"$id\",\"createdAt\":\"$created\",\"tier\":\"$tier\",\"route\":\"$route\"$pay}" > /dev/null
  curl -s -X PUT "${AH[@]}" $U/admin/v1/accounts/$id/limits -d '{"requestsPerMinute":600,"tokensPerMinute":2000000,"tokensPerDay":50000000,"tokensPerMonth":500000000}' > /dev/null
  curl -s "${AH[@]}" $U/admin/v1/accounts/$id/keys -d '{}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["key"])'
}

# moat_verdict ID: the account's live verdict and its first reasons.
moat_verdict() {
  curl -s "${AH[@]}" $U/admin/v1/accounts/$1 | python3 -c '
import sys,json; d=json.load(sys.stdin); v=d.get("verdict",{})
print(d["id"], v.get("level"), v.get("score"), "cluster", v.get("cluster"))
for r in v.get("reasons",[])[:6]: print("   %.2f %s: %s" % (r["weight"], r["code"], r["detail"][:170]))'
}
