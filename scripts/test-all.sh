#!/usr/bin/env bash
# Runs every test of the repository: the .NET test projects, then the grammar, extension and end-to-end tests
# in a real VS Code (code-server). Installs what those need when it is missing (npm packages, Node 24,
# code-server); Debian packages come from .ci/run or the README. Exit code: non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== .NET tests"
dotnet test MesaSpec.sln --nologo -v q

if [[ "${MESASPEC_SKIP_EDITOR_TESTS:-0}" == "1" ]]; then
  echo "== editor tests skipped (MESASPEC_SKIP_EDITOR_TESTS=1)"
  exit 0
fi
if [[ -x scripts/test-extension.sh ]]; then
  echo "== grammar, extension and end-to-end tests"
  scripts/test-extension.sh
fi
