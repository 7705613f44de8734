/**
 * AWS-owned Command documents that drive agent plugins: AWS-UpdateSSMAgent,
 * AWS-ConfigureAWSPackage (Distributor), AWS-RefreshAssociation. Parameters as AWS
 * publishes them.
 */
import type { DocumentDef } from './types';

export const UPDATE_SSM_AGENT: DocumentDef = {
  name: 'AWS-UpdateSSMAgent',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2016, 7, 9, 20, 22, 32, 415),
    description: 'Updates the Amazon SSM Agent to the specified version or the latest version.',
    schemaVersion: '1.2',
    parameters: {
      version: { type: 'String', default: '', description: '(Optional) The version of the SSM Agent to install. Default is the latest version.' },
      allowDowngrade: {
        type: 'String', default: 'false', allowedValues: ['true', 'false'],
        description: '(Optional) Allow the Amazon SSM Agent service to be downgraded to an earlier version. If set to false, the service can be upgraded to newer versions only (default). If set to true, specify the earlier version.',
      },
    },
    steps: [{
      name: 'aws:updateSsmAgent',
      action: 'aws:updateSsmAgent',
      inputs: {
        agentName: 'amazon-ssm-agent',
        source: 'https://s3.{Region}.amazonaws.com/amazon-ssm-{Region}/ssm-agent-manifest.json',
        allowDowngrade: '{{ allowDowngrade }}',
        targetVersion: '{{ version }}',
      },
    }],
  }],
};

export const CONFIGURE_AWS_PACKAGE: DocumentDef = {
  name: 'AWS-ConfigureAWSPackage',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2018, 6, 10, 23, 36, 12, 350),
    description: 'Install or uninstall a Distributor package. You can install the latest version, default version, or a version of the package you specify. Packages provided by AWS such as AmazonCloudWatchAgent, AwsEnaNetworkDriver, and AWSPVDriver are also supported.',
    schemaVersion: '2.2',
    parameters: {
      action: { type: 'String', description: '(Required) Specify whether or not to install or uninstall the package.', allowedValues: ['Install', 'Uninstall'] },
      installationType: {
        type: 'String', default: 'Uninstall and reinstall', allowedValues: ['Uninstall and reinstall', 'In-place update'],
        description: '(Optional) Specify the type of installation. Uninstall and reinstall: The application is taken offline until the reinstallation process completes. In-place update: The application is available while new or updated files are added to the installation.',
      },
      name: {
        type: 'String',
        description: '(Required) The package to install/uninstall.',
        allowedPattern: '^arn:[a-z0-9][-.a-z0-9]{0,62}:[a-z0-9][-.a-z0-9]{0,62}:([a-z0-9][-.a-z0-9]{0,62})?:([a-z0-9][-.a-z0-9]{0,62})?:(package|document)\\/[a-zA-Z0-9/:.\\-_]{1,128}$|^[a-zA-Z0-9/:.\\-_]{1,128}$',
      },
      version: {
        type: 'String', default: '',
        description: "(Optional) The version of the package to install or uninstall. If you don't specify a version, the system installs the latest published version by default. The system will only attempt to uninstall the version that is currently installed. If no version of the package is installed, the system returns an error.",
      },
      additionalArguments: {
        type: 'StringMap', default: {}, displayType: 'textarea', maxChars: 4096,
        description: '(Optional) The additional parameters to provide to your install, uninstall, or update scripts. Each parameter must be prefixed with SSM_.',
      },
    },
    steps: [{
      name: 'configurePackage',
      action: 'aws:configurePackage',
      inputs: { name: '{{ name }}', action: '{{ action }}', installationType: '{{installationType}}', version: '{{ version }}', additionalArguments: '{{ additionalArguments }}' },
    }],
  }],
};

export const REFRESH_ASSOCIATION: DocumentDef = {
  name: 'AWS-RefreshAssociation',
  owner: 'Amazon',
  documentType: 'Command',
  platformTypes: ['Windows', 'Linux', 'MacOS'],
  versions: [{
    created: Date.UTC(2017, 10, 28, 18, 3, 25, 220),
    description: 'Refresh the associations on the instance. If association ids are not specified then all associations bound to the instance will be applied.',
    schemaVersion: '2.0',
    parameters: {
      associationIds: {
        type: 'StringList', default: [], displayType: 'textarea',
        description: '(Optional) List of association ids. If empty, all associations bound to the specified target are applied.',
      },
    },
    steps: [{ name: 'refreshAssociation', action: 'aws:refreshAssociation', inputs: { associationIds: '{{ associationIds }}' } }],
  }],
};
