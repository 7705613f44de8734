/**
 * SSM documents as the simulated account sees them: each document has versions, each
 * version has its content (the JSON AWS stores, parameters with their validation rules,
 * steps) and what the API reports about it. Content keys follow AWS's document schema.
 */
export type PlatformType = 'Windows' | 'Linux' | 'MacOS';
export type DocumentType = 'Command' | 'Automation' | 'Session';
export type ParamType = 'String' | 'StringList' | 'Boolean' | 'Integer' | 'StringMap' | 'MapList';

/** One parameter exactly as a document's content declares it. */
export interface ParamDef {
  type: ParamType;
  description: string;
  /** Absent: the parameter is required. */
  default?: string | number | boolean | string[] | Record<string, unknown> | Array<Record<string, unknown>>;
  allowedValues?: string[];
  allowedPattern?: string;
  displayType?: 'textarea' | 'textfield';
  minItems?: number;
  maxItems?: number;
  minChars?: number;
  maxChars?: number;
}

/** A step (2.x mainSteps) or plugin (1.2 runtimeConfig), as Run Command reports it. */
export interface StepDef {
  /** CommandPlugins[].Name: the step name (2.x) or the plugin name (1.2). */
  name: string;
  /** The plugin: aws:runShellScript, aws:updateSsmAgent, ... */
  action: string;
  /** 1.2 only: the property id (`0.aws:runShellScript`), which names the output folder. */
  id?: string;
  /** precondition StringEquals [platformType, X]. */
  platform?: PlatformType;
  inputs: Record<string, unknown>;
}

export interface VersionDef {
  /** Offset from the catalog's reference time (AWS-owned documents use fixed dates instead). */
  created: number | { daysAgo: number };
  versionName?: string;
  displayName?: string;
  description: string;
  schemaVersion: '0.3' | '1.0' | '1.2' | '2.0' | '2.2';
  parameters: Record<string, ParamDef>;
  steps: StepDef[];
  /** Other top-level content keys (assumeRole, sessionType, properties, ...). */
  extra?: Record<string, unknown>;
}

export interface DocumentDef {
  name: string;
  /** 'Amazon' or 'self' (the simulated account). */
  owner: 'Amazon' | 'self';
  documentType: DocumentType;
  platformTypes: PlatformType[];
  targetType?: string;
  tags?: Array<{ Key: string; Value: string }>;
  /** Versions 1..n in order. */
  versions: VersionDef[];
  /** 1-based; defaults to 1. */
  defaultVersion?: number;
}

/** A version with everything the API reports about it, derived once. */
export interface ResolvedVersion {
  doc: DocumentDef;
  version: number;
  def: VersionDef;
  createdDate: number;
  /** The Content string GetDocument returns (JSON). */
  content: string;
  /** Sha256 of content. */
  hash: string;
}
