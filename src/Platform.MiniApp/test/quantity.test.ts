import { describe, expect, it } from 'vitest';
import {
  canStepUp, decimalsOf, gridOf, normalizeQuantity, onGrid, parseQuantity, stepDown, stepUp, wireQuantity, type UnitRule,
} from '../src/catalog/quantity';

const kg: UnitRule = { fractional: true, step: 0.1, min: 0.3, max: 20 };
const pcs: UnitRule = { fractional: false, step: 1, min: 1, max: 5 };
const hours: UnitRule = { fractional: true, step: 0.5, min: 1, max: 8 };

describe('parseQuantity', () => {
  it('accepts a decimal comma or point, spaces and a bare separator', () => {
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity(' 2 ')).toBe(2);
    expect(parseQuantity(',5')).toBe(0.5);
    expect(parseQuantity('3,')).toBe(3);
    expect(parseQuantity('1\u00a0000')).toBe(1000);
  });
  it('rejects what is not a plain non-negative number', () => {
    for (const bad of ['', 'abc', '-1', '1,2,3', '1e3', '0x10', '½', '1..2']) expect(parseQuantity(bad)).toBeNull();
  });
});

describe('stepping', () => {
  it('goes from nothing to the minimum, then by the step, without float artefacts', () => {
    let q = stepUp(0, kg);
    expect(q).toBe(0.3);
    q = stepUp(q, kg);
    expect(q).toBe(0.4);
    for (let i = 0; i < 7; i++) q = stepUp(q, kg);
    expect(q).toBe(1.1); // never 1.0999999999999999
  });
  it('0.1 + 0.2 lands exactly on 0.3 of the grid', () => {
    expect(stepUp(0.1 + 0.2 - 0.1, { fractional: true, step: 0.1, min: 0.1, max: 1 })).toBe(0.3);
    expect(normalizeQuantity(0.1 + 0.2, kg)).toEqual({ value: 0.3, adjusted: null });
  });
  it('steps down to the minimum and then to 0 (remove)', () => {
    expect(stepDown(0.5, kg)).toBe(0.4);
    expect(stepDown(0.3, kg)).toBe(0);
    expect(stepDown(1, pcs)).toBe(0);
  });
  it('stops at the maximum', () => {
    expect(stepUp(5, pcs)).toBe(5);
    expect(canStepUp(5, pcs)).toBe(false);
    expect(canStepUp(4, pcs)).toBe(true);
    expect(stepUp(7.5, hours)).toBe(8);
  });
  it('off-grid values snap onto the grid when stepped', () => {
    expect(stepUp(1.25, hours)).toBe(1.5);
    expect(stepDown(1.25, hours)).toBe(1);
  });
  it('whole units ignore a fractional step', () => {
    expect(gridOf({ fractional: false, step: 0.5, min: 0.5, max: 3 })).toMatchObject({ decimals: 0, step: 1, min: 1, max: 3 });
  });
});

describe('normalizeQuantity', () => {
  it('clamps to min and max and says so', () => {
    expect(normalizeQuantity(0.1, kg)).toEqual({ value: 0.3, adjusted: 'min' });
    expect(normalizeQuantity(25, kg)).toEqual({ value: 20, adjusted: 'max' });
  });
  it('rounds to the nearest step from the minimum', () => {
    expect(normalizeQuantity(1.25, kg)).toEqual({ value: 1.3, adjusted: 'step' });
    expect(normalizeQuantity(1.2, hours)).toEqual({ value: 1, adjusted: 'step' });
    expect(normalizeQuantity(2.5, pcs)).toEqual({ value: 3, adjusted: 'step' });
  });
  it('leaves valid values alone', () => {
    expect(normalizeQuantity(1.7, kg)).toEqual({ value: 1.7, adjusted: null });
    expect(normalizeQuantity(3, pcs)).toEqual({ value: 3, adjusted: null });
  });
});

describe('decimalsOf', () => {
  it('counts the decimals a step needs', () => {
    expect(decimalsOf(1)).toBe(0);
    expect(decimalsOf(0.1)).toBe(1);
    expect(decimalsOf(0.25)).toBe(2);
    expect(decimalsOf(0.001)).toBe(3);
  });
});

describe('the server\'s step rule: a positive multiple of unit.step, at most unit.max', () => {
  const sqm: UnitRule = { fractional: true, step: 0.01, min: 0.01, max: 100 };
  it('anchors the grid at zero, not at min', () => {
    // A minimum that is not a multiple of the step is rounded up to the next multiple.
    expect(gridOf({ fractional: true, step: 0.1, min: 0.25, max: 20 })).toMatchObject({ scale: 100, step: 10, min: 30 });
    expect(stepUp(0, { fractional: true, step: 0.1, min: 0.25, max: 20 })).toBe(0.3);
    expect(stepUp(0, { fractional: true, step: 0.5, min: 0.7, max: 8 })).toBe(1);
    expect(normalizeQuantity(0.8, { fractional: true, step: 0.5, min: 0.7, max: 8 })).toEqual({ value: 1, adjusted: 'min' });
    expect(normalizeQuantity(1.7, { fractional: true, step: 0.5, min: 0.7, max: 8 })).toEqual({ value: 1.5, adjusted: 'step' });
    // A maximum that is not a multiple of the step is rounded down.
    expect(normalizeQuantity(99, { fractional: true, step: 0.5, min: 0.5, max: 7.8 })).toEqual({ value: 7.5, adjusted: 'max' });
    expect(stepUp(7.5, { fractional: true, step: 0.5, min: 0.5, max: 7.8 })).toBe(7.5);
  });
  it('every value the stepper or the field can produce passes the server\'s check', () => {
    const units: UnitRule[] = [kg, pcs, hours, sqm, { fractional: true, step: 0.1, min: 0.25, max: 3.33 }, { fractional: true, step: 0.001, min: 0.001, max: 2 }];
    for (const u of units) {
      const { step, max } = u;
      let q = 0;
      for (let i = 0; i < 400; i++) {
        q = stepUp(q, u);
        // What JSON.stringify puts on the wire: a plain decimal with ≤ 3 decimals…
        const wire = JSON.stringify(q);
        expect(wire, `${q}`).toMatch(/^\d+(\.\d{1,3})?$/);
        // …that the server (decimal arithmetic) accepts: q > 0, q % step == 0, q ≤ max.
        const scaled = Math.round(Number(wire) * 1000);
        expect(scaled % Math.round(step * 1000), `${wire} on ${step}`).toBe(0);
        expect(Number(wire)).toBeLessThanOrEqual(max);
        expect(onGrid(q, u)).toBe(true);
      }
      for (let typed = 0.0007; typed < max + 2; typed += 0.0731) {
        const { value } = normalizeQuantity(typed, u);
        expect(JSON.stringify(value)).toMatch(/^\d+(\.\d{1,3})?$/);
        expect(onGrid(value, u), `${typed} → ${value}`).toBe(true);
      }
    }
  });
  it('float artefacts become clean decimals on the wire', () => {
    expect(JSON.stringify(wireQuantity(0.1 + 0.2, kg))).toBe('0.3');
    expect(JSON.stringify(wireQuantity(1.1 + 2.2, kg))).toBe('3.3'); // 3.3000000000000003
    expect(JSON.stringify(wireQuantity(0.1 * 3, sqm))).toBe('0.3');
    expect(JSON.stringify(wireQuantity(0.7 + 0.1, sqm))).toBe('0.8'); // 0.7999999999999999
    expect(JSON.stringify(wireQuantity(2.0000000001, pcs))).toBe('2');
  });
  it('onGrid says what the server would say', () => {
    expect(onGrid(0.3, kg)).toBe(true);
    expect(onGrid(0.35, kg)).toBe(false);
    expect(onGrid(1.25, hours)).toBe(false);
    expect(onGrid(1.5, hours)).toBe(true);
    expect(onGrid(9, hours)).toBe(false);
    expect(onGrid(0.1 + 0.2, kg)).toBe(true);
  });
});
