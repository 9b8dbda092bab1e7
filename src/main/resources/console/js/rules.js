// The rule files in force, and reloading them: compile errors named by file and line.
import {el, show, api, read, time, table, alert, busy, failure} from './dom.js';

export async function renderRules(main) {
  const summary = el('div', {class: 'panel', id: 'rules-summary'});
  const files = el('div', {id: 'rule-files'});
  const result = el('div', {id: 'reload-result'});
  const reloadButton = el('button', {id: 'rules-reload'}, 'Reload rules');

  function display(rules) {
    summary.replaceChildren(el('dl', {class: 'kv'},
      el('dt', {}, 'Revision'), el('dd', {}, el('code', {id: 'rules-revision'}, rules.revision)),
      el('dt', {}, 'Loaded'), el('dd', {}, time(rules.loadedAt))));
    files.replaceChildren(table(['File', 'Loaded'], rules.files.map(f =>
      el('tr', {'data-file': f.name}, el('td', {}, el('code', {}, f.name)), el('td', {}, time(f.loadedAt))))));
  }

  async function reload() {
    result.replaceChildren(el('p', {class: 'muted'}, 'Compiling…'));
    await busy(reloadButton, async () => {
      const answer = await api('/v1/rules/reload', {method: 'POST'});
      if (answer.status === 200) {
        display(answer.body);
        result.replaceChildren(alert('ok', answer.body.changed
          ? `Reloaded: revision ${answer.body.revision} is in force; every client is re-scored.`
          : `Reloaded: the rules are unchanged (revision ${answer.body.revision}).`));
      } else if (answer.status === 422) {
        display(answer.body.inForce);
        result.replaceChildren(alert('error', 'The rules do not compile. The rules in force stay: revision ',
          el('code', {}, answer.body.inForce.revision), '.'),
        table(['File', 'Line', 'Problem'], answer.body.errors.map(e => el('tr', {},
          el('td', {}, el('code', {}, e.file || '—')), el('td', {class: 'num'}, e.line ?? '—'),
          el('td', {}, e.message))), {id: 'rule-errors'}));
      } else {
        result.replaceChildren(alert('error', `Reload failed: ${failure(answer)}`));
      }
    });
  }
  reloadButton.addEventListener('click', reload);

  show(main, el('h2', {}, 'Rules'),
    el('p', {class: 'muted'}, 'The rule files under rules/. A saved file is picked up within seconds; ' +
      'reload to compile them now.'),
    el('div', {class: 'toolbar'}, reloadButton), result, summary, files);
  display(await read('/v1/rules'));
}
