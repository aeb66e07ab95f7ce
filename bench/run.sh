#!/usr/bin/env bash
# reportc's benchmark, in one run on one machine; prints every figure and ratio (not part of the tests).
#   (a) cold build of the sample (md + html, native binary) against pandoc making the same document
#       standalone HTML with a template, and against a Native AOT "hello world" (the floor);
#   (b) 1,000 reports in one reportc call against 1,000 pandoc calls, and md+html+docx against md+html;
#   (c) peak memory of a 1,000- and a 10,000-report batch;
#   (d) 20 PDFs in one call against 20 `chromium --headless --print-to-pdf` launches;
#   (e) checking a 2.8 MB text with a slip on every other character against a 160 KB one (linear time);
#   (f) 200 reports (md + html) with and without the journal their renames are made under.
# Needs: the native binary (dotnet pwsh ./build.ps1 publish), Debian's pandoc and chromium, GNU time,
# clang and zlib1g-dev for the hello world. Usage: bench/run.sh [RUNS]   (RUNS of each cold start; 20)
# BENCH_ONLY=df bench/run.sh runs only the sections named (letters a-f); the machine's load average is
# printed with the PDF and journal figures, which other programs running at the same time change most.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
only=${BENCH_ONLY:-abcdef}
want() { [[ $only == *$1* ]]; }
reportc=$PWD/out/native/reportc
[ -x "$reportc" ] || { echo "no native binary: run 'dotnet pwsh ./build.ps1 publish' first" >&2; exit 2; }
for tool in pandoc chromium /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt install pandoc chromium time python3)" >&2; exit 2; }
done
# The work folder is in memory (/dev/shm) where there is one, so the figures measure the programs and not
# the file system (on a disk, ext4 slows file creation down for a while after many deletions; this bench
# deletes tens of thousands of files). BENCH_DIR chooses another place, e.g. BENCH_DIR=/tmp for the disk.
parent=${BENCH_DIR:-$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )}
work=$(mktemp -d -p "$parent")
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work"   # reportc's and the browsers' temporary files go there too

now() { date +%s%N; }
# median wall time in ms of RUNS runs of a command
median_ms() {
  local times=() i start
  for ((i = 0; i < runs; i++)); do
    start=$(now); "$@" >/dev/null 2>&1; times+=($(( ($(now) - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) / 1000}'
}
# median wall time in ms of N runs of a batch; each run writes to a fresh folder ("{}" in the command)
median_batch_ms() {
  local n=$1; shift
  local times=() i start
  for ((i = 0; i < n; i++)); do
    sync
    start=$(now); "${@//\{\}/$work/batch-$i}" >/dev/null 2>"$work/batch.log" || { tail -n 5 "$work/batch.log"; exit 1; }
    times+=($(( ($(now) - start) / 1000000 )))
  done
  # removed only after all runs: on ext4, thousands of files deleted just before make the next creates slow
  rm -rf "$work"/batch-*
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2))}'
}
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }
peak_mb() { /usr/bin/time -o "$work/time.out" -f "%M" "$@" >/dev/null 2>&1 || true; awk '{printf "%.1f", $1 / 1024}' "$work/time.out"; }

echo "reportc bench on $(nproc) cores, $(date -u +%Y-%m-%d), $runs runs per cold start, in $parent ($(stat -f -c %T "$parent"))"
echo

if want a; then
# --- the floor: a Native AOT hello world, built here
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet publish "$work/hello/hello.csproj" -c Release -r linux-x64 -o "$work/hello/bin" --nologo -v q >/dev/null

# --- (a) one document, cold
"$reportc" build samples/beiliu-2024.yaml -o "$work/sample" --format md,html >/dev/null 2>&1
python3 - "$work" <<'PY'
import sys, re, pathlib
work = pathlib.Path(sys.argv[1])
md = (work / "sample" / "beiliu-2024.md").read_text(encoding="utf-8")
meta = "---\ntitle: 中共北留镇委员会北留镇人民政府2024年法治政府建设工作情况的报告\nnumber: 北发〔2025〕4号\ndate: 2025年1月20日\nlang: zh-CN\n---\n\n"
(work / "sample.md").write_text(meta + md, encoding="utf-8")
(work / "template.html").write_text("<!DOCTYPE html><html lang=\"$lang$\"><head><meta charset=\"utf-8\"><title>$title$</title><style>body{font-family:serif}</style></head><body><p>$number$</p><h1>$title$</h1>$body$<p>$date$</p></body></html>\n", encoding="utf-8")
PY
pandoc_one=(pandoc "$work/sample.md" -f markdown -t html5 --standalone --template "$work/template.html" -o "$work/pandoc.html")
reportc_one=("$reportc" build samples/beiliu-2024.yaml -o "$work/cold" --format md,html)
t_reportc=$(median_ms "${reportc_one[@]}")
t_pandoc=$(median_ms "${pandoc_one[@]}")
t_hello=$(median_ms "$work/hello/bin/hello")
echo "(a) one document, cold start (median ms)"
printf '    reportc build (md+html, native)   %8s ms\n' "$t_reportc"
printf '    pandoc standalone html + template %8s ms\n' "$t_pandoc"
printf '    Native AOT hello world            %8s ms\n' "$t_hello"
printf '    reportc / pandoc = %s (target <= 0.5)   reportc / hello = %s (target <= 4)\n' "$(ratio "$t_reportc" "$t_pandoc")" "$(ratio "$t_reportc" "$t_hello")"
echo
fi

# --- synthetic reports: the sample with other names and numbers, in town folders
if want b || want c || want d || want f; then
python3 - "$work" "$(want c && echo 10000 || echo 1000)" <<'PY'
import sys, re, pathlib, random
work, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
sample = pathlib.Path("samples/beiliu-2024.yaml").read_text(encoding="utf-8")
rng = random.Random(1)
def vary(m):
    n = m.group(2)
    return m.group(1) + (f"{rng.randint(1, 900)}" if "." not in n else f"{rng.randint(1, 9000) / 100:.2f}")
head, rest = sample.split("\nmetrics:\n", 1)
metrics, sections = rest.split("\nsections:\n", 1)
for i in range(count):
    # other numbers in the metrics (percentages stay as they are), other town names
    varied = re.sub(r"(^  [a-z_]+:\s+(?:\{ value: )?)(\d+(?:\.\d+)?)(?![\d.]|\s*%)", vary, metrics, flags=re.M)
    text = head + "\nmetrics:\n" + varied + "\nsections:\n" + sections
    text = text.replace("北留镇", f"示例{i}镇")
    folder = work / f"reports-{10000 if i >= 1000 else 1000}" / f"county-{i % 20:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"town-{i:05d}.yaml").write_text(text, encoding="utf-8")
PY
# the 10,000 batch holds the first 1,000 too
if want c; then cp -r "$work/reports-1000/." "$work/reports-10000/"; fi
fi

if want b; then
# --- (b) 1,000 reports: one reportc call against 1,000 pandoc calls
# Every timed phase starts after a sync, so the disk writes of the phase before do not run during it.
"$reportc" build "$work/reports-1000" -o "$work/out-1000" --format md,html --quiet 2>"$work/batch.log" || { tail -n 5 "$work/batch.log"; exit 1; }
t_batch=$(median_batch_ms 5 "$reportc" build "$work/reports-1000" -o "{}" --format md,html --quiet)
t_docx=$(median_batch_ms 5 "$reportc" build "$work/reports-1000" -o "{}" --format md,html,docx --quiet)
python3 - "$work" <<'PY'
import sys, pathlib, re
work = pathlib.Path(sys.argv[1])
meta = (work / "sample.md").read_text(encoding="utf-8")
for i, f in enumerate(sorted((work / "out-1000").rglob("*.md"))):
    (work / "pandoc-in").mkdir(exist_ok=True)
    (work / "pandoc-in" / f"{i:04d}.md").write_text(meta.split("\n---\n", 1)[0] + "\n---\n\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
PY
sync
start=$(now)
for f in "$work"/pandoc-in/*.md; do pandoc "$f" -f markdown -t html5 --standalone --template "$work/template.html" -o "${f%.md}.html"; done
t_pandocs=$(( ($(now) - start) / 1000000 ))
echo "(b) 1,000 reports"
printf '    reportc, one call (md+html)       %8s ms  (%s ms a report; median of 5 calls)\n' "$t_batch" "$(ratio "$t_batch" 1000)"
printf '    pandoc, 1,000 calls (html)        %8s ms\n' "$t_pandocs"
printf '    speed-up = %sx (target >= 50)\n' "$(ratio "$t_pandocs" "$t_batch")"
printf '    reportc, one call (md+html+docx)  %8s ms  = %sx md+html (target <= 2; median of 5 calls)\n' "$t_docx" "$(ratio "$t_docx" "$t_batch")"
echo

fi

if want c; then
# --- (c) peak memory, 1,000 and 10,000 reports
m1=$(peak_mb "$reportc" build "$work/reports-1000" -o "$work/mem-1000" --format md,html --quiet)
m10=$(peak_mb "$reportc" build "$work/reports-10000" -o "$work/mem-10000" --format md,html --quiet)
t10=$(( $(date +%s%N) ))
"$reportc" build "$work/reports-10000" -o "$work/time-10000" --format md,html --quiet 2>/dev/null
t10=$(( ($(date +%s%N) - t10) / 1000000 ))
echo "(c) peak memory (max RSS)"
printf '    1,000 reports   %8s MB\n    10,000 reports  %8s MB\n' "$m1" "$m10"
printf '    10,000 / 1,000 = %s (target <= 1.5; and 10,000 under 250 MB); 10,000 reports took %s ms\n' "$(ratio "$m10" "$m1")" "$t10"
echo

fi

if want e; then
# --- (e) text checks stay linear: a text of 2.8 MB (700,000 half-width commas, each a warning at its own line
# and column) against the same text of 40,000, and against checking the sample
python3 - "$work" <<'PY'
import sys, pathlib
work = pathlib.Path(sys.argv[1])
sample = pathlib.Path("samples/shili-2024.yaml").read_text(encoding="utf-8")
before = "  problems: 基层执法力量仍然不足，执法人员专业培训偏少。"
for name, n in (("commas-small", 40_000), ("commas-large", 700_000)):
    text = sample.replace("previous: shili-2023.yaml\n", "").replace(before, "  problems: |\n    " + "甲," * n + "\n")
    text = text.replace("，上年为{{fines.prev}}", "").replace(".change}}", "}}")
    (work / f"{name}.yaml").write_text(text, encoding="utf-8")
PY
t_check=$(median_ms "$reportc" check samples/beiliu-2024.yaml)
runs_saved=$runs; runs=3
t_small=$(median_ms "$reportc" check "$work/commas-small.yaml")
t_large=$(median_ms "$reportc" check "$work/commas-large.yaml")
runs=$runs_saved
echo "(e) text checks on a long text (median ms of 3; 17.5x the commas of the small text)"
printf '    check the sample                  %8s ms
' "$t_check"
printf '    check 40,000 commas (160 KB)      %8s ms
' "$t_small"
printf '    check 700,000 commas (2.8 MB)     %8s ms  = %sx the small text (linear: about 17.5; target < 10 s)
' "$t_large" "$(ratio "$t_large" "$t_small")"
echo
fi

# --- (d) 20 PDFs: one reportc call against 20 browser launches
if want d; then
rm -rf "$work"/reports-10000 "$work"/mem-* "$work"/time-10000
# 20 different reports, the browser printing the very HTML files reportc builds from them: other numbers,
# and town names of two characters no other report has, so that each report prints characters of its own
# and its fonts are cut for it alone, as in a county's batch
mkdir -p "$work/pdf-in"
python3 - "$work" <<'PY'
import sys, pathlib
work = pathlib.Path(sys.argv[1])
names = "桦枫榆柘楠樟槐栎檀柚杉柏桐椿梓楸榉栗桑柳杨梧棠榕桂柯"
for i in range(20):
    source = work / "reports-1000" / f"county-{i:02d}" / f"town-{i:05d}.yaml"
    text = source.read_text(encoding="utf-8").replace(f"示例{i}镇", names[i] + names[(i + 7) % len(names)] + "镇")
    (work / "pdf-in" / f"town-{i:05d}.yaml").write_text(text, encoding="utf-8")
PY
"$reportc" build "$work/pdf-in" -o "$work/pdf-html" --format html --quiet 2>/dev/null
# wall and CPU (user + system, of every process of the run: reportc, the browser and its processes)
: > "$work/pdf-cpu"
t_pdf=$(median_batch_ms 3 /usr/bin/time -a -o "$work/pdf-cpu" -f "%U %S" "$reportc" build "$work/pdf-in" -o "{}" --format pdf --quiet)
load_pdf=$(cut -d' ' -f1-3 /proc/loadavg)
c_pdf=$(awk '{print $1 + $2}' "$work/pdf-cpu" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
sync
: > "$work/chrome-cpu"
start=$(now)
i=0
for html in "$work"/pdf-html/*.html; do
  i=$((i + 1))
  /usr/bin/time -a -o "$work/chrome-cpu" -f "%U %S" \
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir="$work/chrome-$i" \
    --print-to-pdf="$work/chrome-$i.pdf" "$html" >/dev/null 2>&1
done
[ "$i" -eq 20 ] || { echo "expected 20 HTML files for (d), found $i" >&2; exit 1; }
t_chrome=$(( ($(now) - start) / 1000000 ))
c_chrome=$(awk '{c += $1 + $2} END {print c}' "$work/chrome-cpu")
echo "(d) 20 PDFs (load average $load_pdf during reportc, $(cut -d' ' -f1-3 /proc/loadavg) after the launches)"
printf '    reportc, one call                 %8s ms  (%s ms a PDF; median of 3 calls)  CPU %s s\n' "$t_pdf" "$(ratio "$t_pdf" 20)" "$c_pdf"
printf '    chromium --print-to-pdf, 20 runs  %8s ms  (%s ms a PDF)  CPU %s s\n' "$t_chrome" "$(ratio "$t_chrome" 20)" "$c_chrome"
printf '    reportc / chromium = %s (target <= 0.25); CPU time reportc / chromium = %s\n' "$(ratio "$t_pdf" "$t_chrome")" "$(ratio "$c_pdf" "$c_chrome")"
echo
fi

# --- (f) what the rename journal costs: 200 reports (md + html, a set of two files each, so each renamed
# under a journal) built with it and without it (REPORTC_BENCH_WITHOUT_JOURNAL=1, for this bench only),
# the two alternating, each into a fresh folder
if want f; then
mkdir -p "$work/journal-in"
for i in $(seq 0 199); do cp "$work/reports-1000/county-$(printf %02d $((i % 20)))/town-$(printf %05d "$i").yaml" "$work/journal-in/"; done
with=() without=()
for ((k = 0; k < 7; k++)); do
  with+=($(median_batch_ms 1 "$reportc" build "$work/journal-in" -o "{}" --format md,html --quiet))
  without+=($(REPORTC_BENCH_WITHOUT_JOURNAL=1 median_batch_ms 1 "$reportc" build "$work/journal-in" -o "{}" --format md,html --quiet))
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t_with=$(med "${with[@]}"); t_without=$(med "${without[@]}")
echo "(f) the rename journal, 200 reports md+html (median of 7 alternating calls; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '    with the journal                  %8s ms\n' "$t_with"
printf '    without it                        %8s ms\n' "$t_without"
printf '    with / without = %s\n' "$(ratio "$t_with" "$t_without")"
printf '    (each call, ms: with %s; without %s)\n' "${with[*]}" "${without[*]}"
fi
