"""The shipped kk-en names glossary (glossary/kk-en-names.tsv): format, coverage and consistency.

The file is read here with a small reader of its own, independent of kkaligner's glossary loader,
so a bug in the loader cannot hide a bug in the data (and the other way round); when the loader is
importable the file is also loaded through it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary" / "kk-en-names.tsv"
BUILD_SCRIPT = ROOT / "glossary" / "tools" / "build_names.py"

COLUMNS = [
    "source", "target", "alternatives", "forbidden", "kind", "pos",
    "case_sensitive", "dnt", "note", "provenance",
]
KINDS = {"person", "place", "country", "region", "city", "organisation", "programme", "term"}
CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(header, rows) of a rich-TSV file; rows keep their line number under '_line'."""
    header: list[str] = []
    rows: list[dict[str, str]] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        assert len(cells) == len(header), f"line {lineno}: {len(cells)} cells for {len(header)}"
        row = dict(zip(header, (c.strip() for c in cells)))
        row["_line"] = str(lineno)
        rows.append(row)
    return header, rows


def multi(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    return read_tsv(GLOSSARY)


@pytest.fixture(scope="module")
def rows(table) -> list[dict[str, str]]:
    return table[1]


@pytest.fixture(scope="module")
def by_source(rows) -> dict[str, dict[str, str]]:
    return {r["source"]: r for r in rows}


def test_file_starts_with_comments_then_the_fixed_header(table):
    lines = GLOSSARY.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("#")
    assert any("Unicode" in line and "CLDR" in line for line in lines if line.startswith("#"))
    assert table[0] == COLUMNS


def test_package_data_symlink_reaches_the_file():
    linked = ROOT / "src" / "kkaligner" / "data" / "glossary" / "kk-en-names.tsv"
    assert linked.resolve() == GLOSSARY.resolve()


def test_at_least_500_entries(rows):
    assert len(rows) >= 500


def test_every_row_has_source_target_kind_and_provenance(rows):
    missing = [(r["_line"], c) for r in rows for c in ("source", "target", "kind", "provenance")
               if not r[c]]
    assert missing == []


def test_kinds_and_booleans_use_the_agreed_values(rows):
    assert {r["kind"] for r in rows} <= KINDS
    for col in ("case_sensitive", "dnt"):
        assert {r[col] for r in rows} <= {"yes", "no", ""}, col


def test_no_duplicate_source(rows):
    seen: dict[str, str] = {}
    dups = []
    for r in rows:
        key = r["source"].casefold()
        if key in seen:
            dups.append((r["source"], seen[key], r["_line"]))
        seen[key] = r["_line"]
    assert dups == []


def test_no_stray_whitespace_or_empty_multi_values():
    for lineno, line in enumerate(GLOSSARY.read_text(encoding="utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        for cell in line.split("\t"):
            assert cell == cell.strip(), f"line {lineno}: {cell!r}"
            if "|" in cell:
                assert all(v.strip() for v in cell.split("|")), f"line {lineno}: {cell!r}"


# Every name in the seed article (shared/data/seed/baiterek-news.kk.txt) and its rendering.
SEED_NAMES = {
    "Ресей": "Russia",
    "Қазақстан": "Kazakhstan",
    "Украина": "Ukraine",
    "Мәскеу": "Moscow",
    "Астана": "Astana",
    "Байқоңыр": "Baikonur",
    "ВДНХ": "VDNKh",
    "Бәйтерек": "Baiterek",
    "Роскосмос": "Roscosmos",
    "Протон": "Proton",
    "Зенит": "Zenit",
    "Ангара": "Angara",
    "Союз-5": "Soyuz-5",
    "Владимир Путин": "Vladimir Putin",
    "Путин": "Putin",
    "Нұрсұлтан Назарбаев": "Nursultan Nazarbayev",
    "Назарбаев": "Nazarbayev",
    "Нұрсұлтан": "Nursultan",
    "Асқар Мәмин": "Askar Mamin",
    "Дмитрий Медведев": "Dmitry Medvedev",
    "Медведев": "Medvedev",
    "Дмитрий Рогозин": "Dmitry Rogozin",
    "Рогозин": "Rogozin",
    "Асқар Жұмағалиев": "Askar Zhumagaliyev",
}

# Forbidden variants the issue names explicitly.
REQUIRED_FORBIDDEN = {
    "Байқоңыр": {"Baykonur", "Baiqongyr"},
    "Бәйтерек": {"Bayterek"},
    "Роскосмос": {"Roskosmos"},
}


@pytest.mark.parametrize("source,target", sorted(SEED_NAMES.items()))
def test_seed_article_name_has_the_press_rendering(by_source, source, target):
    assert source in by_source, f"{source} missing"
    assert by_source[source]["target"] == target


@pytest.mark.parametrize("source,forbidden", sorted(REQUIRED_FORBIDDEN.items()))
def test_known_misrenderings_are_forbidden(by_source, source, forbidden):
    assert forbidden <= set(multi(by_source[source]["forbidden"]))


def test_seed_article_names_occur_in_the_seed_article():
    """The table above is about that article: each lemma's stem occurs in it (skip when absent)."""
    seed = ROOT.parent / "shared" / "data" / "seed" / "baiterek-news.kk.txt"
    if not seed.exists():
        pytest.skip(f"development data not found at {seed}")
    text = seed.read_text(encoding="utf-8")
    # Inflection can change the last letter's neighbourhood, never the stem's first letters.
    absent = [s for s in SEED_NAMES if s[: max(3, len(s) - 2)] not in text]
    assert absent == []


# Kazakhstan's 17 regions (since June 2022) and the three cities of republican significance.
REGIONS = {
    "Абай облысы": "Abai Region",
    "Ақмола облысы": "Akmola Region",
    "Ақтөбе облысы": "Aktobe Region",
    "Алматы облысы": "Almaty Region",
    "Атырау облысы": "Atyrau Region",
    "Батыс Қазақстан облысы": "West Kazakhstan Region",
    "Жамбыл облысы": "Zhambyl Region",
    "Жетісу облысы": "Jetisu Region",
    "Қарағанды облысы": "Karaganda Region",
    "Қостанай облысы": "Kostanay Region",
    "Қызылорда облысы": "Kyzylorda Region",
    "Маңғыстау облысы": "Mangystau Region",
    "Павлодар облысы": "Pavlodar Region",
    "Солтүстік Қазақстан облысы": "North Kazakhstan Region",
    "Түркістан облысы": "Turkistan Region",
    "Ұлытау облысы": "Ulytau Region",
    "Шығыс Қазақстан облысы": "East Kazakhstan Region",
}
CITIES = {
    "Астана": "Astana", "Алматы": "Almaty", "Шымкент": "Shymkent", "Қарағанды": "Karaganda",
    "Ақтөбе": "Aktobe", "Атырау": "Atyrau", "Ақтау": "Aktau", "Орал": "Oral", "Өскемен": "Oskemen",
    "Павлодар": "Pavlodar", "Петропавл": "Petropavl", "Қостанай": "Kostanay",
    "Көкшетау": "Kokshetau", "Тараз": "Taraz", "Қызылорда": "Kyzylorda", "Түркістан": "Turkistan",
    "Семей": "Semey", "Талдықорған": "Taldykorgan", "Қонаев": "Konaev",
    "Жезқазған": "Zhezkazgan",
}
OTHERS = {  # state bodies, space programme, people, organisations named in the issue
    "Парламент": "Parliament", "Мәжіліс": "Mazhilis", "Сенат": "Senate", "Үкімет": "Government",
    "Ақорда": "Akorda", "ҰҚК": "KNB", "Қазкосмос": "Kazcosmos",
    "Байқоңыр ғарыш айлағы": "Baikonur Cosmodrome", "Гагарин старты": "Gagarin's Start",
    "Сұңқар": "Sunkar", "ҚазСат": "KazSat", "Тоқтар Әубәкіров": "Toktar Aubakirov",
    "Талғат Мұсабаев": "Talgat Musabayev", "Айдын Айымбетов": "Aidyn Aimbetov",
    "Қасым-Жомарт Тоқаев": "Kassym-Jomart Tokayev", "Бейжің": "Beijing", "Бішкек": "Bishkek",
    "Ташкент": "Tashkent", "БҰҰ": "UN", "ШЫҰ": "SCO", "ТМД": "CIS", "ЕАЭО": "EAEU", "НАТО": "NATO",
}


@pytest.mark.parametrize("source,target", sorted({**REGIONS, **CITIES, **OTHERS}.items()))
def test_curated_name_has_the_press_rendering(by_source, source, target):
    assert source in by_source, f"{source} missing"
    assert by_source[source]["target"] == target


def test_all_17_regions_are_there(rows):
    regions = [r for r in rows if r["kind"] == "region" and r["source"].endswith(" облысы")]
    # 17 current regions plus South Kazakhstan Region, Turkistan Region's name until 2018.
    assert len(regions) == 18


def test_press_usage_variants_are_alternatives_or_forbidden(by_source):
    assert "Karagandy" in multi(by_source["Қарағанды"]["alternatives"])
    assert "Qaraghandy" in multi(by_source["Қарағанды"]["forbidden"])
    assert "Aqtobe" in multi(by_source["Ақтөбе"]["forbidden"])
    assert "Uralsk" in multi(by_source["Орал"]["alternatives"])
    assert "Ust-Kamenogorsk" in multi(by_source["Өскемен"]["alternatives"])


def test_forbidden_variants_never_equal_an_accepted_rendering(rows):
    clashes = []
    for r in rows:
        accepted = {r["target"].casefold(), *(a.casefold() for a in multi(r["alternatives"]))}
        clashes += [(r["source"], f) for f in multi(r["forbidden"]) if f.casefold() in accepted]
    assert clashes == []


def test_alternatives_do_not_repeat_the_target(rows):
    repeats = [r["source"] for r in rows
               if r["target"].casefold() in {a.casefold() for a in multi(r["alternatives"])}]
    assert repeats == []


def test_renderings_are_free_of_cyrillic(rows):
    bad = [(r["source"], v) for r in rows
           for v in [r["target"], *multi(r["alternatives"]), *multi(r["forbidden"])]
           if CYRILLIC.search(v)]
    assert bad == []


def test_kazakh_sources_have_no_latin_letters_unless_marked_dnt(rows):
    """Catches Latin homoglyphs typed into Kazakh words (Latin i for Kazakh і, a for а ...)."""
    bad = [(r["_line"], r["source"]) for r in rows if LATIN.search(r["source"]) and r["dnt"] != "yes"]
    assert bad == []
    # A dnt entry is rendered as itself.
    assert all(r["target"] == r["source"] for r in rows if r["dnt"] == "yes")


def test_kazakh_sources_are_cyrillic_when_not_dnt(rows):
    assert all(CYRILLIC.search(r["source"]) for r in rows if r["dnt"] != "yes")


# Countries whose press rendering differs from CLDR's English name: the CLDR name stays accepted.
PRESS_COUNTRIES = {
    "Түркия": ("Turkey", "Türkiye"),
    "Мьянма (Бирма)": ("Myanmar", "Myanmar (Burma)"),
    "Чехия": ("Czech Republic", "Czechia"),
    "Кот-д’Ивуар": ("Ivory Coast", "Côte d’Ivoire"),
    "Конго": ("Democratic Republic of the Congo", "Congo - Kinshasa"),
    "Антигуа және Барбуда": ("Antigua and Barbuda", "Antigua & Barbuda"),
    "Сент-Люсия": ("Saint Lucia", "St. Lucia"),
}


@pytest.mark.parametrize("source,expected", sorted(PRESS_COUNTRIES.items()))
def test_press_form_is_target_and_cldr_form_an_alternative(by_source, source, expected):
    target, cldr = expected
    row = by_source[source]
    assert row["target"] == target
    assert cldr in multi(row["alternatives"])
    assert row["note"], "the choice of the press form is explained"


def test_country_rows_cite_cldr(rows):
    cldr = [r for r in rows if "CLDR" in r["provenance"]]
    assert len(cldr) >= 250
    assert all(re.search(r"ISO 3166-1 [A-Z]{2}", r["note"]) for r in cldr)


def _babel():
    return pytest.importorskip("babel", reason="babel (a build-time tool) is not installed")


def test_every_cldr_country_is_present(by_source):
    babel = _babel()
    kk = babel.Locale("kk").territories
    en = babel.Locale("en").territories
    skipped = {"EZ", "QO", "XA", "XB", "ZZ"}  # see glossary/tools/build_names.py
    codes = [c for c in en if len(c) == 2 and c.isalpha() and c not in skipped and c in kk]
    assert len(codes) >= 250
    missing = []
    for code in codes:
        row = by_source.get(kk[code])
        if row is None or en[code] not in [row["target"], *multi(row["alternatives"])]:
            missing.append((code, kk[code], en[code]))
    assert missing == []
    n_cldr = sum(1 for r in by_source.values() if "CLDR" in r["provenance"])
    assert n_cldr == len(codes)


def test_shipped_file_is_what_the_build_script_makes():
    """curated.tsv and the file agree (rerun glossary/tools/build_names.py after editing)."""
    _babel()
    from babel.core import get_cldr_version

    header = GLOSSARY.read_text(encoding="utf-8").split("\n", 10)
    if not any(f"CLDR {get_cldr_version()}," in line for line in header):
        pytest.skip(f"installed babel bundles CLDR {get_cldr_version()}, the file another version")
    spec = importlib.util.spec_from_file_location("build_names", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, _ = module.build()
    assert text == GLOSSARY.read_text(encoding="utf-8")


def test_loads_through_the_package_loader(rows):
    from kkaligner.glossary import Glossary

    glossary = Glossary.load(GLOSSARY)
    terms = list(getattr(glossary, "terms", glossary))
    assert len(terms) == len(rows)
    by_src = {t.source: t for t in terms}
    for source, target in SEED_NAMES.items():
        assert by_src[source].target == target
    assert "Baykonur" in by_src["Байқоңыр"].forbidden
    assert by_src["Бәйтерек"].case_sensitive is True
    assert by_src["NASA"].dnt is True
    assert [str(issue) for issue in glossary.lint()] == []
    default = getattr(Glossary, "default", None)
    if default is not None:  # the package reaches the same file through its data symlink
        assert len(default()) == len(rows)
