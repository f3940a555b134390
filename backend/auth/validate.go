package auth

import (
	"fmt"
	"strings"

	"integrationstudio/backend/apperr"
)

// Field paths are "auth." plus the JSON names, the form the CLI uses
// (auth.api_key.header_name=X-Key); list rows add "[i]" with i counted in
// the caller's list, blank rows included.
const (
	fieldMethod       = "auth.method"
	fieldExtraHeaders = "auth.extra_headers"
	fieldAPIKey       = "auth.api_key."
	fieldOAuth2       = "auth.oauth2."
)

// Validate returns the first problem with defaults d for method m, as an
// *apperr.Error whose Field names the input, or nil. Like ValidateAll it
// judges what Normalized keeps.
func Validate(m Method, d Defaults) error {
	if errs := ValidateAll(m, d); len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// ValidateAll returns every problem with defaults d for method m, in form
// order, each an *apperr.Error with its Field set so the UI can show it on
// that field.
//
// It judges d.Normalized(m): surrounding spaces are forgiven and the parts
// m does not use are ignored, because the form keeps them while the user
// switches methods. Store d.Normalized(m) (or use Clean) so that unchecked
// parts are never saved.
func ValidateAll(m Method, d Defaults) []error {
	if !m.Known() {
		return []error{apperr.FieldErrorf(fieldMethod,
			"Authentication method %q is not one of none, api_key, basic or oauth2.", string(m))}
	}
	n := normalize(m, d, true)
	var v validator
	switch m {
	case MethodAPIKey:
		v.apiKey(*n.APIKey)
		v.extraHeaders(n.ExtraHeaders, n.APIKey.HeaderName)
	case MethodOAuth2:
		v.oauth2(*n.OAuth2)
		v.extraHeaders(n.ExtraHeaders, "")
	}
	return v.errs
}

// Clean returns d.Normalized(m) if it is valid, else the first problem: the
// one call a save path needs.
func Clean(m Method, d Defaults) (Defaults, error) {
	if err := Validate(m, d); err != nil {
		return Defaults{}, err
	}
	return d.Normalized(m), nil
}

// validator collects field errors in the order they are found.
type validator struct{ errs []error }

func (v *validator) add(field, format string, args ...any) {
	v.errs = append(v.errs, apperr.FieldErrorf(field, format, args...))
}

func (v *validator) apiKey(k APIKeyDefaults) {
	const label = "API Key Header Name"
	if k.HeaderName == "" {
		v.add(fieldAPIKey+"header_name", "%s is required: the vendor's documentation names it, often Authorization (with preamble Bearer) or X-API-Key.", label)
	} else if msg := headerNameProblem(k.HeaderName); msg != "" {
		v.add(fieldAPIKey+"header_name", "%s: %s", label, msg)
	}
	if msg := preambleProblem(k.Preamble); msg != "" {
		v.add(fieldAPIKey+"preamble", "API Key Preamble %s", msg)
	}
}

// extraHeaders checks each non-blank row; methodHeader is the header the
// method itself sends, which an extra header must not override.
func (v *validator) extraHeaders(hs []Header, methodHeader string) {
	seen := map[string]bool{}
	for i, h := range hs {
		if h.Name == "" && h.Value == "" {
			continue
		}
		name := fmt.Sprintf("%s[%d].name", fieldExtraHeaders, i)
		value := fmt.Sprintf("%s[%d].value", fieldExtraHeaders, i)
		switch {
		case h.Name == "":
			v.add(name, "Extra header name is required.")
		case headerNameProblem(h.Name) != "":
			v.add(name, "Extra header: %s", headerNameProblem(h.Name))
		case secretish(h.Name):
			v.add(name, "Extra header %q looks like it carries a credential. %s", h.Name, secretAdvice)
		case methodHeader != "" && strings.EqualFold(h.Name, methodHeader):
			v.add(name, "Extra header %q is already the API Key Header Name; a second one would clash with the key.", h.Name)
		case seen[strings.ToLower(h.Name)]:
			v.add(name, "Extra header %q appears more than once (header names ignore case); keep one.", h.Name)
		}
		if h.Name != "" {
			seen[strings.ToLower(h.Name)] = true
		}
		if h.Value == "" {
			v.add(value, "Extra header %q needs a value; remove the row if it is not needed.", h.Name)
		} else if msg := headerValueProblem(h.Value); msg != "" {
			v.add(value, "Extra header %q value %s", h.Name, msg)
		}
	}
}

// secretAdvice ends every refusal of a credential-like field.
const secretAdvice = "Defaults are copied into every exported bundle, so secrets belong in the configuration's secret fields, which are stored only in the OS keyring."
