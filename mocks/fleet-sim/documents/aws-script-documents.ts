/**
 * AWS-RunAnsiblePlaybook, AWS-RunRemoteScript and AWS-InstallWindowsUpdates with the
 * parameters AWS publishes; their steps' scripts are shortened (never run as such).
 */
import type { DocumentDef } from './types';

export const RUN_ANSIBLE_PLAYBOOK: DocumentDef = {
  name: 'AWS-RunAnsiblePlaybook',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Linux'],
  versions: [{
    created: Date.UTC(2017, 10, 17, 19, 12, 6, 811),
    description: 'Use this document to run Ansible playbooks on Amazon EC2 managed instances. Specify either YAML text or URL. If you specify both, the URL parameter will be used. Use the extravar parameter to send runtime variables to the Ansible execution. Use the check parameter to perform a dry run of the Ansible execution. The output of the dry run shows the changes that will be made when the playbook is executed.',
    schemaVersion: '2.0',
    parameters: {
      playbook: { type: 'String', default: '', displayType: 'textarea', description: "(Optional) If you don't specify a URL, then you must specify playbook YAML in this field." },
      playbookurl: {
        type: 'String', default: '', allowedPattern: "^\\s*$|^(http|https|s3)://[^']*$",
        description: "(Optional) If you don't specify playbook YAML, then you must specify a URL where the playbook is stored. You can specify the URL in the following formats: http://example.com/playbook.yml  or s3://examplebucket/plabook.url. For security reasons, you can't specify a URL with quotes.",
      },
      extravars: {
        type: 'String', default: 'SSM=True', displayType: 'textarea',
        allowedPattern: "^$|^\\w+\\=(([^\\s|:();&]+)|('[^|:();&]+'))(\\s+\\w+\\=(([^\\s|:();&]+)|('[^|:();&]+')))*$",
        description: '(Optional) Additional variables to pass to Ansible at runtime. Enter a space separated list of key/value pairs. For example: color=red flavor=lime',
      },
      check: { type: 'String', default: 'False', allowedValues: ['True', 'False'], description: ' (Optional) Use the check parameter to perform a dry run of the Ansible execution.' },
      timeoutSeconds: { type: 'String', default: '3600', description: '(Optional) The time in seconds for a command to be completed before it is considered to have failed.' },
    },
    steps: [{
      name: 'runShellScript',
      action: 'aws:runShellScript',
      inputs: { timeoutSeconds: '{{ timeoutSeconds }}', runCommand: ['#!/bin/bash', 'ansible --version', '# ... (downloads or writes the playbook, then runs ansible-playbook -i "localhost," -c local)'] },
    }],
  }],
};

export const RUN_REMOTE_SCRIPT: DocumentDef = {
  name: 'AWS-RunRemoteScript',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux'],
  versions: [{
    created: Date.UTC(2018, 1, 22, 22, 40, 12, 93),
    description: 'Execute scripts stored in a remote location. The following remote locations are currently supported: GitHub (public and private) and Amazon S3 (S3). The following script types are currently supported: #! support on Linux and file associations on Windows.',
    schemaVersion: '2.2',
    parameters: {
      sourceType: { type: 'String', description: '(Required) Specify the source type.', allowedValues: ['GitHub', 'S3'] },
      sourceInfo: {
        type: 'StringMap', displayType: 'textarea',
        description: "(Required) Specify the information required to access the resource from the source. If source type is GitHub, then you can specify any of the following: 'owner', 'repository', 'path', 'getOptions', 'tokenInfo'. If source type is S3, then you can specify 'path'.",
      },
      commandLine: {
        type: 'String',
        description: "(Required) Specify the command line to be executed. The following formats of commands can be run: 'pythonMainFile.py argument1 argument2', 'ansible-playbook -i \"localhost,\" -c local example.yml'",
      },
      workingDirectory: { type: 'String', default: '', maxChars: 4096, description: '(Optional) The path where the content will be downloaded and executed from on your instance.' },
      executionTimeout: {
        type: 'String', default: '3600', allowedPattern: '([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800)',
        description: '(Optional) The time in seconds for a command to complete before it is considered to have failed. Default is 3600 (1 hour). Maximum is 172800 (48 hours).',
      },
    },
    steps: [
      { name: 'downloadContent', action: 'aws:downloadContent', inputs: { sourceType: '{{ sourceType }}', sourceInfo: '{{ sourceInfo }}', destinationPath: '{{ workingDirectory }}' } },
      { name: 'runPowerShellScript', action: 'aws:runPowerShellScript', platform: 'Windows', inputs: { runCommand: ['', '$directory = Convert-Path .', '# ... {{ commandLine }}'], workingDirectory: '{{ workingDirectory }}', timeoutSeconds: '{{ executionTimeout }}' } },
      { name: 'runShellScript', action: 'aws:runShellScript', platform: 'Linux', inputs: { runCommand: ['', 'directory=$(pwd)', '# ... {{ commandLine }}'], workingDirectory: '{{ workingDirectory }}', timeoutSeconds: '{{ executionTimeout }}' } },
    ],
  }],
};

const CATEGORIES = 'Application|Connectors|CriticalUpdates|DefinitionUpdates|DeveloperKits|Drivers|FeaturePacks|Guidance|Microsoft|SecurityUpdates|ServicePacks|Tools|UpdateRollups|Updates';
const SEVERITIES = 'Critical|Important|Low|Moderate|Unspecified';
const KB_LIST = '^$|^(KB)?[0-9]{6,7}(,(KB)?[0-9]{6,7})*$';

export const INSTALL_WINDOWS_UPDATES: DocumentDef = {
  name: 'AWS-InstallWindowsUpdates',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows'],
  versions: [{
    created: Date.UTC(2017, 2, 22, 20, 25, 41, 587),
    description: 'Scans for or installs Windows updates on a Windows managed instance.',
    schemaVersion: '2.2',
    parameters: {
      Action: { type: 'String', default: 'Install', allowedValues: ['Install', 'Scan'], description: '(Optional) Specify whether or not to install or scan for missing updates.' },
      AllowReboot: { type: 'String', default: 'False', allowedValues: ['True', 'False'], description: '(Optional) Allow the instance to reboot after update installation. Default is False.' },
      Categories: {
        type: 'String', default: '', allowedPattern: `^$|^(${CATEGORIES})(,(${CATEGORIES}))*$`,
        description: '(Optional) Specify one or more update categories. You can filter categories using comma-separated values. By default, updates for all categories are installed. Valid values include: Application, Connectors, CriticalUpdates, DefinitionUpdates, DeveloperKits, Drivers, FeaturePacks, Guidance, Microsoft, SecurityUpdates, ServicePacks, Tools, UpdateRollups, Updates.',
      },
      SeverityLevels: {
        type: 'String', default: '', allowedPattern: `^$|^(${SEVERITIES})(,(${SEVERITIES}))*$`,
        description: '(Optional) Specify one or more MSRC severity levels associated with an update. You can filter severity levels using comma-separated values. By default, updates for all security levels are installed. Valid values include: Critical, Important, Low, Moderate, Unspecified.',
      },
      IncludeKbs: { type: 'String', default: '', allowedPattern: KB_LIST, description: '(Optional) Specify one or more Microsoft Knowledge Base (KB) article IDs to include. You can install multiple IDs using comma-separated values. Valid formats: KB9876543 or 9876543.' },
      ExcludeKbs: { type: 'String', default: '', allowedPattern: KB_LIST, description: '(Optional) Specify one or more Microsoft Knowledge Base (KB) article IDs to exclude. You can exclude multiple IDs using comma-separated values. Valid formats: KB9876543 or 9876543.' },
      PublishedDaysOld: { type: 'String', default: '', allowedPattern: '^$|^[0-9]{1,4}$', description: '(Optional) Specify the amount of days old the updates must be from the published date. For example, if 10 is specified, any updates that were found during the Windows Update search that have been published 10 or more days ago will be returned.' },
    },
    steps: [{
      name: 'InstallWindowsUpdates',
      action: 'aws:runPowerShellScript',
      inputs: { timeoutSeconds: 14400, runCommand: ["$ErrorActionPreference = 'Stop'", '# ... (Install-WindowsUpdates -Action {{ Action }} -AllowReboot {{ AllowReboot }} ...)'] },
    }],
  }],
};
