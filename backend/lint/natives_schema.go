package lint

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/daveshanley/vacuum/model"
	vacuumUtils "github.com/daveshanley/vacuum/utils"
	"github.com/pb33f/libopenapi-validator/helpers"
	"github.com/pb33f/libopenapi-validator/schema_validation"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	"github.com/pb33f/libopenapi/datamodel/low"
	"github.com/pb33f/libopenapi/orderedmap"
	libUtils "github.com/pb33f/libopenapi/utils"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"gopkg.in/yaml.v3"
)

// oas3Schema follows vacuum's oasDocumentSchema: the document must be valid
// against the OpenAPI JSON Schema of its version (libopenapi-validator).
// Vacuum asks the doctor model which object sits on the line after each
// violation to name its path; the validator already gives the exact
// instance location, so the finding is placed there: on the member that is
// wrong rather than on the object around it.
func oas3Schema(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	if m.document == nil || m.document.GetSpecInfo() == nil || m.document.GetSpecInfo().SpecType == "" {
		return nil
	}
	valid, errs := schema_validation.ValidateOpenAPIDocument(m.document)
	if valid {
		return nil
	}
	var out []model.RuleFunctionResult
	seen := map[[32]byte]bool{}
	for _, ve := range errs {
		for _, f := range ve.SchemaValidationErrors {
			key := sha256.Sum256(fmt.Appendf(nil, "%s:%d:%d:%s", f.Location, f.Line, f.Column, f.Reason))
			if seen[key] || f.Reason == "if-else failed" || f.Reason == "if-then failed" {
				continue
			}
			seen[key] = true
			out = append(out, model.RuleFunctionResult{
				Message: "schema invalid: " + canonicalReason(f.Reason),
				Path:    pointerToJSONPath(f.Location),
				Rule:    rule,
			})
		}
	}
	return out
}

// pointerToJSONPath writes a JSON pointer as a JSONPath with every step
// quoted, which pointerInDoc reads back against the document whether the
// step is a key or an array index.
func pointerToJSONPath(ptr string) string {
	var b strings.Builder
	b.WriteString("$")
	if ptr == "" || ptr == "/" {
		return b.String()
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		b.WriteString("['")
		b.WriteString(tok)
		b.WriteString("']")
	}
	return b.String()
}

// additionalProps matches jsonschema's message for properties a schema does
// not allow, which lists them in map order.
var additionalProps = regexp.MustCompile(`additional properties ((?:'[^']*'(?:, )?)+) not allowed`)

// canonicalReason lists the properties of such a message in sorted order,
// so the same problem reads the same on every run.
func canonicalReason(msg string) string {
	return additionalProps.ReplaceAllStringFunc(msg, func(m string) string {
		names := strings.Split(additionalProps.FindStringSubmatch(m)[1], ", ")
		slices.Sort(names)
		return "additional properties " + strings.Join(names, ", ") + " not allowed"
	})
}

// exampleBannedReasons are the validation failures vacuum's
// oasExampleSchema leaves out (as substrings).
var exampleBannedReasons = []string{"if-then failed", "if-else failed", "allOf failed", "oneOf failed"}

// exampleValidator validates examples against schemas the way
// libopenapi-validator's SchemaValidator does (compile the schema with
// santhosh-tekuri/jsonschema, validate, report each basic output error not
// matched by helpers.IgnoreRegex), but much faster on big specs: instead of
// rendering every schema inline and compiling the result once per example
// (GitHub's spec: 15 s in vacuum), the schemas are one compiler resource
// (newExampleValidator) and each is compiled in place, so the schemas it
// references are compiled once for all and cycles are no problem. A schema whose place is unknown falls back to the inline render.
// The compiler loads nothing: a remote or file $ref fails to compile
// instead of being fetched.
type exampleValidator struct {
	m        *nativeModel
	compiler *jsonschema.Compiler // nil if the document could not be used
	// where maps a schema's pointer in the document to where it is compiled
	// in the resource (see newExampleValidator); a pointer not in it is
	// compiled where it is.
	where    func(ptr string) string
	compiled map[any]*compiledSchema
}

const exampleDocURL = "urn:integration-studio:document"

// newExampleValidator prepares the compiler for the schemas that will be
// checked. jsonschema compiles a location that no keyword reaches from the
// resource's root by cloning the root's list of processed subschemas, which
// is quadratic over a big spec's schemas (2 s on GitHub's). So the
// resource holds only schemas, all reachable: its "$defs" is a copy of
// components.schemas, plus the other schemas to check, with every
// "#/components/schemas/…" reference pointing into "$defs" instead (a
// reference elsewhere fails to compile: that schema falls back to the
// inline render). A $defs entry that is not valid JSON Schema
// would fail the whole resource: such entries are taken out (the schemas
// that use them then fall back to the inline render, which reports them).
func newExampleValidator(m *nativeModel, schemas []*base.Schema) *exampleValidator {
	v := &exampleValidator{m: m, compiled: map[any]*compiledSchema{}}
	root, ok := m.decoded.(map[string]any)
	if !ok || m.positions == nil {
		return v
	}
	// Copies, not the rest of the document: GitHub's examples are most of it.
	defs := map[string]any{}
	if comps, ok := root["components"].(map[string]any); ok {
		if all, ok := comps["schemas"].(map[string]any); ok {
			defs = copyRewritingRefs(all, "#/components/schemas/", "#/$defs/").(map[string]any)
		}
	}
	resource := map[string]any{"$defs": defs}

	// Other schemas to check: each outermost one gets an entry.
	var extra []string
	for _, s := range schemas {
		if ptr, ok := v.pointerOf(s); ok && !strings.HasPrefix(ptr, "/components/schemas/") {
			extra = append(extra, ptr)
		}
	}
	slices.Sort(extra)
	extra = slices.Compact(extra)
	aliases := map[string]string{} // pointer → $defs key
	var outer []string
	for _, ptr := range extra {
		if len(outer) > 0 && strings.HasPrefix(ptr, outer[len(outer)-1]+"/") {
			continue
		}
		target, ok := lookupPointer(root, ptr)
		if !ok {
			continue
		}
		target = copyRewritingRefs(target, "#/components/schemas/", "#/$defs/")
		key := "inline:" + strconv.Itoa(len(aliases))
		for defs[key] != nil {
			key += "_"
		}
		defs[key] = target
		aliases[ptr] = key
		outer = append(outer, ptr)
	}
	v.where = func(ptr string) string {
		if rest, ok := strings.CutPrefix(ptr, "/components/schemas/"); ok {
			return "/$defs/" + rest
		}
		for p := ptr; p != ""; p = p[:strings.LastIndexByte(p, '/')] {
			if key, ok := aliases[p]; ok {
				return "/$defs/" + escapePointerToken(key) + ptr[len(p):]
			}
		}
		return ptr
	}

	for round := 0; round < 5; round++ {
		c := jsonschema.NewCompiler()
		c.UseLoader(refuseLoader{})
		if err := c.AddResource(exampleDocURL, resource); err != nil {
			return v
		}
		_, err := c.Compile(exampleDocURL) // loads and checks the resource
		var sve *jsonschema.SchemaValidationError
		if err == nil || !errors.As(err, &sve) {
			v.compiler = c
			return v
		}
		bad := invalidDefs(sve)
		if len(bad) == 0 {
			return v
		}
		for _, key := range bad {
			delete(defs, key)
		}
	}
	return v
}

// invalidDefs are the "$defs" entries a metaschema failure names.
func invalidDefs(sve *jsonschema.SchemaValidationError) []string {
	ve, ok := sve.Err.(*jsonschema.ValidationError)
	if !ok {
		return nil
	}
	set := map[string]bool{}
	stack := []*jsonschema.ValidationError{ve}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		stack = append(stack, e.Causes...)
		if len(e.InstanceLocation) >= 2 && e.InstanceLocation[0] == "$defs" {
			set[e.InstanceLocation[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	return out
}

// copyRewritingRefs deep-copies a document decoded by encoding/json,
// replacing the prefix from with to in every "$ref" string. Iterative, so
// nesting depth costs no stack.
func copyRewritingRefs(doc any, from, to string) any {
	type job struct {
		src any
		set func(any)
	}
	var out any
	stack := []job{{doc, func(v any) { out = v }}}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := j.src.(type) {
		case map[string]any:
			c := make(map[string]any, len(x))
			j.set(c)
			for k, val := range x {
				if ref, ok := val.(string); ok && k == "$ref" && strings.HasPrefix(ref, from) {
					c[k] = to + ref[len(from):]
					continue
				}
				stack = append(stack, job{val, func(v any) { c[k] = v }})
			}
		case []any:
			c := make([]any, len(x))
			j.set(c)
			for i, val := range x {
				stack = append(stack, job{val, func(v any) { c[i] = v }})
			}
		default:
			j.set(x)
		}
	}
	return out
}

// lookupPointer finds ptr in a document decoded by encoding/json.
func lookupPointer(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	cur := doc
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := cur.(type) {
		case map[string]any:
			v, ok := x[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			cur = x[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

type compiledSchema struct {
	schema *jsonschema.Schema
	err    error // a compile failure that the validator reports ("The schema cannot be decoded")
}

// refuseLoader is the compiler's only loader: references are never read.
type refuseLoader struct{}

func (refuseLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("%s: references are not fetched while linting", url)
}

// pointerOf is the JSON pointer of s's node in the document ("", false if unknown).
func (v *exampleValidator) pointerOf(s *base.Schema) (string, bool) {
	if v.m.positions == nil || s.GoLow() == nil || s.GoLow().RootNode == nil {
		return "", false
	}
	n := s.GoLow().RootNode
	at, ok := v.m.positions().find(n.Line, n.Column)
	if !ok || at.key {
		return "", false
	}
	return at.ptr, true
}

func (v *exampleValidator) compile(s *base.Schema) *compiledSchema {
	ptr, inPlace := v.pointerOf(s)
	inPlace = inPlace && v.compiler != nil
	var key any = s
	if inPlace {
		key = ptr
	}
	if c, ok := v.compiled[key]; ok {
		return c
	}
	c := &compiledSchema{}
	v.compiled[key] = c
	if inPlace {
		sch, err := v.compiler.Compile(exampleDocURL + "#" + escapeFragment(v.where(ptr)))
		if err == nil {
			c.schema = sch
			return c
		}
		// In place, a broken keyword anywhere below (or in what it
		// references) fails the whole schema; the inline render below
		// reports it as vacuum does.
	}
	rendered, _ := s.RenderInline()
	asJSON, _ := libUtils.ConvertYAMLtoJSON(rendered)
	compiler := jsonschema.NewCompiler()
	compiler.UseLoader(refuseLoader{})
	decoded, _ := jsonschema.UnmarshalJSON(strings.NewReader(string(asJSON)))
	_ = compiler.AddResource(renderedSchemaURL, decoded)
	sch, err := compiler.Compile(renderedSchemaURL)
	c.schema = sch
	var sve *jsonschema.SchemaValidationError
	if err != nil && errors.As(err, &sve) {
		// Vacuum's message names a schema.json in the working directory;
		// this one names the schema.
		where := "this schema"
		if inPlace {
			where = "the schema at " + ptr
		}
		c.err = errors.New(strings.Replace(err.Error(), strconv.Quote(renderedSchemaURL+"#"), where, 1))
	}
	return c
}

const renderedSchemaURL = "urn:integration-studio:schema"

// escapeFragment percent-encodes what a URL fragment cannot hold as is
// (a JSON pointer into paths has '{', '}', spaces, '%').
func escapeFragment(ptr string) string {
	return (&url.URL{Fragment: ptr}).EscapedFragment()
}

// reasons returns why example does not match s (nil when it does).
func (v *exampleValidator) reasons(s *base.Schema, example any) []string {
	if s == nil {
		return nil
	}
	c := v.compile(s)
	if c.err != nil {
		return []string{c.err.Error()}
	}
	if c.schema == nil || example == nil {
		return nil
	}
	err := c.schema.Validate(example)
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return nil
	}
	// Every failure in the tree, as BasicOutput lists them for an inlined
	// schema (what libopenapi-validator reads); on a schema with a $ref,
	// BasicOutput stops at the $ref with a bare "validation failed".
	var out []string
	printer := message.NewPrinter(language.Tag{})
	var stack []*jsonschema.ValidationError
	for i := len(ve.Causes) - 1; i >= 0; i-- { // the root only names the schema
		stack = append(stack, ve.Causes[i])
	}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for i := len(e.Causes) - 1; i >= 0; i-- {
			stack = append(stack, e.Causes[i])
		}
		if msg := e.ErrorKind.LocalizedString(printer); !helpers.IgnoreRegex.MatchString(msg) {
			out = append(out, canonicalReason(msg))
		}
	}
	return out
}

// oas3ValidSchemaExample follows vacuum's oasExampleSchema: every example
// of a schema, parameter, header or media type must be valid against its
// schema. Vacuum places each finding at the example's key node (its path,
// built from the doctor model, is not used to place it here either).
func oas3ValidSchemaExample(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	type pending struct {
		schema  *base.Schema
		key     *yaml.Node
		example any
	}
	var checks []pending
	check := func(s *base.Schema, key *yaml.Node, example any) {
		checks = append(checks, pending{s, key, example})
	}

	decode := func(n *yaml.Node) any {
		var x any
		if n != nil {
			_ = n.Decode(&x)
		}
		return x
	}
	// examples holds named Example objects (parameters, headers, media types).
	examples := func(s *base.Schema, all *orderedmap.Map[string, *base.Example]) {
		for _, ex := range all.FromOldest() {
			if ex != nil && ex.Value != nil {
				var key *yaml.Node
				if ex.GoLow() != nil {
					key = ex.GoLow().KeyNode
				}
				check(s, key, decode(ex.Value))
			}
		}
	}

	for _, s := range m.schemas {
		if s == nil || s.GoLow() == nil {
			continue
		}
		sl := s.GoLow()
		for _, item := range s.Examples {
			ex := item
			if ex == nil {
				continue
			}
			if isRef, _, _ := libUtils.IsNodeRefValue(ex); isRef {
				if s.ParentProxy == nil || s.ParentProxy.GoLow() == nil {
					continue
				}
				found, _, _, _ := low.LocateRefNodeWithContext(s.ParentProxy.GoLow().GetContext(), ex, m.index)
				if found == nil {
					continue
				}
				ex = found
			}
			// Vacuum names the item (examples[i]); its node is that item.
			check(s, item, decode(ex))
		}
		if s.Example != nil {
			ex := s.Example
			if isRef, _, _ := libUtils.IsNodeRefValue(ex); isRef && s.ParentProxy != nil && s.ParentProxy.GoLow() != nil {
				if found, _, _, _ := low.LocateRefNodeWithContext(s.ParentProxy.GoLow().GetContext(), ex, m.index); found != nil {
					ex = found
				}
			}
			// Vacuum first turns mapping keys and timestamps into strings
			// (changeKeys); the document here is always JSON, whose keys
			// are strings and which has no timestamps.
			check(s, sl.Example.GetKeyNode(), decode(ex))
		}
	}
	// A parameter, header or media type: its named examples, else its example.
	withSchema := func(sp *base.SchemaProxy, all *orderedmap.Map[string, *base.Example], example, exampleKey *yaml.Node) {
		if sp == nil {
			return
		}
		s := m.schemaOf(sp)
		if omLen(all) >= 1 {
			examples(s, all)
		} else if example != nil {
			check(s, exampleKey, decode(example))
		}
	}
	for _, p := range m.parameters {
		if l := p.GoLow(); l != nil {
			withSchema(p.Schema, p.Examples, p.Example, l.Example.GetKeyNode())
		}
	}
	for _, h := range m.headers {
		if l := h.GoLow(); l != nil {
			withSchema(h.Schema, h.Examples, h.Example, l.Example.GetKeyNode())
		}
	}
	for _, mt := range m.mediaTypes {
		if l := mt.GoLow(); l != nil {
			withSchema(mt.Schema, mt.Examples, mt.Example, l.Example.GetKeyNode())
		}
	}
	schemas := make([]*base.Schema, 0, len(checks))
	for _, c := range checks {
		schemas = append(schemas, c.schema)
	}
	v := newExampleValidator(m, schemas)
	var out []model.RuleFunctionResult
	for _, c := range checks {
		s, key, example := c.schema, c.key, c.example
		for _, reason := range v.reasons(s, example) {
			banned := false
			for _, b := range exampleBannedReasons {
				banned = banned || strings.Contains(reason, b)
			}
			if banned {
				continue
			}
			out = append(out, model.RuleFunctionResult{
				Message:   vacuumUtils.SuppliedOrDefault(rule.Message, reason),
				StartNode: key,
				EndNode:   vacuumUtils.BuildEndNode(key),
				Path:      "$",
				Rule:      rule,
			})
		}
	}
	return out
}
