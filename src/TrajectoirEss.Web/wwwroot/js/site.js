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

// A character counter under every text field of 100 characters or more ("112 / 120 caractères"), and a notice
// beside it when pasted text was cut at the limit ("Le texte collé a été coupé à 4 000 caractères.") — the
// browser cuts it silently. Screen readers hear the counter with the field's description (aria-describedby),
// and a separate polite status speaks only when the field nears its limit, reaches it, or a paste was cut.
(function () {
  var threshold = 100;
  var nearShare = 0.9;
  var format = new Intl.NumberFormat('fr-FR');
  // Free text only: an address or a search box is never long enough to need a counter.
  var fields = document.querySelectorAll('input[maxlength]:not([type=email]):not([type=search]):not([type=password]), textarea[maxlength]');

  function describe(field, id) {
    var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) < 0) {
      ids.push(id);
      field.setAttribute('aria-describedby', ids.join(' '));
    }
  }

  function characters(n) {
    return format.format(n) + (n > 1 ? ' caractères' : ' caractère');
  }

  fields.forEach(function (field, index) {
    var max = field.maxLength;
    var type = (field.getAttribute('type') || 'text').toLowerCase();
    if (max < threshold || field.readOnly || field.disabled || ['text', 'search', 'email', 'url', 'tel'].indexOf(type) < 0 && field.tagName !== 'TEXTAREA') {
      return;
    }

    var base = (field.id || 'champ-' + index);
    var counter = document.createElement('div');
    counter.className = 'form-text char-count';
    counter.id = base + '-compteur';
    counter.setAttribute('data-testid', 'char-count');

    var notice = document.createElement('div');
    notice.className = 'small text-danger';
    notice.id = base + '-coupe';
    notice.hidden = true;
    notice.setAttribute('data-testid', 'paste-cut');

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    // After the field and its hint, before its error message (which comes last).
    var anchor = field;
    while (anchor.nextElementSibling && (anchor.nextElementSibling.classList.contains('form-text') || anchor.nextElementSibling.tagName === 'DATALIST')) {
      anchor = anchor.nextElementSibling;
    }
    anchor.after(counter, notice, status);
    describe(field, counter.id);

    var lastLevel = 'far';
    var cut = false;

    function level(length) {
      return length >= max ? 'full' : length >= Math.ceil(max * nearShare) ? 'near' : 'far';
    }

    function update() {
      var length = field.value.length;
      counter.textContent = format.format(length) + ' / ' + characters(max);
      var now = level(length);
      if (cut) {
        cut = false;
        notice.textContent = 'Le texte collé a été coupé à ' + characters(max) + '.';
        notice.hidden = false;
        describe(field, notice.id);
        status.textContent = notice.textContent;
      } else if (now !== lastLevel && now !== 'far') {
        status.textContent = now === 'full'
          ? 'Limite de ' + characters(max) + ' atteinte.'
          : 'Il reste ' + characters(max - length) + '.';
      } else if (now === 'far' && !notice.hidden) {
        notice.hidden = true;
        status.textContent = '';
      }
      lastLevel = now;
    }

    // What is about to be inserted (a paste, a drop, text put in by an assistant or a test): more than the room
    // left means the browser will cut it.
    function incoming(text) {
      if (!text || text.length < 2) {
        return;
      }
      var selected = (field.selectionEnd || 0) - (field.selectionStart || 0);
      var room = max - (field.value.length - selected);
      if (text.replace(/\r\n/g, '\n').length > room) {
        cut = true;
        // When nothing fits, no input event follows.
        setTimeout(function () { if (cut) { update(); } }, 0);
      }
    }

    field.addEventListener('paste', function (event) {
      incoming(event.clipboardData ? event.clipboardData.getData('text/plain') : '');
    });
    field.addEventListener('beforeinput', function (event) {
      if (cut || event.inputType === 'insertFromPaste') {
        return;
      }
      incoming(event.data || (event.dataTransfer ? event.dataTransfer.getData('text/plain') : ''));
    });
    field.addEventListener('input', update);
    update();
  });
})();
