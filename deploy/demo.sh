#!/usr/bin/env bash
# Quick start 1: set everything up and run the main job on the embedded default (SQLite, the sample mailbox).
set -euo pipefail
cd "$(dirname "$0")/.."
bash deploy/setup.sh
exec .venv/bin/congvan demo "$@"
