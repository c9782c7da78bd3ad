// Newsflow live page: the article stream (server-sent events from /stream) and trending entities
// (/trending, refreshed every 30 s) with a sparkline each. Plain browser JavaScript, no libraries.
'use strict';

const MAX_ARTICLES = 200;
const list = document.getElementById('articles');
const status = document.getElementById('status');
const count = document.getElementById('count');
let source = null;
let received = 0;

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function showArticle(a) {
  const li = el('li', { class: 'article new', 'data-id': a.id });
  const title = el('a', { class: 'title', href: a.url, target: '_blank', rel: 'noopener' }, a.title || '(no title)');
  li.appendChild(title);
  const when = a.published || a.fetchedAt;
  const meta = [a.site || new URL(a.url).host, when ? new Date(when).toLocaleString() : '', a.language || '?',
    a.wordCount + ' words'].filter(Boolean).join(' · ');
  li.appendChild(el('div', { class: 'meta' }, meta));
  const tags = el('div', { class: 'tags' });
  (a.entities || []).slice().sort((x, y) => y.salience - x.salience).slice(0, 5)
    .forEach(e => tags.appendChild(el('span', { class: 'tag entity', title: e.type }, e.name)));
  (a.topics || []).slice(0, 3).forEach(t => tags.appendChild(el('span', { class: 'tag topic' }, t.label)));
  li.appendChild(tags);
  list.insertBefore(li, list.firstChild);
  while (list.children.length > MAX_ARTICLES) list.removeChild(list.lastChild);
  count.textContent = String(++received);
}

function connect() {
  if (source) source.close();
  const params = new URLSearchParams();
  new FormData(document.getElementById('filters')).forEach((v, k) => { if (v.trim()) params.append(k, v.trim()); });
  source = new EventSource('/stream' + (params.toString() ? '?' + params : ''));
  source.onopen = () => { status.textContent = 'live'; };
  source.onerror = () => { status.textContent = 'reconnecting…'; };
  source.addEventListener('article', ev => showArticle(JSON.parse(ev.data)));
}

function sparkline(values) {
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 80 20');
  const max = Math.max(...values, 1e-9);
  const step = values.length > 1 ? 80 / (values.length - 1) : 80;
  const line = document.createElementNS(svgNs, 'polyline');
  line.setAttribute('points', values.map((v, i) => (i * step).toFixed(1) + ',' + (19 - 18 * v / max).toFixed(1)).join(' '));
  svg.appendChild(line);
  return svg;
}

async function refreshTrending() {
  const type = document.getElementById('trending-type').value;
  try {
    const res = await fetch('/trending?limit=20' + (type ? '&type=' + type : ''));
    if (!res.ok) return;
    const body = await res.json();
    document.getElementById('trending-window').textContent = body.window + ' to ' +
      new Date(body.windowEnd).toLocaleTimeString();
    const ol = document.getElementById('trending');
    ol.replaceChildren(...body.entries.map(e => {
      const li = el('li', { 'data-key': e.type + ':' + e.name });
      const name = el('span', { class: 'name' }, e.name + ' ');
      name.appendChild(el('small', {}, e.type.toLowerCase() + ' · ' + e.articles));
      li.appendChild(name);
      li.appendChild(sparkline(e.spark || []));
      li.appendChild(el('span', { class: 'score', title: 'baseline ' + e.baseline }, e.score.toFixed(2)));
      return li;
    }));
  } catch (err) {
    // The service may be restarting; the next refresh tries again.
  }
}

document.getElementById('filters').addEventListener('submit', ev => { ev.preventDefault(); connect(); });
document.getElementById('trending-type').addEventListener('change', refreshTrending);
connect();
refreshTrending();
setInterval(refreshTrending, 30000);
