"""`her2nav batch --format csv`: one row per case, RFC 4180, that a spreadsheet opens cleanly."""

from __future__ import annotations

import csv
import io
import json

from her2nav.render.csv_out import BOM, HEADER
from tests.clirun import EXAMPLES, run_cli
from tests.conftest import case_mapping


def _csv(*lines: str, args: tuple[str, ...] = ()) -> str:
    run = run_cli("batch", "-", "--format", "csv", *args, stdin="\n".join(lines).encode() + b"\n")
    return run.stdout


def test_the_example_batch_round_trips_one_row_per_input_line() -> None:
    run = run_cli("batch", str(EXAMPLES / "board.jsonl"), "--format", "csv")
    json_lines = run_cli("batch", str(EXAMPLES / "board.jsonl")).json_lines()
    assert run.code == 3  # the highest exit code among the cases, as for JSON
    header, *rows = list(csv.reader(io.StringIO(run.stdout, newline="")))
    assert tuple(header) == HEADER
    assert len(rows) == len(json_lines) == 9
    for row, line in zip(rows, json_lines, strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["id"] == line["id"]
        if line["error"] is None:
            assert record["line"] == str(line["line"]) and record["error_code"] == ""
            assert record["preferred"].split("; ") == [o["regimen"] for o in line["systemic"]
                                                       if o["tier"] == "preferred"]
        else:
            assert record["line"] == "" and record["error_code"] == str(line["error"]["code"])
            assert record["error_message"] == line["error"]["message"]


def test_records_end_with_crlf_and_quote_only_what_needs_it() -> None:
    text = _csv(json.dumps(case_mapping(id='board, "7"\nsecond row')))
    assert text.startswith(",".join(HEADER) + "\r\n")
    assert '"board, ""7""\nsecond row"' in text
    [_, row] = list(csv.reader(io.StringIO(text, newline="")))
    assert row[1] == 'board, "7"\nsecond row'


def test_other_offered_leaves_out_preferred_and_avoid() -> None:
    # After THP failed, with interstitial lung disease: T-DXd is avoid, T-DM1 preferred in its place.
    second_line = case_mapping(treatments=[{"drugs": ["THP"], "setting": "metastatic"}],
                               conditions=["interstitial_lung_disease"])
    [row] = list(csv.DictReader(io.StringIO(_csv(json.dumps(second_line)))))
    assert row["preferred"] == "T-DM1"
    assert row["other_offered"] == "Tucatinib + trastuzumab + capecitabine"


def test_urgent_actions_and_missing_fields_are_listed() -> None:
    urgent = case_mapping(sites=[{"site": "bone", "symptoms": ["cord_compression"]}])
    unknown = {k: v for k, v in case_mapping().items() if k not in ("ecog", "lvef")}
    rows = list(csv.DictReader(io.StringIO(_csv(json.dumps(urgent), json.dumps(unknown)))))
    assert "Spinal cord compression" in rows[0]["urgent_actions"]
    listed = rows[1]["missing_fields"].split("; ")
    assert {"lvef", "ecog"} <= set(listed) and "creatinine_clearance" not in listed


def test_excel_gets_a_byte_order_mark_and_plain_csv_none() -> None:
    line = json.dumps(case_mapping(id="Müller-free id: é"))
    assert _csv(line, args=("--excel",)).startswith(BOM + "input_line,")
    assert not _csv(line).startswith(BOM)


def test_an_id_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() -> None:
    rows = list(csv.DictReader(io.StringIO(_csv(json.dumps(case_mapping(id="=HYPERLINK(1)")), '{"id": "@x", '))))
    assert rows[0]["id"] == "'=HYPERLINK(1)"
    assert rows[1]["error_code"] == "2"


def test_an_empty_input_gives_the_header_alone() -> None:
    run = run_cli("batch", "-", "--format", "csv", stdin=b"")
    assert run.stdout == ",".join(HEADER) + "\r\n"


def test_excel_and_reference_ids_are_refused_where_they_mean_nothing() -> None:
    line = json.dumps(case_mapping()).encode()
    excel = run_cli("batch", "-", "--excel", stdin=line)
    assert (excel.code, excel.stdout) == (2, "") and "--excel: only with --format csv" in excel.stderr
    ids = run_cli("batch", "-", "--format", "csv", "--references", "ids", stdin=line)
    assert (ids.code, ids.stdout) == (2, "") and "--references: only with --format json" in ids.stderr
