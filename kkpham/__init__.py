"""kkpham: the domain package of the Kabupaten/Kota Peduli HAM dashboard."""
