package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"integrationstudio/backend/cli"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/worker"
)

func TestBlueprintCommands(t *testing.T) {
	s := newStudio(t)
	ctx := context.Background()
	data, err := os.ReadFile("../spec/testdata/petstorev3.json")
	if err != nil {
		t.Fatal(err)
	}
	im, err := worker.InProcess{}.Import(ctx, worker.ImportRequest{Name: "petstorev3.json", Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, its, closer, err := s.open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	imp, err := its.Import(ctx, integration.ImportInput{Name: "Petstore", FileName: "petstorev3.json", Original: data, Spec: im.Result()})
	closer.Close()
	if err != nil {
		t.Fatal(err)
	}
	id := imp.Integration.ID

	code, out, errOut := s.run(terminal{}, "blueprint", "generate", "--from", id+"/findPetsByStatus", "--name", "Pets")
	if code != cli.ExitOK || !strings.Contains(out, `Created blueprint "Pets" with 7 fields`) || !strings.Contains(out, "category.name") {
		t.Fatalf("generate: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = s.run(terminal{}, "blueprint", "create", "Owners", "--description", "Pet owners", "--field", "email:Contact email:required", "--field", "name:Full name", "--json")
	var b struct {
		Fields []struct {
			Name            string
			MappingRequired bool
		}
	}
	if code != cli.ExitOK || json.Unmarshal([]byte(out), &b) != nil || len(b.Fields) != 2 || !b.Fields[0].MappingRequired {
		t.Fatalf("create: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut = s.run(terminal{}, "blueprint", "create", "Bad", "--description", "d", "--field", "only-a-name"); code != cli.ExitUsage || !strings.Contains(errOut, "name:description") {
		t.Errorf("bad field: exit %d %s", code, errOut)
	}
	if code, _, errOut = s.run(terminal{}, "blueprint", "generate", "--from", id+"/deletePet"); code == cli.ExitOK || !strings.Contains(errOut, "no JSON schema") {
		t.Errorf("generate without a response schema: exit %d %s", code, errOut)
	}
	code, out, _ = s.run(terminal{}, "blueprint", "list")
	if code != cli.ExitOK || !strings.Contains(out, "Owners") || !strings.Contains(out, "Pets") {
		t.Errorf("list: %s", out)
	}
	if code, out, _ = s.run(terminal{}, "blueprint", "delete", "owners"); code != cli.ExitOK || !strings.Contains(out, "Deleted") {
		t.Errorf("delete: exit %d %s", code, out)
	}
	if code, out, _ = s.run(terminal{}, "playbook", "list", "--json"); code != cli.ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("playbook list: exit %d %s", code, out)
	}
	if code, _, errOut = s.run(terminal{}, "playbook", "run", "nothing"); code != cli.ExitFailure || !strings.Contains(errOut, "no playbook named") {
		t.Errorf("run unknown: exit %d %s", code, errOut)
	}
}
