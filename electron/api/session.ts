import { existsSync } from 'node:fs';
import { passwordSlotCount } from '../ledger/keyring';
import type { SessionStatus } from '../../shared/api/session';
import { Ledger, readKeyFile } from '../ledger/ledger';
import { resetPasswordWithRecoveryKey } from '../ledger/users';
import type { HandlerMap } from './handlers';
import type { SessionState } from './session-state';

function severalUsers(path: string): boolean {
  try {
    return passwordSlotCount(readKeyFile(path)) > 1;
  } catch {
    return false; // missing or damaged: unlocking says why
  }
}

export function status(state: SessionState): SessionStatus {
  return {
    hasLedger: existsSync(state.ledgerPath),
    ledgerPath: state.ledgerPath,
    unlocked: state.ledger !== null,
    user: state.ledger ? state.ledger.actor : null,
    idleLockMinutes: state.idleLockMinutes,
    askUserName: !state.ledger && severalUsers(state.ledgerPath),
    ...(state.options.demoPassword ? { demoPassword: state.options.demoPassword } : {}),
  };
}

export const sessionHandlers: HandlerMap<'session.status' | 'session.unlock' | 'session.lock' | 'session.create' | 'session.resetWithRecoveryKey'> = {
  'session.status': (state) => status(state),
  'session.unlock': async (state, { userName, password }) => {
    state.lock();
    state.attach(await Ledger.open(state.ledgerPath, password, { userName }));
    return status(state);
  },
  'session.lock': (state) => {
    state.lock();
    return status(state);
  },
  'session.create': async (state, { password, userName }) => {
    const { ledger, recoveryKey } = await Ledger.create(state.ledgerPath, password, { userName });
    state.attach(ledger);
    return { status: status(state), recoveryKey };
  },
  'session.resetWithRecoveryKey': async (state, { recoveryKey, newPassword }) => {
    state.lock();
    state.attach(await resetPasswordWithRecoveryKey(state.ledgerPath, recoveryKey, newPassword));
    return status(state);
  },
};
