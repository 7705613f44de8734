import { describe, expect, it } from 'vitest';
import { parseContent } from './content';

describe('document content', () => {
  it('reads parameter rules from a schema 2.2 document and its steps', () => {
    const c = parseContent(JSON.stringify({
      schemaVersion: '2.2', description: 'Restart a service',
      parameters: {
        ServiceName: { type: 'String', allowedValues: ['nginx', 'sshd'], description: 'Which' },
        commands: { type: 'StringList', displayType: 'textarea', minItems: 1 },
        Lines: { type: 'Integer', default: 100 },
        Verbose: { type: 'Boolean', default: false },
        extra: { type: 'StringMap', default: { a: 'b' } },
      },
      mainSteps: [{ action: 'aws:runShellScript', name: 'restart' }],
    }))!;
    expect(c.steps).toEqual(['restart']);
    expect(c.description).toBe('Restart a service');
    const byName = Object.fromEntries(c.parameters.map((x) => [x.name, x]));
    expect(byName.ServiceName).toMatchObject({ required: true, default: null, allowedValues: ['nginx', 'sshd'] });
    expect(byName.commands).toMatchObject({ type: 'StringList', displayType: 'textarea', minItems: 1, required: true });
    expect(byName.Lines).toMatchObject({ default: ['100'], required: false });
    expect(byName.Verbose.default).toEqual(['false']);
    expect(byName.extra.default).toEqual(['{"a":"b"}']);
  });

  it('reads schema 1.2 plugins, and gives up quietly on what it cannot read', () => {
    expect(parseContent(JSON.stringify({ schemaVersion: '1.2', parameters: {}, runtimeConfig: { 'aws:runShellScript': {} } }))!.steps).toEqual(['aws:runShellScript']);
    expect(parseContent('not json')).toBeNull();
    expect(parseContent(undefined)).toBeNull();
  });
});
