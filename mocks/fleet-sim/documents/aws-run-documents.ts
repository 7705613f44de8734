/**
 * AWS-RunShellScript, AWS-RunPowerShellScript and AWS-RunPatchBaseline with the
 * parameters AWS publishes (`aws ssm get-document`). The patch steps' scripts are
 * shortened to their first lines: the simulation never runs them.
 */
import type { DocumentDef, ParamDef } from './types';

const EXECUTION_TIMEOUT_PATTERN = '([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)';

function scriptParams(commandsDescription: string, timeoutDescription: string): Record<string, ParamDef> {
  return {
    commands: { type: 'StringList', description: commandsDescription, minItems: 1, displayType: 'textarea' },
    workingDirectory: { type: 'String', default: '', description: '(Optional) The path to the working directory on your instance.', maxChars: 4096 },
    executionTimeout: { type: 'String', default: '3600', description: timeoutDescription, allowedPattern: EXECUTION_TIMEOUT_PATTERN },
  };
}

const scriptInputs = { runCommand: '{{ commands }}', workingDirectory: '{{ workingDirectory }}', timeoutSeconds: '{{ executionTimeout }}' };

export const RUN_SHELL_SCRIPT: DocumentDef = {
  name: 'AWS-RunShellScript',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2015, 11, 15, 18, 50, 44, 426),
    description: 'Run a shell script or specify the commands to run.',
    schemaVersion: '1.2',
    parameters: scriptParams(
      '(Required) Specify a shell script or a command to run.',
      '(Optional) The time in seconds for a command to complete before it is considered to have failed. Default is 3600 (1 hour). Maximum is 172800 (48 hours).',
    ),
    steps: [{ name: 'aws:runShellScript', action: 'aws:runShellScript', id: '0.aws:runShellScript', inputs: scriptInputs }],
  }],
};

export const RUN_POWERSHELL_SCRIPT: DocumentDef = {
  name: 'AWS-RunPowerShellScript',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2015, 9, 7, 16, 8, 41, 110),
    description: 'Run a PowerShell script or specify the paths to scripts to run.',
    schemaVersion: '1.2',
    parameters: scriptParams(
      '(Required) Specify the commands to run or the paths to existing scripts on the instance.',
      '(Optional) The time in seconds for a command to be completed before it is considered to have failed. Default is 3600 (1 hour). Maximum is 172800 (48 hours).',
    ),
    steps: [{ name: 'aws:runPowerShellScript', action: 'aws:runPowerShellScript', id: '0.aws:runPowerShellScript', inputs: scriptInputs }],
  }],
};

const URL_PATTERN = '(^$)|^https://.+$|^s3://([^/]+)/(.*?([^/]+))$';
const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const patchStep = (name: string, platform: 'Windows' | 'Linux' | 'MacOS', firstLine: string) => ({
  name,
  action: platform === 'Windows' ? 'aws:runPowerShellScript' : 'aws:runShellScript',
  platform,
  inputs: { timeoutSeconds: 7200, runCommand: [firstLine, '# ... (the patch baseline operations script)'] },
});

export const RUN_PATCH_BASELINE: DocumentDef = {
  name: 'AWS-RunPatchBaseline',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2017, 3, 24, 17, 17, 6, 84),
    description: 'Scans for or installs patches from a patch baseline to a Linux, Windows, or macOS operating system.',
    schemaVersion: '2.2',
    parameters: {
      Operation: {
        type: 'String',
        description: '(Required) The update or configuration to perform on the instance. The system checks if patches specified in the patch baseline are installed on the instance. The install operation installs patches missing from the baseline.',
        allowedValues: ['Scan', 'Install'],
      },
      SnapshotId: {
        type: 'String', default: '', description: '(Optional) The snapshot ID to use to retrieve a patch baseline snapshot.',
        allowedPattern: `(^$)|^${UUID_PATTERN}$`,
      },
      InstallOverrideList: {
        type: 'String', default: '', allowedPattern: URL_PATTERN,
        description: '(Optional) An https URL or an Amazon S3 path-style URL to a list of patches to be installed. This patch installation list overrides the patches specified by the default patch baseline.',
      },
      BaselineOverride: {
        type: 'String', default: '', allowedPattern: URL_PATTERN,
        description: '(Optional) An https URL or an Amazon S3 path-style URL to a list of baseline objects. This baseline override will be used instead of the default patch baseline.',
      },
      RebootOption: {
        type: 'String', default: 'RebootIfNeeded', allowedValues: ['RebootIfNeeded', 'NoReboot'],
        description: '(Optional) Reboot behavior after a patch Install operation. If you choose NoReboot and patches are installed, the instance is marked as non-compliant until a subsequent reboot and scan.',
      },
      AssociationId: {
        type: 'String', default: '', allowedPattern: `(^$)|${UUID_PATTERN}`,
        description: '(Optional) The ID of the State Manager association that runs this document. This is not intended to be set by the user.',
      },
    },
    steps: [
      patchStep('PatchWindows', 'Windows', "$PatchBaselineOperationsModule = 'C:\\ProgramData\\Amazon\\PatchBaselineOperations\\Amazon.PatchBaselineOperations.dll'"),
      patchStep('PatchLinux', 'Linux', '#!/bin/bash'),
      patchStep('PatchMacOS', 'MacOS', '#!/bin/bash'),
    ],
  }],
};
