package budget

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
)

// Money is an exact amount in the minor unit of an election's currency (cents for EUR, grosze
// for PLN). It is never a float: Pabulib writes "4000.0", which reads as 400000 cents.
type Money int64

// MaxMoney bounds every amount read, in minor units (10^15: ten thousand billion euros), so
// that sums over thousands of projects cannot overflow.
const MaxMoney Money = 1_000_000_000_000_000

// currencyDigits gives the number of minor-unit digits of the ISO 4217 currencies met in
// participatory budgets; any other well-formed code is read with 2 digits.
var currencyDigits = map[string]int{
	"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "XOF": 0, "XAF": 0, "VND": 0,
	"BHD": 3, "KWD": 3, "TND": 3, "JOD": 3, "OMR": 3,
}

// Digits returns the number of decimal digits of currency's minor unit: 2 for EUR, PLN, USD
// and any code not listed, 0 for JPY, 3 for TND.
func Digits(currency string) int {
	if d, ok := currencyDigits[currency]; ok {
		return d
	}
	return 2
}

// ValidCurrency reports whether s has the form of an ISO 4217 code: three upper-case letters.
func ValidCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var errMoney = errors.New("not an amount")

// ParseMoney reads a decimal amount ("4000", "4000.0", "1234.56", "-5") in the minor unit of a
// currency with digits decimal digits. Digits beyond the minor unit must be zeros; amounts
// beyond [MaxMoney] are refused.
func ParseMoney(s string, digits int) (Money, error) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && (!hasDot || frac == "") {
		return 0, errMoney
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, errMoney
		}
	}
	if len(frac) > digits {
		if strings.Trim(frac[digits:], "0") != "" {
			return 0, errMoney
		}
		frac = frac[:digits]
	}
	frac += strings.Repeat("0", digits-len(frac))
	whole = strings.TrimLeft(whole, "0")
	if len(whole)+digits > 18 {
		return 0, errMoney
	}
	v, err := strconv.ParseInt(whole+frac+"", 10, 64)
	if whole+frac == "" {
		v, err = 0, nil
	}
	if err != nil || Money(v) > MaxMoney {
		return 0, errMoney
	}
	if neg {
		v = -v
	}
	return Money(v), nil
}

// Format writes m with digits decimal digits and a point ("1234.50"), as Pabulib files do
// when an amount has cents; whole amounts are written without decimals ("1234").
func (m Money) Format(digits int) string {
	if digits == 0 {
		return strconv.FormatInt(int64(m), 10)
	}
	neg := m < 0
	v := int64(m)
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	w, f := s[:len(s)-digits], s[len(s)-digits:]
	out := w
	if strings.Trim(f, "0") != "" {
		out += "." + f
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Display writes m for people: thousands grouped, the currency's decimals always shown,
// French ("1 603 000,00 PLN") or English ("1,603,000.00 PLN") conventions, and the currency
// code when known.
func (m Money) Display(digits int, currency string, french bool) string {
	return displayRat(new(big.Rat).SetFrac64(int64(m), 1), digits, currency, french)
}

// pow10 returns 10^n for small n.
func pow10(n int) int64 {
	v := int64(1)
	for i := 0; i < n; i++ {
		v *= 10
	}
	return v
}

// displayRat writes an exact amount of minor units r rounded half up to the minor unit.
func displayRat(r *big.Rat, digits int, currency string, french bool) string {
	// Round to an integer number of minor units.
	num := new(big.Int).Set(r.Num())
	den := r.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	s := q.String()
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	w, f := s[:len(s)-digits], s[len(s)-digits:]
	sep, dec := ",", "."
	if french {
		sep, dec = "\u202f", ","
	}
	var b strings.Builder
	if neg && strings.Trim(s, "0") != "" {
		b.WriteByte('-')
	}
	for i, c := range w {
		if i > 0 && (len(w)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if digits > 0 {
		b.WriteString(dec)
		b.WriteString(f)
	}
	if currency != "" {
		b.WriteString(" ")
		b.WriteString(currency)
	}
	return b.String()
}

// Amount is a sum of money with its currency, as measures and the Baromètre report it. An
// empty currency means the currency is unknown; amounts are only added within one currency.
type Amount struct {
	// Minor is the amount in the currency's minor unit.
	Minor Money `json:"minor"`
	// Currency is the ISO 4217 code, or "" when unknown.
	Currency string `json:"currency"`
}

// String writes the amount in English conventions ("1,603,000.00 PLN").
func (a Amount) String() string { return a.Minor.Display(Digits(a.Currency), a.Currency, false) }

// Display writes the amount in French or English conventions.
func (a Amount) Display(french bool) string {
	return a.Minor.Display(Digits(a.Currency), a.Currency, french)
}

// Add returns a+b, or an error when the currencies differ: amounts in PLN and EUR never add up.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.Currency != b.Currency {
		return Amount{}, &CurrencyError{A: a.Currency, B: b.Currency}
	}
	return Amount{Minor: a.Minor + b.Minor, Currency: a.Currency}, nil
}

// CurrencyError reports an attempt to add amounts in two currencies.
type CurrencyError struct{ A, B string }

func (e *CurrencyError) Error() string {
	return "budget: cannot add amounts in " + orUnknown(e.A) + " and " + orUnknown(e.B)
}

func orUnknown(c string) string {
	if c == "" {
		return "an unknown currency"
	}
	return c
}
