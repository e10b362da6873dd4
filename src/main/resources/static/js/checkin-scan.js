// The phone's check-in pages: send the position with the forms when the phone gives it; a photo of
// the QR code is sent as soon as it is taken; where the browser can read QR codes from the camera
// (BarcodeDetector), a code of this site's check-in link opens it.
(function () {
  function fill(selector, value) {
    document.querySelectorAll(selector).forEach(function (input) { input.value = value; });
  }
  if (navigator.geolocation && document.querySelector('.scan-lat, #scan-lat')) {
    navigator.geolocation.getCurrentPosition(function (p) {
      fill('.scan-lat, #scan-lat', p.coords.latitude);
      fill('.scan-lng, #scan-lng', p.coords.longitude);
      fill('.scan-accuracy, #scan-accuracy', p.coords.accuracy);
    }, function () {}, { enableHighAccuracy: true, timeout: 10000 });
  }
  const photo = document.getElementById('scan-photo');
  if (photo) {
    photo.addEventListener('change', function () {
      if (photo.files && photo.files.length > 0) {
        document.getElementById('photo-submit').disabled = true;
        photo.form.submit();
      }
    });
  }
  const video = document.getElementById('scan-video');
  if (!video || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
    video.srcObject = stream;
    video.classList.remove('d-none');
    video.play();
    const tick = async function () {
      try {
        const codes = await detector.detect(video);
        if (codes.length > 0) {
          let link = null;
          try {
            link = new URL(codes[0].rawValue);
          } catch (e) {
            link = null;
          }
          if (link && link.pathname.endsWith('/m/checkin') && link.searchParams.get('t')) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            window.location.assign('/m/checkin?t=' + encodeURIComponent(link.searchParams.get('t')));
            return;
          }
        }
      } catch (e) {
        // the next frame may do better
      }
      requestAnimationFrame(tick);
    };
    tick();
  }).catch(function () {});
})();
