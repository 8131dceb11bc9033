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
  }
};
window.addEventListener('beforeunload', function (e) {
  if (window.portal.unsaved) { e.preventDefault(); e.returnValue = ''; }
});
