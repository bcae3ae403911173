"""Command line: build, resolve, import, summary (all honour KKPHAM_DB)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from kkpham.settings import get_settings


def _resolver(settings):  # imported lazily: `resolve` should not pay for the build
    from kkpham.regions import resolver_for

    return resolver_for(settings)


def cmd_build(args: argparse.Namespace) -> int:
    from kkpham.build import build_store

    info = build_store(get_settings(), force=args.force)
    print(json.dumps(info, indent=2, default=str))
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from kkpham.resolver import ResolveError, format_error

    try:
        match = _resolver(get_settings()).resolve(args.name, province=args.province)
    except ResolveError as err:
        print(format_error(err), file=sys.stderr)
        return 1
    print(f"{match.code}\t{match.name}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kkpham.importer import ImportFileError, check_file, commit
    from kkpham.store import Store

    settings = get_settings()
    path = Path(args.file)
    if not path.is_file():
        print(f"berkas tidak ditemukan: {path}", file=sys.stderr)
        return 1
    resolver = _resolver(settings)
    with Store.open(settings.db_path, read_only=args.dry_run) as store:
        try:
            report = check_file(path.read_bytes(), path.name, resolver, store)
        except ImportFileError as err:
            if args.json:
                print(json.dumps({"rows": [], "ok": 0, "errors": 1, "file_error": str(err)}))
            else:
                print(f"{path.name}: {err}", file=sys.stderr)
            return 1
        batch = None
        if not report.errors and not args.dry_run:
            batch = commit(report, store, who=args.who)
    if args.json:
        out = report.as_json() | ({"batch_id": batch} if batch is not None else {})
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        for row in report.rows:
            if "error" in row:
                print(f"baris {row['line']}: {row['error']}", file=sys.stderr)
            else:
                print(f"baris {row['line']}: {row['code']} {row['name']} {row['data_year']} "
                      f"{row['status']}")  # fmt: skip
        verdict = (f"disimpan sebagai batch {batch}" if batch is not None
                   else "tidak ada yang disimpan")  # fmt: skip
        print(f"{report.ok} baris benar, {report.errors} bermasalah; {verdict}")
    return 1 if report.errors else 0


def cmd_summary(args: argparse.Namespace) -> int:
    from kkpham.store import Store
    from kkpham.summary import summary, summary_text

    settings = get_settings()
    with Store.open(settings.db_path) as store:
        try:
            result = summary(store, args.data_year, args.province)
        except ValueError as err:
            print(str(err), file=sys.stderr)
            return 1
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else summary_text(result))
    return 0


def cmd_tidy_reference(args: argparse.Namespace) -> int:
    from kkpham.reference_sync import write_tidy_files

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

    p = sub.add_parser("summary", help="count per status and the region list for a data year")
    p.add_argument("--data-year", type=int, required=True)
    p.add_argument("--province", help="province name, code or abbreviation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("tidy-reference", help="(maintainers) rewrite data/ from the reference CSVs")
    p.add_argument("--reference", default=str(Path("..") / "shared" / "reference"))
    p.set_defaults(func=cmd_tidy_reference)

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
