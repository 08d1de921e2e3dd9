#!/usr/bin/env python3
"""Writes the CJK characters (U+2E80 and above: ideographs, CJK and full-width punctuation)
of a source file, each once, sorted, into a text file: the characters the page's zh-TW
catalogue uses, for cutting the CJK font down to them (CMakeLists.txt, fontTools.subset
--text-file). Usage: cjk_chars.py CATALOGUE.cpp OUT.txt"""
import sys

FIRST_CJK = 0x2E80


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: cjk_chars.py CATALOGUE.cpp OUT.txt", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as source:
        text = source.read()
    chars = sorted({c for c in text if ord(c) >= FIRST_CJK})
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("".join(chars))
    print(f"{len(chars)} CJK characters in {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
