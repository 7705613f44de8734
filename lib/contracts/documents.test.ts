import { describe, expect, it } from 'vitest';
import { checkParameters, parametersToSend, type DocumentParameter } from './documents';

const p = (over: Partial<DocumentParameter> & { name: string }): DocumentParameter => ({
  type: 'String', description: '', default: [''], required: false, allowedValues: null, allowedPattern: null, displayType: null,
  minItems: null, maxItems: null, minChars: null, maxChars: null, ...over,
});

const defs = [
  p({ name: 'commands', type: 'StringList', default: null, required: true, minItems: 1, maxItems: 3, displayType: 'textarea' }),
  p({ name: 'ServiceName', allowedValues: ['nginx', 'sshd'], default: null, required: true }),
  p({ name: 'LogPath', allowedPattern: '^/var/log/[A-Za-z0-9._/-]+$', default: ['/var/log/messages'] }),
  p({ name: 'Lines', type: 'Integer', default: ['100'] }),
  p({ name: 'Verbose', type: 'Boolean', default: ['false'] }),
  p({ name: 'Ticket', minChars: 3, maxChars: 8, default: ['CHG-1'] }),
  p({ name: 'sourceInfo', type: 'StringMap', default: ['{}'] }),
];
const ok = { commands: ['uptime'], ServiceName: ['nginx'] };
const problems = (params: Record<string, string[]>) => checkParameters(defs, params).map((x) => `${x.parameter}:${x.rule}`);

describe('run parameters against the document', () => {
  it('accepts valid parameters, defaults left alone', () => {
    expect(problems(ok)).toEqual([]);
    expect(problems({ ...ok, LogPath: ['/var/log/nginx/error.log'], Lines: ['500'], Verbose: ['true'], sourceInfo: ['{"path":"x"}'] })).toEqual([]);
  });

  it('names the parameter and the rule it breaks', () => {
    expect(problems({ ServiceName: ['nginx'] })).toEqual(['commands:required']);
    expect(problems({ ...ok, ServiceName: ['httpd'] })).toEqual(['ServiceName:allowedValues']);
    expect(problems({ ...ok, LogPath: ['/etc/shadow'] })).toEqual(['LogPath:allowedPattern']);
    expect(problems({ ...ok, Lines: ['ten'] })).toEqual(['Lines:type']);
    expect(problems({ ...ok, Verbose: ['yes'] })).toEqual(['Verbose:type']);
    expect(problems({ ...ok, Ticket: ['CH'] })).toEqual(['Ticket:minChars']);
    expect(problems({ ...ok, Ticket: ['CHG-123456'] })).toEqual(['Ticket:maxChars']);
    expect(problems({ ...ok, commands: ['a', 'b', 'c', 'd'] })).toEqual(['commands:maxItems']);
    expect(problems({ ...ok, sourceInfo: ['[1]'] })).toEqual(['sourceInfo:type']);
    expect(problems({ ...ok, ServiceName: ['nginx', 'sshd'] })).toEqual(['ServiceName:type']);
    expect(problems({ ...ok, Nope: ['x'] })).toEqual(['Nope:unknown']);
    expect(checkParameters(defs, { ...ok, ServiceName: ['httpd'] })[0].message).toBe('ServiceName: value "httpd" is not one of nginx, sshd');
  });

  it('sends what the form holds, without empty optional lists', () => {
    const list = [p({ name: 'extra', type: 'StringList', default: [] })];
    expect(parametersToSend([...defs, ...list], { ...ok, extra: [] })).toEqual(ok);
  });
});
