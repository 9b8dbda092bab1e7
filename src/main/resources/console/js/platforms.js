// Platforms: capacity, allocated and free, instances by kind, and predicted contention.
import {el, show, svg, read, num, badge} from './dom.js';

function meter(label, used, capacity, projected) {
  const width = 300;
  const height = 14;
  const share = capacity > 0 ? Math.min(1, used / capacity) : 0;
  const bar = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${label} ${num(used, 1)} of ${num(capacity, 1)}`},
  svg('rect', {x: 0, y: 0, width, height, rx: 2, fill: '#e4f4e8'}),
  svg('rect', {x: 0, y: 0, width: share * width, height, rx: 2, fill: share > 0.9 ? '#e15759' : '#4e79a7'}));
  if (projected !== undefined && capacity > 0) {
    const at = Math.min(width - 1, Math.max(1, projected / capacity * width));
    bar.append(svg('line', {x1: at, x2: at, y1: 0, y2: height, stroke: '#9a6700', 'stroke-width': 2, 'stroke-dasharray': '3 2'},
      svg('title', {}, `projected ${num(projected, 1)}`)));
  }
  return el('div', {class: 'meter'},
    el('div', {class: 'meter-label'}, el('span', {}, label),
      el('span', {}, `${num(used, 1)} allocated · ${num(capacity - used, 1)} free · ${num(capacity, 1)} capacity`)),
    bar);
}

function card(p, forecast) {
  const predicted = forecast && forecast.contentionPredicted;
  return el('section', {class: 'panel', 'data-platform-id': p.platformId},
    el('h3', {}, p.platformId, ' ', predicted ? badge('contention predicted', 'status-terminated') : null),
    el('div', {class: 'muted'}, `${p.datacentre} · ${p.zone}`),
    meter('CPU (cores)', p.allocated.cpu, p.capacity.cpu, forecast ? forecast.projected.cpu : undefined),
    meter('Memory (GiB)', p.allocated.memoryGiB, p.capacity.memoryGiB, forecast ? forecast.projected.memoryGiB : undefined),
    el('dl', {class: 'kv'},
      el('dt', {}, 'Interruptible'), el('dd', {}, p.instances.interruptible),
      el('dt', {}, 'Uninterruptible'), el('dd', {}, p.instances.uninterruptible),
      el('dt', {}, 'Forecast'), el('dd', {class: predicted ? 'contention' : null}, forecast
        ? `over ${forecast.horizon}: ${Math.round(100 * Math.max(forecast.share.cpu, forecast.share.memoryGiB))}% of capacity ` +
          `(threshold ${Math.round(100 * forecast.threshold)}%)${predicted ? ' — contention predicted' : ''}`
        : 'not available')));
}

export async function renderPlatforms(main) {
  const cards = el('div', {class: 'grid', id: 'platform-list'});
  async function refresh() {
    const {platforms} = await read('/v1/platforms');
    const forecasts = await Promise.all(platforms.map(p =>
      read(`/v1/platforms/${encodeURIComponent(p.platformId)}/forecast`).catch(() => null)));
    cards.replaceChildren(...(platforms.length ? platforms.map((p, i) => card(p, forecasts[i]))
      : [el('p', {class: 'muted'}, 'No platforms registered yet.')]));
  }
  show(main, el('h2', {}, 'Platforms'),
    el('p', {class: 'muted'}, 'Allocated counts instances running, stopping or migrating. ' +
      'The dashed tick is the projected use over the forecast horizon.'),
    el('div', {class: 'toolbar'}, el('button', {class: 'secondary', onclick: () => refresh()}, 'Refresh')),
    cards);
  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 5000);
  return () => clearInterval(timer);
}
