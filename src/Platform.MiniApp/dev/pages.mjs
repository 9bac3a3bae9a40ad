// The harness's Invoicebox-like pages. Query parameters of the parent page:
//   pos=1001 mode=order|suborder locale=ru|en fullHeight=true|false name= email= phone= container=<uuid>
//   noinit=1 (never answer init: the app must fall back to standalone), initDelay=<ms>, width=<px|%>, height=<px>, follow=1
export function parentPage(appOrigin) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Invoicebox parent (harness)</title><link rel="icon" href="data:,">
<style>
body{margin:0;font:13px/1.4 system-ui,sans-serif;background:#e9ebf0}
#frame-box{background:#fff}
iframe{display:block;border:0;width:100%}
#panel{padding:8px;display:grid;gap:6px}
#banner{padding:8px;background:#353f47;color:#fff}
#banner:empty{display:none}
#log{font:11px/1.3 monospace;white-space:pre-wrap;max-height:240px;overflow:auto;background:#fff;padding:6px}
button{font:inherit}
</style></head><body>
<div id="banner" role="status"></div>
<div id="frame-box"></div>
<div id="panel">
  <div>
    paymentResult:
    <button onclick="harnessSend('paymentResult','completed')">completed</button>
    <button onclick="harnessSend('paymentResult','pending')">pending</button>
    <button onclick="harnessSend('paymentResult','canceled')">canceled</button>
    <button onclick="harnessSend('updateData', harnessInit({userName:'Пётр Петров', userEmail:'petr@example.ru', userPhone:'+79005554433'}))">updateData</button>
  </div>
  <div id="log"></div>
</div>
<script>
const q = new URLSearchParams(location.search);
const APP = ${JSON.stringify(appOrigin)};
const id = 'harness-' + Math.random().toString(36).slice(2, 10);
const mode = q.get('mode') === 'suborder' ? 'suborder' : 'order';
const fullHeight = q.get('fullHeight') === 'true';
window.harness = { id, messages: [], inits: 0 };
const log = (dir, m) => {
  window.harness.messages.push({ dir, ...m, at: Date.now() });
  document.getElementById('log').textContent += dir + ' ' + JSON.stringify(m) + '\\n';
};
window.harnessInit = (over = {}) => ({
  public: Object.assign({
    minappType: mode,
    ...(mode === 'suborder' ? { orderContainerId: q.get('container') || '6c1f7e0a-3d7b-4f7e-9a55-0f1e2d3c4b5a' } : {}),
    shopId: Number(q.get('pos') || 1001),
    userEmail: q.get('email') ?? 'ivan@example.ru',
    userName: q.get('name') ?? 'Иван Иванов',
    userPhone: q.get('phone') ?? '+79001234567',
    ...(q.get('locale') === '' ? {} : { locale: q.get('locale') || 'ru' }),
    fullHeight,
  }, over),
  private: { metaData: [{ iataCode: 'VKO' }] },
});
const iframe = document.createElement('iframe');
iframe.title = 'Mini-app';
iframe.style.width = q.get('width') || '100%';
iframe.style.height = fullHeight ? (q.get('height') || '740') + 'px' : '150px';
window.harnessSend = (action, data) => {
  const m = { id, action, data };
  log('→', m);
  iframe.contentWindow.postMessage(m, '*');
};
// Listen BEFORE setting src: SDK v4 posts init exactly once.
window.addEventListener('message', (e) => {
  if (e.source !== iframe.contentWindow || !e.data || e.data.id !== id) return;
  const m = e.data;
  log('←', m);
  const banner = document.getElementById('banner');
  switch (m.action) {
    case 'init':
      window.harness.inits++;
      if (q.get('noinit') === '1') return;
      setTimeout(() => window.harnessSend('init', window.harnessInit()), Number(q.get('initDelay') || 0));
      break;
    case 'height':
      if (!fullHeight) iframe.style.height = m.data + 'px';
      break;
    case 'done':
      if (mode === 'suborder') banner.textContent = 'done: invoice refreshed (' + m.data + ')';
      else {
        banner.innerHTML = '';
        const a = document.createElement('a'); a.href = m.data; a.textContent = 'done → payment page'; a.style.color = '#fff'; a.id = 'pay-link';
        banner.append(a);
        if (q.get('follow') === '1') setTimeout(() => (location.href = m.data), 200);
      }
      break;
    case 'error':
      banner.textContent = 'error toast: ' + (m.data || 'Что-то пошло не так');
      break;
    case 'link':
      banner.textContent = 'link opened: ' + m.data;
      break;
    case 'unavailable':
      iframe.style.display = 'none';
      banner.textContent = 'unavailable: mini-app hidden';
      break;
  }
});
iframe.src = APP + '/m/' + (q.get('pos') || 1001) + '/?id=' + encodeURIComponent(id);
document.getElementById('frame-box').append(iframe);
</script></body></html>`;
}

export function payPage(url, order) {
  const base = url.pathname + url.search;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Оплата (fake)</title><style>body{font:15px system-ui,sans-serif;margin:24px}a{display:block;margin:12px 0}</style></head><body>
<h1>Fake Invoicebox payment page</h1>
<p>${order ? `Заказ № ${order.number}, ${(order.amount / 100).toFixed(2)} ₽` : 'Unknown order'}</p>
<a id="pay" href="${base}&result=paid">Оплатить (success)</a>
<a id="fail" href="${base}&result=fail">Отказ банка (fail)</a>
</body></html>`;
}
