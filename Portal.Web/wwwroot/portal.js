// Small browser helpers the portal's components call through IJSRuntime (see docs/adr/0003).
window.portal = {
  // After a failed submit: bring the first field that shows an error into view and put the cursor in it.
  focusFirstInvalid: function (container) {
    const root = (typeof container === 'string' ? document.querySelector(container) : container) || document;
    const field = root.querySelector('.mud-input-error input, .mud-input-error textarea, [aria-invalid="true"], .mud-input-control.mud-input-error, .portal-invalid');
    if (!field) return false;
    const target = field.matches('input, textarea, select, button') ? field : (field.querySelector('input, textarea, select, button') || field);
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target.focus({ preventScroll: true });
    return true;
  },
  // Warn before a reload or closing the tab while a form holds unsaved input; in-app navigation uses NavigationLock.
  unsaved: false,
  setUnsaved: function (value) { window.portal.unsaved = !!value; },
  // Copy a value shown once (an API key). The Clipboard API needs a secure context; plain HTTP falls back to a selection.
  copyText: async function (text) {
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
    } catch (e) { /* fall through to the selection copy */ }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  },
  // The customer's signature on the courier's screen: finger or mouse strokes on a canvas, read back as a PNG.
  signature: {
    init: function (canvas) {
      const ctx = canvas.getContext('2d');
      const ratio = window.devicePixelRatio || 1;
      canvas.width = canvas.clientWidth * ratio;
      canvas.height = canvas.clientHeight * ratio;
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#111';
      canvas.portalInk = false;
      let drawing = false;
      const at = e => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
      canvas.addEventListener('pointerdown', e => { drawing = true; canvas.setPointerCapture(e.pointerId); ctx.beginPath(); ctx.moveTo(...at(e)); e.preventDefault(); });
      canvas.addEventListener('pointermove', e => { if (!drawing) return; ctx.lineTo(...at(e)); ctx.stroke(); canvas.portalInk = true; e.preventDefault(); });
      ['pointerup', 'pointercancel', 'pointerleave'].forEach(n => canvas.addEventListener(n, () => { drawing = false; }));
    },
    clear: function (canvas) {
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      canvas.portalInk = false;
    },
    // Empty when nothing was drawn, so the page can ask for a signature instead of sending a blank image.
    read: function (canvas) { return canvas.portalInk ? canvas.toDataURL('image/png') : ''; }
  }
};
window.addEventListener('beforeunload', function (e) {
  if (window.portal.unsaved) { e.preventDefault(); e.returnValue = ''; }
});
