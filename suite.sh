#!/usr/bin/env bash
# The local suite in one command (needs only Java 17+; --keycloak also a JDK 21+ somewhere on the machine):
#   ./suite.sh up [--fresh] [--ports gateway=8080,org=8081,volunteer=8082,consultation=8083,postgres=55430] [--keycloak]
#                 [--data-dir DIR] [--no-seeds] [--unsafe-fast-storage]
# Builds what is missing, starts one embedded PostgreSQL, the three services and the gateway, loads the demo data on
# first start and prints the URLs and logins (see suite/README.md). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'USAGE'
usage: ./suite.sh up [--fresh] [--ports gateway=8080,org=8081,volunteer=8082,consultation=8083,postgres=55430,keycloak=8180]
                     [--data-dir DIR] [--no-seeds] [--keycloak] [--unsafe-fast-storage]
       ./suite.sh build     build the services, the seeds and the suite (tests skipped)
  --fresh      wipe the data directory (.suite) and start from nothing
  --ports      change any of the ports
  --data-dir   keep PostgreSQL's data, the gateway's keys and the logs elsewhere than .suite
  --no-seeds   do not load the demo data on first start
  --keycloak   Keycloak (fetched once through Maven) issues the tokens, with the realm file of deploy/; the seeds set the
               demo users' org_units there. Needs a JDK 21+ (JAVA_HOME, /usr/lib/jvm, … or KEYCLOAK_JAVA_HOME)
  --unsafe-fast-storage
               run PostgreSQL without fsync and with asynchronous commits: a faster first start, but an OS
               crash or power loss can corrupt the database (not only lose the last commits). Only for
               throwaway demos; the default keeps PostgreSQL's safe settings
USAGE
}

command="${1:-}"
case "$command" in
  up|build) shift ;;
  -h|--help|help|"") usage; exit 0 ;;
  *) echo "unknown command '$command'" >&2; usage >&2; exit 2 ;;
esac

java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
if ! command -v "$java_bin" >/dev/null 2>&1; then
  echo "Java 17 or newer is needed and none was found. Install a JDK 17+ (e.g. https://adoptium.net) or set JAVA_HOME." >&2
  exit 1
fi
java_version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | tr -d '[:space:]')
java_major="${java_version#1.}"
java_major="${java_major%%.*}"
if [[ -z "$java_major" || ! "$java_major" =~ ^[0-9]+$ || "$java_major" -lt 17 ]]; then
  echo "Java 17 or newer is needed; $java_bin is version ${java_version:-unknown}. Install a JDK 17+ or set JAVA_HOME." >&2
  exit 1
fi

jars=(org-service/target/quarkus-app/quarkus-run.jar volunteer-service/target/quarkus-app/quarkus-run.jar
      consultation-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar
      seeds/target/seeds.jar suite/target/suite.jar)

build() {
  echo "Building: ./mvnw -B -q -DskipTests package (the first build downloads dependencies and takes a few minutes)…" >&2
  if grep -q "<module>suite</module>" pom.xml; then
    ./mvnw -B -q -DskipTests package
  else
    # the root pom does not list seeds and suite: build the services, then those two on their own
    ./mvnw -B -q -DskipTests package
    ./mvnw -B -q -DskipTests -N install
    ./mvnw -B -q -DskipTests -f seeds/pom.xml install
    ./mvnw -B -q -DskipTests -f suite/pom.xml package
  fi
}

if [[ "$command" == "build" ]]; then
  build
  exit 0
fi

missing=()
for jar in "${jars[@]}"; do
  [[ -f "$jar" ]] || missing+=("$jar")
done
if (( ${#missing[@]} > 0 )); then
  echo "Not built yet: ${missing[*]}" >&2
  build
fi

exec "$java_bin" ${SUITE_JAVA_OPTS:-} -jar suite/target/suite.jar up "$@"
