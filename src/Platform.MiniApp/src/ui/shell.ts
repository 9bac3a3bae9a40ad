import { announce, clear } from './dom';
import { accessibleAccent } from './theme';

/** The static frame from index.html: header, the screen area, the action bar, the footer. */
export interface Shell {
  app: HTMLElement;
  top: HTMLElement;
  view: HTMLElement;
  bar: HTMLElement;
  foot: HTMLElement;
}

export function getShell(): Shell {
  const get = (id: string) => document.getElementById(id) as HTMLElement;
  return { app: get('app'), top: get('top'), view: get('view'), bar: get('bar'), foot: get('foot') };
}

export interface ShowOptions {
  /** Move focus to the new screen's heading (not on the first render: that would scroll the host page). */
  focus?: boolean;
  /** A key identifying the screen, kept on #app for tests and styles. */
  name: string;
}

/** Swaps the screen and its action bar; restores focus by `data-fk` when the same control still exists. */
export function show(shell: Shell, body: Node, bar: Node | null, o: ShowOptions): void {
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.fk;
  const sameScreen = shell.app.dataset.screen === o.name;
  clear(shell.view);
  clear(shell.bar);
  shell.view.appendChild(body);
  if (bar) shell.bar.appendChild(bar);
  shell.bar.hidden = !bar;
  shell.app.dataset.screen = o.name;
  shell.app.removeAttribute('aria-busy');
  if (!sameScreen) {
    announce(''); // what the last screen announced is over; this one announces its own
    shell.view.scrollTop = 0;
    window.scrollTo(0, 0);
  }
  const again = focusKey ? (shell.app.querySelector(`[data-fk="${CSS.escape(focusKey)}"]`) as HTMLElement | null) : null;
  if (again && !(again as HTMLButtonElement).disabled) again.focus();
  else if (o.focus && !sameScreen) (shell.view.querySelector('.screen-title') as HTMLElement | null)?.focus();
}

export function applyAccent(brandColor: string | null | undefined): void {
  const a = accessibleAccent(brandColor);
  const s = document.documentElement.style;
  s.setProperty('--accent', a.accent);
  s.setProperty('--on-accent', a.onAccent);
  s.setProperty('--accent-text', a.accentText);
}

export function setFullHeight(full: boolean): void {
  document.documentElement.classList.toggle('full', full);
}

export function setLang(locale: string): void {
  document.documentElement.lang = locale;
}

/** The benchmark's "catalog visible and clickable": marked after the frame that shows it was painted. */
export function markCatalogReady(app: HTMLElement): void {
  if (app.dataset.ready) return;
  const mark = () => {
    if (app.dataset.ready) return;
    app.dataset.ready = 'catalog';
    try {
      performance.mark('catalog-ready');
    } catch {
      // performance.mark is missing in some old WebViews.
    }
  };
  // rAF runs before the paint; a message posted from it is handled right after the paint.
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = mark;
    ch.port2.postMessage(null);
  });
  // Hidden iframes get no animation frames: don't let the mark wait forever.
  setTimeout(mark, 500);
}
