/** Imports every rule module so that each registers itself. One line per rule file. */
export {};
import './bindingRules';
