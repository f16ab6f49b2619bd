import type { CliCommand } from '../command';

type Entry = { name: string; load: () => Promise<CliCommand> };

/**
 * Every CLI command, in the order `help` lists them. Loaded on demand: importing all of them
 * (pdfmake, exceljs, SheetJS, the demo tables …) cost seconds on every run of every command.
 */
export const COMMANDS: Entry[] = [
  { name: 'init', load: async () => (await import('./init')).init },
  { name: 'demo', load: async () => (await import('./demo')).demo },
  { name: 'stats', load: async () => (await import('./stats')).stats },
  { name: 'verify', load: async () => (await import('./verify')).verify },
  { name: 'change-password', load: async () => (await import('./passwords')).changePasswordCommand },
  { name: 'reset-password', load: async () => (await import('./passwords')).resetPasswordCommand },
  { name: 'compliance', load: async () => (await import('./compliance')).compliance },
  { name: 'import-members', load: async () => (await import('./import-members')).importMembers },
  { name: 'import-template', load: async () => (await import('./import-template')).importTemplate },
  { name: 'backup', load: async () => (await import('./backup')).backup },
  { name: 'restore', load: async () => (await import('./restore')).restore },
  { name: 'backups', load: async () => (await import('./backups')).backups },
  { name: 'assessment', load: async () => (await import('./assessment')).assessment },
  { name: 'export', load: async () => (await import('./export')).exportCommand },
  { name: 'dues', load: async () => (await import('./dues')).dues },
  { name: 'admission', load: async () => (await import('./admission')).admission },
  { name: 'dues-import', load: async () => (await import('./dues-import')).duesImport },
  { name: 'resident-feedback', load: async () => (await import('./resident-feedback')).residentFeedback },
  { name: 'help-brief', load: async () => (await import('./help-brief')).helpBriefCommand },
  { name: 'households', load: async () => (await import('./households')).households },
  { name: 'visits', load: async () => (await import('./households')).visits },
];
