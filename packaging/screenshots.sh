#!/usr/bin/env bash
# Makes the README's pictures of each page: a demo database with a small catalogue and a
# few hundred sales, then `kasir --screenshot FILE --page PAGE` for every page, offscreen.
#   packaging/screenshots.sh [BUILD_DIR]     (default: build/ci, as packaging/dev.sh builds)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/ci}"
kasirctl="$build/app/cli/kasirctl"
kasir="$build/app/desktop/kasir"
out="$root/docs/screenshots"
db="$(mktemp -d)/kasir-screenshots.db"
trap 'rm -rf "$(dirname "$db")"' EXIT

"$kasirctl" --db "$db" demo --customers 2000 --seed 7 >/dev/null
for item in "KOPI-01:Kopi Susu:18000" "ROTI-01:Roti Bakar:15000" "TEH-01:Es Teh Manis:8000" \
    "NASI-01:Nasi Goreng:32000" "AIR-01:Air Mineral:5000"; do
    IFS=: read -r sku name price <<<"$item"
    "$kasirctl" --db "$db" product add --sku "$sku" --name "$name" --price "$price" >/dev/null
done
# Some customers buy often, most once or never: the dashboard then has something to show.
for i in $(seq 1 240); do
    if [ "$i" -le 180 ]; then n=$(((i * 37) % 60 + 1)); else n=$(((i * 37) % 400 + 61)); fi
    code=$(printf 'C-%06d' "$n")
    qty=$((i % 3 + 1))
    total=$((18000 * qty + 15000))
    "$kasirctl" --db "$db" sale --customer "$code" --item "KOPI-01:$qty" --item ROTI-01:1 \
        --pay "cash:$total" >/dev/null 2>&1 || true
done
"$kasirctl" --db "$db" segment recompute >/dev/null
mkdir -p "$out"
for page in counter customers detail dashboard settings; do
    QT_QPA_PLATFORM=offscreen "$kasir" --db "$db" --page "$page" --screenshot "$out/$page.png" 2>/dev/null
    echo "$out/$page.png"
done
