package redact

import "testing"

func TestPrettyJSON(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{`{"z":1,"a":[1,{"b":null}],"e":{},"f":[]}`, "{\n  \"z\": 1,\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}", true},
		{`{"access_token":"abc","data":{"password":{"x":[1,2]},"name":"n"},"ok":true}`,
			"{\n  \"access_token\": \"[REDACTED]\",\n  \"data\": {\n    \"password\": \"[REDACTED]\",\n    \"name\": \"n\"\n  },\n  \"ok\": true\n}", true},
		{`[1.50, "x\u003c"]`, "[\n  1.50,\n  \"x\\u003c\"\n]", true},
		{`"just a string"`, `"just a string"`, true},
		{`{"a":1} {"b":2}`, "", false},
		{`{"a":`, "", false},
		{`<html>`, "", false},
		{``, "", false},
	}
	for _, c := range cases {
		got, ok := PrettyJSON([]byte(c.in))
		if ok != c.ok || (ok && string(got) != c.want) {
			t.Errorf("PrettyJSON(%s) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
