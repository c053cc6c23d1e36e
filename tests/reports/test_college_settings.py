"""Report settings and comments: logo (PNG or SVG) on the cover, validation in Dutch, comments kept per
municipality and period with undo, default sections."""

from __future__ import annotations

from datetime import date

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.reports.comments import get_comments
from regisseur_app.domain.reports.settings import ReportSettings, load_settings
from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.assemble import available_sections, build_report, default_section_keys
from regisseur_app.reports.college.render_pdf import write_pdf
from regisseur_app.reports.content import Scope

SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40"
fill="#1f4e79"/><text x="50" y="28" font-size="20">LOGO-IGO</text></svg>"""
BEKKEVOORT_2025 = Scope.year(2025, "24008", "Bekkevoort")


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("logo", [SVG, "png"])
def test_logo_and_sender_reach_the_cover(app_ctx, tmp_path, logo):
    data = _png() if logo == "png" else logo
    ops.save_report_settings(app_ctx, ReportSettings(association="IGO Proef", sender="Afzender: de regisseur",
                                                     logo=data))
    with app_ctx.reading() as session:
        settings = load_settings(session)
        assert settings.logo == data and settings.logo_kind == ("png" if logo == "png" else "svg")
        write_pdf(build_report(session, BEKKEVOORT_2025, []), tmp_path / "c.pdf")
    from pypdf import PdfReader

    cover = PdfReader(str(tmp_path / "c.pdf")).pages[0]
    text = cover.extract_text()
    assert "IGO Proef" in text and "Afzender: de regisseur" in text
    if logo == "png":
        assert len(cover.images) == 1
    else:
        assert "LOGO-IGO" in text  # the SVG is drawn as vector text and shapes


def test_settings_refuse_a_bad_logo_an_empty_name_and_a_national_number(app_ctx):
    with pytest.raises(ValidationError) as info:
        ops.save_report_settings(app_ctx, ReportSettings(association="", logo=b"GIF89a..."))
    assert set(info.value.errors) == {"association", "logo"}
    with pytest.raises(ValidationError) as info:
        ops.save_report_settings(app_ctx, ReportSettings(association="IGO", sender="85.07.30-033.28"))
    assert "sender" in info.value.errors


def test_default_sections_follow_the_setting(app_ctx):
    with app_ctx.reading() as session:
        assert default_section_keys(session) == [s.key for s in available_sections() if s.default_on]
    ops.save_report_settings(app_ctx, ReportSettings(association="IGO", default_sections=["evenementen"]))
    with app_ctx.reading() as session:
        assert default_section_keys(session) == ["evenementen"]
        assert [s.key for s in build_report(session, BEKKEVOORT_2025).sections] == ["evenementen"]


def test_comments_are_kept_per_municipality_and_period_with_undo(app_ctx):
    undo = []
    app_ctx.undo_sink = undo.append
    other_period = Scope(BEKKEVOORT_2025.nis_code, "Bekkevoort", date(2025, 1, 1), date(2025, 6, 30))
    ops.save_comment(app_ctx, BEKKEVOORT_2025, "evenementen", "Eerste versie")
    ops.save_comment(app_ctx, BEKKEVOORT_2025, "evenementen", "Tweede versie")
    with app_ctx.reading() as session:
        assert get_comments(session, BEKKEVOORT_2025) == {"evenementen": "Tweede versie"}
        assert get_comments(session, other_period) == {}
        assert get_comments(session, Scope.year(2025, "24028", "Geetbets")) == {}
    undo[-1].undo(app_ctx)
    with app_ctx.reading() as session:
        assert get_comments(session, BEKKEVOORT_2025) == {"evenementen": "Eerste versie"}
    with pytest.raises(ValidationError):
        ops.save_comment(app_ctx, BEKKEVOORT_2025, "evenementen", "Klant 85.07.30-033.28 kwam niet")


def test_settings_read_in_one_query_equal_each_key_read_alone(app_ctx):
    from regisseur_app.domain.core.settings import ASSOCIATION_NAME, get_setting
    from regisseur_app.domain.reports import settings as report_settings

    def alone(session) -> ReportSettings:  # noqa: ANN001  (the reading before it was one query)
        raw = get_setting(session, report_settings.LOGO_KEY)
        sections = get_setting(session, report_settings.SECTIONS_KEY, "\x00")
        import base64

        return ReportSettings(get_setting(session, ASSOCIATION_NAME), get_setting(session, report_settings.SENDER_KEY),
                              base64.b64decode(raw) if raw else b"", get_setting(session, report_settings.LOGO_KIND_KEY),
                              None if sections == "\x00" else [k for k in sections.split(",") if k])

    with app_ctx.reading() as session:
        assert load_settings(session) == alone(session)  # nothing stored but the association's name
    ops.save_report_settings(app_ctx, ReportSettings(association="IGO Proef", sender="De regisseur", logo=_png(),
                                                     default_sections=["evenementen", "plan"]))
    with app_ctx.reading() as session:
        loaded = load_settings(session)
        assert loaded == alone(session) and loaded.sender == "De regisseur" and loaded.logo_kind == "png"
