// How a client's CVS is made up: the factors' contributions as one stacked SVG bar, and the
// payment factor read as a payment state.
import {el, svg, num} from './dom.js';

export const FACTORS = ['usage', 'sla', 'forecast', 'demand', 'payment'];

export function colour(name) {
  return FACTORS.includes(name) ? `var(--f-${name})` : 'var(--f-other)';
}

export function legend() {
  return el('div', {class: 'legend'}, FACTORS.map(f => el('span', {class: `f-${f}`}, f)));
}

/** A stacked bar, 0 to 1 across {@code width}: one segment per factor, a tick at the CVS. */
export function contributionBar(client, width = 320, height = 16) {
  const bar = svg('svg', {class: 'bar', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `CVS ${num(client.cvs)}`});
  bar.append(svg('rect', {x: 0, y: 0, width, height, fill: '#eef1f4', rx: 2}));
  let x = 0;
  for (const f of client.factors || []) {
    const w = Math.max(0, f.contribution) * width;
    bar.append(svg('rect', {x, y: 0, width: w, height, fill: colour(f.name), 'data-factor': f.name},
      svg('title', {}, `${f.name}: ${num(f.contribution)} (normalised ${num(f.normalized)} × weight ${num(f.weight)})`)));
    x += w;
  }
  if (client.cvs !== null && client.cvs !== undefined) {
    const at = Math.min(width - 1, Math.max(1, client.cvs * width));
    bar.append(svg('line', {x1: at, x2: at, y1: 0, y2: height, stroke: '#1d2733', 'stroke-width': 2},
      svg('title', {}, `CVS ${num(client.cvs)}`)));
  }
  return bar;
}

/** The payment factor as words: on time, paid late, or overdue. */
export function paymentState(client) {
  const f = (client.factors || []).find(x => x.name === 'payment');
  if (!f) return el('span', {class: 'muted'}, 'not scored');
  if (f.normalized < f.raw - 1e-9) {
    return el('span', {class: 'pay-overdue', title: `factor ${num(f.normalized)}`}, 'overdue');
  }
  if (f.raw >= 0.999) {
    return el('span', {class: 'pay-ok', title: `factor ${num(f.normalized)}`}, 'on time');
  }
  return el('span', {class: 'pay-late', title: `factor ${num(f.normalized)}`},
    `paid late (${Math.round(f.raw * 100)}% on time)`);
}
