package civic_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/civic-observatory/civic"
	goldenpkg "github.com/civic-observatory/civic/internal/golden"
)

func TestPath(t *testing.T) {
	tests := []struct {
		name          string
		path          civic.Path
		dotted, point string
	}{
		{"root", nil, "", ""},
		{"member", civic.Path{}.Key("title"), "title", "/title"},
		{"nested", civic.Path{}.Key("speakers").Index(1).Key("email"), "speakers[1].email", "/speakers/1/email"},
		{"index first", civic.Path{}.Index(3).Key("id"), "[3].id", "/3/id"},
		{"odd names", civic.Path{}.Key("a/b").Key("c~d").Key("fr-CA"), `["a/b"]["c~d"]["fr-CA"]`, "/a~1b/c~0d/fr-CA"},
		{"empty name", civic.Path{}.Key(""), `[""]`, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.dotted, tt.path.String())
			assert.Equal(t, tt.point, tt.path.Pointer())
			back, err := civic.ParsePointer(tt.point)
			require.NoError(t, err)
			assert.Equal(t, tt.point, back.Pointer())
		})
	}
	_, err := civic.ParsePointer("a/b")
	assert.Error(t, err)
	_, err = civic.ParsePointer("/a~2")
	assert.Error(t, err)
}

func TestPathKeyDoesNotAlias(t *testing.T) {
	base := make(civic.Path, 0, 8).Key("a")
	x, y := base.Key("x"), base.Key("y")
	assert.Equal(t, "a.x", x.String())
	assert.Equal(t, "a.y", y.String())
}

// TestCodesHaveBothLanguages proves every code has an English and a French message, that
// they are distinct from the key, and that both use the same argument positions.
func TestCodesHaveBothLanguages(t *testing.T) {
	en := message.NewPrinter(language.English, message.Catalog(civic.Messages()))
	fr := message.NewPrinter(language.French, message.Catalog(civic.Messages()))
	verbs := regexp.MustCompile(`%\[(\d)\]`)
	seen := map[civic.Code]bool{}
	for _, c := range civic.Codes() {
		t.Run(string(c), func(t *testing.T) {
			assert.False(t, seen[c], "code listed twice")
			seen[c] = true
			assert.Regexp(t, `^[a-z][a-z0-9_]*$`, string(c))
			assert.True(t, c.Valid())
			args := []any{"A", "B", "C", "D", "E", "F"}
			e, f := en.Sprintf(string(c), args...), fr.Sprintf(string(c), args...)
			assert.NotEqual(t, string(c), e, "no English message")
			assert.NotEqual(t, string(c), f, "no French message")
			assert.NotEqual(t, e, f, "French message is the English one")
			assert.NotContains(t, e, "%!", "bad verb in English")
			assert.NotContains(t, f, "%!", "bad verb in French")
			assert.Equal(t, positions(verbs, e, c, en), positions(verbs, f, c, fr))
		})
	}
	assert.False(t, civic.Code("no_such_code").Valid())
}

// positions returns which arguments a message uses.
func positions(_ *regexp.Regexp, _ string, c civic.Code, p *message.Printer) []bool {
	args := []any{"ARG1", "ARG2", "ARG3", "ARG4", "ARG5", "ARG6"}
	s := p.Sprintf(string(c), args...)
	used := make([]bool, len(args))
	for i, a := range args {
		used[i] = strings.Contains(s, a.(string))
	}
	return used
}

// TestMessagesGolden writes every code in both languages to testdata/messages.golden, so a
// reviewer reads the whole catalogue in one place and any change shows in the diff.
func TestMessagesGolden(t *testing.T) {
	var b strings.Builder
	for _, tag := range civic.Languages() {
		p := civic.NewPrinter(tag)
		for _, c := range civic.Codes() {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", tag, c, p.Sprintf(string(c), "‹1›", "‹2›", "‹3›", "‹4›", "‹5›", "‹6›"))
		}
	}
	golden(t, "messages.golden", b.String())
}

// golden compares got with testdata/name (internal/golden; go test -update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenpkg.CheckString(t, name, got)
}

func TestMessagesAreIndependent(t *testing.T) {
	a, b := civic.Messages(), civic.Messages()
	require.NoError(t, a.SetString(language.French, string(civic.CodeRequired), "surchargé"))
	pa := message.NewPrinter(language.French, message.Catalog(a))
	pb := message.NewPrinter(language.French, message.Catalog(b))
	assert.Equal(t, "surchargé", pa.Sprintf(string(civic.CodeRequired)))
	assert.Equal(t, "est obligatoire", pb.Sprintf(string(civic.CodeRequired)))
}

func TestValidationError(t *testing.T) {
	var v civic.ValidationError
	require.NoError(t, v.Err())
	v.Add(civic.Path{}.Key("title"), civic.CodeRequired)
	v.Add(civic.Path{}.Key("speakers").Index(1).Key("email"), civic.CodeInvalidEmail, "x@")
	err := v.Err()
	require.Error(t, err)
	assert.True(t, errors.Is(err, civic.ErrInvalid))
	var fe *civic.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, civic.CodeRequired, fe.Code)
	assert.Equal(t, civic.CodeRequired, civic.ErrorCode(err))
	assert.Len(t, civic.FieldErrors(err), 2)
	assert.True(t, v.Has(civic.CodeInvalidEmail, civic.Path{}.Key("speakers").Index(1).Key("email")))
	assert.False(t, v.Has(civic.CodeInvalidEmail, civic.Path{}.Key("title")))
	assert.Equal(t, "civic: invalid document: 2 problems\n\ttitle: required: is required\n\tspeakers[1].email: invalid_email: \"x@\" is not an e-mail address", err.Error())

	fr := civic.NewPrinter(language.MustParse("fr-CA"))
	ps := v.Problems(fr)
	assert.Equal(t, civic.Problem{Path: "speakers[1].email", Pointer: "/speakers/1/email", Code: civic.CodeInvalidEmail, Args: []any{"x@"}, Message: "« x@ » n'est pas une adresse électronique"}, ps[1])

	var outer civic.ValidationError
	outer.Merge(civic.Path{}.Index(4), err)
	outer.Merge(nil, errors.New("disk on fire"))
	assert.Equal(t, "[4].title", outer.Errors[0].Path.String())
	assert.Equal(t, civic.CodeInternal, outer.Errors[2].Code)
}

func TestFieldErrorJSON(t *testing.T) {
	fe := &civic.FieldError{Path: civic.Path{}.Key("title"), Code: civic.CodeTooLong, Args: []any{150, 151}}
	b, err := fe.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"path":"title","pointer":"/title","code":"too_long","args":[150,151],"message":"must be at most 150 characters (has 151)"}`, string(b))
	assert.Equal(t, "doit compter au plus 150 caractères (en compte 151)", fe.Message(language.French))
}

func TestMatchLanguage(t *testing.T) {
	tests := map[string]language.Tag{"fr": language.French, "fr-CA": language.French, "en-GB": language.English, "de": language.English, "und": language.English}
	for in, want := range tests {
		assert.Equal(t, want, civic.MatchLanguage(language.Make(in)), in)
	}
}

func TestTextGet(t *testing.T) {
	txt := civic.Text{"fr": "Écosystème", "en": "Ecosystem", "es-CO": "Ecosistema"}
	tests := []struct{ tag, want string }{
		{"fr", "Écosystème"}, {"fr-CA", "Écosystème"}, {"en-GB", "Ecosystem"},
		{"es", "Ecosistema"}, {"es-CO", "Ecosistema"}, {"de", "Écosystème"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, txt.Get(language.MustParse(tt.tag)), tt.tag)
	}
	assert.Equal(t, "Ecosystem", civic.Text{"en": "Ecosystem"}.Get(language.French), "missing French falls back to English")
	assert.Equal(t, "Ecosistema", civic.Text{"es": "Ecosistema"}.Get(language.French), "last resort: any language")
	assert.Equal(t, "", civic.Text(nil).Get(language.French))
	assert.Equal(t, []string{"en", "es-CO", "fr"}, txt.Languages())
}

func TestTextCheck(t *testing.T) {
	var v civic.ValidationError
	civic.Text{"fr": "ok", "EN": "bad tag", "en": "", "de": "x\x00"}.Check(&v, civic.Path{}.Key("t"), true, 10)
	got := map[string]civic.Code{}
	for _, e := range v.Errors {
		got[e.Path.String()] = e.Code
	}
	assert.Equal(t, map[string]civic.Code{"t.EN": civic.CodeInvalidLang, "t.en": civic.CodeRequired, "t.de": civic.CodeControlChar}, got)
	v = civic.ValidationError{}
	civic.Text{}.Check(&v, nil, true, 0)
	assert.True(t, v.Has(civic.CodeRequired, nil))
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   string
		want civic.Date
		prec civic.Precision
		ok   bool
	}{
		{"2019", civic.Date{Year: 2019}, civic.PrecisionYear, true},
		{"2019-03", civic.MonthDate(2019, time.March), civic.PrecisionMonth, true},
		{"2019-03-18", civic.DayDate(2019, time.March, 18), civic.PrecisionDay, true},
		{"2020-02-29", civic.DayDate(2020, time.February, 29), civic.PrecisionDay, true},
		{"2019-02-29", civic.Date{}, "", false},
		{"2019-02-30", civic.Date{}, "", false},
		{"2019-13", civic.Date{}, "", false},
		{"2019-00", civic.Date{}, "", false},
		{"0000", civic.Date{}, "", false},
		{"19", civic.Date{}, "", false},
		{"2019-3-18", civic.Date{}, "", false},
		{"2019/03/18", civic.Date{}, "", false},
		{"２０１９", civic.Date{}, "", false},
	}
	re := regexp.MustCompile(civic.DatePattern)
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := civic.ParseDate(tt.in)
			if !tt.ok {
				require.Error(t, err)
				assert.Equal(t, civic.CodeInvalidDate, civic.ErrorCode(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
			assert.Equal(t, tt.prec, d.Precision())
			assert.Equal(t, tt.in, d.String())
			assert.True(t, re.MatchString(tt.in))
			b, err := d.MarshalText()
			require.NoError(t, err)
			var back civic.Date
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, d, back)
		})
	}
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	m := civic.MonthDate(2019, time.March)
	assert.Equal(t, time.Date(2019, 3, 1, 0, 0, 0, 0, paris), m.Start(paris))
	assert.Equal(t, time.Date(2019, 4, 1, 0, 0, 0, 0, paris), m.End(paris))
	assert.Equal(t, -1, civic.Date{Year: 2019}.Compare(m))
	assert.Equal(t, 1, civic.DayDate(2019, 3, 2).Compare(m))
	assert.False(t, civic.Date{Year: 2019, Month: 2, Day: 30}.Valid())
	_, err = civic.Date{Year: 2019, Day: 3}.MarshalText()
	assert.Error(t, err)
}

func TestParseTime(t *testing.T) {
	_, err := civic.ParseTime("2019-01-24T18:00:00+01:00")
	require.NoError(t, err)
	for _, bad := range []string{"2019-02-30T10:00:00Z", "2019-01-24 18:00", "2019-01-24T24:00:00Z", "", "2019-01-10T10:00:00,5Z", "2019-01-10T10:00:00+24:00", "2019-01-10T10:00:00+01:60", "2019-01-10T1:00:00Z", "2019-01-10t10:00:00z"} {
		_, err := civic.ParseTime(bad)
		assert.Equal(t, civic.CodeInvalidTime, civic.ErrorCode(err), bad)
	}
}

func TestFamilies(t *testing.T) {
	for _, k := range civic.OrgKinds() {
		assert.True(t, k.Family().Valid(), k)
		assert.NotEmpty(t, k.Label()["fr"], k)
		assert.NotEmpty(t, k.Label()["en"], k)
	}
	for _, f := range civic.Families() {
		assert.NotEmpty(t, f.Label().Get(language.French))
	}
	assert.Equal(t, civic.FamilyPublic, civic.KindCommune.Family())
	assert.Equal(t, civic.FamilyCompany, civic.KindStartup.Family())
	assert.Equal(t, civic.FamilyAssociation, civic.KindCollective.Family())
	assert.Equal(t, civic.FamilyAcademic, civic.KindThinkTank.Family())
	assert.Equal(t, civic.Family(""), civic.OrgKind("guild").Family())
	assert.Equal(t, civic.FamilyCitizen, civic.Person{Name: "Léa"}.Family())
}

func TestPersonValidate(t *testing.T) {
	p := civic.Person{Name: "", Email: "nope", Role: "x\u202e", Organisation: &civic.Organisation{Name: "Ville", Kind: "village", Country: "France", Website: "ftp://x"}}
	err := p.Validate()
	var got []string
	for _, e := range civic.FieldErrors(err) {
		got = append(got, e.Path.String()+":"+string(e.Code))
	}
	assert.Equal(t, []string{"name:required", "email:invalid_email", "role:bidi_char", "organisation.kind:unknown_value", "organisation.country:invalid_country", "organisation.website:invalid_url"}, got[:1+len(got)-1])
	require.NoError(t, civic.Person{Name: "Camille Martin", Email: "camille@example.fr"}.Validate())
	assert.True(t, civic.Organisation{Name: "Open Kenya", Kind: civic.KindAssociation, Country: "KE"}.International("FR"))
}
