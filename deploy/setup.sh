#!/usr/bin/env bash
# Sets up congvan on a Debian machine: the Debian packages the tests and OCR need, and a virtual environment in
# .venv with congvan installed. Safe to run again: it installs only what is missing.
#   bash deploy/setup.sh          # runtime only
#   bash deploy/setup.sh --test   # plus the test tools and the servers the tests start (Dovecot, PostgreSQL, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# -- Debian packages ---------------------------------------------------------------------------------------------
packages=()
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then packages+=(python3-venv); fi
if [ "$want_test" = 1 ]; then
  while read -r pkg; do
    pkg="${pkg%%#*}"; pkg="$(echo "$pkg" | xargs)"
    [ -n "$pkg" ] && packages+=("$pkg")
  done < deploy/apt-packages.txt
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages (run as root to install): ${missing[*]}"
  else
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# -- Python environment ------------------------------------------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  python3 -m venv .venv
fi
extras=""
[ "$want_test" = 1 ] && extras="[test]"
stamp=".venv/.congvan-installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  log "installing congvan$extras into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras" 2>&1 | grep -v -e '^WARNING: Location' -e '^\s*$' >&2 || true
  .venv/bin/python -c 'import congvan.cli, tracker.calendar' || { log "installation failed"; exit 1; }
  touch "$stamp"
fi
