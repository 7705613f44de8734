/**
 * Errors the domain layer throws on purpose. The domain says what went wrong (kind, code, message); which HTTP status
 * that is stays the route wrapper's business (lib/api/route.ts).
 */
export type DomainErrorKind = 'invalid' | 'not-found' | 'conflict' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string) => new DomainError('invalid', code, message);
export const notFound = (code: string, message: string) => new DomainError('not-found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
