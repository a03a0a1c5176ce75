/**
 * Entry of the second client bundle, dist/clientCommands.js: every command implementation that needs
 * the engine (the request runner, import preview, transport packaging, the EIC client, the live
 * workspace check). Nothing here runs at activation: commandLoader.ts requires this bundle the first
 * time such a command runs. State (stores, status items, documents) lives in dist/client.js and
 * arrives through the ClientContext each function takes.
 */
export { testConnection } from './calls/testConnection';
export { previewRequest, runCall } from './calls/runCall';
export { previewImport } from './calls/importPreview';
export { runTicketFlow } from './calls/ticketFlow';
export { packageConnection } from './transport/packageCommand';
export { unpackPackage } from './transport/unpackCommand';
export { newConnection } from './transport/newConnectionCommand';
export { compareWithEic } from './eic/compareCommand';
export { deployToEic } from './eic/deployCommand';
export { pullFromEic } from './eic/pullCommand';
export { runEicImportJob } from './eic/jobCommand';
export { clearEicCredentials, setEicCredentials } from './eic/credentialCommands';
export { forgetEicSessions, redactSessionSecrets } from './eic/eicEnvironment';
export { checkWorkspace, forgetLiveSnapshots } from './live/checkWorkspace';
