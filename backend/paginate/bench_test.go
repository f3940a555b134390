package paginate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"integrationstudio/backend/paginate"
)

const (
	benchPages = 20
	benchItems = 1000
)

// benchVendor serves 20 pre-rendered pages of 1,000 items (about 110 KB
// each) on loopback, by page number (?page=) or by cursor (?after=).
func benchVendor(b *testing.B) (*httptest.Server, int) {
	pages := make([][]byte, benchPages+1)
	size := 0
	for p := 1; p <= benchPages; p++ {
		var sb strings.Builder
		sb.WriteString(`{"object":"list","results":[`)
		for i := 0; i < benchItems; i++ {
			id := (p-1)*benchItems + i
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, `{"id":%d,"name":"Item number %d","email":"user%d@example.com","active":true,"tags":["a","b"],"score":%d.5}`, id, id, id, id%97)
		}
		next := strconv.Itoa(p)
		if p == benchPages {
			next = "null"
		}
		fmt.Fprintf(&sb, `],"meta":{"next":{"cursor":%s}}}`, next)
		pages[p] = []byte(sb.String())
		size += sb.Len()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if a := r.URL.Query().Get("after"); a != "" {
			p, _ = strconv.Atoi(a)
			p++
		}
		if p == 0 {
			p = 1
		}
		if p < 1 || p > benchPages {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(pages[p])))
		_, _ = w.Write(pages[p])
	}))
	b.Cleanup(srv.Close)
	return srv, size / benchPages
}

// BenchmarkRun compares the engine with a bare net/http GET +
// json.Unmarshal of the same 20 pages × 1,000 items; one op is all 20
// pages. Run with:
//
//	go test ./backend/paginate/ -run '^$' -bench BenchmarkRun -benchmem -benchtime 30x -count 3
func BenchmarkRun(b *testing.B) {
	srv, pageBytes := benchVendor(b)
	client := srv.Client()
	send := func(ctx context.Context, req *http.Request) (*http.Response, error) {
		return client.Do(req.WithContext(ctx))
	}
	b.Logf("page body: %d bytes", pageBytes)

	b.Run("bare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var all []json.RawMessage
			for p := 1; p <= benchPages; p++ {
				resp, err := client.Get(srv.URL + "/items?per_page=1000&page=" + strconv.Itoa(p))
				if err != nil {
					b.Fatal(err)
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					b.Fatal(err)
				}
				var page struct {
					Results []json.RawMessage `json:"results"`
				}
				if err := json.Unmarshal(body, &page); err != nil {
					b.Fatal(err)
				}
				all = append(all, page.Results...)
			}
			if len(all) != benchPages*benchItems {
				b.Fatalf("%d items", len(all))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchPages), "ns/page")
	})

	for _, eng := range []struct {
		name string
		cfg  paginate.Config
	}{
		{"engine-page", paginate.Config{Type: paginate.Page, ResultsKey: "results", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 1000}},
		{"engine-pointer", paginate.Config{Type: paginate.Pointer, ResultsKey: "results", AfterParam: "after", PointerPath: "$.meta.next.cursor"}},
	} {
		b.Run(eng.name, func(b *testing.B) {
			b.ReportAllocs()
			var retained uint64
			for b.Loop() {
				first, _ := http.NewRequest(http.MethodGet, srv.URL+"/items", nil)
				res, err := paginate.Run(context.Background(), paginate.Options{Config: eng.cfg, First: first, Send: send})
				if len(res.Items) != benchPages*benchItems || len(res.Pages) != benchPages {
					b.Fatalf("%d items, %d pages, %v: %s", len(res.Items), len(res.Pages), err, res.StopReason)
				}
				if retained == 0 {
					retained = heapHeld(func() any { return res })
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchPages), "ns/page")
			b.ReportMetric(float64(retained)/(1<<20), "MiB-held")
		})
	}
	if hwm := peakRSS(); hwm != "" {
		b.Logf("process peak RSS (VmHWM, test server included): %s", hwm)
	}
}

// heapHeld is the live heap a result keeps: the heap after a GC with it
// reachable, minus the heap after a GC without it.
func heapHeld(keep func() any) uint64 {
	var with, without runtime.MemStats
	v := keep()
	runtime.GC()
	runtime.ReadMemStats(&with)
	runtime.KeepAlive(v)
	v = nil
	runtime.GC()
	runtime.ReadMemStats(&without)
	if with.HeapAlloc < without.HeapAlloc {
		return 0
	}
	return with.HeapAlloc - without.HeapAlloc
}

func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return ""
}
