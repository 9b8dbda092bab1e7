// Clients ordered by CVS, lowest first (the first to give way), each with its factor bar; and one
// client's factor breakdown.
import {el, show, read, num, time, badge, table, alert} from './dom.js';
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
    factors);
}
