"""Regenerate examples/expected/*.json and *.md (the handouts) from the current rules.

Run it only after a deliberate change, then read `git diff examples/expected` line by line
as a clinician would: the expected files are the record of what the rules should say.
"""

from __future__ import annotations

import json
from pathlib import Path

from her2nav.case import Case
from her2nav.contract import result_to_dict
from her2nav.navigate import navigate
from her2nav.render.markdown import render_markdown

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
# The date the committed handouts say they were prepared (`--date`), so that they stay the same
# from day to day; tests/test_markdown.py renders with the same date.
HANDOUT_DATE = "2026-11-29"


def main() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        result = navigate(Case.from_mapping(json.loads(path.read_text(encoding="utf-8"))))
        expected = EXAMPLES / "expected"
        outputs = {
            expected / path.name: json.dumps(result_to_dict(result), indent=2, ensure_ascii=False) + "\n",
            expected / f"{path.stem}.md": render_markdown(result, prepared=HANDOUT_DATE),
        }
        for target, text in outputs.items():
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(EXAMPLES.parent)}")


if __name__ == "__main__":
    main()
