#!/usr/bin/env bash
# Create .venv (installing Debian's python3-venv first if this Python lacks venv/ensurepip)
# and install geomap into it in editable mode, with the extras given (e.g. "test"), compiled.
# Usage: bash scripts/install.sh [EXTRA[,EXTRA...]]
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv 2>/dev/null; then
    rm -rf .venv
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${1:+[$1]}"
# An editable install leaves geomap's own modules uncompiled, and with PYTHONDONTWRITEBYTECODE
# set they would be compiled again on every run (~0.2 s): compile them once, as pip does for
# a regular install.
.venv/bin/python -m compileall -q geomap
