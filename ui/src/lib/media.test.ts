import { describe, expect, it } from 'vitest';
import { initials } from './media';

// Fictional names.
describe('initials', () => {
  it('takes the first and last words, in any script', () => {
    expect(initials('Aram Exemple')).toBe('AE');
    expect(initials('  aram   de exemple ')).toBe('AE');
    expect(initials('Արամ Օրինակ')).toBe('ԱՕ');
    expect(initials('Арам')).toBe('А');
  });

  it('leaves out words in brackets or quotes, keeps numbers', () => {
    expect(initials('Vardan Corbeille-Test (fictif)')).toBe('VC');
    expect(initials('Personne 12')).toBe('P1');
    expect(initials('« Aram » Exemple')).toBe('AE');
  });

  it('shows a question mark when no word begins with a letter', () => {
    expect(initials('')).toBe('?');
    expect(initials('(fictif) « »')).toBe('?');
  });
});
