// The Invoicebox parent window, emulated (miniapp-sdk reference §2, §8). It:
// - generates the channel id and loads the mini-app at src?id=…, with its listener attached BEFORE iframe.src is set
//   (SDK v4 sends init once and never retries);
// - accepts only messages whose source is the iframe and whose id is the channel id;
// - answers every init; follows height; handles done/error/link/unavailable/checkout; logs unknown actions and ignores them;
// - records every message in and out in <ol id="message-log"> and window.emulator.log for tests.
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('emulator-config').textContent);
  const $ = (id) => document.getElementById(id);
  const iframe = $('miniapp');
  const messageLog = $('message-log');
  const ignoredLog = $('ignored-log');
  const channelId = 'ibx-' + (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  const miniAppOrigin = new URL(config.src).origin;
  const initData = config.init;
  let protocolVersion = null;

  const emulator = {
    channelId,
    config,
    log: [],       // every handled message: {direction: 'in'|'out', message, at, note?}
    ignored: [],   // messages dropped by the source/id checks: {reason, data, origin, at}
    done: [],      // data of every done message, including null
    toasts: [],
    get protocolVersion() { return protocolVersion; },
    sendPaymentResult,
    sendUpdateData,
    refreshInvoice,
  };
  window.emulator = emulator;
  $('channel-id').textContent = channelId;

  function record(direction, message, note) {
    const entry = { direction, message, at: new Date().toISOString() };
    if (note) entry.note = note;
    emulator.log.push(entry);
    const item = document.createElement('li');
    item.dataset.direction = direction;
    if (message && typeof message.action === 'string') item.dataset.action = message.action;
    if (note) item.dataset.note = note;
    item.textContent = JSON.stringify(message);
    item.title = `${direction}${note ? ' · ' + note : ''} · ${entry.at}`;
    messageLog.appendChild(item);
  }

  function ignore(reason, data, origin) {
    emulator.ignored.push({ reason, data, origin, at: new Date().toISOString() });
    const item = document.createElement('li');
    item.dataset.reason = reason;
    let text;
    try { text = JSON.stringify(data); } catch { text = String(data); }
    item.textContent = `${reason}: ${text}`;
    ignoredLog.appendChild(item);
  }

  function send(message) {
    iframe.contentWindow.postMessage(message, miniAppOrigin);
    record('out', message);
  }

  function toast(text, kind) {
    emulator.toasts.push({ text, kind: kind || 'info' });
    const element = document.createElement('div');
    element.className = 'toast' + (kind ? ' ' + kind : '');
    element.setAttribute('role', 'status');
    element.textContent = text;
    $('toasts').appendChild(element);
    setTimeout(() => element.remove(), 6000);
  }

  window.addEventListener('message', (event) => {
    if (event.source !== iframe.contentWindow) return ignore('source is not the mini-app frame', event.data, event.origin);
    let data = event.data;
    if (typeof data === 'string') {
      // React Native WebView sends JSON strings; accept them here too.
      try { data = JSON.parse(data); } catch { return ignore('not JSON', event.data, event.origin); }
    }
    if (!data || typeof data !== 'object') return ignore('not an object', data, event.origin);
    if (data.id !== channelId) return ignore('wrong id', data, event.origin);
    handle(data);
  });

  function handle(message) {
    switch (message.action) {
      case 'init': {
        record('in', message);
        protocolVersion = typeof message.version === 'number' && message.version >= 2 ? message.version : 1;
        $('protocol-version').textContent = String(protocolVersion);
        $('update-data').disabled = protocolVersion < 2;
        send({ id: channelId, action: 'init', data: initData });
        return;
      }
      case 'height': {
        const height = Number(message.data);
        if (initData.public.fullHeight) return record('in', message, 'ignored: fullHeight');
        if (!Number.isFinite(height) || height <= 0) return record('in', message, 'ignored: not a positive number');
        record('in', message);
        iframe.style.height = `${Math.ceil(height)}px`;
        return;
      }
      case 'done': {
        record('in', message);
        emulator.done.push(message.data ?? null);
        return onDone(message.data ?? null);
      }
      case 'error': {
        record('in', message);
        toast(typeof message.data === 'string' && message.data ? message.data : 'Что-то пошло не так', 'error');
        return;
      }
      case 'link': {
        record('in', message);
        if (typeof message.data === 'string') window.open(message.data, '_blank', 'noopener');
        return;
      }
      case 'unavailable': {
        record('in', message);
        iframe.hidden = true;
        $('miniapp-closed').hidden = true;
        $('unavailable').hidden = false;
        return;
      }
      case 'checkout': {
        record('in', message);
        if (typeof message.data === 'string') window.open(message.data, '_blank');
        toast('Оплата открыта в новой вкладке; результат — кнопками paymentResult');
        return;
      }
      default:
        record('in', message, 'ignored: unknown action');
    }
  }

  function isPaymentUrl(url) {
    try { return /\/order\/[0-9a-f-]{36}\/?$/i.test(new URL(url, location.href).pathname); } catch { return false; }
  }

  function onDone(url) {
    if (url === null) {
      toast('Заказ создан; оплата вне Инвойсбокса (done(null))');
      if (config.mode === 'suborder') closeMiniApp();
      return;
    }
    if (config.mode === 'order') {
      if (!isPaymentUrl(url)) return toast(`done: это не ссылка на оплату: ${url}`, 'error');
      if (config.navigate) window.location.assign(url);
      else toast(`done: переход к оплате ${url}`);
      return;
    }
    refreshInvoice();
    closeMiniApp();
  }

  function closeMiniApp() {
    iframe.hidden = true;
    $('miniapp-closed').hidden = false;
  }

  function open() {
    iframe.hidden = false;
    $('miniapp-closed').hidden = true;
    $('unavailable').hidden = true;
    const url = new URL(config.src);
    url.searchParams.set('id', channelId);
    iframe.src = url.toString();
  }

  function sendPaymentResult(status) {
    send({ id: channelId, action: 'paymentResult', data: status });
  }

  function sendUpdateData(patch) {
    if (protocolVersion === null || protocolVersion < 2) {
      toast('updateData только для протокола версии 2', 'error');
      return false;
    }
    const data = { public: { ...initData.public, ...(patch && patch.public) }, private: { ...initData.private, ...(patch && patch.private) } };
    send({ id: channelId, action: 'updateData', data });
    return true;
  }

  const money = (value) => new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value) + '\u00a0₽';
  const statusText = { created: '', completed: 'оплачен', canceled: 'отменён', expired: 'истёк', hold: 'заблокирован' };

  async function refreshInvoice() {
    if (!config.containerId) return null;
    const response = await fetch(`/_emulator/containers/${encodeURIComponent(config.containerId)}`, { cache: 'no-store' });
    if (!response.ok) return null;
    const container = await response.json();
    const list = $('invoice-orders');
    list.replaceChildren();
    for (const order of container.orders) {
      const block = document.createElement('div');
      block.className = 'order';
      block.dataset.orderId = order.id;
      const header = document.createElement('header');
      const name = document.createElement('span');
      name.className = 'merchant';
      name.textContent = order.merchantName || order.merchantId;
      const sum = document.createElement('span');
      sum.textContent = money(order.amount) + (statusText[order.status] ? ` · ${statusText[order.status]}` : '');
      header.append(name, sum);
      const lines = document.createElement('ul');
      for (const line of order.lines) {
        const item = document.createElement('li');
        const label = document.createElement('span');
        label.textContent = `${line.name} × ${line.quantity}`;
        const total = document.createElement('span');
        total.textContent = money(line.totalAmount);
        item.append(label, total);
        lines.appendChild(item);
      }
      block.append(header, lines);
      list.appendChild(block);
    }
    $('invoice-id').textContent = container.id;
    $('invoice-total').textContent = money(container.payableTotal);
    $('invoice-pay').href = container.paymentUrl;
    $('invoice').hidden = false;
    $('invoice').dataset.orderCount = String(container.orders.length);
    return container;
  }

  for (const button of document.querySelectorAll('[data-payment-result]'))
    button.addEventListener('click', () => sendPaymentResult(button.dataset.paymentResult));
  $('update-data').addEventListener('click', () => sendUpdateData());
  $('reopen').addEventListener('click', open);
  if (initData.public.fullHeight) iframe.classList.add('full-height');

  refreshInvoice();
  open();
})();
