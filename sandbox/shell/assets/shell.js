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

  function openDialog(src, title, moduleKey) {
    var backdrop = document.createElement('div');
    backdrop.className = 'dialog-backdrop';
    var dialog = document.createElement('div');
    dialog.className = 'dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', title);
    var header = document.createElement('header');
    var h = document.createElement('h2');
    h.textContent = title;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'action';
    close.textContent = 'Close';
    close.addEventListener('click', function () {
      backdrop.remove();
    });
    header.append(h, close);
    var frame = document.createElement('iframe');
    frame.className = 'forge-frame';
    frame.title = title;
    frame.dataset.moduleKey = moduleKey;
    frame.src = src;
    dialog.append(header, frame);
    backdrop.append(dialog);
    document.body.append(backdrop);
  }

  window.addEventListener('message', function (e) {
    var data = e.data;
    if (e.origin !== origin || !data || data.source !== 'ballast-sandbox-frame') return;
    var frame = frameOf(e.source);
    if (!frame) return;
    switch (data.kind) {
      case 'resize':
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
    if (button)
      openDialog(button.dataset.openFrame, button.dataset.title, button.dataset.moduleKey);
  });
})();
