/*
 * The host side of the Forge Custom UI bridge, injected by the sandbox into each framed module's
 * index.html before any other script. It defines `window.__bridge.callBridge(command, payload)`,
 * which the unmodified @forge/bridge calls (node_modules/@forge/bridge/out: invoke, getContext,
 * fetchProduct, showFlag, navigate, events, …). Calls that need the backend go to the sandbox's
 * own routes (same origin); calls that concern the page go to the shell by postMessage.
 * Plain browser JavaScript on purpose: it is served as is, with no build step.
 */
/* global window, document, fetch, ResizeObserver */
(function () {
  'use strict';
  var frame = window.__sandboxFrame;
  var origin = window.location.origin;
  var listeners = [];
  var contextRequest;

  function post(message) {
    message.source = 'ballast-sandbox-frame';
    window.parent.postMessage(message, origin);
  }

  function server(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        Object.assign({ moduleKey: frame.moduleKey, target: frame.target }, body),
      ),
    }).then(function (response) {
      return response.json().then(function (result) {
        if (!response.ok)
          throw new Error(result.message || 'The sandbox answered ' + response.status);
        return result;
      });
    });
  }

  // Where router.navigate/open/getUrl lead, in the shell's URLs.
  function urlFor(location) {
    if (typeof location === 'string' || location.url !== undefined) {
      return new URL(typeof location === 'string' ? location : location.url, origin).href;
    }
    var project = location.projectKey || frame.target.projectKey;
    switch (location.target) {
      case 'issue':
        return origin + '/browse/' + encodeURIComponent(location.issueKey);
      case 'projectSettingsDetails':
        return origin + '/projects/' + encodeURIComponent(project) + '/settings';
      case 'module':
        var path = frame.moduleRoutes[location.moduleKey];
        if (path === undefined) throw new Error('No page for module ' + location.moduleKey);
        return origin + path;
      default:
        throw new Error('The sandbox cannot navigate to target ' + location.target);
    }
  }

  function createHistory() {
    var entries = [
      { pathname: frame.route || '/', search: '', hash: '', state: undefined, key: 'root' },
    ];
    var index = 0;
    var subscribers = [];
    function go(to, action) {
      var parsed = new URL(typeof to === 'string' ? to : to.pathname || '/', 'http://h');
      return {
        pathname: parsed.pathname,
        search: parsed.search,
        hash: parsed.hash,
        key: String(Math.random()).slice(2, 8),
        action: action,
      };
    }
    function notify(action) {
      history.location = entries[index];
      history.action = action;
      subscribers.slice().forEach(function (cb) {
        cb(entries[index], action);
      });
    }
    var history = {
      length: 1,
      action: 'POP',
      location: entries[0],
      push: function (to, state) {
        var entry = go(to, 'PUSH');
        entry.state = state;
        entries = entries.slice(0, index + 1).concat([entry]);
        index = entries.length - 1;
        history.length = entries.length;
        notify('PUSH');
      },
      replace: function (to, state) {
        var entry = go(to, 'REPLACE');
        entry.state = state;
        entries[index] = entry;
        notify('REPLACE');
      },
      go: function (n) {
        index = Math.max(0, Math.min(entries.length - 1, index + n));
        notify('POP');
      },
      goBack: function () {
        history.go(-1);
      },
      goForward: function () {
        history.go(1);
      },
      back: function () {
        history.go(-1);
      },
      forward: function () {
        history.go(1);
      },
      block: function () {
        return function () {};
      },
      createHref: function (location) {
        return typeof location === 'string' ? location : location.pathname || '/';
      },
      listen: function (cb) {
        subscribers.push(cb);
        return function () {
          subscribers = subscribers.filter(function (s) {
            return s !== cb;
          });
        };
      },
    };
    return history;
  }

  function subscribe(event, callback, isPublic) {
    var entry = { event: event, callback: callback, isPublic: isPublic };
    listeners.push(entry);
    return {
      unsubscribe: function () {
        listeners = listeners.filter(function (l) {
          return l !== entry;
        });
      },
    };
  }

  var commands = {
    invoke: function (p) {
      return server('/__shell/bridge/invoke', {
        functionKey: p.functionKey,
        payload: p.payload,
      }).then(function (result) {
        return p.metadata === undefined ? result.body : { body: result.body, metadata: {} };
      });
    },
    // Asked of the shell once (it reads Jira as the user); a failure is not kept, so a Retry in
    // the app asks again.
    getContext: function () {
      if (contextRequest === undefined) {
        contextRequest = server('/__shell/bridge/context', {}).then(
          function (result) {
            return result.context;
          },
          function (error) {
            contextRequest = undefined;
            throw error;
          },
        );
      }
      return contextRequest.then(function (context) {
        return JSON.parse(JSON.stringify(context));
      });
    },
    fetchProduct: function (p) {
      return server('/__shell/bridge/fetch-product', {
        product: p.product,
        restPath: p.restPath,
        fetchRequestInit: {
          method: p.fetchRequestInit && p.fetchRequestInit.method,
          headers: (p.fetchRequestInit && p.fetchRequestInit.headers) || [],
          body: p.fetchRequestInit ? p.fetchRequestInit.body : null,
        },
      });
    },
    showFlag: function (options) {
      post({ kind: 'showFlag', options: options });
    },
    closeFlag: function (p) {
      post({ kind: 'closeFlag', id: p.id });
    },
    navigate: function (location) {
      post({ kind: 'navigate', url: urlFor(location), newTab: location.type === 'new-tab' });
    },
    getUrl: function (location) {
      return urlFor(location);
    },
    reload: function () {
      post({ kind: 'reload' });
    },
    refresh: function () {
      window.location.reload();
      return true;
    },
    createHistory: createHistory,
    emit: function (p) {
      post({ kind: 'emit', event: p.event, payload: p.payload, isPublic: false });
    },
    emitPublic: function (p) {
      post({ kind: 'emit', event: p.event, payload: p.payload, isPublic: true });
    },
    on: function (p) {
      return subscribe(p.event, p.callback, false);
    },
    onPublic: function (p) {
      return subscribe(p.event, p.callback, true);
    },
    resize: function (p) {
      post({ kind: 'resize', height: p && p.height });
    },
    changeWindowTitle: function () {
      return true;
    },
    // As Jira: once the app asks for theming, its html says which theme the host shows, and
    // follows it when it changes ("Match browser" follows the browser's preference live).
    enableTheming: function () {
      var root = document.documentElement;
      if (frame.colorMode === 'light' || frame.colorMode === 'dark') {
        root.setAttribute('data-color-mode', frame.colorMode);
        return;
      }
      var query = window.matchMedia('(prefers-color-scheme: dark)');
      var apply = function () {
        root.setAttribute('data-color-mode', query.matches ? 'dark' : 'light');
      };
      apply();
      query.addEventListener('change', apply);
    },
    emitReadyEvent: function () {},
    getFrameId: function () {
      return frame.localId;
    },
    // The sandbox has no metrics pipeline and no Rovo.
    emitFrontendCustomMetric: function () {},
    isRovoEnabled: function () {
      return false;
    },
    // Only modals are closable, openable or submittable; the sandbox frames none.
    open: function () {
      return false;
    },
    close: function () {
      return false;
    },
    onClose: function () {
      return false;
    },
    submit: function () {
      return false;
    },
  };

  window.__bridge = {
    callBridge: function (command, payload) {
      var handler = commands[command];
      if (handler === undefined) {
        return Promise.reject(
          new Error('The Ballast sandbox does not implement the bridge command "' + command + '".'),
        );
      }
      return Promise.resolve().then(function () {
        return handler(payload);
      });
    },
  };

  // Events the shell relays from other frames of the page.
  window.addEventListener('message', function (e) {
    var data = e.data;
    if (e.source !== window.parent || !data || data.source !== 'ballast-sandbox-shell') return;
    if (data.kind === 'event') {
      listeners.forEach(function (l) {
        if (l.event === data.event && l.isPublic === data.isPublic) l.callback(data.payload);
      });
    }
  });

  // Jira sizes a panel to its content: report the content height whenever it changes.
  var lastHeight = 0;
  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      post({ kind: 'resize', height: height });
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    new ResizeObserver(reportHeight).observe(document.body);
    reportHeight();
  });
})();
