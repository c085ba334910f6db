"""Reading level of Phoenix's words, measured with textstat (PyPI).

English: Flesch-Kincaid grade level (lower is easier; about 6 is the aim).
Spanish: Fernandez Huerta reading ease (higher is easier; 80-90 is "easy",
about a 6th-grade reader).

Usage: readability.py EN.ftl ES.ftl

Each message's text (every variant of a selector, placeholders replaced by
a sample word) is one paragraph. Labels shorter than three words are left
out: a button's "Save" says nothing about reading level, and would only
make the score look easier than the sentences are.
"""

import re
import sys

import textstat

SAMPLE = {"number": "988", "name": "Dana", "days": "12", "count": "4",
          "score": "42", "percent": "50", "drop": "2", "times": "3",
          "seconds": "30", "milestone": "30", "month": "March", "day": "2",
          "year": "2026", "date": "March 2", "time": "10:30"}


def texts(source, least_words=3):
    """Each message's plain text, one entry per selector variant."""
    out = []
    current = []
    for line in source.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        match = re.match(r"^[a-z][a-z0-9-]* = ?(.*)$", line)
        if match:
            if current:
                out.extend(current)
            current = [match.group(1)]
            continue
        variant = re.match(r"^\s*\*?\[[^\]]+\]\s*(.*)$", line)
        if variant:
            current.append(variant.group(1))
    if current:
        out.extend(current)
    cleaned = []
    for text in out:
        text = re.sub(r"\{\s*\$(\w+)\s*->\s*$", "", text)
        text = re.sub(r"\{\s*\$(\w+)\s*\}", lambda m: SAMPLE.get(m.group(1), "it"), text)
        text = re.sub(r"\{[^}]*\}?", "", text).replace("\u00a0", " ").strip()
        if len(text.split()) >= least_words:
            cleaned.append(text if text[-1] in ".?!:" else text + ".")
    return "\n".join(cleaned)


def main():
    english = open(sys.argv[1], encoding="utf-8").read()
    spanish = open(sys.argv[2], encoding="utf-8").read()
    # Every message of three words or more, then only the sentences (eight
    # words or more), where reading level matters most.
    for least, what in [(3, "messages of 3+ words"), (8, "sentences of 8+ words")]:
        textstat.set_lang("en_US")
        grade = textstat.flesch_kincaid_grade(texts(english, least))
        textstat.set_lang("es")
        ease = textstat.fernandez_huerta(texts(spanish, least))
        print(f"{what}:")
        print(f"  English: Flesch-Kincaid grade {grade:.1f} (aim: 6 or lower)")
        print(f"  Spanish: Fernandez Huerta ease {ease:.1f} (aim: 80 or more)")


if __name__ == "__main__":
    main()
