package localapi

import (
	"encoding/json"
	"fmt"
)

// openAPI describes this API as OpenAPI 3.0 — importable into Integration
// Studio itself, which then calls it like any vendor.
func openAPI(port int) []byte {
	errResp := map[string]any{"description": "An error with a code and a message.", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	ok := func(desc string, schema map[string]any) map[string]any {
		return map[string]any{"200": map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": schema}}},
			"400": errResp, "401": errResp, "404": errResp}
	}
	idParam := map[string]any{"name": "id", "in": "path", "required": true, "description": "The integration's id.", "schema": map[string]any{"type": "string"}}
	doc := map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "Integration Studio local API", "version": "1",
			"description": "Run actions and playbooks of this Integration Studio from scripts. Listens on 127.0.0.1 only; every call needs an API token."},
		"servers":  []any{map[string]any{"url": fmt.Sprintf("http://127.0.0.1:%d", port)}},
		"security": []any{map[string]any{"bearer": []any{}}},
		"paths": map[string]any{
			"/v1/integrations": map[string]any{"get": map[string]any{"operationId": "listIntegrations", "summary": "List integrations",
				"description": "Every integration with its status and action count.",
				"responses":   ok("The integrations.", map[string]any{"type": "array", "items": map[string]any{"type": "object"}})}},
			"/v1/integrations/{id}/actions": map[string]any{"get": map[string]any{"operationId": "listActions", "summary": "List actions",
				"description": "An integration's actions, up to 1000 from the offset.",
				"parameters": []any{idParam,
					map[string]any{"name": "search", "in": "query", "description": "Part of a name, path or operationId.", "schema": map[string]any{"type": "string"}},
					map[string]any{"name": "offset", "in": "query", "description": "How many actions to skip.", "schema": map[string]any{"type": "integer", "minimum": 0}}},
				"responses": ok("A page of actions.", map[string]any{"type": "object"})}},
			"/v1/integrations/{id}/actions/{action}/run": map[string]any{"post": map[string]any{"operationId": "runAction", "summary": "Run an action",
				"description": "Calls the vendor with a configuration's credentials, paging through the results; the transcript is redacted.",
				"parameters":  []any{idParam, map[string]any{"name": "action", "in": "path", "required": true, "description": "The action's id, operationId or name.", "schema": map[string]any{"type": "string"}}},
				"requestBody": map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/RunRequest"}}}},
				"responses":   ok("The run: items, page trace, transcript.", map[string]any{"type": "object"})}},
			"/v1/integrations/{id}/runs/{run}": map[string]any{"get": map[string]any{"operationId": "getRun", "summary": "Get a run",
				"description": "One of the last 20 runs of an action.",
				"parameters":  []any{idParam, map[string]any{"name": "run", "in": "path", "required": true, "description": "The run's id.", "schema": map[string]any{"type": "string"}}},
				"responses":   ok("The run.", map[string]any{"type": "object"})}},
			"/v1/playbooks/{id}/run": map[string]any{"post": map[string]any{"operationId": "runPlaybook", "summary": "Run a playbook",
				"description": "Runs the playbook's action and maps every item into records.",
				"parameters":  []any{map[string]any{"name": "id", "in": "path", "required": true, "description": "The playbook's id or name.", "schema": map[string]any{"type": "string"}}},
				"responses":   ok("The playbook run.", map[string]any{"type": "object"})}},
		},
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "An API token (ist_…)."}},
			"schemas": map[string]any{
				"Error": map[string]any{"type": "object", "required": []any{"code", "message"}, "properties": map[string]any{
					"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}, "field": map[string]any{"type": "string"}}},
				"RunRequest": map[string]any{"type": "object", "properties": map[string]any{
					"configuration": map[string]any{"type": "string", "description": "The configuration's name or id (none for No Auth)."},
					"params":        map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"}},
					"body":          map[string]any{"description": "The JSON request body."},
					"maxPages":      map[string]any{"type": "integer", "minimum": 0, "maximum": 20}}},
			},
		},
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return b
}
