// Commune autocomplete for the idea form: suggestions from /api/communes in a native datalist, and the
// pôle that will welcome the project announced in a live region. The form works without it: the
// server resolves what was typed.
(function () {
  var input = document.querySelector('[data-commune-autocomplete]');
  if (!input || input.readOnly) {
    return;
  }

  var list = document.getElementById(input.getAttribute('list'));
  var hidden = document.getElementById('CommuneCode');
  var announce = document.getElementById('pole-annonce');
  var endpoint = input.getAttribute('data-commune-autocomplete');
  var items = [];
  var timer = null;

  function display(item) {
    return item.codesPostaux.length > 0 ? item.nom + ' (' + item.codesPostaux[0] + ')' : item.nom;
  }

  function choose() {
    var chosen = items.filter(function (item) { return display(item) === input.value; })[0];
    if (hidden) {
      hidden.value = chosen ? chosen.code : '';
    }
    if (!announce) {
      return;
    }
    if (chosen && chosen.pole) {
      announce.textContent = 'Votre projet sera accueilli par ' + chosen.pole.nom + '.';
      announce.classList.remove('d-none');
    } else {
      announce.textContent = '';
      announce.classList.add('d-none');
    }
  }

  input.addEventListener('input', function () {
    choose();
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) {
      return;
    }
    timer = setTimeout(function () {
      fetch(endpoint + '?q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (result) {
          items = result;
          list.replaceChildren.apply(list, result.map(function (item) {
            var option = document.createElement('option');
            option.value = display(item);
            return option;
          }));
          choose();
        })
        .catch(function () { /* the server resolves the commune on submit */ });
    }, 200);
  });
})();
