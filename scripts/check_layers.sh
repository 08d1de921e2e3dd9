#!/usr/bin/env bash
# Checks the layering of src/: every `#include "<folder>/..."` in src/<layer>/ (subfolders
# included) must point into the file's own layer or a layer below it, so data flows down,
# never up or sideways:
#
#   host      main loop, font, theme     may include  app platform config nn data core
#   app       ImGui panels                            platform config nn data core
#   cli       the `mlp` tool                          config nn data core
#   platform  JS bridge, textures                     core
#   config    a run's settings as text                nn data core
#   nn        model, training                         data core
#   data      data sets, loaders                      core
#   core      matrix type, random, names              (nothing)
#
# nn sits above data (a trainer works on data sets); data never includes nn. A new folder
# under src/ fails the check until it gets its row here.
# Also refused: "../" includes and includes without a folder (both hide the layer); ImGui,
# SDL, GL and Emscripten headers in the layers that stay pure C++ (core, data, nn, config,
# cli); SDL, GL and Emscripten headers in app (it reaches the window and page through platform).
#
# Usage: scripts/check_layers.sh      prints each violation as file:line: reason; exit 1 if any
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

declare -A allowed=(
  [host]="app platform config nn data core"
  [app]="platform config nn data core"
  [cli]="config nn data core"
  [platform]="core"
  [config]="nn data core"
  [nn]="data core"
  [data]="core"
  [core]=""
)
# System headers a layer may not include (an extended regex on the name inside <>).
window_headers='^(SDL[A-Za-z0-9_]*\.h|GL(ES[0-9])?/.*|emscripten(\.h|/.*))$'
ui_headers='^(imgui[a-z0-9_]*\.h)$'
declare -A refused_headers=(
  [core]="$ui_headers|$window_headers" [data]="$ui_headers|$window_headers"
  [nn]="$ui_headers|$window_headers" [config]="$ui_headers|$window_headers"
  [cli]="$ui_headers|$window_headers"
  [app]="$window_headers"
)

violations=0
report() {
  printf '%s:%s: %s\n' "$1" "$2" "$3" >&2
  violations=$((violations + 1))
}

for dir in src/*/; do
  layer="$(basename "$dir")"
  if [ -z "${allowed[$layer]+set}" ]; then
    report "$dir" 0 "folder '$layer' has no place in the layers: add it to scripts/check_layers.sh"
    continue
  fi
  while IFS= read -r file; do
    # file:line:#include "target" or <target>, comments and string text ignored by the anchor
    while IFS=: read -r line text; do
      if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
        target="${BASH_REMATCH[1]}"
        case "$target" in
          ../*|*/../*)
            report "$file" "$line" "include \"$target\" climbs out of its folder: name the folder (\"<folder>/...\")"
            continue ;;
          */*) ;;
          *) report "$file" "$line" "include \"$target\" without its folder: write \"$layer/$target\""
             continue ;;
        esac
        to="${target%%/*}"
        [ "$to" = "$layer" ] && continue
        if [ -z "${allowed[$to]+set}" ]; then
          report "$file" "$line" "include \"$target\": '$to' is not a folder of src/"
        elif [[ " ${allowed[$layer]} " != *" $to "* ]]; then
          report "$file" "$line" "$layer may not include $to (\"$target\"); $layer may include: ${allowed[$layer]:-nothing outside itself}"
        fi
      elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<([^\>]+)\> ]]; then
        target="${BASH_REMATCH[1]}"
        refused="${refused_headers[$layer]:-}"
        if [ -n "$refused" ] && [[ $target =~ $refused ]]; then
          report "$file" "$line" "$layer may not include <$target> (ImGui belongs to app and above; SDL, GL and the page to platform and host)"
        fi
      fi
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include' "$file" || true)
  done < <(find "$dir" -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort)
done

if [ $violations -gt 0 ]; then
  echo "check_layers: $violations violation(s) of the src/ layering" >&2
  exit 1
fi
echo "check_layers: every include in src/ follows the layers"
