type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) child.forEach((c) => append(parent, c));
  else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

/**
 * A tiny hyperscript: h('button', { class: 'btn', onclick: fn, 'aria-label': '…' }, 'text').
 * `on*` props become listeners, `value`/`checked`/`disabled` are properties, `false`/`null`/`undefined` skip.
 * Text always goes in as text nodes: nothing from the server or the host is parsed as HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'value' || key === 'checked' || key === 'disabled') (el as unknown as Props)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  children.forEach((c) => append(el, c));
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** How long an announcement stays in the live region: long enough to be read out, not to go stale. */
const ANNOUNCEMENT_MS = 5_000;
let announcing: ReturnType<typeof setTimeout>[] = [];

/**
 * Politely tells screen-reader users what just happened (added to cart, creating the order…). The text
 * leaves the page again after a few seconds, and an empty text clears it at once: «Создаём заказ…» or
 * «Количество изменено…» must not linger after what they described has passed.
 */
export function announce(text: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  announcing.forEach(clearTimeout);
  live.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages too.
  announcing = text
    ? [setTimeout(() => (live.textContent = text), 30), setTimeout(() => (live.textContent = ''), ANNOUNCEMENT_MS)]
    : [];
}
