package integration

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"integrationstudio/backend/apperr"
)

// Limits on the details step. The frontend mirrors them in
// src/api/validation.ts for live feedback; these are the ones enforced.
const (
	NameMaxLength        = 64
	DescriptionMaxLength = 2000
)

// The name becomes a section header in workflow builders, so the seed
// forbids special characters: letters, digits, spaces, '-' and '_' only.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9 _-]+$`)

var nameBadChar = regexp.MustCompile(`[^A-Za-z0-9 _-]`)

// ValidateName returns a field error naming the first problem, or nil.
func ValidateName(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return apperr.FieldErrorf("name", "Name is required.")
	case utf8.RuneCountInString(name) > NameMaxLength:
		return apperr.FieldErrorf("name", "Name is %d characters long; the limit is %d.", utf8.RuneCountInString(name), NameMaxLength)
	case !namePattern.MatchString(name):
		bad := nameBadChar.FindString(name)
		return apperr.FieldErrorf("name", "Name contains %q; use only letters, digits, spaces, '-' and '_'.", bad)
	}
	return nil
}

// ValidateDescription returns a field error naming the problem, or nil.
func ValidateDescription(description string) error {
	description = strings.TrimSpace(description)
	switch {
	case description == "":
		return apperr.FieldErrorf("description", "Description is required.")
	case utf8.RuneCountInString(description) > DescriptionMaxLength:
		return apperr.FieldErrorf("description", "Description is %d characters long; the limit is %d.", utf8.RuneCountInString(description), DescriptionMaxLength)
	}
	return nil
}
