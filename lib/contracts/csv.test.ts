import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes separators, quotes and newlines, and leaves empty cells for null', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [null, 'two\nlines']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"two\nlines"\r\n');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['-5'], ['@cmd'], [-3]])).toBe('v\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n\'@cmd\r\n-3\r\n');
  });
});
