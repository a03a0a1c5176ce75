/** Editor features of the `${…}` binding language: completion and hover. */
import './bindingCompletion';
import './bindingHover';
