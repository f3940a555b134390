package auth_test

import (
	"errors"
	"fmt"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
)

func ExampleValidateAll() {
	d := auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials)
	d.OAuth2.TokenURL = "http://login.example.com/oauth/token"
	d.OAuth2.RefreshBufferSeconds = 29
	d.ExtraHeaders = []auth.Header{{Name: "X-API-Key", Value: "s3cr3t"}}

	for _, err := range auth.ValidateAll(auth.MethodOAuth2, d) {
		var e *apperr.Error
		errors.As(err, &e)
		fmt.Println(e.Field)
	}

	d.OAuth2.TokenURL = "https://login.example.com/oauth/token"
	d.OAuth2.RefreshBufferSeconds = 300
	d.ExtraHeaders = nil
	clean, err := auth.Clean(auth.MethodOAuth2, d)
	fmt.Println(err, clean.OAuth2.CustomRefreshIntervalSeconds, clean.OAuth2.RefreshBufferSeconds)
	// Output:
	// auth.oauth2.token_url
	// auth.oauth2.refresh_buffer_seconds
	// auth.extra_headers[0].name
	// <nil> 0 300
}
