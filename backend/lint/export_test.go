package lint

// ImportFile is importFile for the lint_test package.
var ImportFile = importFile
