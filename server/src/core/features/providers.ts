/**
 * The default editor-feature providers, in the order they are asked (the first hover wins;
 * completion items keep this order). Adding a provider = one file exporting it + one entry here.
 */
import type { CodeLensContributor, CompletionContributor, DefinitionContributor, HoverContributor } from './contributors';
import { skeletonCompletionProvider } from './skeletonCompletion';
import { callCompletionProvider } from './callCompletion';
import { bindingCompletionProvider } from './bindingCompletion';
import { bindingHoverProvider } from './bindingHover';
import { crossFileDefinitionProvider } from './crossFileDefinition';
import { crossFileCompletionProvider } from './crossFileCompletion';
import { intercomCompletionProvider } from './intercomCompletion';
import { searchWindowHoverProvider } from './searchWindowHover';
import { intercomHoverProvider } from './intercomHover';

export const defaultCompletionProviders: readonly CompletionContributor[] = [
  skeletonCompletionProvider,
  callCompletionProvider,
  bindingCompletionProvider,
  crossFileCompletionProvider,
  intercomCompletionProvider,
];

export const defaultHoverProviders: readonly HoverContributor[] = [
  bindingHoverProvider,
  searchWindowHoverProvider,
  intercomHoverProvider,
];

export const defaultDefinitionProviders: readonly DefinitionContributor[] = [crossFileDefinitionProvider];

export const defaultCodeLensProviders: readonly CodeLensContributor[] = [];
