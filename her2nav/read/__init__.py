"""Readers of a case: each produces the contract mapping that `Case.from_mapping` validates.

`json_text` parses JSON (refusing a key given twice), `sources` opens files, standard input
and streams of cases within their size limits, and `flags` turns command-line flags into
the same mapping; `fhir` reads an HL7 FHIR (mCODE) record into it, and is imported only for --fhir.
"""
