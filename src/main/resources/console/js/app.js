// The console's router: #/view[/id] picks a view; a view may answer a function that stops its
// timers or feeds when the operator leaves it.
import {el, alert} from './dom.js';
import {renderClients, renderClient} from './clients.js';
import {renderPlatforms} from './platforms.js';
import {renderDecisions, renderDecision} from './decisions.js';
import {renderPolicy} from './policy.js';
import {renderRules} from './rules.js';

const VIEWS = {
  clients: (main, id) => (id ? renderClient(main, id) : renderClients(main)),
  platforms: main => renderPlatforms(main),
  decisions: (main, id) => (id ? renderDecision(main, id) : renderDecisions(main)),
  policy: main => renderPolicy(main),
  rules: main => renderRules(main),
};

let leave = null;
let shown = 0;

async function route() {
  const turn = ++shown;
  const [, name = 'clients', id] = location.hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  const view = VIEWS[name] ? name : 'clients';
  if (leave) {
    leave();
    leave = null;
  }
  for (const link of document.querySelectorAll('nav a')) {
    link.classList.toggle('active', link.dataset.view === view);
  }
  const main = document.getElementById('view');
  main.dataset.view = view;
  delete main.dataset.ready;
  main.replaceChildren(el('p', {class: 'muted'}, 'Loading…'));
  try {
    const stop = await VIEWS[view](main, id ? decodeURIComponent(id) : null);
    if (turn !== shown) {
      if (typeof stop === 'function') stop();
      return;
    }
    leave = typeof stop === 'function' ? stop : null;
    main.dataset.ready = 'true';
  } catch (e) {
    if (turn === shown) main.replaceChildren(alert('error', `Could not load this view: ${e.message}`));
  }
}

window.addEventListener('hashchange', route);
route();
