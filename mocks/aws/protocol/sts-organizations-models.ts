/**
 * The trimmed STS and Organizations models (mocks/aws/models/sts.json, organizations.json; the AWS SDK for
 * JavaScript v2's "min" format, see derive-sts-organizations.ts) in the botocore-like form, plus what that format
 * leaves out and the simulated AWS needs: input constraints, output enums and patterns, and Organizations' error
 * shapes (their `Message` member, InvalidInputException's `Reason`), all from the services' API references.
 */
import organizationsJson from '../models/organizations.json';
import stsJson from '../models/sts.json';
import { getShape, normalizeMinModel, type OperationModel, type Shape, type ServiceModel } from './model';

type MinModel = Parameters<typeof normalizeMinModel>[0];

export const stsModel: ServiceModel = normalizeMinModel(stsJson as unknown as MinModel);
export const organizationsModel: ServiceModel = normalizeMinModel(organizationsJson as unknown as MinModel);

/** STS API reference: AssumeRole's parameters (roleArnType, roleSessionNameType, roleDurationSecondsType, ...). */
const STS_CONSTRAINTS: Record<string, Partial<Shape>> = {
  'AssumeRoleRequest$RoleArn': { min: 20, max: 2048 },
  'AssumeRoleRequest$RoleSessionName': { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
  'AssumeRoleRequest$DurationSeconds': { min: 900, max: 43200 },
  'AssumeRoleRequest$ExternalId': { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' },
  'AssumeRoleRequest$SourceIdentity': { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
};
for (const [name, c] of Object.entries(STS_CONSTRAINTS)) Object.assign(getShape(stsModel, name), c);

/**
 * Organizations API reference: the Account data type. (ListAccounts' MaxResults 1-20 is checked by the operation:
 * Organizations answers InvalidInputException with a Reason, not the generic ValidationException.)
 */
const ORGANIZATIONS_CONSTRAINTS: Record<string, Partial<Shape>> = {
  'S23$Id': { max: 12, pattern: '^\\d{12}$' },
  'S23$Arn': { pattern: '^arn:aws:organizations::\\d{12}:account\\/o-[a-z0-9]{10,32}\\/\\d{12}' },
  Sp: { min: 6, max: 64 },
  S24: { min: 1, max: 50 },
  'S23$Status': { enum: ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'] },
  'S23$JoinedMethod': { enum: ['INVITED', 'CREATED'] },
};
for (const [name, c] of Object.entries(ORGANIZATIONS_CONSTRAINTS)) Object.assign(getShape(organizationsModel, name), c);

/** InvalidInputException's reasons that the simulated Organizations gives. */
export const INVALID_INPUT_REASONS = ['INVALID_NEXT_TOKEN', 'MAX_VALUE_EXCEEDED', 'MIN_VALUE_EXCEEDED'] as const;

const message = { Message: { shape: 'ExceptionMessage' } };
Object.assign(organizationsModel.shapes, {
  ExceptionMessage: { type: 'string' },
  ExceptionType: { type: 'string' },
  InvalidInputExceptionReason: { type: 'string', enum: [...INVALID_INPUT_REASONS] },
  AccessDeniedException: { type: 'structure', exception: true, members: message },
  AWSOrganizationsNotInUseException: { type: 'structure', exception: true, members: message },
  InvalidInputException: { type: 'structure', exception: true, members: { ...message, Reason: { shape: 'InvalidInputExceptionReason' } } },
  ServiceException: { type: 'structure', exception: true, members: message },
  TooManyRequestsException: { type: 'structure', exception: true, members: { Type: { shape: 'ExceptionType' }, ...message } },
} satisfies Record<string, Shape>);
(organizationsModel.operations.ListAccounts as OperationModel).errors = [
  'AccessDeniedException', 'AWSOrganizationsNotInUseException', 'InvalidInputException', 'ServiceException', 'TooManyRequestsException',
].map((shape) => ({ shape }));
