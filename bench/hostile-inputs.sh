#!/usr/bin/env bash
# Time and peak memory of `reportc check` on hostile inputs, against checking the sample (the baseline).
# Usage: bench/hostile-inputs.sh   (builds Release first; needs GNU time at /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Reportc.Cli -c Release --nologo -v q >/dev/null
reportc=(dotnet src/Reportc.Cli/bin/Release/net10.0/reportc.dll)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The alias bomb ("billion laughs"): nine levels of nine aliases each.
{
  echo 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
  for i in $(seq 1 9); do
    printf 'a%d: &a%d [' "$i" "$i"
    for j in $(seq 1 9); do printf '*a%d%s' $((i - 1)) "$([ "$j" -lt 9 ] && echo ', ')"; done
    echo ']'
  done
} > "$work/alias-bomb.yaml"
python3 -c "print('[' * 10000 + ']' * 10000)" > "$work/deep-flow.yaml"
python3 -c "print('- ' * 10000 + 'x')" > "$work/deep-block.yaml"
# 50 MB of plausible YAML (a long metrics list), not just zeros.
python3 - "$work/fifty-mb.yaml" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('metrics:\n')
    i = 0
    while f.tell() < 50 * 1024 * 1024:
        f.write(f'  metric_{i}: {{ value: {i}, unit: 次, label: 指标{i} }}\n')
        i += 1
PY

measure() {
  local name=$1 file=$2
  local out
  out=$( { /usr/bin/time -f '%e %M' "${reportc[@]}" check "$file" >/dev/null 2>"$work/stderr"; } 2>&1 || true)
  out=$(tail -n 1 "$work/stderr")
  local seconds kb code
  read -r seconds kb <<<"$out"
  code=$(grep -o 'RC[0-9]\{4\}' "$work/stderr" | head -n 1 || true)
  printf '%-22s %8.2f s %8.1f MB   %s\n' "$name" "$seconds" "$(echo "$kb / 1024" | bc -l)" "${code:-no diagnostic}" >&2
  echo "$seconds $kb"
}

printf '%-22s %10s %11s   %s\n' input time peak-RSS diagnostic >&2
base=$(measure "sample (baseline)" samples/beiliu-2024.yaml)
read -r base_s base_kb <<<"$base"
for f in alias-bomb deep-flow deep-block fifty-mb; do
  r=$(measure "$f" "$work/$f.yaml")
  read -r s kb <<<"$r"
  printf '%-22s %8.2fx time  %6.2fx memory (vs baseline)\n' >&2 "" "$(echo "$s / $base_s" | bc -l)" "$(echo "$kb / $base_kb" | bc -l)"
done
