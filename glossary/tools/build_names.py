"""Regenerate glossary/kk-en-names.tsv from CLDR territory names and the hand-curated rows.

    python glossary/tools/build_names.py            # rewrite glossary/kk-en-names.tsv
    python glossary/tools/build_names.py --check    # exit 1 if the shipped file is out of date

The country part comes from CLDR through ``babel`` (``Locale("kk").territories`` is the Kazakh
lemma, ``Locale("en").territories`` the English rendering). ``babel`` is a build-time tool only,
NOT a runtime dependency of kkaligner: install it where you run this script
(``pip install babel``); the package only ever reads the generated TSV. The output depends on the
CLDR version babel bundles, which is written into the file's header; regenerate with the same babel
version to get a byte-identical file.

Decisions taken on the CLDR data (each is a literal table below, with its reason):

* only two-letter codes (ISO 3166-1 and CLDR's exceptional reservations such as AC, DG, EA, IC,
  TA, XK); numeric macro-regions (001, 150, ...) are not names one translates one-to-one;
* EZ (Eurozone), QO (Outlying Oceania), XA/XB (pseudo-locales) and ZZ (Unknown Region) are not
  names of places that occur in news, so they are left out; EU and UN are kept as organisations;
  XK Kosovo is kept (CLDR's user-assigned code, used by the EU and most press);
* a code without a Kazakh name in CLDR (e.g. CQ Sark in CLDR 47) is skipped and reported;
* where English-language press usage differs from CLDR's English name, the press form is the
  target and CLDR's form an accepted alternative (PRESS_FORMS); CLDR's "&" and "St." short forms
  are spelled out ("and", "Saint") the way press and the UN terminology write country names.

Hand-curated rows live in glossary/tools/curated.tsv (same rich-TSV format). A curated row whose
source equals a CLDR Kazakh name (case-folded) refines that CLDR row: its non-empty fields win,
alternatives and forbidden variants are merged, notes and provenance are joined. Curated rows come
first in the output, in file order; the remaining CLDR rows follow, sorted by territory code.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GLOSSARY_DIR = HERE.parent
CURATED = HERE / "curated.tsv"
OUTPUT = GLOSSARY_DIR / "kk-en-names.tsv"

COLUMNS = (
    "source", "target", "alternatives", "forbidden", "kind", "pos",
    "case_sensitive", "dnt", "note", "provenance",
)
MULTI = ("alternatives", "forbidden")
SEP = " | "

# CLDR codes left out of the glossary (see the module docstring for why).
SKIP_CODES = {"EZ", "QO", "XA", "XB", "ZZ"}

# Codes that name organisations rather than places.
ORGANISATION_CODES = {"EU", "UN"}

# Dependent territories, special areas and uninhabited islands: kind "place", not "country".
# Source: ISO 3166-1 entries that are not UN member or observer states (UN list of Member States),
# plus CLDR's exceptional reservations. Kosovo and Taiwan stay "country" as press treats them.
NON_SOVEREIGN = {
    "AC", "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CP", "CQ", "CW",
    "CX", "DG", "EA", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM",
    "IC", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM",
    "PN", "PR", "PS", "RE", "SH", "SJ", "SX", "TA", "TC", "TF", "TK", "UM", "VG", "VI", "WF",
    "YT",
}

# English-language press forms (Reuters, AP, BBC style) where CLDR's English name differs.
# code -> (target, extra accepted alternatives, note). CLDR's own form is always kept as an
# alternative.
PRESS_FORMS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "TR": ("Turkey", (), "press usage Turkey; CLDR and the UN use Türkiye (since 2022)"),
    "MM": ("Myanmar", ("Burma",), "press usage Myanmar; CLDR adds (Burma)"),
    "CZ": ("Czech Republic", (), "press usage Czech Republic; CLDR short name Czechia"),
    "CI": ("Ivory Coast", ("Côte d'Ivoire", "Cote d'Ivoire"),
           "press usage Ivory Coast; CLDR Côte d’Ivoire"),
    "CD": ("Democratic Republic of the Congo", ("DR Congo", "DRC"),
           ("Kazakh CLDR name is bare Конго; in Kazakh news it may also mean the Republic of the "
            "Congo (Конго-Браззавиль): check the context")),
    "CG": ("Republic of the Congo", ("Congo-Brazzaville",), "CLDR English Congo - Brazzaville"),
    "HK": ("Hong Kong", (), "CLDR adds SAR China; Kazakh press also writes Гонконг"),
    "MO": ("Macau", ("Macao",), "press usage Macau; CLDR Macao SAR China"),
    "VA": ("Vatican", ("Vatican City", "Holy See"), "press usage Vatican"),
    "TL": ("East Timor", ("Timor-Leste",), "press usage East Timor; CLDR Timor-Leste"),
    "CV": ("Cape Verde", ("Cabo Verde",), "official name Cabo Verde since 2013"),
    "GB": ("United Kingdom", ("UK", "Britain", "Great Britain"),
           "Kazakh Ұлыбритания is literally Great Britain; press uses Britain and the UK"),
    "US": ("United States", ("US", "U.S.", "USA", "United States of America"),
           "Kazakh news mostly writes АҚШ"),
    "UM": ("United States Minor Outlying Islands", (), "CLDR English U.S. Outlying Islands"),
    "VI": ("United States Virgin Islands", ("US Virgin Islands",),
           "CLDR English U.S. Virgin Islands"),
    "PS": ("Palestinian Territories", (),
           "Kazakh CLDR Палестина аймақтары; the state is Палестина (curated row)"),
    "ST": ("Sao Tome and Principe", ("São Tomé and Príncipe",), "press usage without accents"),
    # Spelled out as in ISO 3166-1 and the UN terminology where CLDR shortens more than "&".
    "HM": ("Heard Island and McDonald Islands", (), "ISO 3166-1 name; CLDR Heard & McDonald Islands"),
    "VC": ("Saint Vincent and the Grenadines", (), "CLDR St. Vincent & Grenadines"),
    "GS": ("South Georgia and the South Sandwich Islands", (),
           "ISO 3166-1 name; CLDR South Georgia & South Sandwich Islands"),
}


def spell_out(name: str) -> str:
    """CLDR's English short forms spelled out: 'St. Lucia' -> 'Saint Lucia', '&' -> 'and'."""
    name = re.sub(r"\bSt\. ", "Saint ", name)
    return name.replace(" & ", " and ")


def _bool(value: str) -> str:
    return "yes" if value.strip().lower() in {"yes", "true", "1", "y"} else ""


def read_rich_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a rich-TSV file as dicts over COLUMNS (comments and blank lines skipped)."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            unknown = set(header) - set(COLUMNS)
            if unknown or "source" not in header or "target" not in header:
                raise SystemExit(f"{path}:{lineno}: bad header {header!r} (columns: {COLUMNS})")
            continue
        if len(cells) > len(header):
            raise SystemExit(f"{path}:{lineno}: {len(cells)} cells for {len(header)} columns")
        row = dict.fromkeys(COLUMNS, "")
        row.update(zip(header, cells))
        row["_where"] = f"{path.name}:{lineno}"
        rows.append(row)
    return rows


def split_multi(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def merge_multi(*values: str | list[str], exclude: str = "") -> str:
    out: list[str] = []
    for value in values:
        for v in split_multi(value) if isinstance(value, str) else value:
            if v != exclude and v not in out:
                out.append(v)
    return SEP.join(out)


def cldr_rows() -> tuple[list[tuple[str, dict[str, str]]], str, list[str]]:
    """(code, row) for every CLDR territory kept, the CLDR version, and skipped codes."""
    try:
        import babel
        from babel import Locale
        from babel.core import get_cldr_version
    except ImportError:  # build-time tool only
        raise SystemExit("babel is needed to build the glossary: pip install babel") from None
    kk, en = Locale("kk").territories, Locale("en").territories
    version = get_cldr_version()
    provenance = f"CLDR {version} (kk, en territory names; babel {babel.__version__})"
    rows, skipped = [], []
    for code in sorted(en):
        if not (len(code) == 2 and code.isalpha()) or code in SKIP_CODES:
            continue
        if code not in kk:
            skipped.append(code)
            continue
        cldr_en = en[code]
        target, extra, note = PRESS_FORMS.get(code, (spell_out(cldr_en), (), ""))
        if code not in PRESS_FORMS and target != cldr_en:
            note = f"CLDR English {cldr_en}"
        kind = ("organisation" if code in ORGANISATION_CODES
                else "place" if code in NON_SOVEREIGN else "country")
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            source=kk[code], target=target, kind=kind, provenance=provenance,
            alternatives=merge_multi([cldr_en], list(extra), exclude=target),
            note=f"ISO 3166-1 {code}" + (f"; {note}" if note else ""),
        )
        rows.append((code, row))
    return rows, version, skipped


def merge(curated: list[dict[str, str]], cldr: list[tuple[str, dict[str, str]]]) -> list[dict]:
    by_source = {row["source"].casefold(): row for _, row in cldr}
    used: set[str] = set()
    out: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for row in curated:
        key = row["source"].casefold()
        if key in seen:
            raise SystemExit(f"{row['_where']}: duplicate source {row['source']!r} "
                             f"(first at {seen[key]})")
        seen[key] = row["_where"]
        base = by_source.get(key)
        if base is not None:
            used.add(key)
            target = row["target"] or base["target"]
            merged = dict(base)
            for col in ("kind", "pos", "case_sensitive", "dnt"):
                merged[col] = row[col] or base[col]
            merged["target"] = target
            merged["alternatives"] = merge_multi(
                base["alternatives"], [base["target"]], row["alternatives"], exclude=target)
            merged["forbidden"] = merge_multi(base["forbidden"], row["forbidden"])
            merged["note"] = "; ".join(x for x in (base["note"], row["note"]) if x)
            merged["provenance"] = "; ".join(x for x in (base["provenance"], row["provenance"]) if x)
            row = merged
        out.append(row)
    out.extend(row for _, row in cldr if row["source"].casefold() not in used)
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def validate(rows: list[dict[str, str]]) -> list[str]:
    """Problems that would make the glossary wrong; the tests check the same independently."""
    problems = []
    for row in rows:
        where = row.get("_where", row["source"])
        for col in ("source", "target", "kind", "provenance"):
            if not row[col]:
                problems.append(f"{where}: empty {col}")
        renderings = [row["target"], *split_multi(row["alternatives"]), *split_multi(row["forbidden"])]
        if any(_CYRILLIC.search(r) for r in renderings):
            problems.append(f"{where}: Cyrillic in an English rendering of {row['source']!r}")
        if _LATIN.search(row["source"]) and not _bool(row["dnt"]):
            problems.append(f"{where}: Latin letters in source {row['source']!r} without dnt=yes")
        alternatives = [a.casefold() for a in split_multi(row["alternatives"])]
        if row["target"].casefold() in alternatives:
            problems.append(f"{where}: an alternative of {row['source']!r} repeats the target")
        forbidden = {f.casefold() for f in split_multi(row["forbidden"])}
        accepted = {row["target"].casefold(), *(a.casefold() for a in split_multi(row["alternatives"]))}
        if forbidden & accepted:
            problems.append(f"{where}: {sorted(forbidden & accepted)} both accepted and forbidden")
    return problems


def render(rows: list[dict[str, str]], cldr_version: str, n_cldr: int) -> str:
    lines = [
        "# kkaligner shipped kk-en names glossary (rich TSV: UTF-8, tab-separated, '#' comments).",
        "# GENERATED by glossary/tools/build_names.py from CLDR territory names and",
        "# glossary/tools/curated.tsv: edit those, then rerun the script; do not edit this file.",
        f"# Country rows: Unicode CLDR {cldr_version}, Unicode License v3",
        "#   (https://www.unicode.org/license.txt); other rows: hand-curated, Apache-2.0 like kkaligner.",
        "# provenance says where each row comes from; multi-valued cells are separated by ' | ';",
        "# case_sensitive and dnt are yes or empty (= no). See glossary/README.md.",
        f"# {len(rows)} entries ({n_cldr} from CLDR, {len(rows) - n_cldr} curated-only).",
        "\t".join(COLUMNS),
    ]
    for row in rows:
        cells = [row[c] for c in COLUMNS]
        cells[COLUMNS.index("case_sensitive")] = _bool(row["case_sensitive"])
        cells[COLUMNS.index("dnt")] = _bool(row["dnt"])
        for i, name in enumerate(COLUMNS):
            if name in MULTI:
                cells[i] = merge_multi(cells[i])
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def build() -> tuple[str, list[str]]:
    cldr, version, skipped = cldr_rows()
    rows = merge(read_rich_tsv(CURATED), cldr)
    problems = validate(rows)
    if problems:
        raise SystemExit("glossary problems:\n  " + "\n  ".join(problems))
    return render(rows, version, len(cldr)), skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the shipped file differs from a fresh build")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text, skipped = build()
    if skipped:
        print(f"skipped (no Kazakh name in CLDR): {', '.join(skipped)}", file=sys.stderr)
    n = sum(1 for line in text.splitlines() if line and not line.startswith("#")) - 1
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: rerun glossary/tools/build_names.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output}: up to date ({n} entries)")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({n} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
