// The phone's scan page: reads the QR code with the browser's BarcodeDetector when there is one
// (the token names the activity: "activityId.issuedAt.nonce.signature"), and sends the position
// with the form when the phone gives it. Without a camera the activity number and code are typed.
(function () {
  const form = document.getElementById('scan-form');
  if (!form) {
    return;
  }
  const lat = document.getElementById('scan-lat');
  const lng = document.getElementById('scan-lng');
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (p) {
      lat.value = p.coords.latitude;
      lng.value = p.coords.longitude;
      document.getElementById('scan-accuracy').value = p.coords.accuracy;
    }, function () {}, { enableHighAccuracy: true, timeout: 10000 });
  }
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  const video = document.getElementById('scan-video');
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
    video.srcObject = stream;
    video.classList.remove('d-none');
    video.play();
    const tick = async function () {
      try {
        const codes = await detector.detect(video);
        if (codes.length > 0 && /^\d+\.\d+\.[0-9a-f]+\.[\w-]+$/.test(codes[0].rawValue)) {
          document.getElementById('scan-token').value = codes[0].rawValue;
          document.getElementById('scan-activity').value = codes[0].rawValue.split('.')[0];
          stream.getTracks().forEach(function (t) { t.stop(); });
          video.classList.add('d-none');
          return;
        }
      } catch (e) {
        // the next frame may do better
      }
      requestAnimationFrame(tick);
    };
    tick();
  }).catch(function () {});
})();
