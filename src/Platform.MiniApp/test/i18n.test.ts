import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, ru } from '../src/i18n/messages';
import { translator } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('i18n completeness', () => {
  it('every key exists in both locales, non-empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const [k, v] of Object.entries(ru)) expect(v.trim(), `ru ${k}`).not.toBe('');
    for (const [k, v] of Object.entries(en)) expect(v.trim(), `en ${k}`).not.toBe('');
  });
  it('both locales use the same placeholders', () => {
    for (const k of Object.keys(ru) as (keyof typeof ru)[]) expect(placeholders(en[k]), k).toEqual(placeholders(ru[k]));
  });
  it('English texts contain no Cyrillic (nothing left untranslated)', () => {
    for (const [k, v] of Object.entries(en)) expect(/[а-яё]/i.test(v), k).toBe(false);
  });
  it('every key used in the code exists', () => {
    const src = sourceFiles(fileURLToPath(new URL('../src', import.meta.url))).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set([...src.matchAll(/\bt\(\s*'([a-z0-9]+\.[A-Za-z0-9.]+)'/g)].map((m) => m[1]));
    for (const k of used) expect(ru, k).toHaveProperty([k]);
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('ru')('catalog.perUnit', { unit: 'кг' })).toBe('за кг');
    expect(translator('en')('catalog.perUnit', { unit: 'kg' })).toBe('per kg');
    expect(translator('en')('catalog.perUnit')).toBe('per {unit}');
  });
});
