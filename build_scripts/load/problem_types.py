"""The registry of problem types: every type a problem can carry, with a title and what it
means for a contributor. The codebook page lists it; a test checks that every type the code
emits is here and that the test suite makes each one happen at least once.
"""

from __future__ import annotations

# type: (title, what it means and how to fix it)
PROBLEM_TYPES: dict[str, tuple[str, str]] = {
    # Reading the package
    "package-error": ("Unusable descriptor",
                      "datapackage.json cannot be read or does not follow the Data Package "
                      "standard; the message says where."),
    "unsafe-path": ("Path outside the package",
                    "A path in datapackage.json leaves the package folder, is a link out of "
                    "it, is not a regular file or is too large."),
    "unsafe-name": ("Name unfit for a file name",
                    "A package name, version or resource name holds characters that cannot "
                    "safely name a file."),
    "remote-reference": ("Address instead of a file",
                         "A path, profile, dialect or schema is given as an address; "
                         "validation never goes on the network."),
    "unsupported-dialect": ("Unsupported CSV dialect",
                            "A resource declares a dialect or encoding other than "
                            "comma-separated UTF-8."),
    "missing-file": ("Missing file", "A file named in datapackage.json does not exist."),
    "encoding-error": ("Not UTF-8", "A file holds bytes that are not UTF-8; save it as UTF-8."),
    "source-error": ("Not CSV", "A file cannot be read as comma-separated values."),
    "empty-file": ("Empty file", "A CSV file has not even a header row."),
    "wrong-delimiter": ("Wrong separator",
                        "The cells are separated by ';' or tabs; save the file as "
                        "comma-separated CSV UTF-8."),
    "missing-label": ("Missing column", "The header lacks a column of the schema."),
    "extra-label": ("Unknown column", "The header has a column the schema does not know."),
    "incorrect-label": ("Wrong heading",
                        "A heading differs from the schema's field name (spaces, case, "
                        "invisible characters, order)."),
    "snapshot-error": ("Broken release snapshot",
                       "A snapshot in releases/ cannot be read, so the changelog would be "
                       "wrong."),
    # Frictionless: cells, rows, keys
    "type-error": ("Wrong type", "A cell is not a valid date, number, integer or boolean."),
    "constraint-error": ("Rule broken",
                         "A cell breaks a rule of its field: allowed values, pattern or range."),
    "required-cell": ("Empty required cell", "A required cell is empty."),
    "duplicate-key": ("Duplicate id", "An id is already used by an earlier row."),
    "foreign-key": ("Unknown reference", "A cell names a row that does not exist."),
    "missing-cell": ("Too few cells", "A row has fewer cells than the header has columns."),
    "extra-cell": ("Too many cells", "A row has more cells than the header has columns."),
    "blank-row": ("Empty row", "A row holds no value at all; delete it."),
    "too-many-problems": ("Too many problems",
                          "Frictionless stopped checking a table after 1,000 problems."),
    "frictionless-error": ("Other Frictionless error",
                           "An error of a kind this project does not translate; the message "
                           "gives Frictionless's own words."),
    # The project's own checks
    "list-reference": ("Unknown id in a list",
                       "An id in a ;-separated list does not exist in the table it refers to."),
    "date-order": ("Dates out of order", "An end date is before its start date."),
    "date-out-of-range": ("Date outside coverage",
                          "A date lies outside the package's temporal coverage."),
    "date-precision": ("Date and precision disagree",
                       "A date known to the month or year must be written as its first day."),
    "required-with": ("Missing companion value",
                      "A cell must be filled because another cell of the row is."),
    "required-when": ("Value required here",
                      "A cell must be filled because of the value of another cell of the row."),
    "empty-when": ("Value not allowed here",
                   "A cell must be empty because of the value of another cell of the row."),
    "responds-to-later": ("Answer before the claim",
                          "A statement answers a statement made later."),
    "self-reference": ("Answers itself", "A statement answers itself."),
    "tally-below-records": ("Count below the records",
                            "A count is lower than the number of records linked to the row."),
    "url-scheme": ("Not a web address", "An address is not an http or https URL."),
    "evidence-record": ("Evidence for no record",
                        "An excerpt names a table without fact fields or a record that does "
                        "not exist."),
    "evidence-source": ("Evidence from an uncited source",
                        "An excerpt comes from a source the record does not cite; cite the "
                        "page in the record first."),
    "evidence-field": ("Evidence for no fact",
                       "An excerpt names a field that is not a fact field of the record's "
                       "table."),
    "formula-like-cell": ("Spreadsheet formula",
                          "A cell starts with a character a spreadsheet would run as a "
                          "formula."),
}
