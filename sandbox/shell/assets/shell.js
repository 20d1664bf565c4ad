/*
 * The shell page's side of the bridge: it answers what framed modules post (flags, navigation,
 * frame height, events for the other frames), opens backlog/sprint actions in a dialog, and
 * submits the user switcher on change. Plain browser JavaScript, served as is.
 */
/* global window, document, CSS, setTimeout */
(function () {
  'use strict';
  var origin = window.location.origin;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe.forge-frame'));
  }
  function frameOf(source) {
    return frames().filter(function (f) {
      return f.contentWindow === source;
    })[0];
  }

  function closeFlag(id) {
    var flag = document.querySelector('.flag[data-flag-id="' + CSS.escape(String(id)) + '"]');
    if (flag) flag.remove();
  }

  function showFlag(options) {
    closeFlag(options.id);
    var flag = document.createElement('div');
    flag.className = 'flag flag-' + String(options.type || 'info').replace(/[^a-z]/g, '');
    flag.setAttribute('role', options.type === 'error' ? 'alert' : 'status');
    flag.dataset.flagId = String(options.id);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.addEventListener('click', function () {
      flag.remove();
    });
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var description = document.createElement('div');
    description.textContent = options.description || '';
    flag.append(close, title, description);
    document.querySelector('.flags').append(flag);
    if (options.isAutoDismiss)
      setTimeout(function () {
        flag.remove();
      }, 8000);
  }

  // A backlog or sprint action's module in Jira's modal: sized by the module's viewportSize
  // (data-dialog-style, from modal-size.ts), labelled by its title, closed by its Close button,
  // Escape or a click on the blanket; focus goes into the dialog and back to the opener.
  var dialogCount = 0;
  function openDialog(opener) {
    var title = opener.dataset.title;
    var headingId = 'dialog-title-' + ++dialogCount;
    var backdrop = document.createElement('div');
    backdrop.className = 'dialog-backdrop';
    var dialog = document.createElement('section');
    dialog.className = 'dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', headingId);
    dialog.setAttribute('style', opener.dataset.dialogStyle || '');
    var header = document.createElement('header');
    var h = document.createElement('h2');
    h.id = headingId;
    h.textContent = title;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'action';
    close.textContent = 'Close';
    function closeDialog() {
      document.removeEventListener('keydown', onKey);
      backdrop.remove();
      opener.focus();
    }
    function onKey(e) {
      if (e.key === 'Escape') closeDialog();
    }
    close.addEventListener('click', closeDialog);
    backdrop.addEventListener('click', function (e) {
      if (e.target === backdrop) closeDialog();
    });
    document.addEventListener('keydown', onKey);
    header.append(h, close);
    var frame = document.createElement('iframe');
    frame.className = 'forge-frame';
    frame.title = title;
    frame.dataset.moduleKey = opener.dataset.moduleKey;
    frame.dataset.inDialog = 'true';
    frame.src = opener.dataset.openFrame;
    dialog.append(header, frame);
    backdrop.append(dialog);
    document.body.append(backdrop);
    close.focus();
  }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (e.origin !== origin || !data || data.source !== 'ballast-sandbox-frame') return;
    var frame = frameOf(e.source);
    if (!frame) return;
    switch (data.kind) {
      case 'resize':
        // A frame in a dialog fills the dialog instead (Jira's modals have a fixed size).
        if (frame.dataset.inDialog) break;
        if (typeof data.height === 'number' && data.height > 0)
          frame.style.height = data.height + 'px';
        break;
      case 'showFlag':
        showFlag(data.options || {});
        break;
      case 'closeFlag':
        closeFlag(data.id);
        break;
      case 'navigate':
        if (data.newTab) window.open(data.url, '_blank', 'noopener');
        else window.location.assign(data.url);
        break;
      case 'reload':
        window.location.reload();
        break;
      case 'emit':
        frames().forEach(function (other) {
          if (other === frame || !other.contentWindow) return;
          other.contentWindow.postMessage(
            {
              source: 'ballast-sandbox-shell',
              kind: 'event',
              event: data.event,
              payload: data.payload,
              isPublic: data.isPublic,
            },
            origin,
          );
        });
        break;
    }
  });

  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-autosubmit]')) e.target.form.submit();
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-open-frame]');
    if (button) openDialog(button);
  });
})();
