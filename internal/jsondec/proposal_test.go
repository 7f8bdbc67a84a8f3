package jsondec

import (
	"time"

	"github.com/civic-observatory/civic"
	"github.com/civic-observatory/civic/internal/text"
)

// proposal is a document shaped like a contribution proposal, to test paths and to
// benchmark against encoding/json.
type proposal struct {
	ID        string            `json:"id"`
	Format    string            `json:"format"`
	Language  string            `json:"language"`
	Title     map[string]string `json:"title"`
	Summary   map[string]string `json:"summary"`
	Axes      []int64           `json:"axes"`
	Speakers  []speaker         `json:"speakers"`
	Keywords  []string          `json:"keywords"`
	Duration  int64             `json:"duration"`
	Submitted time.Time         `json:"submitted"`
	Available civic.Date        `json:"-"`
	Remote    bool              `json:"remote"`
	Score     float64           `json:"score"`
	Note      *string           `json:"note"`
}

type speaker struct {
	Name         string `json:"name"`
	Email        string `json:"email"`
	Organisation string `json:"organisation"`
	Family       string `json:"family"`
}

const proposalJSON = `{
  "id": "retour-budget-participatif-grenoble",
  "format": "field_report",
  "language": "fr",
  "title": {"fr": "Évaluer un budget participatif", "en": "Evaluating a participatory budget"},
  "summary": {"fr": "Mesurer l'impact d'un budget participatif : indicateurs et moyens."},
  "axes": [1, 3],
  "speakers": [
    {"name": "Hélène Durand", "email": "helene.durand@example.fr", "organisation": "Ville de Grenoble", "family": "public"},
    {"name": "Marc Lefèvre", "email": "marc@example.org", "organisation": "Collectif Démocratie Ouverte", "family": "association"}
  ],
  "keywords": ["budget participatif", "évaluation", "indicateurs"],
  "duration": 15,
  "submitted": "2019-01-20T14:30:00+01:00",
  "remote": false,
  "score": 4.5,
  "note": null
}`

// decodeProposal decodes a proposal by hand, as the domain packages do; with check, it
// also checks e-mail addresses, recording problems with [Decoder.Fail].
func decodeProposal(d *Decoder, p *proposal, check bool) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "id":
			p.ID = d.Str()
		case "format":
			p.Format = d.Str()
		case "language":
			p.Language = d.Str()
		case "title":
			p.Title = make(map[string]string, 2)
			d.StringMap(func(k, v string) { p.Title[k] = v })
		case "summary":
			p.Summary = make(map[string]string, 2)
			d.StringMap(func(k, v string) { p.Summary[k] = v })
		case "axes":
			if d.Array() {
				for d.More() {
					p.Axes = append(p.Axes, d.Int())
				}
			}
		case "speakers":
			if d.Array() {
				for d.More() {
					p.Speakers = append(p.Speakers, speaker{})
					decodeSpeaker(d, &p.Speakers[len(p.Speakers)-1], check)
				}
			}
		case "keywords":
			p.Keywords = d.Strings()
		case "duration":
			p.Duration = d.Int()
		case "submitted":
			p.Submitted = d.Time()
		case "available":
			p.Available = d.Date()
		case "remote":
			p.Remote = d.Bool()
		case "score":
			p.Score = d.Float()
		case "note":
			if !d.Null() {
				s := d.Str()
				p.Note = &s
			}
		default:
			d.Unknown()
		}
	}
}

func decodeSpeaker(d *Decoder, s *speaker, check bool) {
	if !d.Object() {
		return
	}
	for d.Next() {
		switch string(d.Key()) {
		case "name":
			s.Name = d.Str()
		case "email":
			s.Email = d.Str()
			if check && s.Email != "" && !text.ValidEmail(s.Email) {
				d.Fail(civic.CodeInvalidEmail, s.Email)
			}
		case "organisation":
			s.Organisation = d.Str()
		case "family":
			s.Family = d.Str()
		default:
			d.Unknown()
		}
	}
}
