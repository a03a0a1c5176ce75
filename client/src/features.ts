/** The client's feature modules (commands, status items). One line per module. */
import type { ClientContext } from './clientContext';

export const CLIENT_FEATURES: ((ctx: ClientContext) => void)[] = [];
