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
  // The customer's signature on the courier's screen: finger, pen or mouse strokes on a canvas, read back as a PNG.
  // Strokes are kept as points in CSS pixels, so a rotation or resize redraws them, and the PNG is exported at CSS
  // size whatever the screen's density (at 3x it could outgrow the circuit's 64 KB message limit).
  signature: {
    init: function (canvas) {
      if (!canvas || canvas.portalPad) return;
      const pad = canvas.portalPad = { strokes: [], active: null };
      const at = e => { const r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
      const redraw = () => window.portal.signature.paint(canvas, canvas, window.devicePixelRatio || 1);
      canvas.addEventListener('pointerdown', e => {
        if (e.pointerType === 'mouse' && e.button !== 0) return;
        e.preventDefault();
        // Capture keeps a stroke going when the finger slides past the edge; it may be refused for a pointer already gone.
        try { canvas.setPointerCapture(e.pointerId); } catch (_) { /* the stroke still draws while over the canvas */ }
        pad.active = { id: e.pointerId, points: [at(e)] };
        pad.strokes.push(pad.active.points);
        redraw();
      });
      canvas.addEventListener('pointermove', e => {
        if (!pad.active || pad.active.id !== e.pointerId) return;
        e.preventDefault();
        const moves = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
        (moves.length ? moves : [e]).forEach(m => pad.active.points.push(at(m)));
        redraw();
      });
      const end = e => { if (pad.active && pad.active.id === e.pointerId) pad.active = null; };
      ['pointerup', 'pointercancel', 'lostpointercapture'].forEach(n => canvas.addEventListener(n, end));
      if (window.ResizeObserver) new ResizeObserver(redraw).observe(canvas);
      redraw();
      // Until now the canvas was the inert prerendered copy; the page (and its tests) can tell it is ready for ink.
      canvas.dataset.ready = 'true';
    },
    paint: function (canvas, target, ratio) {
      const w = canvas.clientWidth, h = canvas.clientHeight;
      if (target.width !== Math.round(w * ratio) || target.height !== Math.round(h * ratio)) {
        target.width = Math.round(w * ratio);
        target.height = Math.round(h * ratio);
      }
      const ctx = target.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#111';
      canvas.portalPad.strokes.forEach(points => {
        ctx.beginPath();
        ctx.moveTo(points[0][0], points[0][1]);
        points.slice(1).forEach(p => ctx.lineTo(p[0], p[1]));
        ctx.stroke();
      });
    },
    clear: function (canvas) {
      if (!canvas || !canvas.portalPad) return;
      canvas.portalPad.strokes = [];
      canvas.portalPad.active = null;
      window.portal.signature.paint(canvas, canvas, window.devicePixelRatio || 1);
    },
    // Empty when nothing was drawn (a tap is not a signature), so the page asks for one instead of sending a blank image.
    read: function (canvas) {
      if (!canvas || !canvas.portalPad || !canvas.portalPad.strokes.some(s => s.length > 1)) return '';
      const copy = document.createElement('canvas');
      window.portal.signature.paint(canvas, copy, 1);
      return copy.toDataURL('image/png');
    }
  }
};
window.addEventListener('beforeunload', function (e) {
  if (window.portal.unsaved) { e.preventDefault(); e.returnValue = ''; }
});
