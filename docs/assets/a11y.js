// Material's search overlay is a role="dialog" without an accessible name; give it one.
document.querySelectorAll('.md-search[role="dialog"]').forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "Search"); }
});
