import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accessibleAccent, contrast, DEFAULT_ACCENT } from '../src/ui/theme';
import { HeightDeduper, isExternalHref } from '../src/host/layout';

describe('accent colours stay readable (WCAG 4.5:1)', () => {
  it('the default blue carries white text and works as text on white', () => {
    const a = accessibleAccent(null);
    expect(a.accent).toBe(DEFAULT_ACCENT);
    expect(contrast(a.accent, a.onAccent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(a.accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it.each(['#fad247', '#ffffff', '#00ff00', '#777777', '#e30613', '#000000', '#0a7d4f', 'nonsense', '#abc'])('brand %s', (brand) => {
    const a = accessibleAccent(brand);
    expect(contrast(a.accent, a.onAccent)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(a.accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
  it('a light brand keeps its colour and gets dark text', () => {
    expect(accessibleAccent('#fad247')).toMatchObject({ accent: '#fad247', onAccent: '#1d2329' });
  });
  it('the palette in index.html meets 4.5:1 for text on white and on the page background', () => {
    const html = readFileSync(fileURLToPath(new URL('../index.html', import.meta.url)), 'utf8');
    const v = (name: string) => new RegExp(`--${name}:(#[0-9a-f]{6})`, 'i').exec(html)![1];
    for (const fg of ['ink', 'muted', 'error', 'accent-text']) {
      expect(contrast(v(fg), v('card')), `${fg} on card`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(v(fg), v('bg')), `${fg} on bg`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#ffffff', v('ok'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', v('error'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('layout helpers', () => {
  it('height messages are whole pixels and deduplicated', () => {
    const d = new HeightDeduper();
    expect(d.next(520.2)).toBe(521);
    expect(d.next(520.9)).toBeNull();
    expect(d.next(0)).toBeNull();
    expect(d.next(700)).toBe(700);
    expect(d.next(521)).toBe(521);
  });
  it('only http(s) links to another origin go through onLink', () => {
    const own = 'https://shop.example';
    expect(isExternalHref('https://example.org/offer', own)).toBe(true);
    expect(isExternalHref('http://shop.example/x', own)).toBe(true); // other scheme = other origin
    expect(isExternalHref('/m/1/result/x', own)).toBe(false);
    expect(isExternalHref('https://shop.example/a', own)).toBe(false);
    expect(isExternalHref('mailto:a@b.ru', own)).toBe(false);
    expect(isExternalHref('javascript:alert(1)', own)).toBe(false);
  });
});
