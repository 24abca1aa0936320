#!/usr/bin/env bash
# Quick start 2: set everything up (Debian packages, servers, Python packages) and run the whole test suite.
# Long soak and load runs are marked `slow` and left out; run them with: .venv/bin/pytest -m slow
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/setup.sh --test
export OMP_THREAD_LIMIT=1
exec .venv/bin/python -m pytest -q -m "not slow" -p no:cacheprovider "$@"
