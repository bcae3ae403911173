"""Command line: build, resolve, import, import-text, cycle, undo, batches, backups, restore,
export, summary, hash-password, figure, pack.

All honour KKPHAM_DB. Writes (import, undo, restore) go through kkpham.write.stewardship: backup,
lock,
copy-on-write, atomic swap, so the app may keep serving while they run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from kkpham.settings import get_settings


def _resolver(settings):  # imported lazily: `resolve` should not pay for the build
    from kkpham.model.regions import resolver_for

    return resolver_for(settings)


def cmd_build(args: argparse.Namespace) -> int:
    from kkpham.reference.store_build import build_store

    info = build_store(get_settings(), force=args.force)
    print(json.dumps(info, indent=2, default=str))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from kkpham.model.resolver import ResolveError

    try:
        match = _resolver(get_settings()).resolve(args.name, province=args.province)
    except ResolveError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{match.code}\t{match.name}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kkpham.write.importer import ImportFileError, ImportReport
    from kkpham.write.stewardship import ImportRefused, check_upload, commit_file

    settings = get_settings()
    path = Path(args.file)
    if not path.is_file():
        print(f"berkas tidak ditemukan: {path}", file=sys.stderr)
        return 1
    resolver = _resolver(settings)
    data = path.read_bytes()
    batch: int | None = None
    try:
        report: ImportReport = check_upload(data, path.name, resolver, settings.db_path)
        if not report.errors and not args.dry_run:
            batch, report = commit_file(data, path.name, resolver, settings, who=args.who)
    except ImportFileError as err:
        if args.json:
            print(
                json.dumps(
                    {"rows": [], "ok": 0, "errors": 1, "file_error": str(err)}, ensure_ascii=False
                )
            )
        else:
            print(f"{path.name}: {err}", file=sys.stderr)
        return 1
    except ImportRefused as err:  # the store changed between the check and the commit
        report = err.report
    if args.json:
        out = report.as_json() | ({"batch_id": batch} if batch is not None else {})
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        for row in report.rows:
            if "error" in row:
                print(f"baris {row['line']}: {row['error']}", file=sys.stderr)
            else:
                flag = "".join(
                    [
                        " [berbeda dengan data tersimpan]" if row.get("conflicts_with") else "",
                        " [berbeda dengan baris lain]" if row.get("conflicts_in_file") else "",
                    ]
                )
                print(
                    f"baris {row['line']}: {row['code']} {row['name']} {row['data_year']} "
                    f"{row['status']}{flag}"
                )
        verdict = (
            f"disimpan sebagai batch {batch}" if batch is not None else "tidak ada yang disimpan"
        )
        print(
            f"{report.ok} baris benar ({report.conflicts_stored} berbeda dengan data tersimpan, "
            f"{report.conflicts_in_file} berbeda dengan baris lain), "
            f"{report.errors} bermasalah; {verdict}"
        )
    return 1 if report.errors else 0


def _read_text_input(name: str) -> tuple[str, str]:
    """(text, source name) from a file (a .pdf through its text layer) or stdin ("-"), bounded."""
    from kkpham.texts import Message, Number
    from kkpham.write.paste import MAX_CHARS, MAX_PDF_BYTES, PasteError, pdf_text

    if name == "-":
        data = sys.stdin.buffer.read(MAX_CHARS * 4 + 1)
        source = "stdin"
    else:
        path = Path(name)
        if not path.is_file():
            raise PasteError(Message("pst_file_missing", path=str(path)))
        with path.open("rb") as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
        source = path.name
    if data.startswith(b"%PDF"):
        return pdf_text(data), source
    if len(data) > MAX_CHARS * 4:
        # more bytes than MAX_CHARS characters can take (4 bytes each at most)
        raise PasteError(Message("pst_text_over", max=Number(MAX_CHARS)))
    try:
        return data.decode("utf-8-sig"), source
    except UnicodeDecodeError as err:
        raise PasteError(Message("pst_not_utf8", byte=err.start + 1)) from err


def cmd_import_text(args: argparse.Namespace) -> int:
    from kkpham.model.resolver import ResolveError
    from kkpham.store import Store
    from kkpham.write.paste import PasteError, check_text, commit_text
    from kkpham.write.stewardship import ImportRefused, WriteBusy

    settings = get_settings()
    kwargs = {
        "province": args.province,
        "predikat": args.predikat,
        "sumber": args.sumber,
        "data_year": args.data_year,
        "award_year": args.award_year,
    }
    batch: int | None = None
    try:
        text, source = _read_text_input(args.file)
        resolver = _resolver(settings)
        with Store.open(settings.db_path) as store:
            pasted = check_text(text, resolver, store, source, **kwargs)
        if not pasted.report.errors and pasted.report.rows and not args.dry_run:
            batch, pasted = commit_text(text, resolver, settings, args.who, source, **kwargs)
    except (PasteError, ResolveError, WriteBusy) as err:
        if args.json:
            print(
                json.dumps(
                    {"rows": [], "ok": 0, "errors": 1, "file_error": str(err)}, ensure_ascii=False
                )
            )
        else:
            print(str(err), file=sys.stderr)
        return 1
    except ImportRefused as err:  # the store changed between the check and the commit
        pasted = None
        report = err.report
    report = pasted.report if pasted is not None else report
    if args.json:
        out = (pasted.as_json() if pasted is not None else report.as_json()) | (
            {"batch_id": batch} if batch is not None else {}
        )
        print(json.dumps(out, ensure_ascii=False, default=str))
        return 1 if report.errors or not report.rows else 0
    for row in report.rows:
        if "error" in row:
            print(
                f"baris {row['line']}: {row['raw'].get('kabupaten_kota', '')}: {row['error']}",
                file=sys.stderr,
            )
        else:
            print(
                f"baris {row['line']}: {row['code']} {row['name']} {row['data_year']} "
                f"{row['status']}"
            )
    if pasted is not None:
        for item in pasted.unplaced:
            print(f"tidak ditempatkan (baris {item['line']}): {item['text']}", file=sys.stderr)
        for item in pasted.duplicates:
            print(
                f"disebut dua kali (baris {item['line']}, pertama baris {item['first_line']}): "
                f"{item['name']}",
                file=sys.stderr,
            )
    verdict = f"disimpan sebagai batch {batch}" if batch is not None else "tidak ada yang disimpan"
    print(f"{report.ok} baris benar, {report.errors} bermasalah; {verdict}")
    return 1 if report.errors or not report.rows else 0


def cmd_cycle(args: argparse.Namespace) -> int:
    from kkpham.store import Store
    from kkpham.write import cycle_admin
    from kkpham.write.stewardship import WriteBusy

    settings = get_settings()
    if args.cycle_command == "list":
        with Store.open(settings.db_path) as store:
            cycles, outcomes = store.cycles(), store.regime_outcomes()
            regimes = store.regimes()
        if args.json:
            print(
                json.dumps(
                    {
                        "cycles": cycles.astype(object)
                        .where(cycles.notna(), None)
                        .to_dict("records"),
                        "regimes": regimes.astype(object)
                        .where(regimes.notna(), None)
                        .to_dict("records"),
                        "outcomes": outcomes.to_dict("records"),
                    },
                    ensure_ascii=False,
                    default=str,
                )
            )
            return 0
        for r in cycles.itertuples():
            state = "dilaksanakan" if r.held else "tidak dilaksanakan"
            public = "" if r.results_public else ", hasil belum diumumkan"
            print(f"{r.data_year}\t{r.regime or '-'}\t{r.regulation or ''}\t{state}{public}")
        return 0
    try:
        outcomes = dict(cycle_admin.parse_outcome(o) for o in (args.outcome or []))
        entry = cycle_admin.CycleEntry(
            data_year=getattr(args, "data_year", None),
            award_year=getattr(args, "award_year", None),
            regime=args.regime or "",
            held=not getattr(args, "not_held", False),
            results_public=getattr(args, "results_public", False),
            decree_number=getattr(args, "decree", "") or "",
            decree_date=getattr(args, "decree_date", "") or "",
            award_date=getattr(args, "award_date", "") or "",
            note=args.note or "",
            source_url=args.source,
            regulation=args.regulation or "",
            programme_id=args.programme or "",
            programme_en=args.programme_en or "",
            rights_count=args.rights,
            outcomes=outcomes,
        )
        if args.cycle_command == "add" and entry.award_year is None and entry.held:
            entry.award_year = entry.data_year + 1
        batch = cycle_admin.add(entry, settings, who=args.who)
    except (ValueError, WriteBusy) as err:
        print(str(err), file=sys.stderr)
        return 1
    print(f"disimpan sebagai batch {batch} (dapat dibatalkan: `undo {batch}`)")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from kkpham.write.stewardship import undo

    try:
        n = undo(args.batch_id, get_settings(), who=args.who)
    except ValueError as err:
        print(str(err), file=sys.stderr)
        return 1
    print(f"batch {args.batch_id} dibatalkan: {n} klaim dihapus (tetap tercatat di log)")
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    from kkpham.write.stewardship import audit_log

    rows = audit_log(get_settings().db_path)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return 0
    for r in rows:
        state = (
            f"dibatalkan {r['undone_at']:%Y-%m-%d %H:%M} oleh {r['undone_by'] or '?'}"
            if r["undone_at"] is not None
            else f"{r['n_live']} klaim aktif"
        )
        print(
            f"{r['batch_id']}\t{r['created_at']:%Y-%m-%d %H:%M}\t{r['origin']}\t"
            f"{r['file_name'] or ''}\t{(r['file_sha256'] or '')[:12]}\t{r['who'] or ''}\t"
            f"{r['n_rows']} baris, {r['n_conflicts']} berbeda\t{state}"
        )
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from kkpham.write.stewardship import backups

    rows = backups(get_settings())
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return 0
    for r in rows:
        when = f"{r['taken_at']:%Y-%m-%d %H:%M:%S} UTC" if r["taken_at"] else "?"
        print(f"{r['name']}\t{when}\tsebelum {r['reason']}\t{r['bytes'] / 1e6:.1f} MB")
    if not rows:
        print(f"belum ada cadangan di {get_settings().backup_dir}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kkpham.write.stewardship import WriteBusy, find_backup, restore

    settings = get_settings()
    try:
        batch = restore(find_backup(settings, args.backup), settings, who=args.who)
    except (ValueError, FileNotFoundError, WriteBusy) as err:
        print(str(err), file=sys.stderr)
        return 1
    print(
        f"{args.backup} dipulihkan (batch {batch} di log); keadaan sebelumnya disimpan sebagai "
        "cadangan baru (lihat `backups`)"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kkpham.model.export import export_bytes
    from kkpham.model.summary import _province_code
    from kkpham.store import Store

    settings = get_settings()
    with Store.open(settings.db_path) as store:
        try:
            province = _province_code(args.province, store.provinces()) if args.province else None
        except ValueError as err:
            print(str(err), file=sys.stderr)
            return 1
        data = export_bytes(store, args.format, args.data_year, province)
    if not _write_out(Path(args.out), data):
        return 1
    print(f"{args.out} ({len(data)} byte)")
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    import getpass

    from kkpham.write.auth import PasswordError, hash_password

    if sys.stdin.isatty():
        password = getpass.getpass("Kata sandi: ")
        if getpass.getpass("Ulangi: ") != password:
            print("kata sandi tidak sama", file=sys.stderr)
            return 1
    else:  # piped: the first line, never argv (argv shows in `ps` and shell history)
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        print(hash_password(password))
    except PasswordError as err:
        print(str(err), file=sys.stderr)
        return 1
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from kkpham.model.summary import summary, summary_text
    from kkpham.store import Store

    settings = get_settings()
    with Store.open(settings.db_path) as store:
        try:
            result = summary(store, args.data_year, args.province)
        except ValueError as err:
            print(str(err), file=sys.stderr)
            return 1
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else summary_text(result))
    return 0


def _write_out(out: Path, data: bytes) -> bool:
    """``data`` to ``out`` through the one safe output path (never the store, a backup or a
    symlink; whole or not at all); False, with the reason on stderr, when refused."""
    from kkpham.write.safe_output import OutputRefused, write_output

    try:
        write_output(out, data, get_settings())
    except OutputRefused as err:
        print(str(err), file=sys.stderr)
        return False
    return True


def _present_view(args: argparse.Namespace):
    """(settings, view) for ``figure`` and ``pack``; ValueError with a message when bad."""
    from kkpham.present.context import load_view, resolve_province
    from kkpham.store import Store

    settings = get_settings()
    with Store.open(settings.db_path) as store:
        province = resolve_province(store, args.province)
        mode = "award" if args.jenis_tahun == "penghargaan" else "data"
        view = load_view(
            store, settings.static_dir, province, args.data_year, args.lang, year_mode=mode
        )
    return settings, view


def cmd_figure(args: argparse.Namespace) -> int:
    from kkpham.present.products import figure_bytes, figure_format
    from kkpham.present.render import Renderer, RenderError

    out = Path(args.out)
    try:
        fmt = figure_format(out)
        settings, view = _present_view(args)
        with Renderer(settings.static_dir) as renderer:
            data = figure_bytes(view, renderer, [fmt], args.view)[fmt]
    except (ValueError, FileNotFoundError, RenderError) as err:
        print(str(err), file=sys.stderr)
        return 1
    if not _write_out(out, data):
        return 1
    print(f"{out} ({len(data)} byte)")
    return 0


def cmd_pack(args: argparse.Namespace) -> int:
    from kkpham.present.pack import build_pack, out_format, to_pdf, to_pptx
    from kkpham.present.render import Renderer, RenderError

    out = Path(args.out)
    try:
        fmt = out_format(out)
        settings, view = _present_view(args)
        with Renderer(settings.static_dir) as renderer:
            pack = build_pack(view, renderer)
        data = to_pptx(pack) if fmt == "pptx" else to_pdf(pack)
    except (ValueError, FileNotFoundError, RenderError) as err:
        print(str(err), file=sys.stderr)
        return 1
    if not _write_out(out, data):
        return 1
    print(f"{out} ({len(pack.slides)} halaman, {len(data)} byte)")
    return 0


def cmd_tidy_reference(args: argparse.Namespace) -> int:
    from kkpham.reference.sync import write_tidy_files

    for path in write_tidy_files(get_settings(), Path(args.reference)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kkpham", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="build (or rebuild) the boundaries and the store from data/")
    p.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("resolve", help="print CODE<TAB>Official name for a region name")
    p.add_argument("name")
    p.add_argument("--province", help="province name, code or abbreviation (Sultra, 74…)")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("import", help="check and store a CSV/XLSX of results (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    p.add_argument("--json", action="store_true", help="print the per-row report as JSON")
    p.add_argument("--who", help="who is importing (recorded in the batch)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "import-text",
        help="read the kab/kota named in a pasted list, news text or text PDF; same checks "
        "and batch as `import` (all or nothing)",
    )
    p.add_argument("file", help="a text or PDF file, or - for stdin")
    p.add_argument(
        "--province",
        required=True,
        help="province name, code or abbreviation; 'nasional' for a national list",
    )
    years = p.add_mutually_exclusive_group(required=True)
    years.add_argument("--data-year", type=int)
    years.add_argument("--award-year", type=int)
    p.add_argument(
        "--predikat",
        default="Peduli HAM",
        help="predicate of names before any heading such as 'Cukup Peduli HAM:'",
    )
    p.add_argument("--sumber", required=True, help="URL of the page, or the decree number")
    p.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    p.add_argument("--json", action="store_true", help="print the per-row report as JSON")
    p.add_argument("--who", help="who is importing (recorded in the batch)")
    p.set_defaults(func=cmd_import_text)

    p = sub.add_parser("cycle", help="assessment cycles and regimes: list, add, outcome names")
    cyc = p.add_subparsers(dest="cycle_command", required=True)
    c = cyc.add_parser("list", help="every cycle with its regime")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_cycle)
    for name, what in (
        ("add", "add a data year (and its regime when new)"),
        ("outcomes", "enter a regime's outcome names once they are public"),
    ):
        c = cyc.add_parser(name, help=what)
        if name == "add":
            c.add_argument("--data-year", type=int, required=True)
            c.add_argument("--award-year", type=int, help="default: data year + 1")
            c.add_argument("--not-held", action="store_true", help="the cycle was not assessed")
            c.add_argument(
                "--results-public", action="store_true", help="a list of results is already public"
            )
            c.add_argument("--decree", help="decree number (Keputusan Menteri)")
            c.add_argument("--decree-date", help="YYYY-MM-DD")
            c.add_argument("--award-date", help="YYYY-MM-DD or YYYY-MM")
        c.add_argument("--regime", required=name == "outcomes", help="regime key (C, D, E…)")
        c.add_argument("--regulation", help="a new regime's regulation")
        c.add_argument("--programme", help="a new regime's programme name (Indonesian)")
        c.add_argument("--programme-en", help="the same in English")
        c.add_argument("--rights", type=int, help="a new regime's number of rights")
        c.add_argument(
            "--outcome",
            action="append",
            metavar="BAND=LABEL|LABEL_EN",
            help="an outcome name, highest first (bands: peduli, cukup, mulai, kurang)",
        )
        c.add_argument("--note")
        c.add_argument("--source", required=True, help="http(s) URL stating the facts")
        c.add_argument("--who", help="who is adding (recorded in the batch)")
        c.set_defaults(func=cmd_cycle)

    p = sub.add_parser("undo", help="remove an imported batch's results (kept in the audit log)")
    p.add_argument("batch_id", type=int)
    p.add_argument("--who", help="who is undoing (recorded in the batch)")
    p.set_defaults(func=cmd_undo)

    p = sub.add_parser("batches", help="the audit log: every batch, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("backups", help="the store's backups, newest first (name, time, reason)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser(
        "restore",
        help="make a backup the live store again (the current store is backed up first)",
    )
    p.add_argument("backup", help="a name from `backups`, or a path")
    p.add_argument("--who", help="who is restoring (recorded in the audit log)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("export", help="stored claims as CSV, XLSX or Parquet (formula-safe)")
    p.add_argument("--format", choices=["csv", "xlsx", "parquet"], required=True)
    p.add_argument("--data-year", type=int)
    p.add_argument("--province", help="province name, code or abbreviation")
    p.add_argument("--out", required=True, help="file to write")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "hash-password",
        help="print the hash for KKPHAM_ADMIN_PASSWORD_HASH "
        "(password read from the terminal or stdin, never the command line)",
    )
    p.set_defaults(func=cmd_hash_password)

    p = sub.add_parser("summary", help="count per status and the region list for a data year")
    p.add_argument("--data-year", type=int, required=True)
    p.add_argument("--province", help="province name, code or abbreviation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("figure", help="the map (or change map) as a PNG/SVG/PDF for a meeting")
    p.add_argument("--province", help="province code or name (omitted: Indonesia)")
    p.add_argument("--data-year", type=int, required=True)
    p.add_argument("--view", choices=["peta", "perubahan"], default="peta")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument(
        "--jenis-tahun",
        choices=["data", "penghargaan"],
        default="data",
        help="which year leads the labels (the map page's switch); --data-year is the data year",
    )
    p.add_argument("--out", required=True, help="FILE.png, FILE.svg or FILE.pdf")
    p.set_defaults(func=cmd_figure)

    p = sub.add_parser("pack", help="the rakor pack (slides) as PPTX or PDF")
    p.add_argument("--province", help="province code or name (omitted: Indonesia)")
    p.add_argument("--data-year", type=int, required=True)
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument(
        "--jenis-tahun",
        choices=["data", "penghargaan"],
        default="data",
        help="which year leads the labels (the map page's switch); --data-year is the data year",
    )
    p.add_argument("--out", required=True, help="FILE.pptx or FILE.pdf")
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("tidy-reference", help="(maintainers) rewrite data/ from the reference CSVs")
    p.add_argument("--reference", default=str(Path("..") / "shared" / "reference"))
    p.set_defaults(func=cmd_tidy_reference)

    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from kkpham.write.stewardship import WriteError

    try:
        return args.func(args)
    except WriteError as err:  # busy or a full disk: a sentence, not a traceback
        print(str(err), file=sys.stderr)
        return 1


def run() -> int:
    """``main`` for a terminal: output piped into ``head`` ends quietly, not with a traceback."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away; point stdout at /dev/null so the exit flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    sys.exit(run())
