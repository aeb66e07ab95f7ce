#!/usr/bin/env python3
"""Fidelity check of a rendered report against the published text it was encoded from.

    python3 tests/fidelity.py SEED OUT.md
        Strips Markdown markup (#, *, a leading >, backslash escapes, HTML tags such as <br>) and
        all whitespace from both texts, prints difflib.SequenceMatcher(...).ratio() with the default
        autojunk and with autojunk=False, and lists every number of the seed that does not occur in
        the output. Exit 1 if the ratio (default autojunk) is below 0.97 or a number is missing.

    python3 tests/fidelity.py --once YAML
        Checks that each distinctive number of the seed occurs exactly once in the YAML file as a
        whole token (not part of a longer number): a number is typed once, in `metrics`.
        Exit 1 otherwise.
"""
import difflib
import re
import sys

THRESHOLD = 0.97
ONCE = ["19", "132", "750", "11.88", "1200", "7000", "185", "380", "37", "54"]
NUMBER = re.compile(r"\d+(\.\d+)?")


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def strip_markup(text):
    """Markdown markup out, whitespace kept (so numbers stay apart)."""
    text = re.sub(r"<[^>]*>", "", text)                      # HTML tags: <br>, <p>, ...
    text = re.sub(r"\\(.)", r"\1", text)                     # backslash escapes: \* -> *
    text = re.sub(r"^[ \t]*(>[ \t]?)+", "", text, flags=re.M)  # leading > (block quotes)
    return text.replace("#", "").replace("*", "")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def numbers(text):
    return [m.group(0) for m in NUMBER.finditer(text)]


def whole_token(number):
    # not preceded by a digit or "digit.", not followed by a digit or ".digit"
    return re.compile(r"(?<!\d)(?<!\d\.)" + re.escape(number) + r"(?!\.?\d)")


def compare(seed_path, out_path):
    seed = strip_markup(read(seed_path))
    out = strip_markup(read(out_path))
    a, b = squeeze(seed), squeeze(out)
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    ratio_nojunk = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    print(f"ratio: {ratio:.4f}")
    print(f"ratio (autojunk=False): {ratio_nojunk:.4f}")

    present = set(numbers(out))
    missing = []
    for n in numbers(seed):
        if n not in present and n not in missing:
            missing.append(n)
    if missing:
        print("numbers of the seed missing from the output: " + ", ".join(missing))
    else:
        print("numbers of the seed missing from the output: none")

    failed = False
    if ratio < THRESHOLD:
        print(f"FAIL: ratio {ratio:.4f} < {THRESHOLD}")
        failed = True
    if missing:
        print(f"FAIL: {len(missing)} number(s) missing")
        failed = True
    if not failed:
        print("OK")
    return 1 if failed else 0


def once(yaml_path):
    text = read(yaml_path)
    failed = False
    for n in ONCE:
        count = len(whole_token(n).findall(text))
        status = "ok" if count == 1 else "FAIL"
        if count != 1:
            failed = True
        print(f"{n}: {count} {status}")
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


def main(argv):
    if len(argv) == 2 and argv[0] == "--once":
        return once(argv[1])
    if len(argv) == 2 and not argv[0].startswith("-"):
        return compare(argv[0], argv[1])
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
