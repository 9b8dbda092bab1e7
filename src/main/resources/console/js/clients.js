// Clients ordered by CVS, lowest first (the first to give way), each with its factor bar; and one
// client's factor breakdown.
import {el, svg, show, read, num, time, badge, table, alert} from './dom.js';
import {legend, contributionBar, paymentState} from './factors.js';

const LIMIT = 200;

/** The clients in CVS order, each with its score's explanation. */
export async function clientsByCvs() {
  const list = await read(`/v1/clients?order=cvs&limit=${LIMIT}`);
  return Promise.all(list.clients.map(c =>
    read(`/v1/clients/${encodeURIComponent(c.clientId)}`).catch(() => ({...c, factors: []}))));
}

function tier(slaTier) {
  return badge(slaTier, `tier-${slaTier}`);
}

function row(client, rank) {
  const link = el('a', {href: `#/clients/${encodeURIComponent(client.clientId)}`}, client.clientId);
  return el('tr', {'data-client-id': client.clientId},
    el('td', {class: 'num'}, rank),
    el('td', {}, link, client.name && client.name !== client.clientId ? el('div', {class: 'muted'}, client.name) : null),
    el('td', {}, tier(client.slaTier)),
    el('td', {}, paymentState(client)),
    el('td', {class: 'num cvs'}, num(client.cvs)),
    el('td', {}, contributionBar(client)));
}

export async function renderClients(main) {
  const body = el('tbody', {id: 'client-list'});
  const refreshed = el('span', {class: 'muted'});
  async function refresh() {
    const clients = await clientsByCvs();
    body.replaceChildren(...(clients.length ? clients.map((c, i) => row(c, i + 1))
      : [el('tr', {}, el('td', {colspan: 6, class: 'muted'}, 'No clients registered yet.'))]));
    refreshed.textContent = `updated ${new Date().toLocaleTimeString()}`;
  }
  show(main, 
    el('h2', {}, 'Clients by value'),
    el('p', {class: 'muted'}, 'Lowest Client Value Score first: the first to give way under contention. ' +
      'Each bar shows what every factor contributes; the tick marks the score after rule adjustments.'),
    el('div', {class: 'toolbar'}, el('button', {class: 'secondary', onclick: () => refresh()}, 'Refresh'), refreshed),
    legend(),
    table([{text: '#', attrs: {class: 'num'}}, 'Client', 'SLA tier', 'Payment', {text: 'CVS', attrs: {class: 'num'}},
      'Factor contributions'], body));
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 5000);
  return () => clearInterval(timer);
}

export async function renderClient(main, clientId) {
  const c = await read(`/v1/clients/${encodeURIComponent(clientId)}`);
  const factors = table(['Factor', {text: 'Raw', attrs: {class: 'num'}}, {text: 'Normalised', attrs: {class: 'num'}},
    {text: 'Weight', attrs: {class: 'num'}}, {text: 'Contribution', attrs: {class: 'num'}}],
  (c.factors || []).map(f => el('tr', {'data-factor': f.name},
    el('td', {}, f.name), el('td', {class: 'num'}, num(f.raw)), el('td', {class: 'num'}, num(f.normalized)),
    el('td', {class: 'num'}, num(f.weight)), el('td', {class: 'num'}, num(f.contribution)))), {id: 'factor-table'});
  show(main, 
    el('p', {}, el('a', {href: '#/clients'}, '← all clients')),
    el('h2', {}, `Client ${c.clientId}`),
    el('div', {class: 'panel'},
      el('dl', {class: 'kv'},
        el('dt', {}, 'Name'), el('dd', {}, c.name || '—'),
        el('dt', {}, 'SLA tier'), el('dd', {}, tier(c.slaTier)),
        el('dt', {}, 'Payment'), el('dd', {}, paymentState(c)),
        el('dt', {}, 'CVS'), el('dd', {id: 'client-cvs'}, num(c.cvs)),
        el('dt', {}, 'Adjusted by'), el('dd', {}, (c.adjustedBy || []).length ? c.adjustedBy.join(', ') : 'no rule'),
        el('dt', {}, 'Rule revision'), el('dd', {}, el('code', {}, c.ruleRevision || '—')),
        el('dt', {}, 'Policy version'), el('dd', {}, el('code', {}, c.policyVersion || '—')),
        el('dt', {}, 'Computed'), el('dd', {}, time(c.computedAt)))),
    legend(),
    el('div', {class: 'panel'}, contributionBar(c, 640, 24)),
    c.cvs === null ? alert('warn', 'Not scored yet: scores are computed within a second of new inputs.') : null,
    factors,
    el('h3', {}, 'CPU use and projected need'),
    el('div', {class: 'panel', id: 'usage-panel'}, 'loading…'));
  const usage = await read(`/v1/clients/${encodeURIComponent(clientId)}/usage`);
  const panel = document.getElementById('usage-panel');
  if (panel) {
    panel.replaceChildren(usageChart(usage, 640, 180));
  }
}

/**
 * The client's CPU use over its history (mean and peak per slot) and its projected need over the
 * horizon, as an SVG chart.
 */
function usageChart(usage, width, height) {
  const slots = usage.slots || [];
  if (!slots.length) {
    return el('p', {class: 'muted'}, 'No usage reported yet.');
  }
  const p = usage.projection;
  const start = Date.parse(slots[0].start);
  const now = Date.parse(usage.at);
  const end = now + (p ? isoDurationMillis(p.horizon) : 0);
  const top = Math.max(1e-9, ...slots.map(s => s.cpuPeak), p ? p.cpu : 0) * 1.1;
  const pad = 30;
  const x = t => pad + (width - 2 * pad) * (t - start) / Math.max(1, end - start);
  const y = v => height - pad - (height - 2 * pad) * v / top;
  const points = key => slots.map(s => `${x(Date.parse(s.start) + s.seconds * 500).toFixed(1)},${y(s[key]).toFixed(1)}`).join(' ');
  return svg('svg', {width, height, id: 'usage-chart', role: 'img',
      'aria-label': `CPU use and projected need of ${usage.clientId}`},
    svg('line', {x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, stroke: '#9aa5b1'}),
    svg('text', {x: pad, y: height - 8, 'font-size': 11, fill: '#52606d'}, new Date(start).toLocaleString()),
    svg('text', {x: width - pad, y: height - 8, 'font-size': 11, fill: '#52606d', 'text-anchor': 'end'},
      `+${p ? p.horizon : ''}`),
    svg('text', {x: 2, y: pad - 8, 'font-size': 11, fill: '#52606d'}, `${top.toFixed(2)} cores`),
    svg('polyline', {points: points('cpuPeak'), fill: 'none', stroke: '#9fb3c8', 'stroke-width': 1}),
    svg('polyline', {points: points('cpuMean'), fill: 'none', stroke: '#2f6fa8', 'stroke-width': 2,
      'data-series': 'cpuMean'}),
    p ? svg('line', {x1: x(now), y1: y(p.cpu), x2: x(end), y2: y(p.cpu), stroke: '#e8833a', 'stroke-width': 3,
      'stroke-dasharray': '6 4', 'data-series': 'projection'}) : null,
    p ? svg('text', {x: x(now), y: y(p.cpu) - 6, 'font-size': 11, fill: '#b65d16'},
      `projected ${p.cpu.toFixed(2)} cores (${p.source})`) : null);
}

/** Milliseconds of an ISO-8601 duration such as PT1H or PT30M (days, hours, minutes, seconds). */
function isoDurationMillis(text) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text || '');
  if (!m) return 0;
  return (((+(m[1] || 0) * 24 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 60 + +(m[4] || 0)) * 1000;
}
