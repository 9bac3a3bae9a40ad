import { parseRoute } from './routing';
import { ShopApp } from './shop/shopApp';
import { startResultPage } from './result/resultPage';
import { getShell, show } from './ui/shell';
import { h } from './ui/dom';
import { translator, chooseLocale } from './i18n';

const route = parseRoute(location.pathname, location.search);
if (route.kind === 'shop') {
  void new ShopApp(route.posId).start();
} else if (route.kind === 'result') {
  startResultPage(route);
} else {
  const t = translator(chooseLocale(navigator.language));
  show(getShell(), h('section', { class: 'card status-card' }, h('h2', { class: 'screen-title' }, t('error.badRoute'))), null, { name: 'error' });
}
