dist_pkgdata_DATA += data/meta-ai.rec
