package paginate_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/paginate"
)

// A vendor with cursor pagination: the cursor is nested in the response,
// and null on the last page.
func ExampleRun() {
	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("after") {
		case "":
			fmt.Fprint(w, `{"users":[{"id":1},{"id":2}],"meta":{"next":{"cursor":"u2"}}}`)
		case "u2":
			fmt.Fprint(w, `{"users":[{"id":3}],"meta":{"next":{"cursor":null}}}`)
		}
	}))
	defer vendor.Close()

	first, _ := http.NewRequest(http.MethodGet, vendor.URL+"/v1/users", nil)
	res, err := paginate.Run(context.Background(), paginate.Options{
		Config: paginate.Config{Type: paginate.Pointer, ResultsKey: "users", AfterParam: "after", PointerPath: "$.meta.next.cursor"},
		First:  first,
		// The runner applies credentials here (auth.Do).
		Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
			return vendor.Client().Do(req.WithContext(ctx))
		},
	})
	if err != nil {
		fmt.Println(err)
	}
	for _, it := range res.Items {
		fmt.Println(string(it))
	}
	for _, p := range res.Pages {
		fmt.Printf("page %d: HTTP %d, %d items\n", p.Number, p.Status, p.Items)
	}
	fmt.Println(res.Complete, res.StopReason)
	// Output:
	// {"id":1}
	// {"id":2}
	// {"id":3}
	// page 1: HTTP 200, 2 items
	// page 2: HTTP 200, 1 items
	// true no next cursor
}

// A 500 on page 2 ends paging: the items of page 1 are kept, and the
// error names the page.
func ExampleRun_vendorError() {
	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, `{"results":[{"id":1},{"id":2}]}`)
	}))
	defer vendor.Close()

	first, _ := http.NewRequest(http.MethodGet, vendor.URL+"/tickets", nil)
	res, err := paginate.Run(context.Background(), paginate.Options{
		Config: paginate.Config{Type: paginate.Page, ResultsKey: "results", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 2},
		First:  first,
		Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
			return vendor.Client().Do(req.WithContext(ctx))
		},
	})
	fmt.Println(len(res.Items), res.Complete)
	reason, _, _ := strings.Cut(res.StopReason, " from ") // then the vendor's host
	fmt.Println(reason)
	fmt.Println(apperr.Code(err))
	// Output:
	// 2 false
	// page 2: HTTP 500 Internal Server Error
	// unavailable
}

func ExampleNextLink() {
	link := []string{`<https://api.example.com/items?page=5>; rel="last", <?page=2&ids=1,2>; rel="next nofollow"`}
	next, ok := paginate.NextLink(link, "next")
	fmt.Println(next, ok)
	// Output: ?page=2&ids=1,2 true
}
