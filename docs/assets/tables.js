// Make every table of a page sortable by clicking its header (tablesort, vendored).
// Material's instant loading swaps pages without reloading, so run on each page swap.
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    new Tablesort(table);
  });
});
