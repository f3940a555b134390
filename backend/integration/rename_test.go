package integration_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
)

var renameActions = []integration.ActionText{
	{ID: "a1", Name: "Photo Records Get", Description: "Get photo records"},
	{ID: "a2", Name: "Albums Get", Description: "Lists albums. Get them all."},
	{ID: "a3", Name: "Create Album", Description: ""},
}

func TestRenamePreview(t *testing.T) {
	tests := []struct {
		name    string
		rename  integration.Rename
		want    []integration.RenameChange
		wantErr string // and the field it is on, after "|"
	}{
		{"seed example with a group",
			integration.Rename{Pattern: `(.*?) Get`, Replacement: `Get $1`, Target: integration.RenameName},
			[]integration.RenameChange{
				{ActionID: "a1", Field: "name", Before: "Photo Records Get", After: "Get Photo Records"},
				{ActionID: "a2", Field: "name", Before: "Albums Get", After: "Get Albums"},
			}, ""},
		{"$1 followed by letters is group 1, then the letters",
			integration.Rename{Pattern: `^(\w+) Get$`, Replacement: `$1s`, Target: integration.RenameName},
			[]integration.RenameChange{{ActionID: "a2", Field: "name", Before: "Albums Get", After: "Albumss"}}, ""},
		{"no match changes nothing",
			integration.Rename{Pattern: `Delete`, Replacement: `Remove`, Target: integration.RenameBoth},
			[]integration.RenameChange{}, ""},
		{"case-insensitive, description only, every match",
			integration.Rename{Pattern: `get`, Replacement: `fetch`, Target: integration.RenameDescription, IgnoreCase: true},
			[]integration.RenameChange{
				{ActionID: "a1", Field: "description", Before: "Get photo records", After: "fetch photo records"},
				{ActionID: "a2", Field: "description", Before: "Lists albums. Get them all.", After: "Lists albums. fetch them all."},
			}, ""},
		{"case-sensitive by default",
			integration.Rename{Pattern: `get`, Replacement: `fetch`, Target: integration.RenameDescription},
			[]integration.RenameChange{}, ""},
		{"both fields, selected actions only",
			integration.Rename{Pattern: `Album`, Replacement: `Gallery`, Target: integration.RenameBoth, ActionIDs: []string{"a3"}},
			[]integration.RenameChange{{ActionID: "a3", Field: "name", Before: "Create Album", After: "Create Gallery"}}, ""},
		{"names are trimmed as the editor stores them",
			integration.Rename{Pattern: `Album$`, Replacement: ` `, Target: integration.RenameName, ActionIDs: []string{"a3"}},
			[]integration.RenameChange{{ActionID: "a3", Field: "name", Before: "Create Album", After: "Create"}}, ""},
		{"an empty selection changes nothing (it is not all)",
			integration.Rename{Pattern: `Get`, Replacement: `Fetch`, Target: integration.RenameBoth, ActionIDs: []string{}},
			[]integration.RenameChange{}, ""},
		{"$$ is a literal dollar",
			integration.Rename{Pattern: `Create`, Replacement: `$$Create`, Target: integration.RenameName},
			[]integration.RenameChange{{ActionID: "a3", Field: "name", Before: "Create Album", After: "$Create Album"}}, ""},
		{"invalid pattern",
			integration.Rename{Pattern: `(.*? Get`, Replacement: `x`, Target: integration.RenameName},
			nil, "The pattern is not a valid regular expression: missing closing )|pattern"},
		{"empty pattern",
			integration.Rename{Pattern: ``, Target: integration.RenameName}, nil, "Enter a pattern|pattern"},
		{"group the pattern lacks",
			integration.Rename{Pattern: `(Get)`, Replacement: `$2`, Target: integration.RenameName},
			nil, "$2 refers to group 2, but the pattern has only 1.|replacement"},
		{"group with no groups at all",
			integration.Rename{Pattern: `Get`, Replacement: `${1}`, Target: integration.RenameName},
			nil, "the pattern has no groups|replacement"},
		{"named group reference",
			integration.Rename{Pattern: `(?P<verb>Get)`, Replacement: `${verb}`, Target: integration.RenameName},
			nil, "names a group; use numbers|replacement"},
		{"$letters is not silently a named group",
			integration.Rename{Pattern: `Get`, Replacement: `Cost in $USD`, Target: integration.RenameName},
			nil, "would insert a group named \"USD\"|replacement"},
		{"an invalid pattern with ignore case shows what the user typed",
			integration.Rename{Pattern: `(Get`, Replacement: `x`, Target: integration.RenameName, IgnoreCase: true},
			nil, "missing closing ): `(Get`|pattern"},
		{"too long a name",
			integration.Rename{Pattern: `^(.*)$`, Replacement: strings.Repeat("$1", 20), Target: integration.RenameName},
			nil, "the limit is 128|replacement"},
		{"unknown target",
			integration.Rename{Pattern: `x`, Target: "tags"}, nil, `Target "tags" is not one of|target`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.rename.Preview(renameActions)
			if tt.wantErr != "" {
				msg, field, _ := strings.Cut(tt.wantErr, "|")
				var ae *apperr.Error
				if err == nil || !strings.Contains(err.Error(), msg) {
					t.Fatalf("err = %v, want %q", err, msg)
				}
				if ae, _ = err.(*apperr.Error); ae == nil || ae.Field != field {
					t.Errorf("err field = %+v, want %q", ae, field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("changes:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRenameApplyAndUndo(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)
	r := integration.Rename{Pattern: `^(\w+) (.*)$`, Replacement: `$2 ($1)`, Target: integration.RenameName}
	preview, err := s.PreviewRename(ctx, id, r)
	if err != nil || len(preview) == 0 {
		t.Fatalf("PreviewRename = %v, %v", preview, err)
	}
	before, _ := s.PreviewRename(ctx, id, integration.Rename{Pattern: `^`, Target: integration.RenameName, Replacement: ""})
	if len(before) != 0 {
		t.Fatalf("a replace that changes nothing listed %v", before)
	}
	applied, err := s.ApplyRename(ctx, id, r)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(applied, preview) {
		t.Errorf("applied %v, previewed %v", applied, preview)
	}
	// Applying again finds the new names (nothing was lost or doubled).
	again, err := s.PreviewRename(ctx, id, integration.Rename{Pattern: `\(\w+\)$`, Replacement: "", Target: integration.RenameName})
	if err != nil || len(again) != len(applied) {
		t.Errorf("after apply, %d names end in a group, want %d (%v)", len(again), len(applied), err)
	}
	if err := s.UndoRename(ctx, id, applied); err != nil {
		t.Fatal(err)
	}
	if undone, _ := s.PreviewRename(ctx, id, r); !reflect.DeepEqual(undone, preview) {
		t.Errorf("after undo the preview differs: %v", undone)
	}
	if err := s.UndoRename(ctx, id, applied); apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "Cannot undo") {
		t.Errorf("undoing twice = %v, want a conflict", err)
	}

	// A replace that would empty a name is refused, and changes nothing.
	if _, err := s.ApplyRename(ctx, id, integration.Rename{Pattern: `.*`, Replacement: "", Target: integration.RenameName}); err == nil ||
		!strings.Contains(err.Error(), "without a name") {
		t.Errorf("emptying names = %v, want refused", err)
	}
	if still, _ := s.PreviewRename(ctx, id, r); !reflect.DeepEqual(still, preview) {
		t.Error("a refused replace changed the names")
	}
	if _, err := s.PreviewRename(ctx, id, integration.Rename{Pattern: "x", Target: integration.RenameName, ActionIDs: []string{"ghost"}}); apperr.Code(err) != apperr.NotFound {
		t.Errorf("unknown action in scope = %v, want not found", err)
	}
	if _, err := s.PreviewRename(ctx, "ghost", r); apperr.Code(err) != apperr.NotFound {
		t.Errorf("unknown integration = %v, want not found", err)
	}
}

func ExampleRename_Preview() {
	r := integration.Rename{Pattern: `(.*?) Get`, Replacement: `Get $1`, Target: integration.RenameName}
	changes, _ := r.Preview([]integration.ActionText{{ID: "1", Name: "Photo Records Get"}})
	for _, c := range changes {
		fmt.Printf("%s → %s\n", c.Before, c.After)
	}
	// Output: Photo Records Get → Get Photo Records
}
