package lint

import (
	"reflect"
	"strings"

	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/index"
	"gopkg.in/yaml.v3"
)

// prewarmSchemas builds, sequentially, everything libopenapi builds lazily
// and that pb33f/doctor's model walk would otherwise build from many
// goroutines at once without synchronisation (libopenapi v0.21.2):
//
//   - each index's high-level schema cache (SpecIndex.GetHighCache creates
//     it on first use, unguarded);
//   - every SchemaProxy's schema (SchemaProxy.Schema reads its cached result
//     outside its lock, and building a schema writes the low-level schema
//     that other goroutines read).
//
// Once everything is built, the walk only reads. This is what makes
// RunVacuum pass the race detector on specs with schema $refs.
//
// It returns, in the order met, the schemas that could not be built (what
// doctor reports as build errors, used when the doctor model is not built),
// and what the rules in natives.go read in place of the doctor model's
// lists: every schema built (once per SchemaProxy: a schema used through
// several $refs is listed once per reference), parameter, header and media
// type met.
func prewarmSchemas(doc *v3.Document, indexes []*index.SpecIndex, root *index.SpecIndex, everyUse bool) (failed []*base.SchemaProxy, met *nativeModel) {
	for _, idx := range append(indexes, root) {
		if idx != nil {
			idx.GetHighCache()
		}
	}
	w := &warmer{seen: map[visitKey]bool{}, walked: map[*yaml.Node]bool{}, everyUse: everyUse,
		met: &nativeModel{doc: doc, built: map[*base.SchemaProxy]*base.Schema{}, byValueNode: map[*yaml.Node]*base.Schema{}}}
	w.walk(reflect.ValueOf(doc), 0)
	return w.failed, w.met
}

const highModelPkg = "github.com/pb33f/libopenapi/datamodel/high"

var schemaProxyType = reflect.TypeOf((*base.SchemaProxy)(nil))

type warmer struct {
	seen   map[visitKey]bool
	walked map[*yaml.Node]bool // schemas walked, by their node
	// everyUse walks a schema again each time it is met (for the doctor model).
	everyUse bool
	failed   []*base.SchemaProxy
	met      *nativeModel
	// parent is the innermost Parameter, Header, MediaType, Components or
	// Schema being walked: what doctor makes a SchemaProxy's parent.
	parent any
}

type visitKey struct {
	t reflect.Type
	p uintptr
}

// maxWarmDepth bounds the walk; the doctor walk has its own limits and
// anything deeper is simply built by it later, as before.
const maxWarmDepth = 400

// walk visits the high-level model by reflection: exported fields of
// libopenapi high-level structs, slices, maps, libopenapi ordered maps
// (through ValuesFromOldest) and interfaces; it builds every SchemaProxy it
// meets and walks the schema it returns.
func (w *warmer) walk(v reflect.Value, depth int) {
	if !v.IsValid() || depth > maxWarmDepth {
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem(), depth+1)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		key := visitKey{v.Type(), v.Pointer()}
		if w.seen[key] {
			return
		}
		if v.Type() == schemaProxyType {
			w.seen[key] = true
			sp := v.Interface().(*base.SchemaProxy)
			if s := sp.Schema(); s != nil {
				w.met.built[sp] = s
				if low := sp.GoLow(); low != nil && low.GetValueNode() != nil {
					if _, dup := w.met.byValueNode[low.GetValueNode()]; !dup {
						w.met.byValueNode[low.GetValueNode()] = s
					}
				}
				// A schema met again through another reference (same
				// node) is built, but not walked or listed again: its
				// findings would be the same, at the same place, and
				// walking every use of every shared schema costs time
				// and memory (GitHub's spec: 69,000 uses of 40,000).
				// The doctor model walks every use, from many
				// goroutines: then every use is built here first.
				if root := s.GoLow().RootNode; root != nil && !w.everyUse {
					if w.walked[root] {
						return
					}
					w.walked[root] = true
				}
				w.met.schemas = append(w.met.schemas, s)
				w.met.schemaParents = append(w.met.schemaParents, w.parent)
				prev := w.parent
				w.parent = s
				w.walk(reflect.ValueOf(s), depth+1)
				w.parent = prev
			} else if sp.GetBuildError() != nil {
				w.failed = append(w.failed, sp)
			}
			return
		}
		if !strings.HasPrefix(v.Type().Elem().PkgPath(), highModelPkg) && !isOrderedMap(v.Type()) {
			return
		}
		w.seen[key] = true
		switch o := v.Interface().(type) {
		case *v3.Parameter:
			w.met.parameters = append(w.met.parameters, o)
		case *v3.Header:
			w.met.headers = append(w.met.headers, o)
		case *v3.MediaType:
			w.met.mediaTypes = append(w.met.mediaTypes, o)
		}
		switch v.Interface().(type) {
		case *v3.Parameter, *v3.Header, *v3.MediaType, *v3.Components:
			prev := w.parent
			w.parent = v.Interface()
			defer func() { w.parent = prev }()
		}
		if isOrderedMap(v.Type()) {
			w.walkOrderedMap(v, depth)
			return
		}
		w.walk(v.Elem(), depth+1)
	case reflect.Struct:
		if !strings.HasPrefix(v.Type().PkgPath(), highModelPkg) {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				w.walk(v.Field(i), depth+1)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), depth+1)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			w.walk(it.Value(), depth+1)
		}
	}
}

// isOrderedMap reports whether t is *orderedmap.Map[K, V] from libopenapi.
func isOrderedMap(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer &&
		t.Elem().PkgPath() == "github.com/pb33f/libopenapi/orderedmap" &&
		strings.HasPrefix(t.Elem().Name(), "Map[")
}

func (w *warmer) walkOrderedMap(v reflect.Value, depth int) {
	m := v.MethodByName("ValuesFromOldest")
	if !m.IsValid() {
		return
	}
	seq := m.Call(nil)[0] // iter.Seq[V]
	if seq.IsNil() {
		return
	}
	yield := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
		w.walk(args[0], depth+1)
		return []reflect.Value{reflect.ValueOf(true)}
	})
	seq.Call([]reflect.Value{yield})
}
