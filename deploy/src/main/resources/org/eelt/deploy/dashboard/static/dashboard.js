/*
 * EELT dashboard: listens to GET /api/events (Server-Sent Events, event "snapshot" once per second,
 * data {"time", "campaigns": [...], "cluster": {...}}) and redraws the page. Reconnects by itself:
 * EventSource retries after the server's retry delay; when the browser gives up (readyState
 * CLOSED) a new EventSource is opened with a growing back-off. Utilization and queue depths over
 * time are remembered here, from the snapshots this page has seen.
 */
'use strict';
(() => {
  const C = EeltCharts;
  const MAX_POINTS = 3600;
  const STALE_MS = 5000;
  const POOLS = ['explorer', 'labeler', 'trainer'];
  const QUEUES = ['examiner', 'labeler'];
  const COLORS = {explored: '#1f6fb2', labeled: '#e07b24', accurate: '#2f9e55', candidate: '#e0a526', failed: '#c8413b',
    explorer: '#1f6fb2', labeler: '#e07b24', trainer: '#7a57c7', examiner: '#16a3a3'};
  const FIELDS = [
    ['explored', 'Explored'], ['candidates', 'Candidates'], ['labeled', 'Labeled'], ['label_failures', 'Label failures'],
    ['model_versions', 'Model versions'], ['accurate_ratio', 'Accurate ratio']];

  const state = {selected: decodeURIComponent(location.hash.slice(1)) || null, snapshot: null, lastAt: 0,
    series: new Map(), source: null, backoff: 1000, events: 0};
  window.eeltDashboard = state; // for tests and the browser console

  const $ = id => document.getElementById(id);

  function h(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, String(v));
    }
    for (const k of kids) if (k !== undefined && k !== null) e.append(k instanceof Node ? k : String(k));
    return e;
  }

  function num(v) { return typeof v === 'number' && isFinite(v) ? v : null; }

  function fmtValue(key, v) {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') {
      if (key.includes('ratio') || key.includes('fraction') || key.includes('utilization')) return v.toFixed(3);
      return Number.isInteger(v) ? v.toLocaleString('en-US') : C.fmt(v);
    }
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  function badge(status, prefix) {
    const s = String(status || 'unknown').toLowerCase();
    return h('span', {class: `badge ${prefix || 'st'}-${s.replace(/[^a-z0-9-]/g, '-')}`, 'data-field': 'status'}, s);
  }

  // ---- connection ---------------------------------------------------------------------------
  function setConn(s) {
    const e = $('conn');
    e.dataset.state = s;
    e.className = `badge conn-${s}`;
    e.textContent = s;
  }

  function connect() {
    if (state.source) state.source.close();
    setConn(state.events ? 'reconnecting' : 'connecting');
    const es = new EventSource('/api/events');
    state.source = es;
    es.addEventListener('open', () => { state.backoff = 1000; });
    es.addEventListener('snapshot', ev => {
      let snap;
      try { snap = JSON.parse(ev.data); } catch (err) { showAlert('bad snapshot from the server: ' + err); return; }
      state.events++;
      state.lastAt = Date.now();
      setConn('live');
      showAlert(null);
      onSnapshot(snap);
    });
    es.addEventListener('snapshot-error', ev => {
      let msg = ev.data;
      try { msg = JSON.parse(ev.data).error; } catch (ignored) { /* keep the raw text */ }
      showAlert('The service could not produce a status snapshot: ' + msg);
    });
    es.addEventListener('error', () => {
      if (es.readyState === EventSource.CLOSED) {
        setConn('offline');
        const wait = state.backoff;
        state.backoff = Math.min(30000, state.backoff * 2);
        setTimeout(connect, wait);
      } else {
        setConn('reconnecting');
      }
    });
  }

  function showAlert(msg) {
    const a = $('alert');
    a.hidden = !msg;
    a.textContent = msg || '';
  }

  setInterval(() => {
    if (state.lastAt && Date.now() - state.lastAt > STALE_MS && $('conn').dataset.state === 'live') setConn('reconnecting');
  }, 1000);

  // ---- snapshots ----------------------------------------------------------------------------
  function onSnapshot(snap) {
    state.snapshot = snap;
    const campaigns = Array.isArray(snap.campaigns) ? snap.campaigns : [];
    for (const c of campaigns) remember(c, snap.time);
    if (!campaigns.some(c => c.id === state.selected)) {
      const running = campaigns.find(c => c.status === 'running');
      state.selected = (running || campaigns[campaigns.length - 1] || {}).id || null;
    }
    $('updated').textContent = 'updated ' + new Date((snap.time || Date.now() / 1000) * 1000).toLocaleTimeString('en-GB');
    $('updated').dataset.time = snap.time;
    renderCampaigns(campaigns);
    const sel = campaigns.find(c => c.id === state.selected);
    renderDetail(sel);
    renderCharts(sel);
    renderMembers(snap.cluster || {});
    document.body.dataset.events = String(state.events);
  }

  /** Keeps utilization and queue depth samples per campaign (the status object has only the present). */
  function remember(c, time) {
    let s = state.series.get(c.id);
    if (!s) { s = {t0: time, samples: []}; state.series.set(c.id, s); }
    const last = s.samples[s.samples.length - 1];
    if (last && last.t === time) return;
    s.samples.push({t: time, utilization: c.utilization || {}, queues: c.queues || {}});
    if (s.samples.length > MAX_POINTS) s.samples.shift();
  }

  function renderCampaigns(campaigns) {
    const body = $('campaigns').tBodies[0];
    body.textContent = '';
    $('no-campaigns').hidden = campaigns.length > 0;
    for (const c of campaigns) {
      const tr = h('tr', {'data-testid': 'campaign-row', 'data-id': c.id, class: c.id === state.selected ? 'selected' : ''},
        h('td', {'data-field': 'name'}, c.name || ''),
        h('td', {'data-field': 'id', class: 'muted'}, c.id),
        h('td', {'data-field': 'kind'}, c.kind || ''),
        h('td', {}, badge(c.status)),
        ...FIELDS.map(([k]) => h('td', {'data-field': k, class: 'num', 'data-value': num(c[k]) ?? ''}, fmtValue(k, c[k]))));
      tr.addEventListener('click', () => {
        state.selected = c.id;
        history.replaceState(null, '', '#' + encodeURIComponent(c.id));
        if (state.snapshot) onSnapshot(state.snapshot);
      });
      body.appendChild(tr);
    }
  }

  function renderDetail(c) {
    const d = $('detail');
    d.hidden = !c;
    if (!c) return;
    d.dataset.id = c.id;
    $('detail-name').textContent = `${c.name || c.id}`;
    const st = $('detail-status');
    st.className = badge(c.status).className;
    st.textContent = String(c.status || 'unknown').toLowerCase();
    const stats = $('stats');
    stats.textContent = '';
    for (const [k, label] of FIELDS) {
      stats.appendChild(h('div', {class: 'stat', id: 'stat-' + k, 'data-field': k, 'data-value': num(c[k]) ?? ''},
        h('div', {class: 'v'}, fmtValue(k, c[k])), h('div', {class: 'k'}, label)));
    }
    const util = c.utilization || {};
    for (const p of POOLS) {
      if (num(util[p]) === null) continue;
      stats.appendChild(h('div', {class: 'stat', id: 'stat-util-' + p, 'data-value': util[p]},
        h('div', {class: 'v'}, (100 * util[p]).toFixed(0) + ' %'), h('div', {class: 'k'}, p + ' utilization')));
    }
    $('detail-reason').textContent = c.reason ? String(c.reason) : '';
    const sum = $('summary');
    sum.textContent = '';
    const summary = c.summary && typeof c.summary === 'object' ? c.summary : null;
    sum.hidden = !summary || Object.keys(summary).length === 0;
    if (summary) {
      for (const [k, v] of Object.entries(summary)) {
        if (v !== null && typeof v === 'object') continue;
        const text = fmtValue(k, v);
        sum.appendChild(h('div', {'data-field': k, class: text.length > 40 ? 'long' : null},
          h('dt', {}, k.replace(/_/g, ' ')), h('dd', {}, text)));
      }
    }
  }

  function plot(id) { return $(id).querySelector('.plot'); }

  function renderCharts(c) {
    if (!c) {
      for (const f of document.querySelectorAll('figure.chart')) C.line(f.querySelector('.plot'), {series: [], emptyText: 'no campaign selected'});
      return;
    }
    const hist = Array.isArray(c.history) ? c.history : [];
    const t0 = hist.length ? hist[0].t : 0;
    C.line(plot('chart-explored'), {
      series: [
        {name: 'explored', color: COLORS.explored, points: hist.map(p => [p.t - t0, p.explored])},
        {name: 'labeled', color: COLORS.labeled, axis: 'right', points: hist.map(p => [p.t - t0, p.labeled])}],
      xTitle: 'time (s)', yTitle: 'explored frames', y2Title: 'labeled frames', emptyText: 'waiting for the first samples'});

    const pv = Array.isArray(c.per_version) ? c.per_version : [];
    C.stacked(plot('chart-per-version'), {
      categories: pv.map(v => v.version), normalize: true, categoryTitle: 'model version ',
      stacks: ['accurate', 'candidate', 'failed'].map(k => ({name: k, color: COLORS[k], values: pv.map(v => v[k] || 0)})),
      xTitle: 'model version', yTitle: 'fraction of examined frames', emptyText: 'no model examined frames yet'});

    const dh = c.devi_histogram || {};
    C.histogram(plot('chart-devi'), {edges: dh.edges, counts: dh.counts, overflow: num(dh.overflow) || 0, unit: 'eV/Å', color: '#16a3a3',
      xTitle: 'max force deviation (eV/Å)', yTitle: 'frames',
      markers: [num(dh.trust_lo) !== null ? {x: dh.trust_lo, label: 'trust-lo'} : null,
        num(dh.trust_hi) !== null ? {x: dh.trust_hi, label: 'trust-hi'} : null].filter(Boolean)});

    const lc = Array.isArray(c.lcurves) ? c.lcurves : [];
    C.line(plot('chart-lcurve'), {
      series: lc.map((m, i) => ({name: 'member ' + m.member, color: C.palette[i % C.palette.length], points: m.points || []})),
      xTitle: 'training step', yTitle: 'force RMSE (eV/Å)', yLog: true, emptyText: 'no training steps yet'});

    // utilization and queue depths over time: from the campaign's history when it carries them,
    // else from the snapshots this page has seen
    const histPools = hist.filter(p => p.utilization && typeof p.utilization === 'object');
    const fromHistory = histPools.length >= 2;
    const mem = fromHistory ? histPools.map(p => ({t: p.t, utilization: p.utilization, queues: p.queues || {}}))
      : (state.series.get(c.id) || {samples: []}).samples;
    const m0 = mem.length ? mem[0].t : 0;
    const tTitle = fromHistory ? 'time (s)' : 'time on this page (s)';
    C.line(plot('chart-util'), {
      series: POOLS.map(p => ({name: p, color: COLORS[p],
        points: mem.filter(s => num(s.utilization[p]) !== null).map(s => [s.t - m0, 100 * s.utilization[p]])})),
      xTitle: tTitle, yTitle: 'utilization (%)', yMax: 100, emptyText: 'waiting for utilization samples'});
    C.line(plot('chart-queues'), {
      series: QUEUES.map(q => ({name: q + ' queue', color: COLORS[q],
        points: mem.filter(s => num(s.queues[q]) !== null).map(s => [s.t - m0, s.queues[q]])})),
      xTitle: tTitle, yTitle: 'items waiting', integer: true, emptyText: 'waiting for queue samples'});

    const st = c.staleness && typeof c.staleness === 'object' ? Object.entries(c.staleness).sort() : [];
    C.bars(plot('chart-staleness'), {labels: st.map(e => e[0]), values: st.map(e => e[1]), name: 'versions behind',
      color: '#7a57c7', yTitle: 'versions behind', xTitle: 'walker', emptyText: 'no walkers running'});
  }

  function renderMembers(cluster) {
    const body = $('members').tBodies[0];
    body.textContent = '';
    const members = Array.isArray(cluster.members) ? cluster.members : [];
    for (const m of members) {
      const load = m.load && typeof m.load === 'object' ? Object.entries(m.load) : [];
      body.appendChild(h('tr', {'data-testid': 'member-row', 'data-address': m.address},
        h('td', {'data-field': 'address'}, h('code', {}, m.address || '')),
        h('td', {'data-field': 'roles'}, ...(m.roles || []).map(r => h('span', {class: 'chip'}, r))),
        h('td', {}, badge(m.status)),
        h('td', {'data-field': 'load', class: 'kv'}, load.map(([k, v]) => `${k}: ${fmtValue(k, v)}`).join(' · '))));
    }
    if (!members.length) body.appendChild(h('tr', {}, h('td', {colspan: 4, class: 'muted'}, 'no members reported')));
  }

  window.addEventListener('resize', () => { if (state.snapshot) onSnapshot(state.snapshot); });
  connect();
})();
