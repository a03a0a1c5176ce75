/**
 * Set / Clear Intercom Access Token commands, and where the token state shows: a status bar item
 * (`Intercom US: token set`, while a connection file is the active editor; a click sets or
 * changes the token) and the language-status item with the details.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { registerCommand } from '../commandGuard';
import { readSettings, Region } from '../settings';
import { INTERCOM_REGION_IDS } from '../../../server/src/core/intercom/regions';
import { normaliseToken } from './tokenStore';
import { eicStatusPart } from '../eic/eicStatus';

const REGION_LABEL: Record<Region, string> = { us: 'US', eu: 'EU', au: 'AU' };

async function pickRegion(current: Region): Promise<Region | undefined> {
  const items: (vscode.QuickPickItem & { region: Region })[] = INTERCOM_REGION_IDS.map(region => ({
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

/** The language status item (details) and the status bar item (shown while a connection file is active). */
function createStatusItems(ctx: ClientContext): { status: vscode.LanguageStatusItem; bar: vscode.StatusBarItem } {
  const status = vscode.languages.createLanguageStatusItem('saviyntRest.token', { language: LANGUAGE_ID });
  status.name = 'Intercom access token and EIC credentials';
  const bar = vscode.window.createStatusBarItem('saviyntRest.tokenStatus', vscode.StatusBarAlignment.Right, 100);
  bar.name = 'Intercom access token';
  statusBar = bar;
  ctx.extension.subscriptions.push(status, bar);
  return { status, bar };
}

function showBar(bar: vscode.StatusBarItem): void {
  statusVisible = vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID;
  if (statusVisible) bar.show(); else bar.hide();
}

/** Writes the token state (region, trust, base URL, EIC credentials) into both items. */
async function refreshStatus(ctx: ClientContext, status: vscode.LanguageStatusItem, bar: vscode.StatusBarItem): Promise<void> {
  const settings = readSettings();
  const token = await ctx.tokens.get(settings.region);
  const region = REGION_LABEL[settings.region];
  const trusted = vscode.workspace.isTrusted;
  const eic = await eicStatusPart(ctx.eicCredentials);
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
  showBar(bar);
}

async function setToken(ctx: ClientContext, args?: { region?: Region; token?: string }): Promise<boolean> {
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
  await ctx.tokens.set(region, token);
  ctx.log.info(`Intercom access token stored for region ${REGION_LABEL[region]}.`);
  void vscode.window.showInformationMessage(`Intercom access token saved for the ${REGION_LABEL[region]} region of this workspace.`);
  return true;
}

async function clearToken(ctx: ClientContext, args?: { region?: Region }): Promise<boolean> {
  const region = args?.region ?? readSettings().region;
  await ctx.tokens.clear(region);
  ctx.log.info(`Intercom access token cleared for region ${REGION_LABEL[region]}.`);
  void vscode.window.showInformationMessage(`Intercom access token removed for the ${REGION_LABEL[region]} region of this workspace.`);
  return true;
}

export function registerTokenFeature(ctx: ClientContext): void {
  const { status, bar } = createStatusItems(ctx);
  const refresh = () => void refreshStatus(ctx, status, bar);
  refresh();
  ctx.extension.subscriptions.push(
    ctx.tokens.onDidChange(refresh),
    ctx.eicCredentials.onDidChange(refresh),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('saviyntRest')) refresh(); }),
    vscode.workspace.onDidGrantWorkspaceTrust(refresh),
    vscode.window.onDidChangeActiveTextEditor(() => showBar(bar)),
    vscode.workspace.onDidOpenTextDocument(() => showBar(bar)),
  );
  registerCommand(ctx, Commands.setToken, 'Set Intercom Access Token', (args?: { region?: Region; token?: string }) => setToken(ctx, args));
  registerCommand(ctx, Commands.clearToken, 'Clear Intercom Access Token', (args?: { region?: Region }) => clearToken(ctx, args));
}
