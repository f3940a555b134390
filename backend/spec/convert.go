package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"

	"integrationstudio/backend/apperr"
)

// convertedVersion is what Swagger 2.0 documents become.
const convertedVersion = "3.0.3"

// swaggerToOpenAPI3 converts a Swagger 2.0 JSON document with kin-openapi's
// converter (not a hand-written one) and returns OpenAPI 3.0.3 JSON.
func swaggerToOpenAPI3(name string, doc []byte) ([]byte, error) {
	doc, err := dropMapExtensions(doc)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: this Swagger 2.0 document cannot be converted: %v", name, err)
	}
	var v2 openapi2.T
	if err := json.Unmarshal(doc, &v2); err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: this Swagger 2.0 document has a field of the wrong type and cannot be converted: %v", name, err)
	}
	v3, err := convertSafely(&v2)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: converting Swagger 2.0 to OpenAPI 3 failed: %v", name, err)
	}
	v3.OpenAPI = convertedVersion
	out, err := json.Marshal(v3)
	if err != nil {
		return nil, fmt.Errorf("spec: encode converted document: %w", err)
	}
	return conventionalOrder(out)
}

// topLevelOrder is how OpenAPI documents are usually laid out; the
// converter emits keys alphabetically, which puts components first.
var topLevelOrder = []string{"openapi", "info", "externalDocs", "servers", "security", "tags", "paths", "webhooks", "components"}

func conventionalOrder(doc []byte) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(doc, &top); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteByte('{')
	write := func(k string) {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		appendString(&buf, k)
		buf.WriteByte(':')
		buf.Write(top[k])
		delete(top, k)
	}
	for _, k := range topLevelOrder {
		if _, ok := top[k]; ok {
			write(k)
		}
	}
	rest := make([]string, 0, len(top))
	for k := range top {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		write(k)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// convertSafely turns a converter panic on odd input into an error: one
// malformed file must not take the importer down.
func convertSafely(v2 *openapi2.T) (v3 *openapi3.T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the converter could not handle this document (%v)", r)
		}
	}()
	return openapi2conv.ToV3(v2)
}

// extensionMaps are Swagger 2.0 maps that may carry x- extensions beside
// their entries; kin-openapi reads them as plain maps and would choke on an
// extension where it expects an entry.
var extensionMaps = []string{"paths", "definitions", "parameters", "responses", "securityDefinitions"}

// dropMapExtensions removes x- keys from those maps. They are vendor notes
// with no meaning for calls; the spec's other extensions are kept.
func dropMapExtensions(doc []byte) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(doc, &top); err != nil {
		return nil, err
	}
	changed := false
	for _, key := range extensionMaps {
		raw, ok := top[key]
		if !ok {
			continue
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			continue // not an object: let the converter report it
		}
		dropped := false
		for k := range m {
			if strings.HasPrefix(k, "x-") {
				delete(m, k)
				dropped = true
			}
		}
		if dropped {
			encoded, err := json.Marshal(m)
			if err != nil {
				return nil, err
			}
			top[key] = encoded
			changed = true
		}
	}
	if !changed {
		return doc, nil
	}
	return json.Marshal(top)
}
