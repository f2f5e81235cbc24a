// Runs INSIDE the sandboxed preview frame (renderer/public/preview-frame.html), never in the
// studio: the studio sends this file as text (tsxPreview.ts builds the script around it).
// Plain ES5-level JavaScript so it needs no transform of its own.
//
// wokgenRunTsx renders a compiled TSX module: `factories` are CommonJS module bodies
// (React's production builds) by id, `userFactory` is the generated component compiled to
// CommonJS by sucrase, `env` gives the frame's document and how to report an error to the
// studio. Imports resolve through a tiny `require`: React, react-dom and three Next.js
// modules stood in by plain elements. Anything else fails with a message naming the import,
// shown in the frame (not a blank page) and reported to the studio.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script tsxPreview.ts builds around this file.
function wokgenRunTsx(factories, userFactory, env) {
  'use strict';
  var doc = env.document;
  var SUPPORTED = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'next/link', 'next/image', 'next/head'];
  var cache = {};

  function without(props, names) {
    var rest = {};
    for (var key in props) if (Object.prototype.hasOwnProperty.call(props, key) && names.indexOf(key) < 0) rest[key] = props[key];
    return rest;
  }

  // Stand-ins for the Next.js modules a generated page uses (https://nextjs.org/docs/app/api-reference/components).
  var shims = {
    'next/link': function (module) {
      var React = load('react');
      function hrefOf(href) {
        if (href === null || typeof href !== 'object') return href === undefined ? '#' : String(href);
        var query = '';
        if (href.query && typeof href.query === 'object') {
          var pairs = [];
          for (var name in href.query) pairs.push(encodeURIComponent(name) + '=' + encodeURIComponent(String(href.query[name])));
          if (pairs.length > 0) query = '?' + pairs.join('&');
        }
        return (href.pathname || '') + query + (href.hash ? '#' + String(href.hash).replace(/^#/, '') : '');
      }
      function Link(props) {
        var rest = without(props, ['href', 'as', 'replace', 'scroll', 'shallow', 'passHref', 'prefetch', 'locale', 'legacyBehavior']);
        rest.href = hrefOf(props.href);
        // A preview has no routes: following a link would only blank the frame.
        rest.onClick = function (event) {
          if (typeof props.onClick === 'function') props.onClick(event);
          event.preventDefault();
        };
        return React.createElement('a', rest);
      }
      module.exports = { __esModule: true, default: Link };
    },
    'next/image': function (module) {
      var React = load('react');
      function Image(props) {
        var rest = without(props, ['fill', 'priority', 'placeholder', 'blurDataURL', 'quality', 'loader', 'unoptimized', 'overrideSrc']);
        rest.src = props.src !== null && typeof props.src === 'object' ? props.src.src : props.src;
        if (props.fill) {
          rest.style = Object.assign({ position: 'absolute', inset: 0, width: '100%', height: '100%' }, props.style);
        }
        return React.createElement('img', rest);
      }
      module.exports = { __esModule: true, default: Image };
    },
    'next/head': function (module) {
      var React = load('react');
      // React 19 hoists <title>/<meta>/<link> rendered anywhere into the document head.
      function Head(props) {
        return React.createElement(React.Fragment, null, props.children);
      }
      module.exports = { __esModule: true, default: Head };
    },
  };

  function load(id) {
    if (Object.prototype.hasOwnProperty.call(cache, id)) return cache[id].exports;
    var factory = Object.prototype.hasOwnProperty.call(factories, id) ? factories[id] : Object.prototype.hasOwnProperty.call(shims, id) ? shims[id] : null;
    if (factory === null) {
      // A stylesheet import: the preview's styles come from the bundled Tailwind compiler.
      if (/\.(css|scss|sass|less)$/i.test(id)) return {};
      throw new Error('The preview cannot load "' + id + '": it runs offline without a bundler and offers only ' + SUPPORTED.join(', ') + '.');
    }
    var module = { exports: {} };
    cache[id] = module;
    factory(module, module.exports, load);
    return module.exports;
  }

  function describe(error) {
    var text = error instanceof Error ? error.name + ': ' + error.message : String(error);
    return text.slice(0, 500);
  }

  var shown = false;
  function show(error) {
    if (shown) return;
    shown = true;
    var message = describe(error);
    env.report(message);
    var panel = doc.createElement('div');
    panel.setAttribute('role', 'alert');
    panel.setAttribute('data-wokgen-preview-error', '');
    panel.style.cssText = 'margin:16px;padding:16px;border:1px solid #f87171;border-radius:8px;background:#fef2f2;color:#7f1d1d;font:14px/1.5 system-ui,sans-serif';
    var title = doc.createElement('strong');
    title.textContent = 'This component could not be previewed';
    var detail = doc.createElement('pre');
    detail.style.cssText = 'margin:8px 0 0;white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace';
    detail.textContent = message;
    panel.appendChild(title);
    panel.appendChild(detail);
    doc.body.replaceChildren(panel);
  }

  function isComponent(value) {
    // Functions and classes, or memo/forwardRef/lazy objects (tagged with a $$typeof symbol).
    return typeof value === 'function' || (value !== null && typeof value === 'object' && typeof value.$$typeof === 'symbol');
  }

  // The default export, else the last exported capitalised component.
  function componentOf(exports) {
    if (isComponent(exports['default'])) return exports['default'];
    var names = Object.keys(exports);
    for (var i = names.length - 1; i >= 0; i -= 1) {
      if (/^[A-Z]/.test(names[i]) && isComponent(exports[names[i]])) return exports[names[i]];
    }
    return null;
  }

  try {
    var React = load('react');
    var client = load('react-dom/client');
    var userModule = { exports: {} };
    userFactory(userModule, userModule.exports, load);
    var Component = componentOf(userModule.exports);
    if (Component === null) {
      throw new Error('This code exports no React component to preview: export one, e.g. `export default function Card() { … }`.');
    }
    var container = doc.getElementById('wokgen-preview-root');
    if (container === null) {
      container = doc.createElement('div');
      doc.body.appendChild(container);
    }
    // Errors while rendering unmount the tree: show them in its place.
    var root = client.createRoot(container, { onUncaughtError: show });
    root.render(React.createElement(Component));
  } catch (error) {
    show(error);
  }
}
