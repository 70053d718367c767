#!/bin/bash
# keychainlint as an Xcode "Run Script" build phase: findings appear inline
# in the editor and in the issue navigator (text output is the format
# Xcode reads: path:line:column: error|warning: message).
#
# Which files: the phase's input files when it lists any (Xcode sets
# SCRIPT_INPUT_FILE_COUNT and SCRIPT_INPUT_FILE_0, _1, …); otherwise the
# Swift, Objective-C and C files git reports as changed or new in the
# repository that holds SRCROOT; otherwise (no git) all of SRCROOT.
# A scan of some files only sees the helpers those files call when the
# helpers are in the list too: a full scan (CI) is the complete check.
#
# The build fails on errors only (KEYCHAINLINT_FAIL_ON=warning to fail on
# warnings too). keychainlint must be on PATH or named by KEYCHAINLINT
# (Xcode's PATH does not include ~/go/bin: KEYCHAINLINT="$HOME/go/bin/keychainlint").
# In Xcode 15 and later, switch "User Script Sandboxing" off for the
# target (ENABLE_USER_SCRIPT_SANDBOXING = NO), or list the files as inputs.
set -u
kl="${KEYCHAINLINT:-keychainlint}"
if ! command -v "$kl" >/dev/null 2>&1; then
  echo "warning: keychainlint not found (go install github.com/keychainlint/keychainlint/cmd/keychainlint@latest, or set KEYCHAINLINT)"
  exit 0
fi
root="${SRCROOT:-$PWD}"
cd "$root" || exit 1
files=()
count="${SCRIPT_INPUT_FILE_COUNT:-0}"
if [ "$count" -gt 0 ]; then
  for ((i = 0; i < count; i++)); do
    var="SCRIPT_INPUT_FILE_$i"
    files+=("${!var}")
  done
elif top=$(git rev-parse --show-toplevel 2>/dev/null); then
  while IFS= read -r -d '' f; do
    case "$f" in
      *.swift | *.m | *.mm | *.h | *.c) [ -f "$top/$f" ] && files+=("$top/$f") ;;
    esac
  done < <(git -C "$top" diff --name-only -z HEAD -- 2>/dev/null; git -C "$top" ls-files -z --others --exclude-standard 2>/dev/null)
  if [ "${#files[@]}" -eq 0 ]; then
    exit 0 # nothing changed
  fi
else
  files=("$root")
fi
exec "$kl" --fail-on "${KEYCHAINLINT_FAIL_ON:-error}" --progress never -- "${files[@]}"
