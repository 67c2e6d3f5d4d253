// The Instances Console (R-OPS-2): reads /_ah/admin/api/modules every second and draws it; buttons call the
// admin API with the X-Resident-Admin header (a state change is never a "simple" request). No framework,
// no build step, nothing fetched from anywhere but this host.
'use strict';
(() => {
  const API = '/_ah/admin/api/';
  const PERIOD_MS = 1000;
  const CONFIRM_MS = 4000;
  const TOKEN_KEY = 'resident.admin_token';
  const ui = { token: sessionStorage.getItem(TOKEN_KEY), last: null, confirm: null, sections: new Map() };

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child.nodeType ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function requestHeaders() {
    const headers = { 'Accept': 'application/json', 'X-Resident-Admin': '1' };
    if (ui.token) headers['Authorization'] = 'Bearer ' + ui.token;
    return headers;
  }

  async function call(method, path) {
    const url = path.startsWith('/') ? path : API + path;
    const response = await fetch(url, { method, headers: requestHeaders(), cache: 'no-store' });
    let body = null;
    try { body = await response.json(); } catch (notJson) { body = null; }
    return { status: response.status, body, location: response.headers.get('Location') };
  }

  // ---- formatting: every number in a column has the same shape, so columns read down -----------------
  function duration(ms) {
    if (ms === undefined) return '';
    const s = Math.floor(ms / 1000);
    if (s < 60) return s + 's';
    const m = Math.floor(s / 60);
    if (m < 60) return m + 'm ' + String(s % 60).padStart(2, '0') + 's';
    const hr = Math.floor(m / 60);
    if (hr < 24) return hr + 'h ' + String(m % 60).padStart(2, '0') + 'm';
    return Math.floor(hr / 24) + 'd ' + String(hr % 24).padStart(2, '0') + 'h';
  }
  function millis(ms) {
    if (ms === undefined) return '';
    if (ms < 10) return ms.toFixed(2) + ' ms';
    if (ms < 1000) return ms.toFixed(1) + ' ms';
    return (ms / 1000).toFixed(2) + ' s';
  }
  function bytes(n) {
    if (n === undefined) return '';
    const mb = n / (1024 * 1024);
    return mb >= 1024 ? (mb / 1024).toFixed(1) + ' GB' : mb >= 100 ? mb.toFixed(0) + ' MB' : mb.toFixed(1) + ' MB';
  }
  function plural(n, noun) { return n + ' ' + noun + (n === 1 ? '' : 's'); }
  function count(n) { return n === undefined ? '' : n.toLocaleString('en-US'); }
  function clock(iso) { return iso ? new Date(iso).toLocaleTimeString('en-GB') : ''; }

  // ---- the page ----------------------------------------------------------------------------------------
  function live(ok, text) {
    document.getElementById('live-dot').className = 'dot ' + (ok ? 'ok' : 'bad');
    document.getElementById('live-text').textContent = text;
  }

  function notice(text, error) {
    const box = document.getElementById('notice');
    box.hidden = !text;
    box.className = 'notice' + (error ? ' error' : '');
    box.replaceChildren(h('span', { text: text || '' }),
      h('button', { type: 'button', text: 'Dismiss', onclick: () => { box.hidden = true; } }));
  }

  function render(data) {
    ui.last = data;
    document.getElementById('app').textContent = data.application;
    const states = {};
    for (const module of data.modules) for (const version of module.versions) for (const i of version.instances) {
      states[i.state] = (states[i.state] || 0) + 1;
    }
    const summary = h('span', { class: 'summary' });
    for (const name of ['SERVING', 'STARTING', 'STOPPING', 'STOPPED']) {
      if (states[name]) summary.append(h('span', { class: 'state s-' + name, text: states[name] + ' ' + name.toLowerCase() }));
    }
    document.getElementById('host').replaceChildren(summary, h('span', { text: 'heap ' + bytes(data.heap.usedBytes)
      + ' of ' + bytes(data.heap.maxBytes) + ' · request threads ' + data.requestPool.active + ' busy of '
      + data.requestPool.threads }));
    const main = document.getElementById('modules');
    const seen = new Set();
    for (const module of data.modules) {
      for (const version of module.versions) {
        const key = module.name + '/' + version.name;
        seen.add(key);
        let section = ui.sections.get(key);
        if (!section) {
          section = makeVersion(module.name, version);
          ui.sections.set(key, section);
          moduleBox(main, module.name).append(section.root);
        }
        updateVersion(section, module.name, version);
      }
    }
    for (const [key, section] of ui.sections) {
      if (!seen.has(key)) { section.root.remove(); ui.sections.delete(key); }
    }
  }

  function moduleBox(main, name) {
    let box = main.querySelector('.module[data-module="' + CSS.escape(name) + '"]');
    if (!box) {
      box = h('section', { class: 'module', 'data-module': name }, h('h2', {}, 'module', h('b', { text: name })));
      main.append(box);
    }
    return box;
  }

  function makeVersion(module, version) {
    const key = module + '/' + version.name;
    const s = {};
    s.state = h('span', { class: 'state vstate' });
    s.facts = h('span', { class: 'vfacts' });
    s.start = h('button', { type: 'button', 'data-action': 'start', text: 'Start',
      onclick: () => act('start ' + key, 'POST', 'modules/' + enc(module) + '/versions/' + enc(version.name) + '/start') });
    s.stop = h('button', { type: 'button', 'data-action': 'stop', class: 'danger', text: 'Stop',
      onclick: () => confirmThen('stop:' + key, () => act('stop ' + key, 'POST',
        'modules/' + enc(module) + '/versions/' + enc(version.name) + '/stop')) });
    const actions = h('div', { class: 'actions' });
    if (version.scaling === 'manual') {
      s.count = h('input', { type: 'number', min: '1', max: '200', 'data-count': key, 'aria-label': 'instances of ' + key });
      s.count.value = version.numInstances;
      const set = h('button', { type: 'button', 'data-action': 'set-count', text: 'Set instances',
        onclick: () => act('set ' + key + ' to ' + s.count.value + ' instances', 'PUT', 'modules/' + enc(module)
          + '/versions/' + enc(version.name) + '/instances?count=' + encodeURIComponent(s.count.value)) });
      actions.append(h('span', { class: 'count' }, s.count, set));
    }
    if (version.scaling !== 'automatic') actions.append(s.start, s.stop);
    s.body = h('tbody');
    s.root = h('div', { class: 'version', 'data-version': key },
      h('div', { class: 'vhead' },
        h('span', { class: 'vname', text: version.name }), s.state,
        h('span', { class: 'tag' + (version.default ? ' default' : ''), text: version.default ? 'default version' : 'version' }),
        h('span', { class: 'tag', text: version.scaling + ' scaling' }),
        h('span', { class: 'tag', text: version.instanceClass + ' · ' + bytes(version.memoryLimitBytes) }),
        s.facts, actions),
      h('table', {}, h('colgroup', {}, h('col', { class: 'c-id' }), h('col', { class: 'c-state' }),
        h('col', { class: 'c-num' }), h('col', { class: 'c-num' }), h('col', { class: 'c-small' }), h('col', { class: 'c-small' }),
        h('col', { class: 'c-num' }), h('col', { class: 'c-num' }), h('col', { class: 'c-num' }), h('col', { class: 'c-mem' }),
        h('col', { class: 'c-small' }), h('col', {}), h('col', { class: 'c-act' })),
      h('thead', {}, h('tr', {},
        h('th', { class: 'l', text: 'Instance' }), h('th', { class: 'l', text: 'State' }), h('th', { text: 'Uptime' }),
        h('th', { text: 'Requests' }), h('th', { text: 'Active' }), h('th', { text: 'Pending' }),
        h('th', { text: 'p50' }), h('th', { text: 'p99' }), h('th', { text: 'CPU' }),
        h('th', { class: 'l', text: 'Memory / class limit' }), h('th', { text: 'Bg thr.' }),
        h('th', { class: 'l', text: 'Last start' }), h('th', {}))), s.body));
    s.lastCount = version.numInstances;
    return s;
  }

  function updateVersion(s, module, version) {
    const key = module + '/' + version.name;
    s.state.className = 'state vstate s-' + version.state;
    s.state.textContent = version.state;
    const facts = ['port ' + version.port];
    if (version.numInstances !== undefined) facts.push(plural(version.numInstances, 'instance'));
    if (version.maxInstances !== undefined) facts.push('max ' + version.maxInstances);
    facts.push(version.maxConcurrentRequests + ' concurrent each');
    facts.push(plural(version.starts, 'start'));
    s.facts.replaceChildren(facts.join(' · '),
      version.failedStarts > 0 ? h('span', { class: 'bad', text: ' · ' + version.failedStarts + ' failed' }) : '');
    s.start.disabled = version.state === 'STARTED';
    s.stop.disabled = version.state === 'STOPPED';
    paintConfirm(s.stop, 'stop:' + key, 'Stop');
    if (s.count && version.numInstances !== s.lastCount && document.activeElement !== s.count) {
      s.count.value = version.numInstances;
    }
    s.lastCount = version.numInstances;
    const rows = version.instances.map(i => instanceRow(module, version, i));
    if (rows.length === 0) {
      rows.push(h('tr', {}, h('td', { class: 'empty', colspan: '13',
        text: version.scaling === 'automatic' ? 'No instance runs; one starts with the next request.'
          : 'No instance.' })));
    }
    s.body.replaceChildren(...rows);
  }

  function instanceRow(module, version, i) {
    const key = module + '/' + version.name + '/' + i.id;
    const running = i.state !== 'STOPPED';
    const blank = (text, cls) => h('td', { class: (cls || '') + (running ? '' : ' none'), text: running ? text : '–' });
    let mem = h('td', { class: 'l none', text: '–' });
    if (running) {
      const ratio = i.heapUsedBytes / i.memoryLimitBytes;
      const fill = h('i');
      fill.style.width = Math.min(100, Math.round(ratio * 100)) + '%';
      const bar = h('span', { class: 'bar' + (ratio > 1 ? ' over' : ratio > 0.8 ? ' hot' : '') }, fill);
      mem = h('td', { class: 'l', title: 'JVM heap in use; the ' + version.instanceClass + ' class allows ' + bytes(i.memoryLimitBytes) },
        h('span', { class: 'mem' }, bar, bytes(i.heapUsedBytes) + ' / ' + bytes(i.memoryLimitBytes)));
    }
    let start = h('td', { class: 'l none', text: '–' });
    if (i.lastStart) {
      const cls = i.lastStart.result === 'failed' ? 'start-failed' : i.lastStart.result === 'starting' ? 'start-starting' : 'start-ok';
      const text = (i.lastStart.result === 'serving' ? 'ok' : i.lastStart.result) + ' ' + clock(i.lastStart.at);
      start = h('td', { class: 'l ' + cls, title: i.lastStart.message || '' },
        text + (i.lastStart.message ? ': ' + i.lastStart.message : ''));
    }
    const shut = h('button', { type: 'button', 'data-action': 'shutdown', class: 'danger', text: 'Shut down',
      disabled: i.state !== 'SERVING' && i.state !== 'STARTING',
      onclick: () => confirmThen('shutdown:' + key, () => act('shut down ' + key, 'POST', 'modules/' + enc(module)
        + '/versions/' + enc(version.name) + '/instances/' + enc(i.id) + '/shutdown')) });
    paintConfirm(shut, 'shutdown:' + key, 'Shut down');
    const pending = blank(count(i.requestsPending));
    if (running && i.requestsPending > 0) pending.classList.add('warn');
    const bg = blank(count(i.backgroundThreads));
    if (running && i.runawayThreads > 0) bg.append(h('span', { class: 'warn', text: ' +' + i.runawayThreads + ' runaway' }));
    const latency = (instance, ms) => instance.requestsTotal > 0 ? blank(millis(ms)) : h('td', { class: 'none', text: '–' });
    return h('tr', { 'data-instance': key },
      h('td', { class: 'l id', text: i.id }),
      h('td', { class: 'l' }, h('span', { class: 'state s-' + i.state, text: i.state })),
      blank(duration(i.uptimeMillis)), blank(count(i.requestsTotal)), blank(count(i.requestsActive)), pending,
      latency(i, i.latencyP50Millis), latency(i, i.latencyP99Millis), blank(millis(i.cpuMillis)),
      mem, bg, start, h('td', {}, shut));
  }

  // ---- actions -----------------------------------------------------------------------------------------
  function enc(part) { return encodeURIComponent(part); }

  function confirmThen(key, action) {
    if (ui.confirm && ui.confirm.key === key && Date.now() < ui.confirm.until) {
      ui.confirm = null;
      action();
    } else {
      ui.confirm = { key, until: Date.now() + CONFIRM_MS };
      setTimeout(() => { if (ui.last) render(ui.last); }, CONFIRM_MS + 50);
    }
    if (ui.last) render(ui.last);
  }

  function paintConfirm(button, key, label) {
    const asking = ui.confirm && ui.confirm.key === key && Date.now() < ui.confirm.until;
    button.textContent = asking ? 'Confirm' : label;
    button.classList.toggle('confirm', Boolean(asking));
  }

  async function act(label, method, path) {
    notice(label + '…');
    try {
      let r = await call(method, path);
      if (r.status === 202 && r.location) {
        notice(label + ': in progress');
        while (r.status === 200 || r.status === 202) {
          if (r.body && r.body.state !== 'running') break;
          await new Promise(resolve => setTimeout(resolve, 500));
          r = await call('GET', r.location);
        }
      }
      if (r.status >= 400) notice(label + ' failed: ' + (r.body && r.body.message ? r.body.message : 'HTTP ' + r.status), true);
      else if (r.body && r.body.state === 'failed') notice(label + ' failed: ' + r.body.message, true);
      else notice(label + ': done');
    } catch (e) {
      notice(label + ' failed: the host did not answer', true);
    }
    refresh();
  }

  // ---- polling -----------------------------------------------------------------------------------------
  let timer = null;
  async function refresh() {
    clearTimeout(timer);
    try {
      const r = await call('GET', 'modules');
      if (r.status === 401) {
        document.getElementById('token-bar').hidden = false;
        live(false, ui.token ? 'token refused' : 'admin token needed');
      } else if (r.status === 200) {
        document.getElementById('token-bar').hidden = true;
        render(r.body);
        live(true, 'live · ' + clock(r.body.time));
      } else {
        live(false, (r.body && r.body.message) || 'HTTP ' + r.status);
      }
    } catch (e) {
      live(false, 'host not answering');
    }
    timer = setTimeout(refresh, PERIOD_MS);
  }

  document.getElementById('token-use').addEventListener('click', () => {
    ui.token = document.getElementById('token-input').value.trim() || null;
    if (ui.token) sessionStorage.setItem(TOKEN_KEY, ui.token); else sessionStorage.removeItem(TOKEN_KEY);
    refresh();
  });
  refresh();
})();
