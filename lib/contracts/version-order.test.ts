import { describe, expect, it } from 'vitest';
import { compareToQuery, compareVersions, familyOf, matchesOp, rpmvercmp } from './version-order';

// rpm's own test cases (tests/rpmvercmp.at in rpm-software-management/rpm).
const RPM_CASES: [string, string, number][] = [
  ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0', '1.0', 1], ['2.0.1', '2.0.1', 0], ['2.0', '2.0.1', -1], ['2.0.1', '2.0', 1],
  ['2.0.1a', '2.0.1a', 0], ['2.0.1a', '2.0.1', 1], ['2.0.1', '2.0.1a', -1], ['5.5p1', '5.5p1', 0], ['5.5p1', '5.5p2', -1],
  ['5.5p2', '5.5p1', 1], ['5.5p10', '5.5p10', 0], ['5.5p1', '5.5p10', -1], ['5.5p10', '5.5p1', 1], ['10xyz', '10.1xyz', -1],
  ['10.1xyz', '10xyz', 1], ['xyz10', 'xyz10', 0], ['xyz10', 'xyz10.1', -1], ['xyz10.1', 'xyz10', 1], ['xyz.4', 'xyz.4', 0],
  ['xyz.4', '8', -1], ['8', 'xyz.4', 1], ['xyz.4', '2', -1], ['2', 'xyz.4', 1], ['5.5p2', '5.6p1', -1], ['5.6p1', '5.5p2', 1],
  ['5.6p1', '6.5p1', -1], ['6.5p1', '5.6p1', 1], ['6.0.rc1', '6.0', 1], ['6.0', '6.0.rc1', -1], ['10b2', '10a1', 1],
  ['10a2', '10b2', -1], ['1.0aa', '1.0aa', 0], ['1.0a', '1.0aa', -1], ['1.0aa', '1.0a', 1], ['10.0001', '10.0001', 0],
  ['10.0001', '10.1', 0], ['10.1', '10.0001', 0], ['10.0001', '10.0039', -1], ['10.0039', '10.0001', 1], ['4.999.9', '5.0', -1],
  ['5.0', '4.999.9', 1], ['20101121', '20101121', 0], ['20101121', '20101122', -1], ['20101122', '20101121', 1],
  ['2_0', '2_0', 0], ['2.0', '2_0', 0], ['2_0', '2.0', 0], ['a', 'a', 0], ['a+', 'a+', 0], ['a+', 'a_', 0], ['a_', 'a+', 0],
  ['+a', '+a', 0], ['+a', '_a', 0], ['_a', '+a', 0], ['+_', '+_', 0], ['_+', '+_', 0], ['_+', '_+', 0], ['+', '_', 0],
  ['_', '+', 0], ['1.0~rc1', '1.0~rc1', 0], ['1.0~rc1', '1.0', -1], ['1.0', '1.0~rc1', 1], ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc2', '1.0~rc1', 1], ['1.0~rc1~git123', '1.0~rc1~git123', 0], ['1.0~rc1~git123', '1.0~rc1', -1],
  ['1.0~rc1', '1.0~rc1~git123', 1], ['1.0^', '1.0^', 0], ['1.0^', '1.0', 1], ['1.0', '1.0^', -1], ['1.0^git1', '1.0^git1', 0],
  ['1.0^git1', '1.0', 1], ['1.0', '1.0^git1', -1], ['1.0^git1', '1.0^git2', -1], ['1.0^git2', '1.0^git1', 1],
  ['1.0^git1', '1.01', -1], ['1.01', '1.0^git1', 1], ['1.0^20160101', '1.0^20160101', 0], ['1.0^20160101', '1.0.1', -1],
  ['1.0.1', '1.0^20160101', 1], ['1.0^20160101^git1', '1.0^20160101^git1', 0], ['1.0^20160102', '1.0^20160101^git1', 1],
  ['1.0^20160101^git1', '1.0^20160102', -1], ['1.0~rc1^git1', '1.0~rc1^git1', 0], ['1.0~rc1^git1', '1.0~rc1', 1],
  ['1.0~rc1', '1.0~rc1^git1', -1], ['1.0^git1~pre', '1.0^git1~pre', 0], ['1.0^git1', '1.0^git1~pre', 1],
  ['1.0^git1~pre', '1.0^git1', -1], ['1b.fc17', '1b.fc17', 0], ['1b.fc17', '1.fc17', -1], ['1.fc17', '1b.fc17', 1],
  ['1g.fc17', '1g.fc17', 0], ['1g.fc17', '1.fc17', 1], ['1.fc17', '1g.fc17', -1],
];

describe('rpm ordering', () => {
  it.each(RPM_CASES)('rpmvercmp(%s, %s) = %i', (a, b, want) => {
    expect(rpmvercmp(a, b)).toBe(want);
  });

  it('orders epoch:version-release as rpm does', () => {
    expect(compareVersions('rpm', '1:3.0.8-1.amzn2023.0.14', '1:3.0.8-1.amzn2023.0.16')).toBe(-1);
    expect(compareVersions('rpm', '1:3.0.8-1.amzn2023.0.16', '3.2.2-1.amzn2023.0.1')).toBe(1); // epoch wins
    expect(compareVersions('rpm', '5.14.0-427.13.1.el9_4', '5.14.0-503.11.1.el9_5')).toBe(-1);
    expect(compareVersions('rpm', '3.0.7-25.el9_3', '3.0.7-25.el9_3')).toBe(0);
  });

  it('compares only the parts a query gives', () => {
    expect(compareToQuery('rpm', '1:3.0.8-1.amzn2023.0.14', '3.0.13')).toBe(-1);
    expect(compareToQuery('rpm', '1:3.2.2-1.amzn2023.0.1', '3.0.13')).toBe(1);
    expect(compareToQuery('rpm', '1:3.0.8-1.amzn2023.0.14', '3.0.8')).toBe(0);
    expect(compareToQuery('rpm', '1:3.0.8-1.amzn2023.0.14', '3.0.8-1.amzn2023.0.16')).toBe(-1);
    expect(compareToQuery('rpm', '3.0.8-1.amzn2023.0.14', '1:3.0.8')).toBe(-1); // the query's epoch counts
  });
});

describe('deb ordering', () => {
  it.each([
    ['3.0.2-0ubuntu1.10', '3.0.2-0ubuntu1.9', 1],
    ['1:8.9p1-3ubuntu0.10', '8.9p1-3ubuntu0.11', 1],
    ['8.5.0-2ubuntu10.1~esm1', '8.5.0-2ubuntu10.1', -1],
    ['1.0~rc1', '1.0', -1],
    ['2.35-0ubuntu3.8', '2.35-0ubuntu3.7', 1],
    ['3.0.13-0ubuntu3.1', '3.0.13-0ubuntu3.4', -1],
    ['1.2.3', '1.2.3', 0],
  ] as const)('compare(%s, %s) = %i', (a, b, want) => {
    expect(compareVersions('deb', a, b)).toBe(want);
  });

  it('compares only the parts a query gives', () => {
    expect(compareToQuery('deb', '1:8.9p1-3ubuntu0.10', '9.6')).toBe(-1);
    expect(compareToQuery('deb', '1:8.9p1-3ubuntu0.10', '0:9.6p1')).toBe(1);
    expect(compareToQuery('deb', '3.0.2-0ubuntu1.15', '3.0.13')).toBe(-1);
    expect(compareToQuery('deb', '3.0.2-0ubuntu1.15', '3.0.2-0ubuntu1.18')).toBe(-1);
    expect(compareToQuery('deb', '3.0.13-0ubuntu3.1', '3.0.13')).toBe(0);
  });
});

describe('windows and semver ordering', () => {
  it('orders dotted Windows versions numerically, missing parts as 0', () => {
    expect(compareVersions('windows', '10.0.20348.2340', '10.0.20348.2227')).toBe(1);
    expect(compareVersions('windows', '14.29.30133.0', '14.40.33810.0')).toBe(-1);
    expect(compareVersions('windows', '10.0.17763', '10.0.17763.1')).toBe(-1);
    expect(compareVersions('windows', '10.0.17763.0', '10.0.17763')).toBe(0);
    expect(compareVersions('windows', '9.10', '9.9')).toBe(1); // not string order
  });

  it('orders semver with prereleases', () => {
    expect(compareVersions('semver', '1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('semver', '2.14.1', '2.17.1')).toBe(-1);
    expect(compareVersions('semver', '1.10.0', '1.9.0')).toBe(1);
  });
});

describe('families and operators', () => {
  it('picks the packaging system from the platform', () => {
    expect(familyOf('Linux', 'Amazon Linux')).toBe('rpm');
    expect(familyOf('Linux', 'Red Hat Enterprise Linux')).toBe('rpm');
    expect(familyOf('Linux', 'Ubuntu')).toBe('deb');
    expect(familyOf('Windows', 'Microsoft Windows Server 2022 Datacenter')).toBe('windows');
    expect(familyOf('MacOS', 'macOS')).toBe('semver');
  });

  it('maps comparisons to operators', () => {
    expect([-1, 0, 1].map((c) => matchesOp('lt', c))).toEqual([true, false, false]);
    expect([-1, 0, 1].map((c) => matchesOp('le', c))).toEqual([true, true, false]);
    expect([-1, 0, 1].map((c) => matchesOp('eq', c))).toEqual([false, true, false]);
    expect([-1, 0, 1].map((c) => matchesOp('ge', c))).toEqual([false, true, true]);
    expect([-1, 0, 1].map((c) => matchesOp('gt', c))).toEqual([false, false, true]);
  });
});
