// Searchable pickers (tom-select) for orgs, people, teams and hours entries, driven by data
// attributes, so that no form asks for a database id:
//   <select data-picker="org|person|team|entry" [multiple]
//           data-search-url="/pickers/people?for=activity:write"   (optional: search the server)
//           data-min-chars="1" data-empty="没有找到" data-loading="正在查找…">
// The select works without JavaScript: it posts the id of the option chosen, and the server lists
// the options it may offer. With JavaScript the options can be searched by typing, and a search
// URL adds matches from the server as one types. A refusal (429, 403) shows its message in the
// dropdown rather than an unfiltered list.
(function () {
  'use strict';

  function escapeHtml(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function searchUrl(base, query) {
    return base + (base.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(query);
  }

  function init(select) {
    if (select.tomselect || typeof window.TomSelect !== 'function') {
      return;
    }
    var url = select.getAttribute('data-search-url');
    var minChars = parseInt(select.getAttribute('data-min-chars') || '1', 10);
    var emptyText = select.getAttribute('data-empty') || '—';
    var loadingText = select.getAttribute('data-loading') || '…';
    var refusal = null;
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    if (label && !select.getAttribute('aria-label')) {
      // The hidden select keeps a name for assistive technology once the label points at the search box.
      select.setAttribute('aria-label', label.textContent.trim());
    }
    var settings = {
      valueField: 'value',
      labelField: 'text',
      searchField: ['text', 'detail'],
      maxOptions: 100,
      create: false,
      allowEmptyOption: !select.multiple,
      plugins: select.multiple ? ['remove_button'] : [],
      dataAttr: 'data-data',
      render: {
        option: function (data, escape) {
          return '<div>' + escape(data.text)
            + (data.detail ? '<div class="small text-muted">' + escape(data.detail) + '</div>' : '') + '</div>';
        },
        item: function (data, escape) {
          return '<div>' + escape(data.text)
            + (data.detail ? ' <span class="small text-muted">' + escape(data.detail) + '</span>' : '') + '</div>';
        },
        no_results: function () {
          return '<div class="no-results' + (refusal ? ' text-danger' : '') + '" role="status">'
            + escapeHtml(refusal || emptyText) + '</div>';
        },
        loading: function () {
          return '<div class="py-2 px-3 small text-muted">' + escapeHtml(loadingText) + '</div>';
        }
      }
    };
    if (url) {
      settings.shouldLoad = function (query) {
        return query.length >= minChars;
      };
      settings.load = function (query, callback) {
        var self = this;
        refusal = null;
        fetch(searchUrl(url, query), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) {
            if (response.ok) {
              return response.json().then(function (choices) {
                callback(choices);
              });
            }
            return response.json().catch(function () {
              return {};
            }).then(function (problem) {
              refusal = problem.detail || problem.title || String(response.status);
              // Offer nothing rather than what was there before the refused search.
              self.clearOptions();
              callback();
            });
          })
          .catch(function () {
            callback();
          });
      };
    }
    new window.TomSelect(select, settings);
  }

  function initAll(root) {
    (root || document).querySelectorAll('select[data-picker]').forEach(init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      initAll(document);
    });
  }
  else {
    initAll(document);
  }
  document.addEventListener('htmx:afterSettle', function (event) {
    initAll(event.target);
  });
}());
