"""Validate a Frictionless data package and build a documentary MkDocs site from it."""
