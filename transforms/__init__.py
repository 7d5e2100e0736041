"""Cleaning transforms: bronze records → typed rows of the one posting schema."""
