// Hash routes and the "is the person typing?" rule for shortcuts.
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './router';
import { isTypingTarget } from './shortcuts';
import { OKABE_ITO, registerTracks, trackColour } from './tracks';

describe('router', () => {
  it('reads place and date from the hash', () => {
    expect(parseHash('#/today/2025-08-19')).toEqual({ place: 'today', date: '2025-08-19' });
    expect(parseHash('#/calendar')).toEqual({ place: 'calendar', date: null });
    expect(parseHash('#/settings')).toEqual({ place: 'settings', date: null });
    expect(parseHash('')).toEqual({ place: 'today', date: null });
    expect(parseHash('#/nowhere/2025-13-01')).toEqual({ place: 'today', date: null });
  });

  it('writes hashes back', () => {
    expect(formatHash({ place: 'today', date: '2025-08-19' })).toBe('#/today/2025-08-19');
    expect(formatHash({ place: 'portfolio', date: null })).toBe('#/portfolio');
  });
});

describe('isTypingTarget', () => {
  it('treats text fields as typing and checkboxes/buttons as not', () => {
    const el = (html: string) => {
      const div = document.createElement('div');
      div.innerHTML = html;
      return div.firstElementChild;
    };
    expect(isTypingTarget(el('<input type="number">'))).toBe(true);
    expect(isTypingTarget(el('<input type="time">'))).toBe(true);
    expect(isTypingTarget(el('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(el('<select></select>'))).toBe(true);
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button></button>'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});

describe('track colours', () => {
  it('gives tracks Okabe–Ito colours in plan order, stable on repeat', () => {
    registerTracks(['de', 'dsa']);
    expect(trackColour('de')).toBe(OKABE_ITO[0]);
    expect(trackColour('dsa')).toBe(OKABE_ITO[1]);
    expect(trackColour('ml')).toBe(OKABE_ITO[2]);
    expect(trackColour('de')).toBe(OKABE_ITO[0]);
  });
});
