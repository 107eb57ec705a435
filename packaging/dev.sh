#!/usr/bin/env bash
# The README's two commands:
#   packaging/dev.sh run    install what is missing, build, start kasir on a demo database
#   packaging/dev.sh test   install what is missing, build, run the whole test suite
# Environment:
#   KASIR_PRESET=dev|ci|asan   CMake preset (default dev; KASIR_WERROR=1 picks ci)
#   KASIR_DEMO_CUSTOMERS=N     size of the demo database for `run` (default 100000)
#   KASIR_SKIP_INSTALL=1       do not touch system packages
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command="${1:-}"
shift || true

# Debian 12 / Ubuntu 24.04+ package names. Charts needs the OpenGL dev package on Debian.
packages=(
    build-essential cmake ninja-build pkg-config git clang-format
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql libqt6printsupport6
    qt6-charts-dev libqt6opengl6-dev libgl-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev postgresql
    libphonenumber-dev libsodium-dev libsqlite3-dev libbenchmark-dev
    xvfb xauth
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
    if [ "${KASIR_SKIP_INSTALL:-0}" = 1 ]; then
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        log "Not a Debian/Ubuntu system: install the packages listed in README.md yourself."
        return
    fi
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    log "Installing: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

preset() {
    if [ -n "${KASIR_PRESET:-}" ]; then
        echo "$KASIR_PRESET"
    elif [ "${KASIR_WERROR:-0}" = 1 ]; then
        echo ci
    else
        echo dev
    fi
}

build() {
    local p
    p="$(preset)"
    log "Configuring (preset $p)"
    cmake --preset "$p" >/dev/null
    log "Building (preset $p)"
    cmake --build --preset "$p" --parallel "$(nproc 2>/dev/null || echo 2)"
}

# core/ must not depend on QtGui or QtWidgets (ARCHITECTURE.md); the build enforces the
# link, this catches a stray include.
check_core_deps() {
    if grep -rnE '#include *<(Qt(Gui|Widgets|Charts)|QWidget|QApplication|QGuiApplication|QIcon|QPixmap|QColor|QImage|QMainWindow|QDialog|QFont)' core/; then
        log "core/ includes a QtGui/QtWidgets header (above): not allowed"
        return 1
    fi
}

check_format() {
    local cf
    cf="$(command -v clang-format || command -v clang-format-14 || true)"
    if [ -z "$cf" ]; then
        log "clang-format not found; skipping the format check"
        return
    fi
    log "Checking formatting"
    git ls-files -z -- '*.cpp' '*.h' | xargs -0 -r "$cf" --dry-run -Werror
}

case "$command" in
run)
    install_packages
    build
    dir="$root/build/$(preset)"
    demo_db="${KASIR_DEMO_DB:-$root/build/demo/kasir-demo.db}"
    if [ ! -f "$demo_db" ]; then
        log "Creating a demo database with ${KASIR_DEMO_CUSTOMERS:-100000} customers: $demo_db"
        mkdir -p "$(dirname "$demo_db")"
        "$dir/app/cli/kasirctl" --db "$demo_db" demo --customers "${KASIR_DEMO_CUSTOMERS:-100000}" --seed 1
    fi
    log "Starting kasir; sign in as admin, manager or kasir, password kasir-demo"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
        && command -v xvfb-run >/dev/null 2>&1; then
        log "No display found: running under xvfb-run"
        exec xvfb-run -a "$dir/app/desktop/kasir" --db "$demo_db" "$@"
    fi
    exec "$dir/app/desktop/kasir" --db "$demo_db" "$@"
    ;;
test)
    install_packages
    check_core_deps
    check_format
    build
    p="$(preset)"
    log "Running the tests (preset $p)"
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    ctest --preset "$p" "$@"
    ;;
*)
    echo "usage: packaging/dev.sh run|test [args]" >&2
    exit 2
    ;;
esac
