// newsmon live alerts page: plain JavaScript, no build step. Data from /api/*, live updates from
// /api/events (server-sent events). Text from articles is only ever set with textContent.
'use strict';

const state = { alerts: new Map(), watch: '', language: '', deadLetters: [] };
const COLORS = ['#0b6e4f', '#2563eb', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#db2777',
  '#475569', '#ca8a04', '#7c3aed', '#059669', '#ea580c', '#4f46e5'];
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v; else if (k.startsWith('data-')) e.setAttribute(k, v); else e[k] = v;
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function passage(segments) {
  const p = el('p', { class: 'passage' });
  for (const s of segments || []) p.append(s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text));
  return p;
}

function matches(a) {
  if (state.watch && a.watchId !== state.watch) return false;
  if (state.language && !(a.languages || []).includes(state.language)) return false;
  return true;
}

function alertCard(a) {
  const title = el('h3', {}, safeUrl(a.url) ? el('a', { href: safeUrl(a.url), target: '_blank', rel: 'noopener' }, a.title || a.url) : (a.title || '(untitled)'));
  const langs = el('span', { class: 'languages' }, ...(a.languages || []).map((l) => el('span', { class: 'chip lang' }, l)));
  const cov = a.coverage || {};
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'score', title: 'relevance score' }, Number(a.score).toFixed(2)),
    langs,
    el('span', { class: 'outlets', title: (a.outlets || []).join(', ') }, (a.outlets || []).slice(0, 4).join(', ') + ((a.outlets || []).length > 4 ? ' …' : '')),
    el('span', { class: 'copies' }, copiesText(a.copies ? a.copies.count : 0)),
    el('span', { class: 'coverage' }, `coverage: ${cov.articles || 1} articles, ${cov.outlets || 1} outlets, ${cov.languages || 1} languages`),
    el('span', { class: 'time' }, when(a.publishedAt || a.firstSeen)),
    el('span', { class: 'watch' }, a.watchId));
  const topics = el('div', { class: 'topics' }, ...(a.topics || []).map((t) => el('span', { class: 'chip topic' }, t)));
  const button = el('button', { type: 'button', class: 'story-button' }, 'Story');
  button.addEventListener('click', () => openStory(a.storyId));
  return el('article', { class: 'alert', 'data-alert-id': a.alertId, 'data-revision': a.revision },
    title, meta, topics, passage(a.passage), el('div', { class: 'actions' }, button,
      el('span', { class: 'revision' }, ` revision ${a.revision}`)));
}

function renderAlerts(freshId) {
  const list = [...state.alerts.values()].filter(matches)
    .sort((x, y) => String(y.updatedAt || '').localeCompare(String(x.updatedAt || '')));
  const box = $('alerts');
  box.replaceChildren(...list.map((a) => {
    const card = alertCard(a);
    if (a.alertId === freshId) {
      card.classList.add('fresh');
      setTimeout(() => card.classList.remove('fresh'), 4000);
    }
    return card;
  }));
  $('alert-count').textContent = String(list.length);
  $('no-alerts').hidden = list.length > 0;
}

function upsert(a) {
  const known = state.alerts.get(a.alertId);
  if (known && known.revision > a.revision) return;
  state.alerts.set(a.alertId, a);
  addOption('watch', a.watchId);
  (a.languages || []).forEach((l) => addOption('language', l));
  renderAlerts(a.alertId);
}

function addOption(selectId, value) {
  if (!value) return;
  const s = $(selectId);
  if ([...s.options].some((o) => o.value === value)) return;
  s.append(el('option', { value }, value));
}

function renderDeadLetters() {
  const list = $('deadletters');
  list.replaceChildren(...state.deadLetters.slice(0, 15).map((d) => el('li', {},
    el('span', { class: 'reason' }, d.reason || 'error'), ` at ${d.stage || '?'}`,
    d.sourceId ? ` (${d.sourceId})` : '', ' — ', d.message || '', ' ', el('small', {}, when(d.failedAt)))));
  $('no-deadletters').hidden = state.deadLetters.length > 0;
}

function renderChart(data) {
  const box = $('chart');
  const days = data.days || [];
  const langs = Object.keys(data.series || {});
  if (days.length === 0 || langs.length === 0) {
    box.replaceChildren(el('p', { class: 'empty' }, 'No relevant article yet.'));
    return;
  }
  const shown = days.slice(-30);
  const offset = days.length - shown.length;
  const totals = shown.map((_, i) => langs.reduce((s, l) => s + data.series[l][offset + i], 0));
  const max = Math.max(1, ...totals);
  const W = 360, H = 160, left = 28, bottom = 22, top = 8;
  const bw = (W - left - 4) / shown.length;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'relevant articles per day by language');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  const y = (v) => H - bottom - (v / max) * (H - bottom - top);
  add('line', { x1: left, y1: y(0), x2: W, y2: y(0), stroke: '#999' });
  add('text', { x: left - 4, y: y(max) + 4, 'text-anchor': 'end', 'font-size': 9, fill: '#555' }, String(max));
  add('text', { x: left - 4, y: y(0), 'text-anchor': 'end', 'font-size': 9, fill: '#555' }, '0');
  shown.forEach((day, i) => {
    let acc = 0;
    langs.forEach((l, li) => {
      const v = data.series[l][offset + i];
      if (!v) return;
      const r = add('rect', { x: left + i * bw + 1, y: y(acc + v), width: Math.max(1, bw - 2),
        height: y(acc) - y(acc + v), fill: COLORS[li % COLORS.length] });
      const t = document.createElementNS(ns, 'title');
      t.textContent = `${day} ${l}: ${v}`;
      r.append(t);
      acc += v;
    });
    if (shown.length <= 8 || i % Math.ceil(shown.length / 6) === 0 || i === shown.length - 1) {
      add('text', { x: left + i * bw + bw / 2, y: H - 6, 'text-anchor': 'middle', 'font-size': 9, fill: '#555' }, day.slice(5));
    }
  });
  const legend = el('div', { class: 'legend' }, ...langs.map((l, li) => el('span', {},
    el('span', { class: 'swatch', style: `background:${COLORS[li % COLORS.length]}` }), l)));
  box.replaceChildren(svg, legend);
}

function query() {
  const q = new URLSearchParams();
  if (state.watch) q.set('watch', state.watch);
  if (state.language) q.set('language', state.language);
  return q.toString();
}

async function getJson(url) {
  const r = await fetch(url, { cache: 'no-store' });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

let chartTimer = null;
function refreshChart() {
  clearTimeout(chartTimer);
  chartTimer = setTimeout(async () => {
    try { renderChart(await getJson('/api/chart?' + query())); } catch (e) { console.warn(e); }
  }, 300);
}

async function openStory(storyId) {
  const story = await getJson('/api/stories/' + encodeURIComponent(storyId));
  $('story-id').textContent = storyId;
  const body = $('story-body');
  const items = (story.articles || []).map((a) => el('div', { class: 'story-article' },
    el('h3', {}, safeUrl(a.url) ? el('a', { href: safeUrl(a.url), target: '_blank', rel: 'noopener' }, a.title || a.url) : (a.title || a.id)),
    el('div', { class: 'meta' }, el('span', { class: 'chip lang' }, a.language), a.outlet || '', when(a.publishedAt),
      a.relevant ? el('span', { class: 'score' }, Number(a.score).toFixed(2)) : 'not relevant'),
    el('div', { class: 'topics' }, ...(a.topics || []).map((t) => el('span', { class: 'chip topic' }, t))),
    passage(a.passage)));
  const copies = (story.alerts || []).flatMap((a) => (a.copies && a.copies.urls) || []);
  body.replaceChildren(el('p', {}, `${(story.articles || []).length} original article(s), ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'}`),
    ...items,
    copies.length ? el('h3', {}, 'Copies') : '',
    el('ul', {}, ...copies.map((u) => el('li', {}, safeUrl(u) ? el('a', { href: safeUrl(u), target: '_blank', rel: 'noopener' }, u) : u))));
  $('story').hidden = false;
}

async function reload() {
  const alerts = await getJson('/api/alerts?limit=200&' + query());
  state.alerts.clear();
  alerts.forEach((a) => state.alerts.set(a.alertId, a));
  renderAlerts(null);
  refreshChart();
}

function connect() {
  const source = new EventSource('/api/events');
  source.addEventListener('open', () => { $('status').dataset.state = 'live'; $('status').textContent = 'live'; });
  source.addEventListener('error', () => { $('status').dataset.state = 'error'; $('status').textContent = 'reconnecting…'; });
  source.addEventListener('alert', (e) => upsert(JSON.parse(e.data)));
  source.addEventListener('article', refreshChart);
  source.addEventListener('deadletter', (e) => {
    state.deadLetters.unshift(JSON.parse(e.data));
    state.deadLetters.length = Math.min(state.deadLetters.length, 50);
    renderDeadLetters();
  });
}

async function start() {
  $('story-close').addEventListener('click', () => { $('story').hidden = true; });
  $('story').addEventListener('click', (e) => { if (e.target === $('story')) $('story').hidden = true; });
  for (const id of ['watch', 'language']) {
    $(id).addEventListener('change', () => { state[id] = $(id).value; reload(); });
  }
  connect();
  const facets = await getJson('/api/facets');
  facets.watches.forEach((w) => addOption('watch', w));
  facets.languages.forEach((l) => addOption('language', l));
  state.deadLetters = await getJson('/api/deadletters');
  renderDeadLetters();
  await reload();
}

start().catch((e) => { $('status').dataset.state = 'error'; $('status').textContent = String(e.message || e); });

function copiesText(n) {
  return n === 1 ? '1 copy' : `${n} copies`;
}
