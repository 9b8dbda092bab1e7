// The policy form: edited here, validated by the server (its 422 messages shown beside the fields),
// saved with If-Match so that a change made meanwhile is never silently overwritten.
import {el, show, api, read, num, alert, busy, failure} from './dom.js';
import {clientsByCvs} from './clients.js';

const SECTIONS = [
  {title: 'CVS weights', hint: 'Each between 0 and 1; a factor counts with its share of their sum.', fields: [
    ['weights.usage', 'Usage', 'number'], ['weights.sla', 'SLA tier', 'number'],
    ['weights.forecast', 'Forecast', 'number'], ['weights.demand', 'Demand', 'number'],
    ['weights.payment', 'Payment', 'number']]},
  {title: 'Interruption', hint: 'Durations are ISO-8601: PT30S, PT10M, PT24H.', fields: [
    ['interruption.threshold', 'Threshold (CVS below)', 'number'],
    ['interruption.gracePeriod', 'Grace period', 'text'],
    ['interruption.minimumRunTime', 'Minimum run time', 'text'],
    ['interruption.disruptionBudget.maxInterruptions', 'Disruption budget: interruptions', 'number'],
    ['interruption.disruptionBudget.window', 'Disruption budget: window', 'text']]},
  {title: 'Migration', fields: [
    ['migration.minCvsDifference', 'Minimum CVS difference', 'number'],
    ['migration.timeout', 'Timeout', 'text'],
    ['migration.stepTimeout', 'Timeout of each step', 'text'],
    ['migration.maxConcurrent', 'Most at once', 'number']]},
  {title: 'Penalty', hint: 'What a migrated client is charged, and its SLA drop.', fields: [
    ['penalty.amount', 'Amount', 'text'], ['penalty.currency', 'Currency', 'text'],
    ['penalty.slaTiersDropped', 'SLA tiers dropped', 'number'], ['penalty.duration', 'For how long', 'text']]},
];

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function get(doc, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), doc);
}

function set(doc, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const parent = keys.reduce((o, k) => (o[k] = o[k] && typeof o[k] === 'object' ? o[k] : {}), doc);
  parent[last] = value;
}

function fieldId(path) {
  return `field-${path.replaceAll('.', '-')}`;
}

export async function renderPolicy(main) {
  let loaded = null;
  const notices = el('div', {id: 'policy-notices'});
  const form = el('form', {id: 'policy-form', novalidate: true});
  const order = el('ol', {class: 'order', id: 'policy-client-order'});
  const version = el('code', {id: 'policy-version'});
  const save = el('button', {type: 'submit', id: 'policy-save'}, 'Save policy');

  const rows = new Map();
  for (const section of SECTIONS) {
    form.append(el('fieldset', {}, el('legend', {}, section.title),
      section.hint ? el('div', {class: 'hint muted'}, section.hint) : null,
      section.fields.map(([path, label, kind]) => {
        const input = el('input', {id: fieldId(path), name: path, type: 'text', inputmode: kind === 'number' ? 'decimal' : null,
          autocomplete: 'off', 'aria-describedby': `${fieldId(path)}-error`});
        const error = el('span', {class: 'error', id: `${fieldId(path)}-error`, 'aria-live': 'polite'});
        const row = el('div', {class: 'field', 'data-field': path}, el('label', {for: fieldId(path)}, label), input, error);
        rows.set(path, {row, input, error, kind});
        return row;
      })));
  }
  form.append(el('div', {class: 'toolbar'}, save,
    el('button', {type: 'button', class: 'secondary', onclick: () => load()}, 'Discard changes')));

  function clearErrors() {
    notices.replaceChildren();
    for (const {row, error} of rows.values()) {
      row.classList.remove('invalid');
      error.textContent = '';
    }
  }

  function fill(policy) {
    loaded = policy;
    version.textContent = policy.version;
    for (const [path, {input}] of rows) {
      const value = get(policy, path);
      input.value = value === undefined || value === null ? '' : String(value);
    }
  }

  async function load() {
    clearErrors();
    fill(await read('/v1/policy'));
  }

  async function showOrder() {
    const clients = await clientsByCvs();
    order.replaceChildren(...clients.map(c => el('li', {'data-client-id': c.clientId}, c.clientId, ' ',
      el('span', {class: 'muted'}, num(c.cvs)))));
  }

  function showErrors(errors) {
    const unplaced = [];
    for (const e of errors) {
      const target = rows.get(e.field);
      if (target) {
        target.row.classList.add('invalid');
        target.error.textContent = target.error.textContent ? `${target.error.textContent}; ${e.message}` : e.message;
      } else {
        unplaced.push(e);
      }
    }
    notices.append(alert('error', 'Nothing was saved: the server refused the policy. Correct the fields marked below.',
      unplaced.length ? el('ul', {}, unplaced.map(e => el('li', {}, `${e.field || 'policy'}: ${e.message}`))) : null));
    rows.get(errors.find(e => rows.has(e.field))?.field)?.input.focus();
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    const doc = structuredClone(loaded);
    for (const [path, {input, kind}] of rows) {
      const text = input.value.trim();
      set(doc, path, kind === 'number' && NUMBER.test(text) ? Number(text) : text);
    }
    await busy(save, async () => {
      const answer = await api('/v1/policy', {method: 'PUT', body: JSON.stringify(doc),
        headers: {'Content-Type': 'application/json', 'If-Match': `"${loaded.version}"`, Accept: 'application/json'}});
      if (answer.status === 200) {
        fill(answer.body);
        notices.replaceChildren(alert('ok', `Saved: version ${answer.body.version} is in force; ` +
          `${answer.body.rescored ?? 'all'} clients re-scored.`));
        await showOrder();
      } else if (answer.status === 422) {
        showErrors(answer.body.errors || []);
      } else if (answer.status === 412) {
        notices.replaceChildren(alert('warn', `Someone changed the policy after you opened it: version ` +
          `${answer.body.version} is now in force. Nothing was saved, so their change is not overwritten. ` +
          'Reload to see it, then make your change again.',
        el('button', {type: 'button', class: 'secondary', id: 'policy-reload', onclick: () => load()}, 'Reload the policy')));
      } else {
        notices.replaceChildren(alert('error', `Not saved: ${failure(answer)}`));
      }
    });
  }
  form.addEventListener('submit', submit);

  show(main, el('h2', {}, 'Policy'),
    el('p', {class: 'muted'}, 'Editing version ', version, '. Saving applies it on every member and re-scores every client.'),
    notices,
    el('div', {class: 'columns'}, form,
      el('aside', {class: 'panel'}, el('h3', {}, 'Client order'), el('p', {class: 'muted'}, 'Lowest CVS first.'), order)));
  await load();
  await showOrder();
}
