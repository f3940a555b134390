package integration_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
)

func TestActionsEditor(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)

	all, err := s.ListActions(ctx, id, integration.ActionQuery{})
	if err != nil || all.Total != 5 || len(all.Actions) != 5 {
		t.Fatalf("ListActions = %d of %d, %v", len(all.Actions), all.Total, err)
	}
	paginated := 0
	for _, a := range all.Actions {
		if a.Paginated {
			paginated++
			if a.Pagination == nil || a.Pagination.Type == paginate.None || a.Pagination.Validate() != nil {
				t.Errorf("imported paginated action %s has pagination %+v", a.Name, a.Pagination)
			}
		}
	}
	if paginated != 2 {
		t.Errorf("%d imported actions are paginated, want 2 (tickets by page, customers by index)", paginated)
	}

	// Filters and pages.
	page, _ := s.ListActions(ctx, id, integration.ActionQuery{Limit: 2, Offset: 1})
	if page.Total != 5 || len(page.Actions) != 2 || page.Actions[0].ID != all.Actions[1].ID {
		t.Errorf("page 2 of 2 = %d actions of %d", len(page.Actions), page.Total)
	}
	gets, _ := s.ListActions(ctx, id, integration.ActionQuery{Method: "get"})
	for _, a := range gets.Actions {
		if a.Method != "GET" {
			t.Errorf("method filter let %s through", a.Method)
		}
	}
	if gets.Total == 0 || gets.Total == 5 {
		t.Errorf("method filter kept %d of 5", gets.Total)
	}
	tag := all.Actions[0].Tags[0]
	tagged, _ := s.ListActions(ctx, id, integration.ActionQuery{Tag: tag})
	if tagged.Total == 0 {
		t.Errorf("tag %q matched nothing", tag)
	}
	if !slices.Contains(tagged.Tags, tag) || !slices.IsSorted(tagged.Tags) || len(slices.Compact(slices.Clone(tagged.Tags))) != len(tagged.Tags) {
		t.Errorf("page tags = %v; want every tag, sorted, without duplicates", tagged.Tags)
	}
	pagedOnes, _ := s.ListActions(ctx, id, integration.ActionQuery{Paginated: "yes"})
	plain, _ := s.ListActions(ctx, id, integration.ActionQuery{Paginated: "no"})
	if pagedOnes.Total == 0 || plain.Total == 0 || pagedOnes.Total+plain.Total != all.Total {
		t.Errorf("paginated filter: %d yes + %d no, of %d", pagedOnes.Total, plain.Total, all.Total)
	}
	for _, a := range pagedOnes.Actions {
		if !a.Paginated {
			t.Errorf("paginated=yes let %s through", a.Name)
		}
	}
	if _, err := s.ListActions(ctx, id, integration.ActionQuery{Paginated: "maybe"}); apperr.Code(err) != apperr.Invalid {
		t.Errorf("paginated=maybe: %v", err)
	}
	none, _ := s.ListActions(ctx, id, integration.ActionQuery{Search: "100%_"})
	if none.Total != 0 {
		t.Errorf("LIKE wildcards in the search matched %d", none.Total)
	}
	byPath, _ := s.ListActions(ctx, id, integration.ActionQuery{Search: strings.ToUpper(all.Actions[0].Path)})
	if byPath.Total == 0 {
		t.Errorf("search by path %q matched nothing", all.Actions[0].Path)
	}

	// Add, then edit through validation.
	added, err := s.AddAction(ctx, id)
	if err != nil || added.Name != "New action 6" || added.Method != "GET" || added.Path != "/" || added.Position != 5 {
		t.Fatalf("AddAction = %+v, %v", added, err)
	}
	bad := []struct {
		edit  func(*integration.Action)
		field string
	}{
		{func(a *integration.Action) { a.Name = " " }, "action.name"},
		{func(a *integration.Action) { a.Method = "FETCH" }, "action.method"},
		{func(a *integration.Action) { a.Path = "users" }, "action.path"},
		{func(a *integration.Action) { a.Path = "/users?x=1" }, "action.path"},
		{func(a *integration.Action) { a.Path = "/users/{id" }, "action.path"},
		{func(a *integration.Action) { a.Parameters = json.RawMessage(`{"a":1}`) }, "action.parameters"},
		{func(a *integration.Action) { a.RequestBody = json.RawMessage(`{nope`) }, "action.requestBody"},
		{func(a *integration.Action) {
			a.Pagination = &paginate.Config{Type: paginate.Pointer, AfterParam: "after", PointerPath: "cursor"}
		}, "action.pagination.pointer_path"},
	}
	for _, b := range bad {
		a := added
		b.edit(&a)
		if _, err := s.UpdateAction(ctx, id, a); err == nil || err.(*apperr.Error).Field != b.field {
			t.Errorf("edit refused on %v, want %s", err, b.field)
		}
	}
	a := added
	a.Name, a.Method, a.Path, a.Paginated = "List tickets", "get", "/tickets/{id}/comments", true
	a.Pagination = &paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "after", PointerPath: "$.next", PageParam: "stale"}
	got, err := s.UpdateAction(ctx, id, a)
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != "GET" || !got.Paginated || got.Pagination.PointerPath != "$.next" || got.Pagination.PageParam != "" {
		t.Errorf("updated %+v %+v", got, got.Pagination)
	}
	// An override of the integration's own type names only what differs
	// (here the results key); the rest comes from the integration.
	if _, err := s.SetPagination(ctx, id, paginate.Config{Type: paginate.Pointer, AfterParam: "cursor", PointerPath: "$.meta.next"}); err != nil {
		t.Fatal(err)
	}
	partial := got
	partial.Pagination = &paginate.Config{Type: paginate.Pointer, ResultsKey: "items"}
	if saved, err := s.UpdateAction(ctx, id, partial); err != nil || saved.Pagination.ResultsKey != "items" {
		t.Errorf("a partial override of the same type = %+v, %v", saved.Pagination, err)
	}
	partial.Pagination = &paginate.Config{Type: paginate.Page, ResultsKey: "items"}
	if _, err := s.UpdateAction(ctx, id, partial); err == nil || err.(*apperr.Error).Field != "action.pagination.page_param" {
		t.Errorf("an override of another type must be whole; got %v", err)
	}
	if _, err := s.UpdateAction(ctx, id, got); err != nil { // back to the whole override for what follows
		t.Fatal(err)
	}
	a.ID = "ghost"
	if _, err := s.UpdateAction(ctx, id, a); apperr.Code(err) != apperr.NotFound {
		t.Errorf("update of an unknown action = %v", err)
	}

	// Delete two, undo, everything back in place.
	gone, err := s.DeleteActions(ctx, id, []string{all.Actions[1].ID, got.ID})
	if err != nil || len(gone) != 2 {
		t.Fatalf("DeleteActions = %v, %v", gone, err)
	}
	if left, _ := s.ListActions(ctx, id, integration.ActionQuery{}); left.Total != 4 {
		t.Errorf("%d actions left, want 4", left.Total)
	}
	if err := s.RestoreActions(ctx, id, gone); err != nil {
		t.Fatal(err)
	}
	back, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	if back.Total != 6 || back.Actions[1].ID != all.Actions[1].ID || back.Actions[5].Pagination == nil || back.Actions[5].Pagination.PointerPath != "$.next" {
		t.Errorf("after undo: %d actions, second %s, last %+v", back.Total, back.Actions[1].Name, back.Actions[5])
	}
	if err := s.RestoreActions(ctx, id, gone); apperr.Code(err) != apperr.Conflict {
		t.Errorf("restoring twice = %v, want a conflict", err)
	}
	if _, err := s.DeleteActions(ctx, id, []string{"ghost"}); apperr.Code(err) != apperr.NotFound {
		t.Errorf("deleting an unknown action = %v", err)
	}
	if _, err := s.ListActions(ctx, "ghost", integration.ActionQuery{}); apperr.Code(err) != apperr.NotFound {
		t.Errorf("actions of an unknown integration = %v", err)
	}
}

// Review findings: undo brings back every field; an imported action that
// breaks an editor rule stays editable; positions never collide.
func TestActionsUndoAndImportedRuleBreakers(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)
	all, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	var post integration.Action
	for _, a := range all.Actions {
		if a.Method == "POST" {
			post = a
		}
	}
	if post.RequestContentType == "" || post.CreatedAt == "" {
		t.Fatalf("imported POST action lacks its content type or creation time: %+v", post)
	}
	gone, err := s.DeleteActions(ctx, id, []string{post.ID})
	if err != nil {
		t.Fatal(err)
	}
	added, _ := s.AddAction(ctx, id) // takes the next position meanwhile
	if err := s.RestoreActions(ctx, id, gone); err != nil {
		t.Fatal(err)
	}
	back, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	positions := map[int]string{}
	for _, a := range back.Actions {
		if other, dup := positions[a.Position]; dup {
			t.Errorf("%s and %s share position %d", other, a.Name, a.Position)
		}
		positions[a.Position] = a.Name
		if a.ID == post.ID && (a.RequestContentType != post.RequestContentType || a.CreatedAt != post.CreatedAt || a.Position != post.Position) {
			t.Errorf("restored %+v, was %+v", a, post)
		}
	}
	if len(back.Actions) != len(all.Actions)+1 || added.Name != "New action 6" {
		t.Errorf("%d actions after add + restore; added %q", len(back.Actions), added.Name)
	}

	// A name longer than the editor allows, as an import can bring.
	long := post
	long.ID, long.Name, long.Method = "long-one", strings.Repeat("n", 150), "TRACE"
	long.Position = 99
	if err := s.RestoreActions(ctx, id, []integration.Action{long}); err != nil {
		t.Fatal(err)
	}
	long.Description = "Only the description changes."
	if got, err := s.UpdateAction(ctx, id, long); err != nil || got.Description != long.Description {
		t.Errorf("editing the description of a long-named action = %v", err)
	}
	long.Name = strings.Repeat("m", 150)
	if _, err := s.UpdateAction(ctx, id, long); err == nil || !strings.Contains(err.Error(), "the limit is 128") {
		t.Errorf("a new over-long name = %v", err)
	}

	// Search ignores case.
	if found, _ := s.ListActions(ctx, id, integration.ActionQuery{Search: strings.ToLower(all.Actions[0].Name)}); found.Total == 0 {
		t.Errorf("a lower-case search for %q found nothing", all.Actions[0].Name)
	}
}
