/** EIC transport packages: connection folders, package, unpack, init. */
export * from './transportFs';
export * from './connectionMeta';
export * from './connectionFolder';
export * from './package';
export * from './packageValidator';
export * from './unpack';
export * from './init';
export * from './timestamp';
export { parseConnectionExport, parseObjectSummary, connectionToFolderContent, looksEncrypted, ExportFormatError } from './exportFile';
export type { ExportedConnection, ExportedAttribute, FolderContent } from './exportFile';
export { isZip, classifyEntryName, UnsafeArchiveError, DEFAULT_ZIP_LIMITS } from './zipReader';
export type { ZipLimits, ZipReadResult } from './zipReader';
export { writeEicJson, quoteEicString } from './eicJsonWriter';
export { parseLenientJson, JsonSyntaxError } from './lenientJson';
export { protectConnectionJson, findLiteralCredentials, isPlaceholderValue } from './secrets';
export { removeTopLevelSchemaKey } from './schemaKey';
export {
  intercomTemplates, INTERCOM_BASE_URLS, INTERCOM_FEATURES, INTERCOM_MODELS, MODEL_FEATURES, DEFAULT_INTERCOM_API_VERSION, INTERCOM_TOKEN_PLACEHOLDER,
} from './intercomTemplates';
export type { IntercomFeature, IntercomModel, IntercomRegion } from './intercomTemplates';
