/**
 * AWS-owned documents that are not Command documents (ListDocuments shows them;
 * SendCommand refuses them): Automation runbooks and Session Manager session documents.
 */
import type { DocumentDef } from './types';

const assumeRole = {
  type: 'String' as const,
  default: '',
  description: '(Optional) The ARN of the role that allows Automation to perform the actions on your behalf.',
};

function instanceRunbook(name: string, description: string, created: number, states: string[]): DocumentDef {
  return {
    name,
    owner: 'Amazon',
    documentType: 'Automation',
    platformTypes: ['Windows', 'Linux', 'MacOS'],
    targetType: '/AWS::EC2::Instance',
    versions: [{
      created,
      description,
      schemaVersion: '0.3',
      extra: { assumeRole: '{{ AutomationAssumeRole }}' },
      parameters: {
        InstanceId: { type: 'StringList', description: `(Required) EC2 Instance(s) to ${description.split(' ')[0].toLowerCase()}` },
        AutomationAssumeRole: assumeRole,
      },
      steps: states.map((state) => ({
        name: `${state === 'running' ? 'start' : 'stop'}Instances`,
        action: 'aws:changeInstanceState',
        inputs: { InstanceIds: '{{ InstanceId }}', DesiredState: state },
      })),
    }],
  };
}

export const RESTART_EC2_INSTANCE = instanceRunbook('AWS-RestartEC2Instance', 'Restart EC2 instances(s)', Date.UTC(2017, 6, 19, 21, 35, 12, 660), ['stopped', 'running']);
export const STOP_EC2_INSTANCE = instanceRunbook('AWS-StopEC2Instance', 'Stop EC2 instances(s)', Date.UTC(2017, 6, 19, 21, 35, 13, 14), ['stopped']);

const PORT = '^([1-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$';
const LOCAL_PORT = '^([0-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$';

export const START_PORT_FORWARDING_SESSION: DocumentDef = {
  name: 'AWS-StartPortForwardingSession',
  owner: 'Amazon',
  documentType: 'Session',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2019, 7, 29, 17, 2, 50, 521),
    description: 'Document to start port forwarding session over Session Manager',
    schemaVersion: '1.0',
    extra: { sessionType: 'Port', properties: { portNumber: '{{ portNumber }}', type: 'LocalPortForwarding', localPortNumber: '{{ localPortNumber }}' } },
    parameters: {
      portNumber: { type: 'String', default: '80', allowedPattern: PORT, description: '(Optional) Port number of the server on the instance' },
      localPortNumber: { type: 'String', default: '0', allowedPattern: LOCAL_PORT, description: '(Optional) Port number on local machine to forward traffic to. An open port is chosen at run-time if not provided' },
    },
    steps: [],
  }],
};

export const START_PORT_FORWARDING_TO_REMOTE_HOST: DocumentDef = {
  name: 'AWS-StartPortForwardingSessionToRemoteHost',
  owner: 'Amazon',
  documentType: 'Session',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2022, 4, 26, 20, 49, 3, 240),
    description: 'Document to start port forwarding session over Session Manager to a remote host',
    schemaVersion: '1.0',
    extra: { sessionType: 'Port', properties: { portNumber: '{{ portNumber }}', type: 'LocalPortForwarding', localPortNumber: '{{ localPortNumber }}', host: '{{ host }}' } },
    parameters: {
      host: { type: 'String', allowedPattern: '^[a-zA-Z0-9.\\-_:]{1,253}$', description: '(Required) Hostname or IP address of the destination server' },
      portNumber: { type: 'String', default: '80', allowedPattern: PORT, description: '(Optional) Port number of remote host to forward traffic to' },
      localPortNumber: { type: 'String', default: '0', allowedPattern: LOCAL_PORT, description: '(Optional) Port number on local machine to forward traffic to. An open port is chosen at run-time if not provided' },
    },
    steps: [],
  }],
};
