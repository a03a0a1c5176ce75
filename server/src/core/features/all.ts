/** Imports every editor-feature module so that each registers its contributors. One line per module. */
export {};
import './skeletonCompletion';
import './callCompletion';
import './bindingFeatures';
import './crossFileDefinition';
import './crossFileCompletion';
import './intercomCompletion';
import './searchWindowHover';
import './intercomHover';
