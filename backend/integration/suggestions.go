package integration

import (
	"context"
	"fmt"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/spec"
)

// AuthFromSuggestion turns an inferred security scheme into an auth method
// and defaults, on top of the method's usual defaults.
func AuthFromSuggestion(s spec.AuthSuggestion) (AuthMethod, auth.Defaults) {
	method := AuthMethod(s.Method)
	grant := auth.GrantType(s.GrantType)
	d := auth.DefaultsFor(auth.Method(method), grant)
	switch method {
	case AuthAPIKey:
		if d.APIKey == nil {
			d.APIKey = &auth.APIKeyDefaults{}
		}
		d.APIKey.HeaderName, d.APIKey.Preamble = s.HeaderName, s.Preamble
	case AuthOAuth2:
		if d.OAuth2 != nil {
			d.OAuth2.AuthorizationURL, d.OAuth2.TokenURL = s.AuthorizationURL, s.TokenURL
			d.OAuth2.Scope = strings.Join(s.Scopes, " ")
		}
	}
	return method, d
}

// PaginationFromSuggestion turns inferred pagination into a config.
func PaginationFromSuggestion(p spec.PaginationSuggestion) paginate.Config {
	c := paginate.Config{
		Type: paginate.Type(p.Type), ResultsKey: p.ResultsKey, PageSizeParam: p.PageSizeParam,
		IndexParam: p.IndexParam, PageParam: p.PageParam, AfterParam: p.AfterParam, PointerPath: p.PointerPath,
		LinkLocation: paginate.LinkLocation(p.LinkLocation), LinkHeaderName: p.HeaderName, NextPageKey: p.NextPageKey,
	}
	return c.Normalized()
}

// AcceptSuggestions applies the spec's inferred auth (the preferred scheme)
// and pagination to integration id. Each is applied only if it validates;
// the notes say what was applied and what was not, and why.
func (s *Service) AcceptSuggestions(ctx context.Context, id string, sug spec.Suggestions) ([]string, error) {
	var notes []string
	if len(sug.Auth) > 0 {
		method, defaults := AuthFromSuggestion(sug.Auth[0])
		if _, err := s.SetAuth(ctx, id, method, defaults); err != nil {
			if apperr.Code(err) != apperr.Invalid {
				return notes, err
			}
			notes = append(notes, fmt.Sprintf("Auth not applied (%s from scheme %q): %s", method, sug.Auth[0].SchemeName, apperr.Public(err).Message))
		} else {
			notes = append(notes, fmt.Sprintf("Auth: %s from scheme %q.", method, sug.Auth[0].SchemeName))
		}
	}
	if sug.Pagination != nil {
		c := PaginationFromSuggestion(*sug.Pagination)
		if _, err := s.SetPagination(ctx, id, c); err != nil {
			if apperr.Code(err) != apperr.Invalid {
				return notes, err
			}
			notes = append(notes, fmt.Sprintf("Pagination not applied (%s): %s", c.Type, apperr.Public(err).Message))
		} else {
			notes = append(notes, fmt.Sprintf("Pagination: %s.", c.Type))
		}
	}
	return notes, nil
}
