"""Reading a case from HL7 FHIR R4 (mCODE STU4): bundles, single resources and Bulk FHIR NDJSON.

Nothing here is imported unless `--fhir` is used. The reader works over plain `json`, finds
facts by their codes (codes.py), and hands the contract case mapping to `Case.from_mapping`
like every other reader, with a report of where each fact came from.
"""
