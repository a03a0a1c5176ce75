/**
 * Set / Clear Intercom Access Token commands, and where the token state shows: a status bar item
 * (`Intercom US: token set`, while a connection file is the active editor; a click sets or
 * changes the token) and the language-status item with the details.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { readSettings, Region } from '../settings';
import { normaliseToken, TokenStore } from './tokenStore';
import { eicCredentialStore } from '../eic/credentialStore';
import { eicStatusPart } from '../eic/credentialCommands';

const REGION_LABEL: Record<Region, string> = { us: 'US', eu: 'EU', au: 'AU' };

let store: TokenStore | undefined;

export function tokenStore(): TokenStore {
  if (!store) throw new Error('The token store is not ready yet.');
  return store;
}

async function pickRegion(current: Region): Promise<Region | undefined> {
  const items: (vscode.QuickPickItem & { region: Region })[] = (['us', 'eu', 'au'] as Region[]).map(region => ({
    region, label: REGION_LABEL[region], description: region === current ? 'configured region' : undefined,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Region of the Intercom workspace', placeHolder: 'Which region is the workspace hosted in?' });
  return picked?.region;
}

/** What the status bar item shows (also returned to tests through the extension's API). */
export interface TokenStatus { text: string; tooltip: string; visible: boolean }

let statusBar: vscode.StatusBarItem | undefined;
let statusVisible = false;

export function tokenStatus(): TokenStatus | undefined {
  return statusBar ? { text: statusBar.text, tooltip: String(statusBar.tooltip ?? ''), visible: statusVisible } : undefined;
}

export function registerTokenFeature(ctx: ClientContext): void {
  store = new TokenStore(ctx.extension.secrets);
  const eicStore = eicCredentialStore(ctx.extension.secrets);
  const status = vscode.languages.createLanguageStatusItem('saviyntRest.token', { language: LANGUAGE_ID });
  status.name = 'Intercom access token and EIC credentials';
  const bar = vscode.window.createStatusBarItem('saviyntRest.tokenStatus', vscode.StatusBarAlignment.Right, 100);
  bar.name = 'Intercom access token';
  statusBar = bar;
  ctx.extension.subscriptions.push(status, bar);

  const showBar = () => {
    statusVisible = vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID;
    if (statusVisible) bar.show(); else bar.hide();
  };
  const refresh = async () => {
    const settings = readSettings();
    const token = await store!.get(settings.region);
    const region = REGION_LABEL[settings.region];
    const trusted = vscode.workspace.isTrusted;
    const eic = await eicStatusPart();
    status.text = (token ? `$(key) Intercom ${region}: token set` : `$(circle-slash) Intercom ${region}: no token`)
      + (eic ? ` · ${eic.text}` : '');
    const where = trusted ? (settings.baseUrl ? `calls go to ${settings.baseUrl}` : undefined) : 'Restricted Mode: calls are disabled';
    status.detail = [where, eic?.detail].filter(Boolean).join(' · ') || undefined;
    status.severity = token ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Warning;
    status.command = token
      ? { title: 'Clear token', command: Commands.clearToken }
      : { title: 'Set token', command: Commands.setToken };
    bar.text = !trusted ? `$(shield) Intercom ${region}: calls off` : token ? `$(key) Intercom ${region}` : `$(circle-slash) Intercom ${region}: no token`;
    bar.tooltip = !trusted
      ? `Restricted Mode: no call is sent to Intercom until you trust this workspace.${token ? ` A token is stored for the ${region} region.` : ''}`
      : token
        ? `An Intercom access token is stored for the ${region} region of this workspace${settings.baseUrl ? `; calls go to ${settings.baseUrl} (saviyntRest.intercom.baseUrl)` : ''}. Click to replace it.`
        : `No Intercom access token is stored for the ${region} region (setting saviyntRest.intercom.region). Click to set one.`;
    bar.backgroundColor = trusted && !token ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    bar.command = !trusted ? 'workbench.trust.manage' : Commands.setToken;
    showBar();
  };
  void refresh();
  ctx.extension.subscriptions.push(
    store.onDidChange(() => void refresh()),
    eicStore.onDidChange(() => void refresh()),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('saviyntRest')) void refresh(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refresh()),
    vscode.window.onDidChangeActiveTextEditor(showBar),
    vscode.workspace.onDidOpenTextDocument(showBar),
    vscode.commands.registerCommand(Commands.setToken, async (args?: { region?: Region; token?: string }) => {
      const region = args?.region ?? await pickRegion(readSettings().region);
      if (!region) return false;
      const input = args?.token ?? await vscode.window.showInputBox({
        title: `Intercom access token (${REGION_LABEL[region]})`,
        prompt: 'From the Developer Hub: your app › Configure › Authentication. Kept in VS Code\'s secret storage for this workspace only.',
        password: true,
        ignoreFocusOut: true,
        validateInput: value => normaliseToken(value).problem,
      });
      if (input === undefined) return false;
      const { token, problem } = normaliseToken(input);
      if (!token) { void vscode.window.showErrorMessage(problem ?? 'The token is not usable.'); return false; }
      await store!.set(region, token);
      ctx.log.info(`Intercom access token stored for region ${REGION_LABEL[region]}.`);
      void vscode.window.showInformationMessage(`Intercom access token saved for the ${REGION_LABEL[region]} region of this workspace.`);
      return true;
    }),
    vscode.commands.registerCommand(Commands.clearToken, async (args?: { region?: Region }) => {
      const region = args?.region ?? readSettings().region;
      await store!.clear(region);
      ctx.log.info(`Intercom access token cleared for region ${REGION_LABEL[region]}.`);
      void vscode.window.showInformationMessage(`Intercom access token removed for the ${REGION_LABEL[region]} region of this workspace.`);
      return true;
    }),
  );
}
