// Moves focus to the error summary of a form after a failed submission, so screen readers announce it.
(function () {
  var summary = document.getElementById('resume-erreurs');
  if (summary) {
    summary.focus();
  }
})();
