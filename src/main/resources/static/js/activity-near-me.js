// "离我最近" on /m/activities: asks the browser for its position and reloads the list sorted by
// distance (?lat=&lng=); without geolocation the link simply shows the list by start time.
(function () {
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var link = document.getElementById('near-me');
    if (!link) { return; }
    var params = new URLSearchParams(window.location.search);
    if (params.has('lat') && params.has('lng')) { return; }
    if (!('geolocation' in navigator)) { link.classList.add('d-none'); return; }
    link.addEventListener('click', function (event) {
      event.preventDefault();
      navigator.geolocation.getCurrentPosition(function (position) {
        var url = new URL(link.href, window.location.href);
        url.searchParams.set('lat', position.coords.latitude.toFixed(6));
        url.searchParams.set('lng', position.coords.longitude.toFixed(6));
        window.location.assign(url.toString());
      }, function () {
        var status = document.getElementById('near-status');
        if (status && link.dataset.failed) { status.textContent = link.dataset.failed; }
      }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 60000 });
    });
  });
})();
