#!/usr/bin/env bash
# Runs every test of the repository: the .NET test projects, then the grammar, extension and end-to-end tests
# in a real VS Code (code-server). Installs what those need when it is missing (npm packages, Node 24,
# code-server); Debian packages come from .ci/run or the README. Exit code: non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

if sinfo --noheader --format=%t 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; then
  echo "== Slurm is up: the job-array tests run"
else
  echo "== Slurm is not up: the job-array tests are skipped, each with the reason (sudo scripts/start-slurm.sh starts it)"
fi
echo "== .NET tests"
dotnet test MesaSpec.sln --nologo -v q

# Packs the dotnet tool and the NuGet packages, installs them outside the repository (a temporary folder feed and
# tool path) and uses them there: a trained run and the language server from the installed tool, a fresh xunit
# project and a fresh plugin project against the packages. Minutes, most of it packing LibTorch into the tool.
if [[ "${MESASPEC_SKIP_INSTALL_TESTS:-0}" == "1" ]]; then
  echo "== install tests skipped (MESASPEC_SKIP_INSTALL_TESTS=1)"
else
  echo "== install tests (tests/MesaSpec.Install.Tests)"
  dotnet test tests/MesaSpec.Install.Tests --nologo -v q
fi

if [[ "${MESASPEC_SKIP_EDITOR_TESTS:-0}" == "1" ]]; then
  echo "== editor tests skipped (MESASPEC_SKIP_EDITOR_TESTS=1)"
  exit 0
fi
if [[ -x scripts/test-extension.sh ]]; then
  echo "== grammar, extension and end-to-end tests"
  scripts/test-extension.sh
fi
