"""What the exports of survey tools look like, and how their headers and values map to a questionnaire.

- Microsoft Forms (xlsx): ID, Begintijd/Start time, Tijd van voltooien/Completion time, E-mail, Naam, then
  one column per question titled with the question text; multiple choice joined by ';' (with a trailing ';').
- Google Forms (CSV): Tijdstempel/Timestamp ("20/11/2025 14:03:12"), then question texts; multiple choice
  joined by ', '. No response id: a hash of the row is the stable id.
- LimeSurvey (CSV, ',' or ';'): id, submitdate, lastpage, startlanguage, seed, then question codes as
  headers; a multiple choice is one column per sub-question, `code[SQ001]`, with 'Y' when chosen.
- KoboToolbox/ODK (xlsx/CSV of our XLSForm): start, end, question names (with a group prefix 'groep/naam'),
  select_multiple as space-separated choice names plus 0/1 columns 'naam/keuze'; _id, _uuid,
  _submission_time (ISO 8601).
- The Excel template of this app: '[code] vraag' headers, 'Gemeente' first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from regisseur_app.domain.survey.views import OptionView, QuestionView, SurveyView
from regisseur_app.storage.engine import fold as _fold


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """storage.engine.fold, remembered: an export repeats the same few answer texts thousands of times."""
    return _fold(text)

IGNORE, RESPONSE_ID, TIME, MUNICIPALITY, RESPONDENT, QUESTION, OPTION = (
    "ignore", "id", "time", "municipality", "respondent", "question", "option")
TARGET_LABELS = {IGNORE: "(niet importeren)", RESPONSE_ID: "Antwoord-id", TIME: "Tijdstip van invullen",
                 MUNICIPALITY: "Gemeente", RESPONDENT: "Respondent (e-mailadres)"}
ID_HEADERS = ("_uuid", "id", "antwoord-id", "response id", "responseid", "instanceid", "meta/instanceid", "uuid")
TIME_HEADERS = ("tijdstempel", "timestamp", "submitdate", "datum verzonden", "_submission_time", "end",
                "tijd van voltooien", "voltooiingstijd", "completion time", "ingevuld op", "tijdstip van invullen")
EMAIL_HEADERS = ("e-mail", "email", "e-mailadres", "emailadres", "email address", "respondent (e-mailadres)")
MUNICIPALITY_HEADERS = ("gemeente", "municipality", "uw gemeente", "gemeente/gemeente")
TRUE_VALUES = {"1", "y", "yes", "ja", "true", "waar", "x", "on"}
FALSE_VALUES = {"0", "n", "no", "nee", "false", "onwaar", ""}
_SUB = re.compile(r"^(?P<base>.+?)\s*\[(?P<sub>[^\]]+)\]$")
_TEMPLATE = re.compile(r"^\[(?P<code>[A-Za-z_][A-Za-z0-9_]*)\]")
_SQ = re.compile(r"^SQ0*(\d+)$", re.IGNORECASE)
_ANSWER_CODE = re.compile(r"^A0*(\d+)$", re.IGNORECASE)  # LimeSurvey's default answer codes
_SCALE_VALUE = re.compile(r"^([1-5])(?:[.,]0+)?(?:\s*[-–:.]\s*.*)?$")


@dataclass(frozen=True)
class Target:
    kind: str
    question_id: int | None = None
    option_id: int | None = None


def detect_source(headers: list[str]) -> str:
    folded = {fold(h) for h in headers}
    if folded & {"_uuid", "_submission_time", "_id"} or any("/" in h for h in headers if not h.startswith("[")):
        return "kobo"
    if folded & {"tijdstempel", "timestamp"}:
        return "google"
    if folded & {"submitdate", "lastpage", "startlanguage"} or any(_SUB.match(h) for h in headers):
        return "limesurvey"
    if "id" in folded and folded & {"begintijd", "start time", "tijd van voltooien", "completion time"}:
        return "msforms"
    if any(_TEMPLATE.match(h) for h in headers):
        return "template"
    return "bestand"


def _question(view: SurveyView, text: str) -> QuestionView | None:
    wanted = fold(text).strip()
    if not wanted:
        return None
    for q in view.questions:
        if fold(q.code) == wanted:
            return q
    for q in view.questions:
        if fold(q.text).rstrip(" ?:") == wanted.rstrip(" ?:"):
            return q
    match = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)[.:)]\s+(.*)$", text.strip())  # "v3. Welke…" / "Q3: …"
    if match:
        return _question(view, match.group(1)) or _question(view, match.group(2))
    return None


_OPTION_INDEX: dict[int, tuple[QuestionView, dict[str, OptionView]]] = {}


def _options_by_text(question: QuestionView) -> dict[str, OptionView]:
    """The options by folded label and code (the first option wins, as in the questionnaire's order);
    made once per question view, not for every cell of a 10.000-row file."""
    found = _OPTION_INDEX.get(id(question))
    if found is None or found[0] is not question:
        index: dict[str, OptionView] = {}
        for o in question.options:
            index.setdefault(fold(o.label), o)
            index.setdefault(fold(o.code), o)
        if len(_OPTION_INDEX) > 500:
            _OPTION_INDEX.clear()
        found = _OPTION_INDEX[id(question)] = (question, index)
    return found[1]


def option_for(question: QuestionView, text: str, answer_codes: bool = False) -> OptionView | None:
    """The option a cell means: its label or code, a sub-question code (`SQ002`: the second option), a
    scale point, ja/nee; with `answer_codes` (a LimeSurvey export) also LimeSurvey's default answer codes
    `A1`, `A2`, … (the first, second, … option, in the questionnaire's order)."""
    wanted = fold(text).strip()
    if not wanted:
        return None
    known = _options_by_text(question).get(wanted)
    if known is not None:
        return known
    sq = _SQ.match(text.strip()) or (_ANSWER_CODE.match(text.strip()) if answer_codes else None)
    if sq and 0 < int(sq.group(1)) <= len(question.options):
        return question.options[int(sq.group(1)) - 1]
    if question.kind == "scale":
        scale = _SCALE_VALUE.match(wanted)
        if scale:
            return next((o for o in question.options if o.value == float(scale.group(1))), None)
    if question.kind == "yesno" and question.options:
        if wanted in TRUE_VALUES - {"x", "on"}:
            return question.options[0]
        if wanted in FALSE_VALUES - {""}:
            return question.options[-1]
    return None


def suggest(view: SurveyView, header: str) -> Target:
    """The target a column most likely holds."""
    text = header.strip()
    folded = fold(text)
    template = _TEMPLATE.match(text)
    if template:
        q = _question(view, template.group("code"))
        if q:
            return Target(QUESTION, q.id)
    if "/" in text:  # Kobo: group/name or name/choice
        parts = text.split("/")
        q = _question(view, parts[-1])
        if q:
            return Target(QUESTION, q.id)
        q = _question(view, parts[-2]) if len(parts) > 1 else None
        if q and q.kind == "multi":
            option = option_for(q, parts[-1])
            if option:
                return Target(OPTION, q.id, option.id)
    sub = _SUB.match(text)
    if sub:
        q = _question(view, sub.group("base"))
        if q and q.has_options:
            option = option_for(q, sub.group("sub"))
            if option:
                return Target(OPTION, q.id, option.id)
    q = _question(view, text)
    if q:
        return Target(QUESTION, q.id)
    if folded in ID_HEADERS:
        return Target(RESPONSE_ID)
    if folded in TIME_HEADERS:
        return Target(TIME)
    if folded in EMAIL_HEADERS:
        return Target(RESPONDENT)
    if folded in MUNICIPALITY_HEADERS or folded.endswith("/gemeente"):
        return Target(MUNICIPALITY)
    return Target(IGNORE)


def suggest_all(view: SurveyView, headers: list[str]) -> list[Target]:
    targets = [suggest(view, h) for h in headers]
    # one response-id column: Kobo's _uuid wins over its numeric _id / LimeSurvey's id
    ids = [i for i, t in enumerate(targets) if t.kind == RESPONSE_ID]
    if len(ids) > 1:
        keep = next((i for i in ids if fold(headers[i]) == "_uuid"), ids[0])
        targets = [Target(IGNORE) if i in ids and i != keep else t for i, t in enumerate(targets)]
    times = [i for i, t in enumerate(targets) if t.kind == TIME]
    if len(times) > 1:  # prefer the moment of submission
        keep = next((i for i in times if fold(headers[i]) in ("_submission_time", "submitdate", "tijdstempel",
                                                              "timestamp")), times[-1])
        targets = [Target(IGNORE) if i in times and i != keep else t for i, t in enumerate(targets)]
    return targets


_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%y %H:%M:%S", "%d/%m/%Y",
            "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%d.%m.%Y %H:%M:%S")


def parse_timestamp(text: str) -> datetime:
    """The moment a tool wrote (nl-BE day first, US month first when the day cannot be first, ISO 8601 with
    offset as Kobo writes it). Raises ValueError (Dutch)."""
    cleaned = re.sub(r"\s+(GMT|CET|CEST|UTC)([+-]\d+)?$", "", str(text).strip())
    try:
        moment = datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
        return moment.replace(tzinfo=None) if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(f"'{text}' is geen datum met tijd die Regisseur herkent (bv. 20/11/2025 14:03)")


def is_checked(text: str, option: OptionView) -> bool | None:
    """A sub-question cell (LimeSurvey 'Y', Kobo 1/0, a label): True, False or None (not understood)."""
    value = fold(text).strip()
    if value in TRUE_VALUES or value in (fold(option.label), fold(option.code)):
        return True
    if value in FALSE_VALUES:
        return False
    return None


def split_choices(text: str, question: QuestionView, answer_codes: bool = False) -> list[str]:
    """The parts of a multiple-choice cell: the whole value if it is one option; else split on ';', ',' or
    whitespace (Kobo's choice names), whichever gives most known options."""
    text = text.strip().strip(";").strip()
    if not text or option_for(question, text, answer_codes):
        return [text] if text else []
    best: list[str] = [text]
    best_known = -1
    for separator in (";", ",", None):
        parts = [p.strip() for p in (text.split(separator) if separator else text.split()) if p.strip()]
        known = sum(1 for p in parts if option_for(question, p, answer_codes))
        if known > best_known or (known == best_known and known == len(parts) and len(parts) > len(best)):
            best, best_known = parts, known
    return best
