// Decisions, live from the server-sent event feed, each openable to its explanation.
import {el, show, read, num, time, badge, table, alert, status} from './dom.js';

function actionStatus(s, count) {
  return badge(count ? `${count} ${s}` : s, `status-${s}`);
}

function summary(d) {
  const counts = {};
  for (const a of d.actions) counts[a.status] = (counts[a.status] || 0) + 1;
  return Object.entries(counts).map(([s, n]) => [actionStatus(s, n), ' ']);
}

function row(d) {
  return el('tr', {class: 'clickable fresh', 'data-decision-id': d.decisionId,
    onclick: () => { location.hash = `#/decisions/${encodeURIComponent(d.decisionId)}`; }},
  el('td', {}, time(d.decidedAt)),
  el('td', {}, el('a', {href: `#/decisions/${encodeURIComponent(d.decisionId)}`}, d.decisionId)),
  el('td', {}, d.platformId),
  el('td', {}, `${d.trigger.reason} · ${d.trigger.severity}`, d.trigger.selfRaised ? ' (self-raised)' : ''),
  el('td', {class: 'num'}, d.actions.length),
  el('td', {}, d.actions.length ? summary(d) : el('span', {class: 'muted'}, 'nothing to do')));
}

export function renderDecisions(main) {
  const body = el('tbody', {id: 'decision-list'},
    el('tr', {class: 'empty'}, el('td', {colspan: 6, class: 'muted'}, 'Waiting for decisions…')));
  const feed = el('span', {id: 'feed-state', class: 'muted'}, 'connecting…');
  show(main, el('h2', {}, 'Decisions'),
    el('p', {class: 'muted'}, 'Newest first. New decisions and changes of their actions appear as they happen.'),
    el('div', {class: 'toolbar'}, el('span', {}, 'Live feed: '), feed),
    table(['Decided', 'Decision', 'Platform', 'Trigger', {text: 'Actions', attrs: {class: 'num'}}, 'State'], body));
  const source = new EventSource('/v1/decisions/stream');
  source.onopen = () => { feed.textContent = 'connected'; feed.className = 'pay-ok'; };
  source.onerror = () => { feed.textContent = 'reconnecting…'; feed.className = 'pay-late'; };
  source.addEventListener('decision', event => {
    const d = JSON.parse(event.data);
    body.querySelector('tr.empty')?.remove();
    const existing = [...body.children].find(tr => tr.dataset.decisionId === d.decisionId);
    const fresh = row(d);
    if (existing) {
      existing.replaceWith(fresh);
    } else {
      const newer = [...body.children].find(tr => tr.dataset.decidedAt < d.decidedAt);
      body.insertBefore(fresh, newer || null);
    }
    fresh.dataset.decidedAt = d.decidedAt;
    status(`decision ${d.decisionId} at ${time(d.decidedAt)}`);
  });
  return () => source.close();
}

export async function renderDecision(main, decisionId) {
  const d = await read(`/v1/decisions/${encodeURIComponent(decisionId)}`);
  const excluded = Object.entries(d.excluded || {});
  show(main, 
    el('p', {}, el('a', {href: '#/decisions'}, '← all decisions')),
    el('h2', {}, `Decision ${d.decisionId}`),
    el('div', {class: 'panel'}, el('dl', {class: 'kv'},
      el('dt', {}, 'Platform'), el('dd', {}, d.platformId),
      el('dt', {}, 'Decided'), el('dd', {}, time(d.decidedAt)),
      el('dt', {}, 'Trigger'), el('dd', {}, `${d.trigger.id} — ${d.trigger.reason}, ${d.trigger.severity}, ` +
        `need ${num(d.trigger.need.cpu, 1)} cores / ${num(d.trigger.need.memoryGiB, 1)} GiB`,
      d.trigger.beneficiary ? ` for ${d.trigger.beneficiary}` : '', d.trigger.selfRaised ? ' (self-raised)' : ''),
      el('dt', {}, 'Wanted'), el('dd', {}, `${num(d.wanted.cpu, 1)} cores / ${num(d.wanted.memoryGiB, 1)} GiB`),
      el('dt', {}, 'Shortfall'), el('dd', {}, `${num(d.shortfall.cpu, 1)} cores / ${num(d.shortfall.memoryGiB, 1)} GiB`),
      el('dt', {}, 'Rule revision'), el('dd', {}, el('code', {}, d.ruleRevision)),
      el('dt', {}, 'Policy version'), el('dd', {}, el('code', {}, d.policyVersion)))),
    el('h3', {}, 'Explanation'),
    el('pre', {class: 'explanation', id: 'decision-explanation'}, d.explanation || '—'),
    el('h3', {}, 'Rules fired'),
    d.rulesFired.length ? el('ul', {id: 'rules-fired'}, d.rulesFired.map(r => el('li', {}, r)))
      : el('p', {class: 'muted'}, 'none'),
    el('h3', {}, 'Victims'),
    d.actions.length ? table(['Action', 'Type', 'Instance', 'Client', {text: 'CVS', attrs: {class: 'num'}}, 'Reason', 'State'],
      d.actions.map(a => el('tr', {'data-action-id': a.actionId},
        el('td', {}, a.actionId), el('td', {}, a.type), el('td', {}, a.instanceId),
        el('td', {}, el('a', {href: `#/clients/${encodeURIComponent(a.clientId)}`}, a.clientId)),
        el('td', {class: 'num'}, num(a.cvs)), el('td', {}, a.reason), el('td', {}, actionStatus(a.status)))),
    {id: 'victims'})
      : alert('warn', 'No instance had to give way.'),
    excluded.length ? [el('h3', {}, 'Spared'), table(['Instance', 'Why'],
      excluded.map(([instance, why]) => el('tr', {}, el('td', {}, instance), el('td', {}, why))))] : null);
}
