// Small DOM and HTTP helpers. Every string from the server reaches the page as a text node or an
// attribute value, never as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el('td', {class: 'num'}, text, otherNode). */
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element, as el. */
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Fetches JSON: {status, ok, body, etag}; body is null when the answer is not JSON. */
export async function api(path, options = {}) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}, ...options});
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = {error: text}; }
  return {status: response.status, ok: response.ok, body, etag: response.headers.get('ETag')};
}

/** Like api, but throws with the server's message unless the answer is 2xx. */
export async function read(path) {
  const answer = await api(path);
  if (!answer.ok) {
    throw new Error(`${path}: ${failure(answer)}`);
  }
  return answer.body;
}

/** The status and the server's message of an answer that was not expected. */
export function failure(answer) {
  return `${answer.status} ${(answer.body && answer.body.error) || ''}`.trim();
}

/** Runs {@code work} with {@code button} disabled meanwhile, so a request is not sent twice. */
export async function busy(button, work) {
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}

export function num(value, digits = 3) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(digits);
}

export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString();
}

export function badge(text, cls) {
  return el('span', {class: `badge ${cls || ''}`}, text);
}

export function alert(kind, ...children) {
  return el('div', {class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status'}, ...children);
}

/** A table with a header row; {@code rows} is a list of rows or a tbody of its own. */
export function table(headers, rows, attrs = {}) {
  return el('table', attrs,
    el('thead', {}, el('tr', {}, headers.map(h => typeof h === 'string' ? el('th', {}, h) : el('th', h.attrs, h.text)))),
    rows instanceof HTMLTableSectionElement ? rows : el('tbody', {}, rows));
}

/** Replaces what a container shows; null and false children are left out. */
export function show(container, ...children) {
  container.replaceChildren();
  build(container, {}, children);
  return container;
}

/** Shows a short message in the header's status area. */
export function status(text) {
  document.getElementById('status').textContent = text;
}
