/**
 * The AWS inventory types the simulation knows, with their attributes as AWS's user guide
 * ("Metadata collected by inventory") lists them. DataType is sent in lower case as the
 * service model's enum spells it (`string` / `number`); AWS's own CLI example prints `STRING`.
 */

export interface InventoryAttribute {
  Name: string;
  DataType: 'string' | 'number';
}

export interface InventoryTypeSchema {
  TypeName: string;
  Version: string;
  DisplayName?: string;
  Attributes: InventoryAttribute[];
  /** GetInventorySchema --aggregator lists the type, with these attributes only. */
  aggregatable?: readonly string[];
}

const attrs = (...names: string[]): InventoryAttribute[] =>
  names.map((n) => (n.startsWith('#') ? { Name: n.slice(1), DataType: 'number' } : { Name: n, DataType: 'string' }));

export const APPLICATION = 'AWS:Application';
export const AWS_COMPONENT = 'AWS:AWSComponent';
export const INSTANCE_INFORMATION = 'AWS:InstanceInformation';
export const PATCH_SUMMARY = 'AWS:PatchSummary';

export const INVENTORY_SCHEMAS: readonly InventoryTypeSchema[] = [
  {
    TypeName: 'AWS:AWSComponent', Version: '1.0', DisplayName: 'AWS Components',
    Attributes: attrs('Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL'),
    aggregatable: ['Name', 'Version', 'Publisher', 'Architecture'],
  },
  {
    TypeName: 'AWS:Application', Version: '1.1', DisplayName: 'Applications',
    Attributes: attrs('Name', 'ApplicationType', 'Publisher', 'Version', 'InstalledTime', 'Architecture', 'URL', 'Summary', 'PackageId', 'Release', 'Epoch'),
    aggregatable: ['Name', 'ApplicationType', 'Publisher', 'Version', 'Architecture', 'Release', 'Epoch', 'PackageId'],
  },
  {
    TypeName: 'AWS:File', Version: '1.0', DisplayName: 'Files',
    Attributes: attrs('Name', 'Size', 'Description', 'FileVersion', 'InstalledDate', 'ModificationTime', 'LastAccessTime', 'ProductName', 'InstalledDir', 'ProductLanguage', 'CompanyName', 'ProductVersion'),
  },
  {
    TypeName: 'AWS:InstanceDetailedInformation', Version: '1.0', DisplayName: 'Instance Detailed Information',
    Attributes: attrs('CPUModel', '#CPUCores', '#CPUs', '#CPUSpeedMHz', '#CPUSockets', 'CPUHyperThreadEnabled', 'OSServicePack', 'KernelVersion'),
    aggregatable: ['CPUModel', 'CPUCores', 'CPUs', 'CPUSockets', 'CPUHyperThreadEnabled', 'OSServicePack', 'KernelVersion'],
  },
  {
    TypeName: 'AWS:InstanceInformation', Version: '1.0', DisplayName: 'Instance Information',
    Attributes: attrs('AgentType', 'AgentVersion', 'ComputerName', 'InstanceId', 'IpAddress', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType', 'InstanceStatus'),
    aggregatable: ['AgentType', 'AgentVersion', 'PlatformName', 'PlatformType', 'PlatformVersion', 'ResourceType', 'InstanceStatus'],
  },
  {
    TypeName: 'AWS:Network', Version: '1.0', DisplayName: 'Network',
    Attributes: attrs('Name', 'SubnetMask', 'Gateway', 'DHCPServer', 'DNSServer', 'MacAddress', 'IPV4', 'IPV6'),
    aggregatable: ['Name', 'SubnetMask', 'Gateway', 'DHCPServer', 'DNSServer'],
  },
  {
    TypeName: 'AWS:PatchSummary', Version: '1.0', DisplayName: 'Patch Summary',
    Attributes: attrs(
      'PatchGroup', 'BaselineId', 'SnapshotId', 'OwnerInformation', '#InstalledCount', '#InstalledOtherCount', '#InstalledPendingRebootCount',
      '#InstalledRejectedCount', '#NotApplicableCount', '#MissingCount', '#FailedCount', 'OperationType', 'OperationStartTime', 'OperationEndTime', 'RebootOption',
    ),
  },
  {
    TypeName: 'AWS:Service', Version: '1.0', DisplayName: 'Services',
    Attributes: attrs('Name', 'DisplayName', 'ServiceType', 'Status', 'DependentServices', 'ServicesDependedOn', 'StartType'),
    aggregatable: ['Name', 'DisplayName', 'ServiceType', 'Status', 'StartType'],
  },
  {
    TypeName: 'AWS:Tag', Version: '1.0', DisplayName: 'Tags',
    Attributes: attrs('Key', 'Value'),
  },
  {
    TypeName: 'AWS:WindowsRole', Version: '1.0', DisplayName: 'Windows Roles',
    Attributes: attrs('Name', 'DisplayName', 'Path', 'FeatureType', 'DependsOn', 'Description', 'Installed', 'InstalledState', 'SubFeatures', 'ServerComponentDescriptor', 'Parent'),
    aggregatable: ['Name', 'DisplayName', 'FeatureType', 'Installed', 'InstalledState'],
  },
  {
    TypeName: 'AWS:WindowsUpdate', Version: '1.0', DisplayName: 'Windows Updates',
    Attributes: attrs('HotFixId', 'Description', 'InstalledTime', 'InstalledBy'),
    aggregatable: ['HotFixId', 'Description', 'InstalledBy'],
  },
];

const BY_NAME = new Map(INVENTORY_SCHEMAS.map((s) => [s.TypeName, s]));

export function inventorySchema(typeName: string): InventoryTypeSchema | undefined {
  return BY_NAME.get(typeName);
}

export function attributeOf(typeName: string, attribute: string): InventoryAttribute | undefined {
  return BY_NAME.get(typeName)?.Attributes.find((a) => a.Name === attribute);
}
