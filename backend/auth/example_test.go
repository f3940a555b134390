package auth_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

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

// A vendor that nests its token and sends the lifetime as a string.
func ExampleOAuth2Client_ClientCredentials() {
	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"data":{"accessToken":"tok-123","expiresIn":"3599.9"}}`)
	}))
	defer vendor.Close()

	o := auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials).OAuth2
	o.TokenURL = vendor.URL + "/oauth/token" // loopback: plain http is allowed
	o.TokenKey, o.TokenExpirationKey = "data.accessToken", "data.expiresIn"
	client := auth.OAuth2Client{Settings: *o, ClientID: "app", ClientSecret: "secret"}

	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	tok, err := client.ClientCredentials(context.Background(), now)
	fmt.Println(tok.AccessToken, tok.Expiry.Sub(now), err)
	// Output: tok-123 59m59s <nil>
}

func ExampleSlug() {
	fmt.Println(auth.Slug("Acme CRM (EU) — v2"))
	// Output: acme-crm-eu-v2
}
