// Progressive enhancements of every page (loaded by the layout; the pages work without them).

// The error summary of a form (Features/Shared/_ErrorSummary.cshtml): after a refused submission it takes the
// focus, so screen readers announce it; each of its links moves the focus to its field (a link to an input only
// scrolls to it in most browsers) and shows the field's label with it (RGAA 11.10).
(function () {
  var summary = document.getElementById('resume-erreurs');
  if (!summary) {
    return;
  }

  function fieldFor(link) {
    var id = decodeURIComponent(link.getAttribute('href').slice(1));
    var field = document.getElementById(id);
    if (field) {
      return field;
    }
    // A field named like the error's key but with another id (ids written by hand): found by its name.
    var name = link.getAttribute('data-field');
    if (!name) {
      return null;
    }
    var candidates = document.querySelectorAll('input, select, textarea');
    for (var i = 0; i < candidates.length; i++) {
      var candidate = candidates[i];
      if (candidate.type !== 'hidden' && (candidate.name || '').toLowerCase() === name.toLowerCase()) {
        return candidate;
      }
    }
    return null;
  }

  summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
    var field = fieldFor(link);
    if (!field) {
      return;
    }
    if (!field.id) {
      field.id = link.getAttribute('data-field');
    }
    link.setAttribute('href', '#' + field.id);
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var label = field.id ? document.querySelector('label[for="' + CSS.escape(field.id) + '"]') : null;
      (label || field).scrollIntoView({ block: 'center' });
      field.focus({ preventScroll: true });
    });
  });

  summary.focus();
})();
