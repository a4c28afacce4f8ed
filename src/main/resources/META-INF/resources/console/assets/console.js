// Patchbay console: the only script, served from Patchbay itself (the Content-Security-Policy allows no other).
// A filter's select submits its form as soon as it changes.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select.autosubmit').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
});
