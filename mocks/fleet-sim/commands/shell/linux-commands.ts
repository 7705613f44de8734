/** Every simulated Linux command, by name (package managers depend on the distribution). */
import { BASIC_COMMANDS } from './linux-basic';
import { NETWORK_COMMANDS } from './linux-network';
import { packageCommands } from './linux-packages';
import { SERVICE_COMMANDS } from './linux-services';
import { SYSTEM_COMMANDS } from './linux-system';
import { TEXT_COMMANDS } from './linux-text';
import type { Handler } from './types';

const COMMON: Record<string, Handler> = { ...BASIC_COMMANDS, ...TEXT_COMMANDS, ...SYSTEM_COMMANDS, ...SERVICE_COMMANDS, ...NETWORK_COMMANDS };
const BY_FAMILY = new Map<string, Record<string, Handler>>();

export function linuxCommands(family: string): Record<string, Handler> {
  let commands = BY_FAMILY.get(family);
  if (!commands) BY_FAMILY.set(family, (commands = { ...COMMON, ...packageCommands(family) }));
  return commands;
}
