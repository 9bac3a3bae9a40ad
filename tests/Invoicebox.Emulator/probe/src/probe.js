// The probe: a minimal mini-app that exercises every message of the real SDK (4.0.0-alpha.20) against a parent window.
// Actions alpha.20 does not know (checkout, the v2 init) are posted by hand in the SDK's own envelope.
import { invoiceboxMinapp } from '@invoicebox/minapp-sdk';

const $ = (id) => document.getElementById(id);
const channelId = new URL(window.location.href).searchParams.get('id');
const probe = { initData: null, received: [], sent: [] };
window.probe = probe;

$('channel-id').textContent = channelId ?? '(нет ?id=)';

// Everything the parent sends, as the page saw it (the SDK itself keeps only init).
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.id !== channelId) return;
  probe.received.push(data);
  const item = document.createElement('li');
  item.textContent = JSON.stringify(data);
  $('received').appendChild(item);
});

const send = (name, fn) => {
  probe.sent.push(name);
  fn();
};
const raw = (message) => window.parent.postMessage({ id: channelId, ...message }, '*');

invoiceboxMinapp.connect();
$('status').textContent = 'подключено';

invoiceboxMinapp.getInitialData().then(async (data) => {
  probe.initData = data;
  $('init-data').textContent = JSON.stringify(data, null, 2);
  $('status').textContent = `init получен: ${data.minappType}`;
  const iata = await invoiceboxMinapp.getMetaDataValues('iataCode');
  $('meta-iata').textContent = iata.length ? iata.join(', ') : 'нет';
  if (!data.fullHeight) {
    reportHeight();
    new ResizeObserver(reportHeight).observe(document.body);
  }
});

let lastHeight = 0;
function reportHeight() {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height === lastHeight) return;
  lastHeight = height;
  invoiceboxMinapp.onHeightChange(height);
}

const doneUrl = () => $('done-url').value.trim() || null;

$('add-order').addEventListener('click', async () => {
  const containerId = probe.initData?.minappType === 'suborder' ? probe.initData.orderContainerId : null;
  const response = await fetch('/_emulator/probe/order', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ containerId }),
  });
  const reply = await response.json();
  if (!response.ok) {
    send('error', () => invoiceboxMinapp.onError(reply?.error?.message ?? 'Не удалось создать заказ'));
    return;
  }
  $('done-url').value = reply.paymentUrl;
  send('done', () => invoiceboxMinapp.onDone(reply.paymentUrl));
});
$('done').addEventListener('click', () => send('done', () => invoiceboxMinapp.onDone(doneUrl())));
$('done-null').addEventListener('click', () => send('done', () => invoiceboxMinapp.onDone(null)));
$('checkout').addEventListener('click', () => send('checkout', () => raw({ action: 'checkout', data: doneUrl() })));
$('error').addEventListener('click', () => send('error', () => invoiceboxMinapp.onError($('error-message').value.trim())));
$('unavailable').addEventListener('click', () => send('unavailable', () => invoiceboxMinapp.onUnavailable()));
$('link').addEventListener('click', () => send('link', () => invoiceboxMinapp.onLink(`${window.location.origin}/_emulator/`)));
$('init-v2').addEventListener('click', () => send('init', () => raw({ action: 'init', version: 2 })));
$('grow').addEventListener('click', () => {
  const block = document.createElement('div');
  $('filler').appendChild(block);
});
$('shrink').addEventListener('click', () => $('filler').lastElementChild?.remove());
