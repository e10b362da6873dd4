// Sends the CSRF token with every htmx request and asks before destructive actions.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// The question may sit on the form or on the button that submitted it.
document.addEventListener('submit', function (event) {
  var button = event.submitter;
  var message = (button && button.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
