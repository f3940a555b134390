// Package runner sends an action's request to the vendor with a
// configuration's credentials, pages through the results with the action's
// pagination, and keeps a redacted transcript of every exchange.
package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/version"
)

// ActionURL is where an action's request goes: https (plain http only for
// loopback hosts — 127.0.0.1, localhost, [::1] — where mock vendors run),
// the hostname, the base path and the action's path.
func ActionURL(hostname, basePath, path string) (string, error) {
	if hostname == "" {
		return "", apperr.FieldErrorf("hostname", "The integration has no hostname yet; set it in the editor's Hostname step.")
	}
	host := hostname
	if h, _, err := net.SplitHostPort(hostname); err == nil {
		host = h
	}
	scheme := "https"
	if auth.IsLoopback(strings.Trim(host, "[]")) {
		scheme = "http"
	}
	u, err := url.Parse(scheme + "://" + hostname + strings.TrimRight(basePath, "/") + path)
	if err != nil {
		return "", apperr.Errorf(apperr.Invalid, "The action's address is not a valid URL: %v", err)
	}
	return u.String(), nil
}

// Target is what a request is built from: the integration's address and
// one action.
type Target struct {
	Hostname    string
	BasePath    string
	Method      string
	Path        string
	Parameters  []spec.Parameter
	ContentType string // of the request body; empty means JSON
	HasBody     bool   // the action declares a request body
}

// Input is what the user filled in: parameter values by name (a name
// used in two places is told apart as "query.limit", "header.limit"),
// and the request body as JSON text.
type Input struct {
	Params map[string]string `json:"params"`
	Body   string            `json:"body"`
}

// BuildRequest makes the first request of a run: path parameters
// substituted and escaped, query and header parameters set, defaults
// applied, required ones enforced, the JSON body checked. Credentials are
// not applied here.
func BuildRequest(ctx context.Context, t Target, in Input) (*http.Request, error) {
	if err := checkUnknownParams(t.Parameters, in.Params); err != nil {
		return nil, err
	}
	path := t.Path
	query := url.Values{}
	header := http.Header{}
	for _, p := range t.Parameters {
		value, given := lookupParam(in.Params, p)
		if !given || value == "" {
			if p.Default != nil {
				value, given = defaultText(p.Default), true
			}
		}
		if !given || value == "" {
			if p.Required {
				return nil, apperr.FieldErrorf("params."+p.Name, "The %s parameter %q is required%s.", p.In, p.Name, describeEnum(p.Enum))
			}
			continue
		}
		if len(p.Enum) > 0 && !inEnum(p.Enum, value) {
			return nil, apperr.FieldErrorf("params."+p.Name, "%q is not an allowed value of %s%s.", value, p.Name, describeEnum(p.Enum))
		}
		switch p.In {
		case "path":
			placeholder := "{" + p.Name + "}"
			if !strings.Contains(path, placeholder) {
				return nil, apperr.FieldErrorf("params."+p.Name, "The path %s has no %s to fill.", t.Path, placeholder)
			}
			path = strings.ReplaceAll(path, placeholder, url.PathEscape(value))
		case "query":
			query.Add(p.Name, value)
		case "header":
			if strings.ContainsAny(value, "\r\n") {
				return nil, apperr.FieldErrorf("params."+p.Name, "The header %s must be on one line.", p.Name)
			}
			header.Set(p.Name, value)
		}
	}
	if i := strings.Index(path, "{"); i >= 0 {
		end := strings.IndexByte(path[i:], '}')
		name := path[i:]
		if end > 0 {
			name = path[i : i+end+1]
		}
		return nil, apperr.FieldErrorf("params", "The path %s needs %s, which is not among the action's parameters; add it in the actions editor.", t.Path, name)
	}
	target, err := ActionURL(t.Hostname, t.BasePath, path)
	if err != nil {
		return nil, err
	}
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	var body []byte
	if strings.TrimSpace(in.Body) != "" {
		if !t.HasBody && (t.Method == http.MethodGet || t.Method == http.MethodHead) {
			return nil, apperr.FieldErrorf("body", "A %s request does not take a body.", t.Method)
		}
		if !json.Valid([]byte(in.Body)) {
			return nil, apperr.FieldErrorf("body", "The request body is not valid JSON: %s", jsonProblem(in.Body))
		}
		var compact bytes.Buffer
		_ = json.Compact(&compact, []byte(in.Body))
		body = compact.Bytes()
	}
	method := strings.ToUpper(t.Method)
	var req *http.Request
	if body != nil {
		req, err = http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	} else {
		req, err = http.NewRequestWithContext(ctx, method, target, nil)
	}
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "The request cannot be built: %v", err)
	}
	for name, vs := range header {
		req.Header[name] = vs
	}
	req.Header.Set("User-Agent", version.UserAgent())
	req.Header.Set("Accept", "application/json")
	if body != nil {
		ct := t.ContentType
		if ct == "" || !strings.Contains(ct, "json") {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	return req, nil
}

func lookupParam(values map[string]string, p spec.Parameter) (string, bool) {
	if v, ok := values[p.In+"."+p.Name]; ok {
		return strings.TrimSpace(v), true
	}
	v, ok := values[p.Name]
	return strings.TrimSpace(v), ok
}

func checkUnknownParams(params []spec.Parameter, values map[string]string) error {
	known := map[string]bool{}
	for _, p := range params {
		known[p.Name] = true
		known[p.In+"."+p.Name] = true
	}
	var unknown []string
	for k := range values {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	names := make([]string, 0, len(params))
	for _, p := range params {
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return apperr.FieldErrorf("params."+unknown[0], "This action takes no parameters; %q is not one.", unknown[0])
	}
	return apperr.FieldErrorf("params."+unknown[0], "%q is not a parameter of this action; its parameters are: %s.", unknown[0], strings.Join(names, ", "))
}

func defaultText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64, bool, int, int64, json.Number:
		return fmt.Sprint(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func inEnum(enum []any, value string) bool {
	for _, e := range enum {
		if defaultText(e) == value {
			return true
		}
	}
	return false
}

func describeEnum(enum []any) string {
	if len(enum) == 0 {
		return ""
	}
	parts := make([]string, 0, len(enum))
	for i, e := range enum {
		if i == 10 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, defaultText(e))
	}
	return " (one of: " + strings.Join(parts, ", ") + ")"
}

// jsonProblem names where JSON text goes wrong, by line and column.
func jsonProblem(text string) string {
	var v any
	err := json.Unmarshal([]byte(text), &v)
	se, ok := err.(*json.SyntaxError)
	if !ok {
		if err != nil {
			return err.Error()
		}
		return "unknown problem"
	}
	line, col := 1, 1
	for i := 0; i < int(se.Offset) && i < len(text); i++ {
		if text[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%s at line %d, column %d.", se.Error(), line, col)
}
