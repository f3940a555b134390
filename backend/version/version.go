// Package version reports the build's version; release builds set it with
// -ldflags "-X integrationstudio/backend/version.Version=…".
package version

// Version is the app version shown in the UI, the CLI and the user agent.
var Version = "0.1.0-dev"

// Name is the product name used in user agents, keyring service names and paths.
const Name = "Integration Studio"

// UserAgent names the app and its version on requests to vendors, so
// their logs show who called.
func UserAgent() string { return "IntegrationStudio/" + Version }
