// Public surface of frameworks: the registry, validation, heading matching and the per-document choice.
export { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID } from './builtins';
export { chooseFramework, detectFramework, genreOf, scoreFrameworks, type FrameworkProblem, type FrameworkChoiceResult, type ChooseOptions, type DetectionScore } from './choose';
export { matchSections, matchedPhases, owningPhase, type PhaseMatch } from './match';
export { FrameworkRegistry, frameworkLoadErrorsToString } from './registry';
export { semanticErrors, validateFramework, type ValidateOptions } from './validate';
export { addWorkspaceFiles } from './workspaceFiles';
