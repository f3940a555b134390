// Package integration is the catalogue of custom integrations: their details,
// status and actions as stored in SQLite.
package integration

import (
	"time"

	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
)

// Status is where an integration is in its life cycle (see the Rewst seed:
// draft → published / hidden; a finalized one never goes back to draft).
type Status string

const (
	StatusDraft     Status = "draft"
	StatusPublished Status = "published"
	StatusHidden    Status = "hidden"
)

// AuthMethod is how requests to the vendor authenticate.
type AuthMethod string

const (
	AuthNone   AuthMethod = "none"
	AuthAPIKey AuthMethod = "api_key"
	AuthBasic  AuthMethod = "basic"
	AuthOAuth2 AuthMethod = "oauth2"
)

// Summary is one row of the integrations list.
type Summary struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	IconSVG     string    `json:"iconSvg"`
	Status      Status    `json:"status"`
	ActionCount int       `json:"actionCount"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Integration is everything the editor holds about one integration, minus
// its actions and its OpenAPI document, which are loaded on demand.
type Integration struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	IconSVG     string `json:"iconSvg"`
	Hostname    string `json:"hostname"`
	// BasePath is the spec's server path (e.g. /v1), put before every
	// action's path.
	BasePath   string     `json:"basePath"`
	AuthMethod AuthMethod `json:"authMethod"`
	// AuthDefaults are the method's non-secret defaults (secrets live in
	// the OS keyring, per configuration).
	AuthDefaults auth.Defaults   `json:"authDefaults"`
	Pagination   paginate.Config `json:"pagination"`
	Status       Status          `json:"status"`
	FinalizedAt  *time.Time      `json:"finalizedAt"`
	ActionCount  int             `json:"actionCount"`
	CreatedAt    time.Time       `json:"createdAt"`
	UpdatedAt    time.Time       `json:"updatedAt"`
}

// CreateInput is what "New integration" asks for.
type CreateInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}
