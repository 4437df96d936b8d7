"""The rules of clinical-rules.md, one module per question. Pure functions: no I/O."""
