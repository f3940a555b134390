package integration_test

import (
	"context"
	"fmt"
	"testing"

	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
)

// BenchmarkListActions10k measures what the actions editor asks for while
// scrolling and filtering an integration with 10,000 actions: one page of
// 200 rows (with the total and the tag list). Results: docs/benchmarks.md.
func BenchmarkListActions10k(b *testing.B) {
	ctx := context.Background()
	s := newService(b, nil)
	res := importHelpdesk(b)
	base := res.Actions
	res.Actions = make([]spec.Action, 0, 10000)
	for i := 0; i < 10000; i++ {
		a := base[i%len(base)]
		a.Name = fmt.Sprintf("%s %d", a.Name, i)
		a.Path = fmt.Sprintf("%s/v%d", a.Path, i)
		a.OperationID = fmt.Sprintf("op%d", i)
		a.Tags = []string{fmt.Sprintf("tag%d", i%40)}
		res.Actions = append(res.Actions, a)
	}
	imp, err := s.Import(ctx, integration.ImportInput{FileName: "big.yaml", Spec: res})
	if err != nil {
		b.Fatal(err)
	}
	id := imp.Integration.ID
	for _, q := range []struct {
		name  string
		query integration.ActionQuery
	}{
		{"first-page", integration.ActionQuery{Limit: 200}},
		{"deep-page", integration.ActionQuery{Offset: 9600, Limit: 200}},
		{"search", integration.ActionQuery{Search: "ticket", Limit: 200}},
		{"tag", integration.ActionQuery{Tag: "tag7", Limit: 200}},
		{"paginated", integration.ActionQuery{Paginated: "yes", Limit: 200}},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				page, err := s.ListActions(ctx, id, q.query)
				if err != nil || page.Total == 0 {
					b.Fatalf("%+v, %v", page.Total, err)
				}
			}
		})
	}
}
