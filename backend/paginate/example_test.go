package paginate_test

import (
	"errors"
	"fmt"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/paginate"
)

func ExampleConfig_Validate() {
	c := paginate.Config{
		Type:        paginate.Pointer,
		ResultsKey:  "data",
		AfterParam:  "starting_after",
		PointerPath: "data.cursor",
	}
	var ae *apperr.Error
	if errors.As(c.Validate(), &ae) {
		fmt.Println(ae.Field)
		fmt.Println(ae.Message)
	}

	c.PointerPath = "$.meta.next_cursor"
	fmt.Println(c.Validate())

	link := paginate.Config{Type: "Link", ResultsKey: "items", LinkLocation: "header", NextPageKey: "stale"}
	fmt.Printf("%+v\n", link.Normalized())
	// Output:
	// pagination.pointer_path
	// Pointer JSONPath "data.cursor" must start with $, the root of the response (RFC 9535), e.g. $.data.cursor.
	// <nil>
	// {Type:link ResultsKey:items PageSizeParam: DefaultPageSize:0 DefaultPageLimit:0 IndexParam: PageParam: PageStart:0 LinkHeaderRel:next LinkHeaderName:link NextPageKey: LinkLocation:header AfterParam: PointerPath:}
}
