// The organizer's check-in screen: asks for the current token every few seconds and shows the new
// QR code (a link to the phone page), the short code and how many have checked in; the full-screen
// button puts the screen on the projector.
(function () {
  const screen = document.getElementById('checkin-screen');
  if (!screen) {
    return;
  }
  const url = screen.dataset.tokenUrl;
  const qr = document.getElementById('checkin-qr');
  const code = document.getElementById('checkin-code');
  const count = document.getElementById('checkin-count');
  const outCount = document.getElementById('checkin-out-count');
  let shown = qr.dataset.url;
  async function refresh() {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const token = await response.json();
        if (token.url !== shown) {
          shown = token.url;
          qr.innerHTML = token.qrSvg;
          qr.dataset.url = token.url;
          code.textContent = token.code;
        }
        if (String(token.checkedIn) !== count.textContent) {
          count.textContent = token.checkedIn;
        }
        if (String(token.checkedOut) !== outCount.textContent) {
          outCount.textContent = token.checkedOut;
        }
      }
    } catch (e) {
      // keep the last code; try again on the next tick
    }
  }
  setInterval(refresh, 3000);

  const button = document.getElementById('checkin-fullscreen');
  const enter = button.textContent;
  const exit = button.dataset.exit;
  function projecting(on) {
    screen.classList.toggle('checkin-projector', on);
    button.textContent = on ? exit : enter;
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', function () {
    const on = !screen.classList.contains('checkin-projector');
    if (on && screen.requestFullscreen) {
      screen.requestFullscreen().catch(function () {});
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen().catch(function () {});
    }
    projecting(on);
  });
  document.addEventListener('fullscreenchange', function () {
    if (!document.fullscreenElement) {
      projecting(false);
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && screen.classList.contains('checkin-projector')) {
      projecting(false);
    }
  });
})();
