package lint_test

import (
	"context"
	"fmt"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/lint"
)

func ExampleRunVacuum() {
	spec := []byte(`{
  "openapi": "3.0.3",
  "info": {
    "title": "Pets",
    "version": "1.0.0",
    "description": "Pets, with a few problems."
  },
  "servers": [
    {
      "url": "https://pets.acme.test"
    }
  ],
  "tags": [
    {
      "name": "pets",
      "description": "Pets."
    }
  ],
  "paths": {
    "/pets/": {
      "get": {
        "tags": [
          "pets"
        ],
        "description": "Lists pets.",
        "responses": {
          "200": {
            "description": "The pets."
          }
        }
      }
    }
  }
}`)
	findings, reports, err := lint.RunVacuum(context.Background(), spec, lint.VacuumOptions{
		Disabled: map[string]string{"paths-kebab-case": "checked by our own rules"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s %s line %d: %s\n", f.Severity, f.RuleID, f.Pointer, f.Line, f.Message)
	}
	c := finding.Count(findings)
	fmt.Printf("%d errors, %d warnings, %d infos\n", c.Errors, c.Warnings, c.Infos)
	for _, r := range reports {
		if r.Skipped {
			fmt.Printf("skipped %s: %s\n", r.RuleID, r.Reason)
		}
	}
	// Output:
	// error operation-operationId /paths/~1pets~1/get line 21: the `GET` operation does not contain an `operationId`
	// warning path-keys-no-trailing-slash /paths/~1pets~1 line 20: Path must not end with a slash: matches the expression `.+\/$`
	// warning operation-description /paths/~1pets~1/get line 21: operation method `GET` at path `/pets/` is missing a `summary`
	// 1 errors, 2 warnings, 0 infos
	// skipped oas3-no-$ref-siblings: not applicable: vacuum runs it on oas3_1 documents only, this one is OpenAPI 3.0.3
	// skipped paths-kebab-case: disabled: checked by our own rules
}
