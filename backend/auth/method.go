package auth

// Choice is one entry of the authentication method selector. The UI picks
// a method and, for OAuth 2.0, a grant type; listing each grant as its own
// entry lets one drop-down do both.
type Choice struct {
	Method    Method    `json:"method"`
	GrantType GrantType `json:"grant_type,omitempty"`
	Label     string    `json:"label"`
}

// Methods returns the selector's entries in UI order: the common methods
// first, No Auth last because the seed calls it rare.
func Methods() []Choice {
	return []Choice{
		{Method: MethodAPIKey, Label: "API Key"},
		{Method: MethodBasic, Label: "Basic Auth"},
		{Method: MethodOAuth2, GrantType: GrantAuthorizationCode, Label: "OAuth 2.0 — Authorization Code"},
		{Method: MethodOAuth2, GrantType: GrantClientCredentials, Label: "OAuth 2.0 — Client Credentials"},
		{Method: MethodNone, Label: "No Auth"},
	}
}

// Advice helps a consultant pick a method: a one-line summary and the
// signs in the vendor's documentation that point to it.
type Advice struct {
	Summary  string   `json:"summary"`
	ChooseIf []string `json:"choose_if"`
}

// Guidance returns the advice for a method (paraphrasing the seed's
// "choose this if" lists). For OAuth 2.0 an empty grant gives the general
// OAuth advice, shown before a grant is picked. The grant is ignored for
// other methods. ok is false for an unknown method or grant.
func Guidance(m Method, g GrantType) (a Advice, ok bool) {
	switch m {
	case MethodAPIKey:
		return Advice{
			Summary: "The simplest and most common method: one static key sent in a request header on every call.",
			ChooseIf: []string{
				"The vendor gives you a single static key or token to paste in.",
				`Requests carry it in a header such as Authorization (often as "Bearer <key>") or X-API-Key.`,
				"The key does not expire or refresh by itself; someone replaces it by hand when it is rotated.",
				"The vendor's documentation talks about an API key, a token or a bearer token.",
			},
		}, true
	case MethodBasic:
		return Advice{
			Summary: "A username and password sent with every request. Simple but weaker: prefer another method if the vendor offers one.",
			ChooseIf: []string{
				"The API asks for a username and password.",
				`The vendor's documentation explicitly says "Basic authentication".`,
				"The system is legacy, internal or an on-premises appliance.",
				"The credentials do not rotate automatically.",
			},
		}, true
	case MethodOAuth2:
		switch g {
		case "":
			return Advice{
				Summary: "Common for modern SaaS: the integration trades a client ID and secret for short-lived access tokens and renews them itself. Pick the grant type the vendor documents.",
				ChooseIf: []string{
					"The API needs a user to sign in and consent, or issues server-to-server tokens.",
					"Access tokens expire and are refreshed automatically.",
					"The documentation mentions authorization code, client credentials, access tokens or refresh tokens.",
				},
			}, true
		case GrantAuthorizationCode:
			return Advice{
				Summary: "For access a person grants: someone signs in at the vendor and approves it, and the integration then acts on their behalf.",
				ChooseIf: []string{
					"A user has to sign in or approve access.",
					"The documentation shows an authorization or consent screen.",
					"The vendor gives you an authorization URL as well as a token URL.",
					"The integration acts on behalf of a user or a tenant.",
				},
			}, true
		case GrantClientCredentials:
			return Advice{
				Summary: "For automated back-end integrations: the integration gets tokens with its own client ID and secret, and no one signs in.",
				ChooseIf: []string{
					"No user signs in.",
					"The integration talks server-to-server (machine-to-machine).",
					"The documentation mentions only a token endpoint.",
					"The API talks about service accounts or application (app-only) access.",
				},
			}, true
		}
	case MethodNone:
		return Advice{
			Summary: "Rare: requests carry no credentials at all.",
			ChooseIf: []string{
				"The API's documentation says authentication is not required.",
				"No headers, tokens or credentials are mentioned anywhere.",
				"The endpoints you need are public and read-only.",
				"The vendor's method is not supported here; a workflow may be able to fetch the data instead. Do not paste credentials into URLs or defaults to work around it: they would travel with every export.",
			},
		}, true
	}
	return Advice{}, false
}
