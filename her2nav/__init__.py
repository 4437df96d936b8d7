"""her2nav: a treatment navigator for metastatic HER2-positive breast cancer."""

__version__ = "0.1.0"
