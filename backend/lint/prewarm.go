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
	w := &warmer{seen: map[visitKey]bool{}, walked: map[*yaml.Node]bool{}, everyUse: everyUse, types: map[reflect.Type]*typeInfo{},
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
	// types caches what walk asks of each type (reflection's MethodByName,
	// FuncOf, Field and PkgPath were a third of the warm-up's own CPU time
	// on Graph v1.0).
	types map[reflect.Type]*typeInfo
	// yields holds one yield function per iter.Seq type, which walks each
	// value at depth yieldDepth+1 (set by walkOrderedMap around each call).
	yields     map[reflect.Type]reflect.Value
	yieldDepth int
}

// typeInfo is what walk needs to know about a type, computed once.
type typeInfo struct {
	// walked: a pointer to a libopenapi high-level struct or ordered map
	// (other pointers are not followed); for a struct, it is high-level.
	walked bool
	// ordered: *orderedmap.Map[K, V]; valuesFromOldest is then the index
	// of its ValuesFromOldest method (-1 without one).
	ordered          bool
	valuesFromOldest int
	// fields are the indexes of a struct's exported fields.
	fields []int
}

func (w *warmer) info(t reflect.Type) *typeInfo {
	if ti, ok := w.types[t]; ok {
		return ti
	}
	ti := &typeInfo{valuesFromOldest: -1}
	switch t.Kind() {
	case reflect.Pointer:
		ti.ordered = isOrderedMap(t)
		ti.walked = ti.ordered || strings.HasPrefix(t.Elem().PkgPath(), highModelPkg)
		if ti.ordered {
			if m, ok := t.MethodByName("ValuesFromOldest"); ok {
				ti.valuesFromOldest = m.Index
			}
		}
	case reflect.Struct:
		ti.walked = strings.HasPrefix(t.PkgPath(), highModelPkg)
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				ti.fields = append(ti.fields, i)
			}
		}
	}
	w.types[t] = ti
	return ti
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
		ti := w.info(v.Type())
		if !ti.walked {
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
		if ti.ordered {
			w.walkOrderedMap(v, ti, depth)
			return
		}
		w.walk(v.Elem(), depth+1)
	case reflect.Struct:
		ti := w.info(v.Type())
		if !ti.walked {
			return
		}
		for _, i := range ti.fields {
			w.walk(v.Field(i), depth+1)
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

func (w *warmer) walkOrderedMap(v reflect.Value, ti *typeInfo, depth int) {
	if ti.valuesFromOldest < 0 {
		return
	}
	seq := v.Method(ti.valuesFromOldest).Call(nil)[0] // iter.Seq[V]
	if seq.IsNil() {
		return
	}
	yt := seq.Type().In(0)
	yield, ok := w.yields[yt]
	if !ok {
		if w.yields == nil {
			w.yields = map[reflect.Type]reflect.Value{}
		}
		yield = reflect.MakeFunc(yt, func(args []reflect.Value) []reflect.Value {
			// A map met while walking this value sets yieldDepth for its
			// own values; it is restored for the next value of this one.
			d := w.yieldDepth
			w.walk(args[0], d+1)
			w.yieldDepth = d
			return yieldTrue
		})
		w.yields[yt] = yield
	}
	prev := w.yieldDepth
	w.yieldDepth = depth
	seq.Call([]reflect.Value{yield})
	w.yieldDepth = prev
}

// yieldTrue is what each yield returns: go on.
var yieldTrue = []reflect.Value{reflect.ValueOf(true)}
