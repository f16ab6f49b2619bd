import type { CliCommand } from '../command';
import { init } from './init';
import { demo } from './demo';
import { stats } from './stats';
import { verify } from './verify';
import { changePasswordCommand, resetPasswordCommand } from './passwords';
import { compliance } from './compliance';
import { importMembers } from './import-members';
import { backup } from './backup';
import { restore } from './restore';
import { backups } from './backups';
import { assessment } from './assessment';
import { exportCommand } from './export';

/** Every CLI command, in the order `help` lists them. */
export const COMMANDS: CliCommand[] = [init, demo, stats, verify, changePasswordCommand, resetPasswordCommand, compliance, importMembers, backup, restore, backups, assessment, exportCommand];
