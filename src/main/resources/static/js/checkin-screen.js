// The organizer's check-in screen: asks for the current token every few seconds and shows the new
// QR code and short code as soon as the token was used or has expired.
(function () {
  const screen = document.getElementById('checkin-screen');
  if (!screen) {
    return;
  }
  const url = screen.dataset.tokenUrl;
  const qr = document.getElementById('checkin-qr');
  const code = document.getElementById('checkin-code');
  let shown = null;
  async function refresh() {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const token = await response.json();
        if (token.token !== shown) {
          shown = token.token;
          qr.innerHTML = token.qrSvg;
          code.textContent = token.code;
        }
      }
    } catch (e) {
      // keep the last code; try again on the next tick
    }
  }
  setInterval(refresh, 3000);
})();
