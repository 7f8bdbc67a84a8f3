package contribution_test

import "golang.org/x/text/language"

var frTag = language.French
