/*
 * The shell page's side of the bridge: it answers what framed modules post (flags, navigation,
 * frame height, events for the other frames), opens backlog/sprint actions in a dialog, runs the
 * issue's status control, and submits the user switcher on change. Plain browser JavaScript,
 * served as is.
 */
/* global window, document, CSS, setTimeout, fetch */
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

  // The issue's status control (pages/status-control.ts), as Jira's: a menu button listing the
  // transitions. Arrow keys, Home and End move in the menu, Escape closes it and returns focus;
  // choosing one posts it. Jira's refusal (a workflow validator's message) is shown under the
  // control and the status stays; a move that succeeds reloads the page, so the status and the
  // app's frames show the issue as it is now.
  function statusErrorElement(issueKey, message) {
    var box = document.createElement('div');
    box.className = 'section-message section-message-error';
    box.setAttribute('role', 'alert');
    var icon = document.createElement('span');
    icon.className = 'section-message-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '!';
    var body = document.createElement('div');
    body.className = 'section-message-body';
    var title = document.createElement('strong');
    title.textContent = issueKey + ' was not moved';
    var text = document.createElement('p');
    text.className = 'transition-error-text';
    text.textContent = message;
    body.append(title, text);
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'action action-subtle';
    dismiss.dataset.dismissMessage = '';
    dismiss.textContent = 'Dismiss';
    box.append(icon, body, dismiss);
    return box;
  }

  function setUpStatusControl(form) {
    var button = form.querySelector('[data-status-button]');
    var menu = form.querySelector('[role="menu"]');
    var feedback = form.querySelector('[data-transition-feedback]');
    var busy = false;
    function items() {
      return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]'));
    }
    function focusItem(index) {
      var all = items();
      if (all.length === 0) return;
      all[(index + all.length) % all.length].focus();
    }
    function isOpen() {
      return !menu.hidden;
    }
    function openMenu(index) {
      if (busy) return;
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      focusItem(index);
    }
    function closeMenu(returnFocus) {
      if (!isOpen()) return;
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (returnFocus) button.focus();
    }
    button.addEventListener('click', function () {
      if (isOpen()) closeMenu(true);
      else openMenu(0);
    });
    button.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        openMenu(0);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        openMenu(-1);
      }
    });
    menu.addEventListener('keydown', function (e) {
      var index = items().indexOf(document.activeElement);
      if (e.key === 'ArrowDown') focusItem(index + 1);
      else if (e.key === 'ArrowUp') focusItem(index - 1);
      else if (e.key === 'Home') focusItem(0);
      else if (e.key === 'End') focusItem(-1);
      else if (e.key === 'Escape') closeMenu(true);
      else if (e.key === 'Tab') closeMenu(false);
      else return;
      if (e.key !== 'Tab') e.preventDefault();
    });
    document.addEventListener('click', function (e) {
      if (isOpen() && !form.contains(e.target)) closeMenu(false);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var choice = e.submitter;
      if (busy || !choice || !choice.value) return;
      busy = true;
      closeMenu(true);
      feedback.replaceChildren();
      button.setAttribute('aria-busy', 'true');
      form.classList.add('is-moving');
      fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ transitionId: choice.value }),
      })
        .then(function (response) {
          return response.json().then(
            function (body) {
              return body;
            },
            function () {
              return { ok: false, message: 'The sandbox answered ' + response.status + '.' };
            },
          );
        })
        .catch(function (error) {
          return { ok: false, message: 'The sandbox did not answer: ' + String(error) };
        })
        .then(function (outcome) {
          if (outcome && outcome.ok) {
            window.location.reload();
            return;
          }
          busy = false;
          button.removeAttribute('aria-busy');
          form.classList.remove('is-moving');
          var message = (outcome && (outcome.message || outcome.errorMessage)) || 'Jira refused.';
          feedback.replaceChildren(statusErrorElement(form.dataset.issueKey, message));
        });
    });
  }
  Array.prototype.forEach.call(
    document.querySelectorAll('form[data-status-control]'),
    setUpStatusControl,
  );

  // Jira's Start/Complete sprint dialog (pages/sprint-dialogs.ts), rendered by the server: focus
  // goes to the first field with a problem (or the first field), Escape or a click on the blanket
  // cancels, Tab stays inside, and a fixed duration sets the end date, as Jira's dialog does.
  var WEEK_MS = 7 * 24 * 3600 * 1000;
  function followDuration(form) {
    var duration = form.querySelector('[data-sprint-duration]');
    var start = form.elements.namedItem('startDate');
    var end = form.elements.namedItem('endDate');
    if (!duration || !start || !end) return;
    var custom = duration.value === 'custom';
    end.readOnly = !custom;
    var hint = form.querySelector('#endDate-hint');
    if (hint) hint.hidden = custom;
    var ms = Date.parse(start.value + ':00Z');
    if (!custom && !isNaN(ms))
      end.value = new Date(ms + Number(duration.value) * WEEK_MS).toISOString().slice(0, 16);
  }
  function setUpSprintDialog(backdrop) {
    var dialog = backdrop.querySelector('[role="dialog"]');
    var form = dialog.querySelector('form');
    var cancel = dialog.querySelector('[data-cancel-dialog]');
    var fields = function () {
      return Array.prototype.slice.call(
        dialog.querySelectorAll(
          'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea',
        ),
      );
    };
    var first = dialog.querySelector('[aria-invalid="true"]') || fields()[0];
    if (first) first.focus();
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') cancel.click();
      if (e.key !== 'Tab') return;
      var all = fields();
      var last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === all[0]) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        all[0].focus();
      }
    });
    backdrop.addEventListener('click', function (e) {
      if (e.target === backdrop) cancel.click();
    });
    form.addEventListener('change', function (e) {
      if (e.target.name === 'duration' || e.target.name === 'startDate') followDuration(form);
    });
    form.addEventListener('submit', function () {
      var submit = form.querySelector('button[type="submit"]');
      submit.setAttribute('aria-busy', 'true');
      submit.disabled = true;
    });
  }
  Array.prototype.forEach.call(
    document.querySelectorAll('[data-sprint-dialog]'),
    setUpSprintDialog,
  );

  document.addEventListener('change', function (e) {
    if (e.target.matches('select[data-autosubmit]')) e.target.form.submit();
  });
  document.addEventListener('click', function (e) {
    var button = e.target.closest('[data-open-frame]');
    if (button) openDialog(button);
    var dismiss = e.target.closest('[data-dismiss-message]');
    if (dismiss) {
      // Focus goes back to the control the message was about, not to the page's start.
      var control = dismiss.closest('.status-control');
      dismiss.closest('.section-message').remove();
      var status = control && control.querySelector('[data-status-button]');
      if (status) status.focus();
    }
  });
})();
