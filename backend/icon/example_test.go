package icon_test

import (
	"fmt"

	"integrationstudio/backend/icon"
)

func ExampleSanitize() {
	res, err := icon.Sanitize([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)">
  <script>alert(2)</script>
  <circle cx="12" cy="12" r="10" fill="#0ea5e9"/>
</svg>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.SVG)
	for _, note := range res.Removed {
		fmt.Println(note)
	}

	_, err = icon.Sanitize([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	fmt.Println(err)
	// Output:
	// <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
	//   <circle cx="12" cy="12" r="10" fill="#0ea5e9"/>
	// </svg>
	// removed attribute onload from <svg> (line 1)
	// removed <script> (line 2)
	// This is a PNG image; the icon must be an SVG file.
}
