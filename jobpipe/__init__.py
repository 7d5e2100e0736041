"""jobpipe: scrape, clean, validate and warehouse public job postings."""

__version__ = "0.1.0"
