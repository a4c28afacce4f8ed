// Patchbay console: the only script, served from Patchbay itself (the Content-Security-Policy allows no other).
document.addEventListener('DOMContentLoaded', function () {
  // A filter's select submits its form as soon as it changes.
  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // A section marked data-poll (a reconciliation that runs) is fetched again until it no longer is.
  document.querySelectorAll('[data-poll]').forEach(poll);
});

function poll(section) {
  var delay = parseInt(section.getAttribute('data-poll'), 10) || 2000;
  setTimeout(function () {
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(section.id);
        if (!fresh) { return; }
        section.replaceWith(fresh);
        if (fresh.hasAttribute('data-poll')) { poll(fresh); } else if (document.getElementById('findings')) {
          window.location.reload();
        }
      })
      .catch(function () { poll(section); });
  }, delay);
}
