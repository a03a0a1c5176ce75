/** A safe folder name for a connection (`Intercom EU`, never `..`, no path separators), as unpack names them. */
import { subfolderNames } from '../../../server/src/core/transport/node/unpack';

export function connectionFolderName(name: string): string {
  return subfolderNames([name])[0];
}
