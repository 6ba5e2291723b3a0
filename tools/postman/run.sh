#!/usr/bin/env bash
# Runs Microsoft's SCIM reference Postman collection (AzureAD-SCIMReferenceCode) with newman
# against a standalone scim-sync jar on loopback, on a fresh data directory and a fresh tenant.
#
# Usage: tools/postman/run.sh [collection.json]
#   collection  defaults to ../shared/suites/AzureAD-SCIMReferenceCode.PostmanCollection.json
#               beside the repository
# Environment:
#   SCIMSYNC_JAR  a built standalone jar to run; without it the script builds one with
#                 ./mvnw -q -B -DskipTests package (add MAVEN_ARGS=-o to build offline)
#   KEEP_WORK=1   keep the work directory (jar copy, data, log, newman JSON report)
#
# The collection's "Get Token" folder requests a token from Microsoft's reference server, which
# scim-sync does not implement: tokens come from its admin API. So the run selects every other
# folder and passes the tenant token as the environment variable "token". The two requests at
# the top level of the collection, outside any folder, are not run by a folder selection.
# Exit status: newman's, 0 when every assertion passed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
collection=${1:-$repo/../shared/suites/AzureAD-SCIMReferenceCode.PostmanCollection.json}
start_timeout_seconds=120

folders=("Endpoint tests" "User tests" "Group tests" "ComplexAttribute tests"
    "User tests with garbage" "Group tests with garbage" "Teardown garbage")

work=$(mktemp -d "${TMPDIR:-/tmp}/scim-sync-postman.XXXXXX")
jar_pid=""

cleanup() {
    if [[ -n "$jar_pid" ]] && kill -0 "$jar_pid" 2>/dev/null; then
        kill "$jar_pid"
        wait "$jar_pid" 2>/dev/null || true
    fi
    if [[ "${KEEP_WORK:-0}" == 1 ]]; then
        echo "Work directory kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

fail() {
    echo "run.sh: $*" >&2
    exit 2
}

install_newman() {
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

prepare_jar() {
    if [[ -z "${SCIMSYNC_JAR:-}" ]]; then
        # shellcheck disable=SC2086
        (cd "$repo" && ./mvnw -q -B ${MAVEN_ARGS:-} -DskipTests package)
        SCIMSYNC_JAR=$repo/standalone/target/scim-sync-standalone.jar
    fi
    [[ -f "$SCIMSYNC_JAR" ]] || fail "no jar at $SCIMSYNC_JAR"
    # A copy, so that a build during the run cannot rewrite the jar being run.
    cp "$SCIMSYNC_JAR" "$work/scim-sync-standalone.jar"
}

# Starts the jar with every port chosen by the system and sets base_url from its startup log.
start_jar() {
    admin_token=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n')
    SCIMSYNC_ADMIN_TOKEN=$admin_token java -jar "$work/scim-sync-standalone.jar" \
        --server.address=127.0.0.1 --server.port=0 \
        --scimsync.data-dir="$work/data" \
        --scimsync.standalone.kafka-port=0 --scimsync.standalone.mongo-port=0 \
        >"$work/standalone.log" 2>&1 &
    jar_pid=$!
    local deadline=$((SECONDS + start_timeout_seconds))
    base_url=""
    while [[ -z "$base_url" ]]; do
        kill -0 "$jar_pid" 2>/dev/null || fail "the jar exited during start, see $work/standalone.log"
        ((SECONDS < deadline)) || fail "no SCIM API address logged within ${start_timeout_seconds}s"
        base_url=$(sed -n 's#.*SCIM API: \(http://[^ ]*\)/scim/v2.*#\1#p' "$work/standalone.log" \
            | head -n 1)
        [[ -n "$base_url" ]] || sleep 1
    done
    until curl -sf "$base_url/actuator/health" | grep -q '"status":"UP"'; do
        kill -0 "$jar_pid" 2>/dev/null || fail "the jar exited during start, see $work/standalone.log"
        ((SECONDS < deadline)) || fail "health not UP within ${start_timeout_seconds}s"
        sleep 1
    done
}

# Prints the value of a top-level string field of a JSON object read from standard input.
json_field() {
    node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
        const v = JSON.parse(s)[process.argv[1]];
        if (typeof v !== "string") { process.exit(1); }
        console.log(v);
    });' "$1"
}

admin_post() {
    curl -sf -X POST "$base_url$1" -H "Authorization: Bearer $admin_token" \
        -H 'Content-Type: application/json' -d "$2"
}

create_tenant_token() {
    local tenant_id
    tenant_id=$(admin_post /admin/v1/tenants '{"name": "postman-'"$RANDOM$RANDOM"'"}' | json_field id) \
        || fail "creating the tenant failed"
    tenant_token=$(admin_post "/admin/v1/tenants/$tenant_id/tokens" '{"description": "newman"}' \
        | json_field token) || fail "issuing the tenant token failed"
}

run_newman() {
    local port=${base_url##*:}
    local folder_args=()
    for folder in "${folders[@]}"; do
        folder_args+=(--folder "$folder")
    done
    "$here/node_modules/.bin/newman" run "$collection" "${folder_args[@]}" \
        --env-var Protocol=http --env-var Server=127.0.0.1 --env-var "Port=:$port" \
        --env-var Api=scim/v2 --env-var "token=$tenant_token" \
        --reporters cli,json --reporter-json-export "$work/newman-report.json" \
        --color off --disable-unicode
}

[[ -f "$collection" ]] || fail "no collection at $collection"
install_newman
prepare_jar
start_jar
create_tenant_token
status=0
run_newman || status=$?
exit "$status"
