"""The import template: an XLSX with a "Data" sheet (header + marked example rows) and "Petunjuk".

Example rows name the region "Contoh …", which the importer rejects, so a template imported
unchanged stores nothing.
"""

from __future__ import annotations

import functools
import io

import pandas as pd

from kkpham.write.importer import COLUMNS

EXAMPLES = [
    {
        "tahun_data": "2023",
        "tahun_penghargaan": "2024",
        "provinsi": "Contoh Provinsi",
        "kabupaten_kota": "Contoh Kabupaten A",
        "predikat": "Peduli HAM",
        "nilai": "82,5",
        "sumber": "MHA-01.HA.02.01.01 Tahun 2024",
        "keterangan": "CONTOH — hapus baris ini. Sumber berupa nomor Keputusan Menteri.",
    },
    {
        "tahun_data": "",
        "tahun_penghargaan": "2024",
        "provinsi": "Contoh Provinsi",
        "kabupaten_kota": "Contoh Kota B",
        "predikat": "Belum Peduli HAM",
        "nilai": "",
        "sumber": "https://contoh.go.id/berita/penghargaan-kkp-ham",
        "keterangan": "CONTOH — hapus baris ini. Hanya tahun penghargaan: tahun data = 2023.",
    },
]

GUIDE = [
    (
        "Tujuan",
        "Menambahkan hasil penilaian Kabupaten/Kota Peduli HAM ke peta. Isi lembar 'Data' "
        "(satu baris per kabupaten/kota), simpan sebagai .xlsx atau CSV UTF-8, lalu unggah "
        "di halaman Data.",
    ),
    (
        "Baris contoh",
        "Baris yang kabupaten/kotanya diawali 'Contoh' hanyalah contoh dan akan "
        "ditolak. Hapus atau timpa dengan data sebenarnya.",
    ),
    (
        "tahun_data",
        "Tahun yang dinilai (angka 4 digit), mis. 2023 untuk 'Penetapan KKP HAM Tahun "
        "2023'. Boleh kosong jika tahun_penghargaan diisi.",
    ),
    (
        "tahun_penghargaan",
        "Tahun penyerahan penghargaan (biasanya 10 Desember tahun data + 1). "
        "Jika hanya ini yang diketahui, tahun data = tahun penghargaan − 1 dan "
        "dicatat sebagai turunan.",
    ),
    ("provinsi", "Nama provinsi, kode (mis. 74) atau singkatan (mis. Sultra). Wajib."),
    (
        "kabupaten_kota",
        "Nama seperti di lampiran Keputusan, mis. 'Kabupaten Kolaka' atau 'Kota "
        "Kendari'. Nama yang tidak dikenal atau ambigu ditolak dengan usulan nama.",
    ),
    (
        "predikat",
        "Peduli HAM, Cukup Peduli HAM, Mulai Peduli HAM, Kurang Peduli HAM, Belum Peduli "
        "HAM, atau Tidak melapor; hanya predikat yang dikenal peraturan siklus itu "
        "(11/2013: Peduli HAM saja; Permen HAM 15/2025: nama hasil belum diumumkan).",
    ),
    (
        "nilai",
        "Nilai 0–100 jika ada (koma atau titik desimal). Peduli HAM berarti nilai ≥ 75; "
        "34/2016: Cukup 65–<75, Mulai 50–<65, Kurang <50. Kosong untuk Tidak melapor. "
        "Boleh kosong.",
    ),
    (
        "sumber",
        "Wajib: tautan http(s) ke halaman resmi/berita, atau nomor Keputusan Menteri "
        "penetapan siklus itu, dengan tahunnya (tahun data 2023: 'MHA-01.HA.02.01.01 "
        "Tahun 2024').",
    ),
    ("keterangan", "Catatan bebas (teks biasa; jangan diawali = + - @)."),
    (
        "Jika berbeda",
        "Data yang sudah tersimpan tidak pernah ditimpa. Jika sumber berbeda, "
        "keduanya disimpan; peta memilih satu: Keputusan Menteri > situs pemerintah "
        "> berita, lalu impor yang lebih baru (koreksi) > yang lebih lama.",
    ),
    (
        "Pembatalan",
        "Setiap impor tercatat sebagai satu batch dan dapat dibatalkan di halaman Data.",
    ),
]


@functools.cache
def template_xlsx() -> bytes:
    """The template workbook, made once per process: the same bytes on every page run keep the
    download button's file where the browser fetched it (a new workbook per run, with its own
    timestamps, replaced the file under a browser still fetching the last one: a 404)."""
    buffer = io.BytesIO()
    data = pd.DataFrame(EXAMPLES, columns=list(COLUMNS))
    guide = pd.DataFrame(GUIDE, columns=["bagian", "petunjuk"])
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        data.to_excel(writer, sheet_name="Data", index=False)
        guide.to_excel(writer, sheet_name="Petunjuk", index=False)
        writer.sheets["Data"].column_dimensions["E"].width = 24
        writer.sheets["Petunjuk"].column_dimensions["B"].width = 100
    return buffer.getvalue()


def template_csv() -> bytes:
    return pd.DataFrame(EXAMPLES, columns=list(COLUMNS)).to_csv(index=False).encode("utf-8-sig")
