import type { CliCommand } from '../command';
import { init } from './init';

/** Every CLI command, in the order `help` lists them. */
export const COMMANDS: CliCommand[] = [init];
