/*
 * EELT dashboard charts: a small self-contained SVG chart kit (line charts with an optional right
 * axis or log scale, stacked bars, histograms, bars). No dependencies. Every drawn series is a
 * <path class="series" data-series=NAME data-points=N>, every bar a <rect class="bar" data-value=V>,
 * so tests can count what was drawn.
 */
'use strict';
const EeltCharts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const HEIGHT = 210;
  const palette = ['#1f6fb2', '#e07b24', '#2f9e55', '#c8413b', '#7a57c7', '#16a3a3', '#b5487e', '#8a7a19'];

  function el(tag, attrs, parent) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) e.setAttribute(k, String(v));
    }
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, s, attrs) {
    const t = el('text', Object.assign({x, y}, attrs || {}), parent);
    t.textContent = s;
    return t;
  }

  /** Formats a tick or value: integers plainly, small/large numbers compactly. */
  function fmt(v) {
    if (!isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a === 0) return '0';
    if (a >= 1e6 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
    if (a >= 1e4) return (v / 1e3).toFixed(a >= 1e5 ? 0 : 1) + 'k';
    if (Number.isInteger(v)) return String(v);
    return a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toPrecision(2);
  }

  /** "Nice" linear ticks covering [min, max] (about n of them). */
  function niceTicks(min, max, n, integer) {
    if (!(isFinite(min) && isFinite(max))) return {min: 0, max: 1, ticks: [0, 1]};
    if (max - min < 1e-12) { max = min + (Math.abs(min) > 0 ? Math.abs(min) * 0.5 : 1); }
    const raw = (max - min) / Math.max(1, n);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    let step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || 10 * mag;
    if (integer) step = Math.max(1, Math.round(step));
    const lo = Math.floor(min / step + 1e-9) * step;
    const hi = Math.ceil(max / step - 1e-9) * step;
    const ticks = [];
    for (let v = lo; v <= hi + step * 1e-6; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
    return {min: lo, max: hi, ticks};
  }

  /** Decade ticks for a log axis covering [min, max] (both > 0). */
  function logTicks(min, max) {
    let lo = Math.floor(Math.log10(min)), hi = Math.ceil(Math.log10(max));
    if (hi === lo) hi = lo + 1;
    const ticks = [];
    for (let d = lo; d <= hi; d++) ticks.push(Math.pow(10, d));
    return {min: Math.pow(10, lo), max: Math.pow(10, hi), ticks};
  }

  /** Clears the container and draws an empty SVG with a plot area; returns the drawing context. */
  function frame(container, margin) {
    container.textContent = '';
    const w = Math.max(280, Math.round(container.clientWidth || 420));
    const svg = el('svg', {viewBox: `0 0 ${w} ${HEIGHT}`, width: w, height: HEIGHT, role: 'img'}, container);
    const m = Object.assign({l: 50, r: 14, t: 24, b: 34}, margin || {});
    return {svg, w, h: HEIGHT, x0: m.l, x1: w - m.r, y0: HEIGHT - m.b, y1: m.t};
  }

  function empty(container, message) {
    const f = frame(container);
    f.svg.setAttribute('data-empty', 'true');
    text(f.svg, f.w / 2, f.h / 2, message || 'no data yet', {'text-anchor': 'middle', class: 'empty-text'});
    return f.svg;
  }

  function scale(d0, d1, r0, r1, log) {
    if (log) {
      const a = Math.log10(d0), b = Math.log10(d1);
      return v => r0 + (Math.log10(Math.max(v, d0 * 1e-3)) - a) / (b - a) * (r1 - r0);
    }
    return v => r0 + (v - d0) / (d1 - d0 || 1) * (r1 - r0);
  }

  function yAxis(f, ax, ys, side, title) {
    const g = el('g', {class: 'axis'}, f.svg);
    const x = side === 'right' ? f.x1 : f.x0;
    for (const t of ax.ticks) {
      const y = ys(t);
      if (side !== 'right') el('line', {x1: f.x0, x2: f.x1, y1: y, y2: y, class: 'grid-line'}, g);
      text(g, side === 'right' ? x + 5 : x - 5, y + 3.5, fmt(t), {'text-anchor': side === 'right' ? 'start' : 'end'});
    }
    el('line', {x1: x, x2: x, y1: f.y0, y2: f.y1}, g);
    if (title) {
      const tx = side === 'right' ? f.w - 6 : 11;
      const yc = (f.y0 + f.y1) / 2;
      text(g, tx, yc, title, {'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 ${tx} ${yc})`});
    }
  }

  function xAxis(f, ax, xs, title) {
    const g = el('g', {class: 'axis'}, f.svg);
    el('line', {x1: f.x0, x2: f.x1, y1: f.y0, y2: f.y0}, g);
    for (const t of ax.ticks) {
      const x = xs(t);
      el('line', {x1: x, x2: x, y1: f.y0, y2: f.y0 + 4}, g);
      text(g, x, f.y0 + 15, fmt(t), {'text-anchor': 'middle'});
    }
    if (title) text(g, (f.x0 + f.x1) / 2, f.h - 4, title, {'text-anchor': 'middle', class: 'axis-title'});
  }

  function legend(f, items) {
    const g = el('g', {class: 'legend'}, f.svg);
    let x = f.x0;
    for (const it of items) {
      el('rect', {x, y: 7, width: 10, height: 10, rx: 2, fill: it.color}, g);
      const t = text(g, x + 14, 16, it.name);
      let w = 0;
      try { w = t.getComputedTextLength(); } catch (e) { w = 0; }
      x += 26 + (w > 0 ? w : 7 * it.name.length);
      t.setAttribute('data-legend', it.name);
    }
  }

  /**
   * Line chart. opts: {series: [{name, color, points: [[x, y]...], axis: 'left'|'right'}],
   * xTitle, yTitle, y2Title, yLog, yZero (include 0, default true), yMax, integer (integer y ticks)}.
   */
  function line(container, opts) {
    const series = (opts.series || []).filter(s => s.points && s.points.length);
    if (!series.length) return empty(container, opts.emptyText);
    const right = series.some(s => s.axis === 'right');
    const f = frame(container, right ? {r: 50} : {});
    const xsAll = series.flatMap(s => s.points.map(p => p[0]));
    const xa = niceTicks(Math.min(...xsAll), Math.max(...xsAll), 6);
    const xs = scale(xa.min, xa.max, f.x0, f.x1);
    const axisOf = side => {
      const vals = series.filter(s => (s.axis === 'right') === (side === 'right'))
        .flatMap(s => s.points.map(p => p[1])).filter(v => isFinite(v) && (!opts.yLog || v > 0));
      if (!vals.length) return null;
      if (opts.yLog) return logTicks(Math.min(...vals), Math.max(...vals));
      const lo = opts.yZero === false ? Math.min(...vals) : Math.min(0, ...vals);
      const hi = opts.yMax !== undefined ? Math.max(opts.yMax, ...vals) : Math.max(...vals);
      return niceTicks(lo, hi, 5, opts.integer);
    };
    const left = axisOf('left');
    const rightAx = right ? axisOf('right') : null;
    const yl = left && scale(left.min, left.max, f.y0, f.y1, opts.yLog);
    const yr = rightAx && scale(rightAx.min, rightAx.max, f.y0, f.y1, opts.yLog);
    if (left) yAxis(f, left, yl, 'left', opts.yTitle);
    if (rightAx) yAxis(f, rightAx, yr, 'right', opts.y2Title);
    xAxis(f, xa, xs, opts.xTitle);
    series.forEach((s, i) => {
      const ys = s.axis === 'right' ? yr : yl;
      if (!ys) return;
      const pts = s.points.filter(p => isFinite(p[0]) && isFinite(p[1]) && (!opts.yLog || p[1] > 0));
      const d = pts.map((p, j) => (j ? 'L' : 'M') + xs(p[0]).toFixed(1) + ',' + ys(p[1]).toFixed(1)).join('');
      const color = s.color || palette[i % palette.length];
      el('path', {d, stroke: color, class: 'series', 'data-series': s.name, 'data-points': pts.length}, f.svg);
      const last = pts[pts.length - 1];
      if (last) {
        const c = el('circle', {cx: xs(last[0]), cy: ys(last[1]), r: 3, fill: color, class: 'point'}, f.svg);
        el('title', {}, c).textContent = `${s.name}: ${fmt(last[1])} at ${fmt(last[0])}`;
      }
    });
    legend(f, series.map((s, i) => ({name: s.name + (s.axis === 'right' ? ' (right axis)' : ''),
      color: s.color || palette[i % palette.length]})));
    return f.svg;
  }

  /**
   * Stacked bars. opts: {categories: [label...], stacks: [{name, color, values: [...]}],
   * normalize (bars sum to 1), valueLabels (print each bar's total above it), xTitle, yTitle}.
   */
  function stacked(container, opts) {
    const cats = opts.categories || [];
    if (!cats.length) return empty(container, opts.emptyText);
    const f = frame(container);
    const totals = cats.map((_, i) => opts.stacks.reduce((a, s) => a + (s.values[i] || 0), 0));
    const ya = opts.normalize ? {min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1]}
      : niceTicks(0, Math.max(1, ...totals), 5, true);
    const ys = scale(ya.min, ya.max, f.y0, f.y1);
    yAxis(f, ya, ys, 'left', opts.yTitle);
    const band = (f.x1 - f.x0) / cats.length;
    const bw = Math.max(2, Math.min(46, band * 0.72));
    const g = el('g', {class: 'bars'}, f.svg);
    cats.forEach((c, i) => {
      let acc = 0;
      const x = f.x0 + band * i + (band - bw) / 2;
      opts.stacks.forEach((s, k) => {
        const raw = s.values[i] || 0;
        const v = opts.normalize ? (totals[i] ? raw / totals[i] : 0) : raw;
        if (v <= 0) {
          if (opts.stacks.length === 1) el('rect', {x: x.toFixed(1), y: (ys(0) - 1).toFixed(1), width: bw.toFixed(1),
            height: 1, fill: s.color || palette[k], class: 'bar', 'data-stack': s.name, 'data-category': c, 'data-value': raw}, g);
          return;
        }
        const yTop = ys(acc + v), yBot = ys(acc);
        const r = el('rect', {x: x.toFixed(1), y: yTop.toFixed(1), width: bw.toFixed(1),
          height: Math.max(0.5, yBot - yTop).toFixed(1), fill: s.color || palette[k], class: 'bar',
          'data-stack': s.name, 'data-category': c, 'data-value': raw}, g);
        el('title', {}, r).textContent = `${opts.categoryTitle || ''}${c}: ${s.name} ${raw} of ${totals[i]}`;
        acc += v;
      });
      if (opts.valueLabels) {
        text(g, x + bw / 2, ys(acc) - 4, fmt(totals[i]), {'text-anchor': 'middle', class: 'value-label'});
      }
    });
    const ax = el('g', {class: 'axis'}, f.svg);
    el('line', {x1: f.x0, x2: f.x1, y1: f.y0, y2: f.y0}, ax);
    const every = Math.ceil(cats.length / Math.max(1, Math.floor((f.x1 - f.x0) / 34)));
    cats.forEach((c, i) => {
      if (i % every === 0) text(ax, f.x0 + band * (i + 0.5), f.y0 + 15, String(c), {'text-anchor': 'middle'});
    });
    if (opts.xTitle) text(ax, (f.x0 + f.x1) / 2, f.h - 4, opts.xTitle, {'text-anchor': 'middle', class: 'axis-title'});
    legend(f, opts.stacks.map((s, k) => ({name: s.name, color: s.color || palette[k]})));
    return f.svg;
  }

  /**
   * Histogram. opts: {edges: [n+1], counts: [n], overflow (count beyond the last edge), unit, color, xTitle,
   * yTitle, markers: [{x, label}]}.
   */
  function histogram(container, opts) {
    const edges = opts.edges || [], counts = opts.counts || [];
    if (counts.length === 0 || edges.length !== counts.length + 1) return empty(container, opts.emptyText);
    if (!counts.some(c => c > 0)) return empty(container, opts.emptyText || 'no deviations recorded yet');
    const f = frame(container);
    const xa = niceTicks(edges[0], edges[edges.length - 1], 6);
    const xs = scale(xa.min, xa.max, f.x0, f.x1);
    const ya = niceTicks(0, Math.max(...counts), 5);
    const ys = scale(ya.min, ya.max, f.y0, f.y1);
    yAxis(f, ya, ys, 'left', opts.yTitle);
    const g = el('g', {class: 'bars'}, f.svg);
    counts.forEach((c, i) => {
      if (c <= 0) return;
      const x = xs(edges[i]), x2 = xs(edges[i + 1]);
      const r = el('rect', {x: (x + 0.5).toFixed(1), y: ys(c).toFixed(1), width: Math.max(1, x2 - x - 1).toFixed(1),
        height: (f.y0 - ys(c)).toFixed(1), fill: opts.color || palette[0], class: 'bar', 'data-value': c}, g);
      el('title', {}, r).textContent = `[${fmt(edges[i])}, ${fmt(edges[i + 1])}): ${c}`;
    });
    for (const m of opts.markers || []) {
      if (!(m.x >= xa.min && m.x <= xa.max)) continue;
      el('line', {x1: xs(m.x), x2: xs(m.x), y1: f.y0, y2: f.y1, class: 'marker-line'}, f.svg);
      text(f.svg, xs(m.x) + 3, f.y1 + 10, m.label, {class: 'axis-title'});
    }
    xAxis(f, xa, xs, opts.xTitle);
    if (opts.overflow > 0) {
      text(f.svg, f.x1, f.y1 - 8, `+${opts.overflow} at or above ${fmt(edges[edges.length - 1])}${opts.unit ? ' ' + opts.unit : ''}`,
        {'text-anchor': 'end', class: 'axis-title', 'data-overflow': opts.overflow});
    }
    return f.svg;
  }

  /** Simple bars. opts: {labels: [...], values: [...], color, yTitle, xTitle}. */
  function bars(container, opts) {
    const labels = opts.labels || [];
    if (!labels.length) return empty(container, opts.emptyText);
    return stacked(container, {categories: labels, stacks: [{name: opts.name || 'value', color: opts.color || palette[0],
      values: opts.values}], yTitle: opts.yTitle, xTitle: opts.xTitle, emptyText: opts.emptyText, valueLabels: true});
  }

  return {line, stacked, histogram, bars, niceTicks, logTicks, fmt, palette};
})();
