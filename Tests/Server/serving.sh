# Sourced by the scripts that test a real `ledger serve`: start_server and the clean-up that stops it.
# The sourcing script sets $ledger (the binary) and $work (a scratch folder, removed at exit).

server=""
url=""

cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# start_server LEDGER-FILE [SERVE-OPTION …]: serves the file on a free loopback port and sets $server (its pid)
# and $url (its address) once it accepts connections; fails with its log if it does not start within 30 s.
start_server() {
    local file=$1
    shift
    "$ledger" serve --listen 127.0.0.1:0 --ledger "$file" "$@" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 150); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -n 1 || true)
        [ -n "$url" ] && return 0
        sleep 0.2
    done
    cat "$work/serve.log" >&2
    echo "ledger serve did not start" >&2
    exit 1
}

# stop_server: stops it and waits until it has exited.
stop_server() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}
