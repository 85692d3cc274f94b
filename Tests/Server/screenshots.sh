#!/usr/bin/env bash
# Serves the demo ledger with `ledger serve` and renders the overview, a member page and an entry page in
# headless Chromium at phone width (390×844). Fails when a page does not load, is not a complete page, carries an
# inline script or one from anywhere but the site's own /assets/, or renders blank. Keeps the screenshots in docs/images/ unless told another folder.
#
# Usage: bash Tests/Server/screenshots.sh [LEDGER-BINARY] [OUTPUT-FOLDER]
set -euo pipefail
ledger=$(realpath "${1:-.build/debug/ledger}")
out=$(realpath "${2:-docs/images}")
work=$(mktemp -d)
source "$(dirname "$0")/serving.sh"

"$ledger" demo --dir "$work/demo" >/dev/null
start_server "$work/demo/ledger.db"

shoot() { # NAME PATH — fetch the page, check it, and screenshot it
    local name=$1 path=$2
    local status
    status=$(curl -s -o "$work/$name.html" -w '%{http_code}' "$url$path")
    # The only script a page may carry is the site's own module: <script type="module" src="/assets/NAME.js"></script>.
    local foreign
    foreign=$(grep -oi '<script[^>]*>' "$work/$name.html" | grep -cv '^<script type="module" src="/assets/[a-z]*\.js">$' || true)
    if [ "$status" != 200 ] || ! grep -q '</html>' "$work/$name.html" || [ "$foreign" != 0 ]; then
        echo "$path: HTTP $status, not a complete page, or a script other than the site's own modules" >&2
        exit 1
    fi
    if ! chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" --hide-scrollbars \
        --window-size=390,844 --screenshot="$work/$name.png" "$url$path" 2>"$work/$name.log"; then
        cat "$work/$name.log" >&2
        echo "chromium could not render $path" >&2
        exit 1
    fi
    if grep -E 'Uncaught|Refused to|ERR_' "$work/$name.log" >&2; then
        echo "chromium reported an error on $path" >&2
        exit 1
    fi
    local size signature
    size=$(stat -c %s "$work/$name.png" 2>/dev/null || echo 0)
    signature=$(head -c 8 "$work/$name.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')
    # A blank 390×844 page compresses to a few kilobytes; a page with text is tens of kilobytes.
    if [ "$signature" != "89504e470d0a1a0a" ] || [ "$size" -lt 20000 ]; then
        echo "$path: the screenshot is missing, not a PNG, or nearly blank ($size bytes)" >&2
        exit 1
    fi
    cp "$work/$name.png" "$out/$name.png"
    echo "$name.png ($path): $size bytes"
}

shoot server-overview "/?lang=zh"
shoot server-member "/members/H01?lang=zh"
shoot server-entry "/entries/40?lang=en"
