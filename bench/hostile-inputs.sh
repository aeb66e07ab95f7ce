#!/usr/bin/env bash
# Time and peak memory of `reportc check` on hostile inputs, against checking the sample (the baseline), and of
# `reportc import` on hostile and huge Word files, web pages, text and PDF.
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

# `reportc import` of hostile and huge files: each must end in a diagnostic (or, under the limits, a report file)
# in bounded time and memory. Time and peak RSS of reportc and what it waited for (pdftotext), as GNU time gives them.
python3 - "$work" <<'PY'
import os, random, sys, zipfile
work = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
words = "法治政府建设年度报告依法行政决策执法监督普法宣传矛盾纠纷调解"
rnd = random.Random(11)
# 20 MB: a picture of random bytes and 120,000 paragraphs of text (over the 16 MB unpacked limit).
with zipfile.ZipFile(f"{work}/twenty-mb.docx", "w") as z:
    z.writestr(zipfile.ZipInfo("word/media/image1.png"), rnd.randbytes(20 << 20), compress_type=zipfile.ZIP_STORED)
    body = "".join(f"<w:p><w:r><w:t>{''.join(rnd.choice(words) for _ in range(60))}{p}次。</w:t></w:r></w:p>" for p in range(120_000))
    z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>", compress_type=zipfile.ZIP_DEFLATED)
# A zip bomb: 1 GB of spaces in one text run, about 1 MB packed.
with zipfile.ZipFile(f"{work}/zip-bomb.docx", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
        block = b" " * (1 << 20)
        for _ in range(1024):
            f.write(block)
with zipfile.ZipFile(f"{work}/broken-xml.docx", "w") as z:
    z.writestr("word/document.xml", f"<w:document {W}><w:body><w:p><w:r><w:t>一、总体情况</w:p></w:body>")
with open(f"{work}/binary.docx", "wb") as f:
    f.write(rnd.randbytes(5 << 20))
# Text and web pages: one over the 8 MB limit, one just under it (read, recognised and written).
para = "全年开展法治宣传活动{n}场，发放资料{m}份，受理法律咨询{k}人次，调处矛盾纠纷{j}起，调解成功率98.5%。"
def paragraphs(limit):
    i, out, size = 0, [], 0
    while size < limit:
        p = para.format(n=i % 97, m=i % 1013, k=i % 331, j=i % 29)
        out.append(p); size += len(p.encode()); i += 1
    return out
head = "示例镇2024年法治政府建设工作情况的报告\n\n一、主要举措和成效\n\n"
for name, limit in (("fifty-mb", 50 << 20), ("seven-mb", 7 << 20)):
    ps = paragraphs(limit)
    with open(f"{work}/{name}.txt", "w", encoding="utf-8") as f:
        f.write(head + "\n\n".join(ps) + "\n\n示例镇人民政府\n\n2025年1月10日\n")
    with open(f"{work}/{name}.html", "w", encoding="utf-8") as f:
        f.write("<html><head><meta charset='utf-8'></head><body><h1>示例镇2024年法治政府建设工作情况的报告</h1><h2>一、主要举措和成效</h2>"
                + "".join(f"<p>{p}</p>" for p in ps) + "<p>示例镇人民政府</p><p>2025年1月10日</p></body></html>")
# A PDF of 4,000 pages of text (about 9 MB once pdftotext has it: over the 8 MB text limit).
def pdf(path, pages):
    line = "(Fazhi zhengfu jianshe niandu baogao 2024 yifa xingzheng 12345 67890 abcdefghij) Tj T*"
    content = ("BT /F1 9 Tf 11 TL 40 800 Td " + " ".join([line] * 30) + " ET").encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    kids = []
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out)); out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode() + b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    open(path, "wb").write(out)
pdf(f"{work}/four-thousand-pages.pdf", 4000)
PY

measure_import() {
  local name=$1 file=$2
  /usr/bin/time -f '%e %M' -o "$work/time" "${reportc[@]}" import "$file" --kind law-based-government -o "$work/imported.yaml" --force >/dev/null 2>"$work/stderr" || true
  local seconds kb code
  read -r seconds kb < <(tail -n 1 "$work/time")
  code=$(grep -o 'RC[0-9]\{4\}' "$work/stderr" | head -n 1 || true)
  if [ -z "$code" ] && grep -q '^wrote' "$work/stderr"; then code="wrote $(wc -c < "$work/imported.yaml") bytes"; fi
  printf '%-22s %8.2f s %8.1f MB   %-8s %s\n' "$name" "$seconds" "$(echo "$kb / 1024" | bc -l)" "$(du -h "$file" | cut -f1)" "${code:-no diagnostic}" >&2
}

printf '\n%-22s %10s %11s   %-8s %s\n' "import of" time peak-RSS size diagnostic >&2
for f in twenty-mb.docx zip-bomb.docx broken-xml.docx binary.docx fifty-mb.txt fifty-mb.html seven-mb.txt seven-mb.html four-thousand-pages.pdf; do
  measure_import "$f" "$work/$f"
done
