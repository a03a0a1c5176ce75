/** The extension's own requests: check files or a folder, revalidate, the live workspace snapshot. */
import {
  CheckFilesRequest, CheckFolderRequest, RevalidateRequest,
  type CheckFilesParams, type CheckFolderParams, type CheckFolderResult,
} from '../../../common/src/protocol';
import { engineValidator } from '../core/index';
import { runSafe } from './runSafe';
import { revalidateAll, type ServerContext } from './serverContext';

const NO_FOLDER: CheckFolderResult = { folder: '', files: [], errors: 0, warnings: 0, notes: 0 };

export function registerRequests(ctx: ServerContext): void {
  const { connection, store, scheduler } = ctx;
  const validate = engineValidator(ctx.engine);

  connection.onRequest(CheckFilesRequest, (params: CheckFilesParams, token) =>
    runSafe(ctx, 'checkFiles', { errors: 0, messages: ['The check could not run; see the output channel.'] }, token, () => validate(params.files)));

  ctx.live.register(connection, () => revalidateAll(ctx));

  connection.onRequest(CheckFolderRequest, (params: CheckFolderParams, token) => runSafe(ctx, 'checkFolder', NO_FOLDER, token, async () => {
    const folder = store.pathOf(params.uri);
    return folder ? scheduler.folders.checkNow(folder) : NO_FOLDER;
  }));

  connection.onRequest(RevalidateRequest, (_params, token) => runSafe(ctx, 'revalidate', null, token, () => {
    revalidateAll(ctx);
    return null;
  }));
}
