"""What the navigator knows, kept as data apart from the decisions that use it."""

KNOWLEDGE_BASE_VERSION = "2026.02.1"
EVIDENCE_AS_OF = "2026-02"  # newest item read: PATINA (January 2026), FDA DPYD communication (February 2026)
INTENDED_USE = (
    "Decision support for specialists; verify against current guidelines and the patient."
)
